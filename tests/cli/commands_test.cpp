#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "run_procsim.hpp"

using test::asset;
using test::runProcsim;

TEST_CASE("validate prints nothing for a good file and exits 0", "[cli][validate]") {
  const auto r = runProcsim("validate " + asset("default.json") + " " + asset("srtf.json"));
  CHECK(r.status == 0);
  CHECK(r.out.empty());
  CHECK(r.err.empty());
}

TEST_CASE("check reports every expectation that does not hold and exits 1", "[cli][check]") {
  const std::string scenario = R"({"cores": 1, "processes": [{"name": "A", "bursts": [{"cpu": 4}]},
    {"name": "B", "bursts": [{"cpu": 2}]}], "expect": {"avg_waiting": 2, "makespan": 6,
    "processes": {"B": {"waiting": 0}}}})";
  const auto r = runProcsim("check -", scenario);
  CHECK(r.status == 1);
  CHECK_THAT(r.out, Catch::Contains("expect.processes.B.waiting: expected 0, got 4"));
  CHECK_THAT(r.out, Catch::Contains("2 of 3 expectations hold"));
}

TEST_CASE("check without an expect block is bad input", "[cli][check]") {
  const auto r = runProcsim("check -", R"({"cores": 1, "processes": [{"bursts": [{"cpu": 4}]}]})");
  CHECK(r.status == 2);
  CHECK_THAT(r.err, Catch::Contains("expect"));
}

TEST_CASE("compare prints a row per policy with that policy's averages", "[cli][compare]") {
  const auto r = runProcsim("compare " + asset("fcfs-convoy.json") + " --policies fcfs,sjf,rr:4 --format json");
  REQUIRE(r.status == 0);
  const auto rows = nlohmann::json::parse(r.out);
  REQUIRE(rows.size() == 4);  // the file's own policy first
  CHECK(rows[0]["policy"] == "fcfs (file)");
  CHECK(rows[0]["avg_waiting"].get<double>() == Approx(17.0));
  CHECK(rows[1]["policy"] == "fcfs");
  CHECK(rows[1]["avg_waiting"].get<double>() == Approx(17.0));
  CHECK(rows[2]["avg_waiting"].get<double>() == Approx(3.0));
  CHECK(rows[3]["policy"] == "rr:4");
  CHECK(rows[3]["spec"] == "rr:quantum=4");
  CHECK(rows[3]["avg_waiting"].get<double>() == Approx(17.0 / 3.0));
  const auto text = runProcsim("compare " + asset("fcfs-convoy.json") + " --policies fcfs,sjf,srtf,rr:2,rr:8,priority");
  REQUIRE(text.status == 0);
  CHECK_THAT(text.out, Catch::Contains("rr:8") && Catch::Contains("priority") && Catch::Contains("17.00"));
}

TEST_CASE("compare refuses a malformed policy list", "[cli][compare]") {
  CHECK(runProcsim("compare " + asset("rr.json") + " --policies fcfs,rr:x").status == 2);
  CHECK(runProcsim("compare " + asset("rr.json") + " --policies lotto").status == 2);
  CHECK(runProcsim("compare " + asset("rr.json") + " --policies ,").status == 2);
}

TEST_CASE("gen is reproducible and its output validates", "[cli][gen]") {
  const auto a = runProcsim("gen --processes 50 --cores 4 --seed 7");
  const auto b = runProcsim("gen --processes 50 --cores 4 --seed 7");
  const auto c = runProcsim("gen --processes 50 --cores 4 --seed 8");
  REQUIRE(a.status == 0);
  CHECK(a.out == b.out);
  CHECK(a.out != c.out);
  const auto json = nlohmann::json::parse(a.out);
  CHECK(json["processes"].size() == 50);
  CHECK(json["cores"] == 4);
  CHECK(runProcsim("validate -", a.out).status == 0);
  CHECK(runProcsim("run - --format json --metrics-only", a.out).status == 0);
}

TEST_CASE("gen refuses bad options", "[cli][gen]") {
  CHECK(runProcsim("gen --processes 0").status == 2);
  CHECK(runProcsim("gen --io-ratio 2").status == 2);
  CHECK(runProcsim("gen --cores 5000").status == 2);
}

TEST_CASE("gen refuses a NaN or infinite --io-ratio with a message naming the option", "[cli][gen]") {
  for (const char* value : {"nan", "inf", "-inf"}) {
    const auto r = runProcsim(std::string("gen --io-ratio ") + value);
    CHECK(r.status == 2);
    CHECK_THAT(r.err, Catch::Contains("--io-ratio"));
    CHECK(r.out.empty());
  }
}

TEST_CASE("every command answers --help and exits 0", "[cli][help]") {
  for (const char* command : {"", "run ", "compare ", "gen ", "validate ", "check "}) {
    const auto r = runProcsim(std::string(command) + "--help");
    INFO(command);
    CHECK(r.status == 0);
    CHECK_THAT(r.out, Catch::Contains("Usage") || Catch::Contains("usage"));
  }
}
