#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "run_procsim.hpp"

using test::asset;
using test::runProcsim;

TEST_CASE("run --format json prints the documented keys with the run's values", "[cli][run]") {
  const auto r = runProcsim("run " + asset("fcfs-convoy.json") + " --format json");
  REQUIRE(r.status == 0);
  const auto json = nlohmann::json::parse(r.out);
  for (const char* key : {"makespan", "cpu_utilization", "throughput", "avg_turnaround", "avg_waiting",
                          "avg_response", "context_switches", "transitions", "processes"}) {
    CHECK(json.contains(key));
  }
  CHECK(json["avg_waiting"].get<double>() == Approx(17.0));
  CHECK(json["makespan"] == 30);
  CHECK(json["transitions"]["admit"] == 3);
  CHECK(json["transitions"]["exit"] == 3);
  REQUIRE(json["processes"].size() == 3);
  const auto& p2 = json["processes"][1];
  CHECK(p2["name"] == "P2");
  CHECK(p2["waiting"] == 24);
  CHECK(p2["completion"] == 27);
  for (const char* key : {"name", "arrival", "completion", "turnaround", "waiting", "response", "blocked", "cpu"}) {
    CHECK(p2.contains(key));
  }
}

TEST_CASE("flags override the file's policy", "[cli][run]") {
  const auto r = runProcsim("run " + asset("fcfs-convoy.json") + " --policy rr --quantum 4 --format json");
  REQUIRE(r.status == 0);
  CHECK(nlohmann::json::parse(r.out)["avg_waiting"].get<double>() == Approx(17.0 / 3.0));
  const auto cores = runProcsim("run " + asset("fcfs-convoy.json") + " --cores 3 --format json");
  REQUIRE(cores.status == 0);
  CHECK(nlohmann::json::parse(cores.out)["avg_waiting"].get<double>() == Approx(0.0));
}

TEST_CASE("run reads a scenario from standard input", "[cli][run]") {
  const std::string scenario = test::readFile(asset("sjf.json"));
  const auto r = runProcsim("run - --format json", scenario);
  REQUIRE(r.status == 0);
  CHECK(nlohmann::json::parse(r.out)["avg_waiting"].get<double>() == Approx(7.0));
}

TEST_CASE("the text report shows the per-tick table and the averages", "[cli][run]") {
  const auto r = runProcsim("run " + asset("default.json"));
  REQUIRE(r.status == 0);
  CHECK_THAT(r.out, Catch::Contains("tick") && Catch::Contains("cpu3") && Catch::Contains("BLOCKED"));
  CHECK_THAT(r.out, Catch::Contains("avg waiting       1.50"));
  CHECK_THAT(r.out, Catch::Contains("makespan          10"));
}

TEST_CASE("run --format csv prints a row per process", "[cli][run]") {
  const auto r = runProcsim("run " + asset("rr.json") + " --format csv");
  REQUIRE(r.status == 0);
  CHECK_THAT(r.out, Catch::StartsWith("name,arrival,completion,turnaround,waiting,response,blocked,cpu"));
  CHECK_THAT(r.out, Catch::Contains("\nP2,0,7,7,4,4,0,3,0\n"));
}

TEST_CASE("metrics-only runs print the same metrics", "[cli][run]") {
  const auto full = runProcsim("run " + asset("cpu-vs-io-bound.json") + " --format json");
  const auto lean = runProcsim("run " + asset("cpu-vs-io-bound.json") + " --format json --metrics-only");
  REQUIRE(full.status == 0);
  REQUIRE(lean.status == 0);
  CHECK(full.out == lean.out);
}

TEST_CASE("run writes a Chrome trace with --trace-out and a Gantt chart with --svg", "[cli][run][export]") {
  const auto dir = std::filesystem::temp_directory_path() / ("procsim-export-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto trace = dir / "run.json";
  const auto svg = dir / "run.svg";
  const auto r = runProcsim("run " + asset("default.json") + " --format json --trace-out " + trace.string() +
                            " --svg " + svg.string());
  REQUIRE(r.status == 0);
  const auto events = nlohmann::json::parse(test::readFile(trace));
  const auto& list = events.is_array() ? events : events["traceEvents"];
  CHECK(list.size() > 20);
  const std::string chart = test::readFile(svg);
  CHECK_THAT(chart, Catch::StartsWith("<svg") || Catch::Contains("<svg"));
  CHECK_THAT(chart, Catch::Contains("task5"));
  CHECK_FALSE(std::filesystem::exists(dir / "run.json.partial"));
  std::filesystem::remove_all(dir);
}
