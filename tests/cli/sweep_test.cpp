// procsim sweep: one setting across a range of values.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "run_procsim.hpp"

using test::asset;
using test::runProcsim;

TEST_CASE("sweep runs the scenario at each value of a policy parameter and prints its averages", "[cli][sweep]") {
  const auto r = runProcsim("sweep " + asset("fcfs-convoy.json") + " --policy rr --vary quantum=2..6:2 --format json");
  REQUIRE(r.status == 0);
  const auto rows = nlohmann::json::parse(r.out);
  REQUIRE(rows.size() == 3);
  CHECK(rows[0]["quantum"] == 2);
  CHECK(rows[2]["quantum"] == 6);
  // The textbook's rr with quantum 4 on the convoy set waits 17/3 on average.
  const auto at4 = runProcsim("run " + asset("fcfs-convoy.json") + " --policy rr:4 --format json");
  CHECK(rows[1]["avg_waiting"] == nlohmann::json::parse(at4.out)["avg_waiting"]);
  CHECK(rows[1]["avg_waiting"].get<double>() == Approx(17.0 / 3.0));
}

TEST_CASE("sweep varies the number of cores and writes a line chart", "[cli][sweep]") {
  const auto svg = std::filesystem::temp_directory_path() / ("procsim-sweep-" + std::to_string(::getpid()) + ".svg");
  const auto r = runProcsim("sweep " + asset("default.json") + " --vary cores=1..4 --format csv --svg " + svg.string());
  REQUIRE(r.status == 0);
  CHECK_THAT(r.out, Catch::StartsWith("cores,avg_turnaround"));
  CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 5);
  const std::string chart = test::readFile(svg);
  CHECK_THAT(chart, Catch::StartsWith("<svg") && Catch::Contains("average waiting") && Catch::Contains("<polyline"));
  std::filesystem::remove(svg);
}

TEST_CASE("sweep refuses a bad range, an unknown key and values outside the key's range", "[cli][sweep]") {
  const std::string file = asset("rr.json");
  const auto malformed = runProcsim("sweep " + file + " --vary quantum=1-5");
  CHECK(malformed.status == 2);
  CHECK_THAT(malformed.err, Catch::Contains("KEY=FROM..TO"));
  const auto unknown = runProcsim("sweep " + file + " --vary quantom=1..3");
  CHECK(unknown.status == 2);
  CHECK_THAT(unknown.err, Catch::Contains("not a parameter of rr") && Catch::Contains("quantum"));
  const auto low = runProcsim("sweep " + file + " --vary quantum=0..3");
  CHECK(low.status == 2);
  CHECK_THAT(low.err, Catch::Contains("quantum=0") && Catch::Contains("must be at least 1"));
  const auto many = runProcsim("sweep " + file + " --vary quantum=1..5000");
  CHECK(many.status == 2);
  CHECK_THAT(many.err, Catch::Contains("at most 1000 values"));
  CHECK(runProcsim("sweep " + file + " --vary quantum=5..1").status == 2);
  CHECK(runProcsim("sweep " + file + " --vary quantum=1..5:0").status == 2);
  CHECK(runProcsim("sweep " + file).status == 2);  // --vary is required
}
