// The policy registry from the command line: `procsim policies`, spec
// strings, and a policy that only a test binary registers.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "run_procsim.hpp"

using test::asset;
using test::runBinary;
using test::runProcsim;

namespace {

// Three processes ready at tick 0 on one core, in scenario order A, B, C.
const char* const kThreeAtOnce = R"({"cores": 1, "policy": {"name": "lifo"}, "processes": [
  {"name": "A", "bursts": [{"cpu": 2}]}, {"name": "B", "bursts": [{"cpu": 2}]}, {"name": "C", "bursts": [{"cpu": 2}]}]})";

test::CommandResult runWithTestPolicy(const std::string& arguments, const std::string& stdin_text = "") {
  return runBinary(PROCSIM_WITH_TEST_POLICY_BIN, arguments, stdin_text);
}

}  // namespace

TEST_CASE("policies --format json lists every policy with its parameters' schema", "[cli][policies]") {
  const auto r = runProcsim("policies --format json");
  REQUIRE(r.status == 0);
  const auto list = nlohmann::json::parse(r.out);
  REQUIRE(list.size() >= 5);
  CHECK(list[0]["name"] == "fcfs");
  CHECK(list[0]["parameters"].empty());
  const auto rr = std::find_if(list.begin(), list.end(), [](const auto& p) { return p["name"] == "rr"; });
  REQUIRE(rr != list.end());
  REQUIRE((*rr)["parameters"].size() == 1);
  const auto& quantum = (*rr)["parameters"][0];
  CHECK(quantum["name"] == "quantum");
  CHECK(quantum["type"] == "integer");
  CHECK(quantum["default"] == 4);
  CHECK(quantum["min"] == 1);
  CHECK(quantum["max"] == 1000000000);
  CHECK_FALSE(quantum["description"].get<std::string>().empty());
  for (const auto& policy : list) {
    INFO(policy["name"]);
    CHECK_FALSE(policy["description"].get<std::string>().empty());
    CHECK_FALSE(policy["description_zh"].get<std::string>().empty());
  }
}

TEST_CASE("policies prints each policy and its parameters as text, in English or Chinese", "[cli][policies]") {
  const auto en = runProcsim("policies");
  REQUIRE(en.status == 0);
  CHECK_THAT(en.out, Catch::Contains("rr  Round robin") && Catch::Contains("quantum (integer, default 4, 1..1000000000)"));
  const auto zh = runProcsim("policies --lang zh");
  REQUIRE(zh.status == 0);
  CHECK_THAT(zh.out, Catch::Contains("时间片轮转"));
}

TEST_CASE("run accepts a policy spec with named parameters and the rr:Q shorthand", "[cli][policies]") {
  const auto named = runProcsim("run " + asset("fcfs-convoy.json") + " --policy rr:quantum=4 --format json");
  const auto shorthand = runProcsim("run " + asset("fcfs-convoy.json") + " --policy rr:4 --format json");
  const auto defaulted = runProcsim("run " + asset("fcfs-convoy.json") + " --policy rr --format json");
  REQUIRE(named.status == 0);
  REQUIRE(shorthand.status == 0);
  REQUIRE(defaulted.status == 0);
  const auto a = nlohmann::json::parse(named.out);
  CHECK(a["policy"] == "rr");
  CHECK(a["quantum"] == 4);
  CHECK(a["policy_spec"] == "rr:quantum=4");
  CHECK(a["avg_waiting"].get<double>() == Approx(17.0 / 3.0));
  CHECK(nlohmann::json::parse(shorthand.out)["avg_waiting"] == a["avg_waiting"]);
  CHECK(nlohmann::json::parse(defaulted.out)["avg_waiting"] == a["avg_waiting"]);  // one default: 4
}

TEST_CASE("compare takes repeatable -p specs after the file's own policy", "[cli][compare][policies]") {
  const auto r = runProcsim("compare " + asset("fcfs-convoy.json") + " -p rr:quantum=2 -p priority:preemptive --format json");
  REQUIRE(r.status == 0);
  const auto rows = nlohmann::json::parse(r.out);
  REQUIRE(rows.size() == 3);
  CHECK(rows[0]["spec"] == "fcfs");
  CHECK(rows[1]["policy"] == "rr:quantum=2");
  CHECK(rows[1]["spec"] == "rr:quantum=2");
  CHECK(rows[2]["spec"] == "priority:preemptive=true");
  const auto bad = runProcsim("compare " + asset("fcfs-convoy.json") + " -p rr:quantum=x");
  CHECK(bad.status == 2);
  CHECK_THAT(bad.err, Catch::Contains("quantum must be a whole number"));
}

TEST_CASE("compare without a list runs the file's policy and then every policy at its defaults", "[cli][compare][policies]") {
  const auto r = runProcsim("compare " + asset("rr.json") + " --format json");
  REQUIRE(r.status == 0);
  const auto rows = nlohmann::json::parse(r.out);
  const auto list = nlohmann::json::parse(runProcsim("policies --format json").out);
  REQUIRE(rows.size() == list.size());  // rr.json's rr:quantum=4 is rr at its defaults: not repeated
  CHECK(rows[0]["spec"] == "rr:quantum=4");
  CHECK(rows[0]["policy"].get<std::string>().find("(file)") != std::string::npos);
  CHECK(rows[1]["spec"] == "fcfs");
}

TEST_CASE("a policy registered by a test binary runs through the reader, run, compare and the writer", "[cli][policies]") {
  const auto listed = runWithTestPolicy("policies --format json");
  REQUIRE(listed.status == 0);
  const auto list = nlohmann::json::parse(listed.out);
  CHECK(list.back()["name"] == "lifo");
  CHECK(list.back()["parameters"][0]["name"] == "slice");

  const auto run = runWithTestPolicy("run - --format json", kThreeAtOnce);
  REQUIRE(run.status == 0);
  const auto metrics = nlohmann::json::parse(run.out);
  CHECK(metrics["policy"] == "lifo");
  CHECK(metrics["slice"] == 0);
  // C entered the queue last, so it runs first: C 0..2, B 2..4, A 4..6.
  CHECK(metrics["processes"][2]["completion"] == 2);
  CHECK(metrics["processes"][1]["completion"] == 4);
  CHECK(metrics["processes"][0]["completion"] == 6);

  const auto compared = runWithTestPolicy("compare - -p fcfs -p lifo:slice=1 --format json", kThreeAtOnce);
  REQUIRE(compared.status == 0);
  const auto rows = nlohmann::json::parse(compared.out);
  REQUIRE(rows.size() == 3);
  CHECK(rows[0]["spec"] == "lifo");
  CHECK(rows[1]["avg_turnaround"].get<double>() == Approx(4.0));  // fcfs: 2, 4, 6
  CHECK(rows[2]["spec"] == "lifo:slice=1");

  const auto generated = runWithTestPolicy("gen --processes 3 --policy lifo:slice=5");
  REQUIRE(generated.status == 0);
  const auto scenario = nlohmann::json::parse(generated.out);
  CHECK(scenario["policy"]["name"] == "lifo");
  CHECK(scenario["policy"]["slice"] == 5);
  CHECK(runWithTestPolicy("validate -", generated.out).status == 0);

  const auto bad = runWithTestPolicy("run - --policy lifo:slice=101", kThreeAtOnce);
  CHECK(bad.status == 2);
  CHECK_THAT(bad.err, Catch::Contains("slice: must be at most 100, got 101"));
  CHECK(runProcsim("run -", kThreeAtOnce).status == 2);  // plain procsim has no lifo
}
