// Reading and writing scenario files: valid input, defaults, names,
// round trips and files on disk. Bad input: scenario_json_errors_test.cpp.
#include <cstdio>
#include <filesystem>
#include <fstream>

#include <catch2/catch.hpp>

#include "scenario_equal.hpp"
#include "scenario_errors.hpp"
#include "sim/policy_registry.hpp"
#include "sim/scenario_json.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {


const char* const kFullExample = R"({
  "name": "demo",
  "description": "two processes, one disk",
  "cores": 4,
  "policy": {"name": "rr", "quantum": 4, "preemptive": true, "multiprogramming": false, "wakeup_preempts": true},
  "context_switch": 2,
  "processes": [
    {"name": "A", "arrival": 3, "priority": -2, "bursts": [{"cpu": 5}, {"io": 3, "device": "disk"}, {"cpu": 2}]},
    {"name": "B", "bursts": [{"cpu": 1}, {"io": 7}, {"cpu": 1}, {"io": 2, "device": "disk"}, {"cpu": 9}]}
  ],
  "expect": {"avg_waiting": 17, "makespan": 2.5, "processes": {"A": {"waiting": 0, "turnaround": 12}}}
})";

}  // namespace

TEST_CASE("a complete scenario file is read field by field", "[sim][json]") {
  const sim::Scenario s = sim::parseScenario(kFullExample);
  CHECK(s.name == "demo");
  CHECK(s.description == "two processes, one disk");
  CHECK(s.cores == 4);
  CHECK(s.policy.name == "rr");
  CHECK(s.policy.params == std::map<std::string, sim::ParamValue, std::less<>>{{"quantum", {4}}});  // rr ignores "preemptive"
  CHECK_FALSE(s.policy.multiprogramming);
  CHECK(s.policy.wakeup_preempts);
  CHECK(s.context_switch == 2);
  CHECK(s.devices == std::vector<std::string>{"io", "disk"});
  REQUIRE(s.processes.size() == 2);
  const sim::ProcessSpec& a = s.processes[0];
  CHECK(a.name == "A");
  CHECK(a.arrival == 3);
  CHECK(a.priority == -2);
  REQUIRE(a.bursts.size() == 3);
  CHECK(a.bursts[0].kind == sim::BurstKind::Cpu);
  CHECK(a.bursts[0].length == 5);
  CHECK(a.bursts[1].kind == sim::BurstKind::Io);
  CHECK(a.bursts[1].length == 3);
  CHECK(a.bursts[1].device == 1);
  CHECK(a.bursts[2].length == 2);
  const sim::ProcessSpec& b = s.processes[1];
  REQUIRE(b.bursts.size() == 5);
  CHECK(b.bursts[1].device == 0);  // no device: the default "io"
  CHECK(b.bursts[3].device == 1);  // "disk" again: the same index
  CHECK(sim::totalCpu(b) == 11);
  REQUIRE(s.expect.has_value());
  CHECK(s.expect->run == std::map<std::string, double>{{"avg_waiting", 17.0}, {"makespan", 2.5}});
  CHECK(s.expect->processes.at("A") == std::map<std::string, double>{{"waiting", 0.0}, {"turnaround", 12.0}});
}

TEST_CASE("optional keys take their documented defaults", "[sim][json]") {
  const sim::Scenario s = sim::parseScenario(R"({"processes": [{"bursts": [{"cpu": 3}]}]})");
  CHECK(s.name.empty());
  CHECK(s.description.empty());
  CHECK(s.cores == 1);
  CHECK(s.policy.name == "fcfs");
  CHECK(s.policy.params.empty());
  CHECK(s.policy.multiprogramming);
  CHECK_FALSE(s.policy.wakeup_preempts);
  CHECK(s.context_switch == 0);
  CHECK(s.devices == std::vector<std::string>{"io"});
  CHECK_FALSE(s.expect.has_value());
  REQUIRE(s.processes.size() == 1);
  CHECK(s.processes[0].name == "P1");
  CHECK(s.processes[0].arrival == 0);
  CHECK(s.processes[0].priority == 0);
}

TEST_CASE("the policy may be given as a plain name", "[sim][json]") {
  const sim::Scenario s = sim::parseScenario(R"({"policy": "srtf", "processes": [{"bursts": [{"cpu": 1}]}]})");
  CHECK(s.policy.params.empty());
}

TEST_CASE("rr without a quantum takes the registry's default of 4 ticks", "[sim][json]") {
  const sim::Scenario s = sim::parseScenario(R"({"policy": "rr", "processes": [{"bursts": [{"cpu": 1}]}]})");
  CHECK(sim::resolvedParam(s.policy, "quantum") == sim::ParamValue{4});
}

TEST_CASE("a quantum or preemptive flag from an older file is ignored by a policy without it", "[sim][json]") {
  const sim::Scenario s = sim::parseScenario(
      R"({"policy": {"name": "sjf", "quantum": 3, "preemptive": false}, "processes": [{"bursts": [{"cpu": 1}]}]})");
  CHECK(s.policy.name == "sjf");
  CHECK(s.policy.params.empty());
  CHECK_THAT(messageOf(R"({"policy": {"name": "sjf", "quantum": 0}, "processes": [{"bursts": [{"cpu": 1}]}]})"),
             Contains("policy.quantum: must be a whole number of ticks from 1"));
}

TEST_CASE("a policy parameter the policy does not have is refused with the policy's parameters", "[sim][json]") {
  CHECK_THAT(messageOf(R"({"policy": {"name": "rr", "quantom": 3}, "processes": [{"bursts": [{"cpu": 1}]}]})"),
             Contains("policy.quantom: policy rr has no parameter \"quantom\" (did you mean \"quantum\"?); its "
                      "parameters: quantum"));
}

TEST_CASE("tickets and nice are read per process and written back", "[sim][json]") {
  const sim::Scenario s = sim::parseScenario(
      R"({"processes": [{"tickets": 300, "nice": -5, "bursts": [{"cpu": 1}]}, {"bursts": [{"cpu": 1}]}]})");
  CHECK(s.processes[0].tickets == 300);
  CHECK(s.processes[0].nice == -5);
  CHECK(s.processes[1].tickets == 100);
  CHECK(s.processes[1].nice == 0);
  const sim::Scenario again = sim::parseScenario(sim::scenarioToJson(s));
  CHECK(again.processes[0].tickets == 300);
  CHECK(again.processes[0].nice == -5);
  CHECK_THAT(messageOf(R"({"processes": [{"nice": 25, "bursts": [{"cpu": 1}]}]})"),
             Contains("processes[0].nice: must be at most 19, got 25"));
  CHECK_THAT(messageOf(R"({"processes": [{"tickets": 0, "bursts": [{"cpu": 1}]}]})"),
             Contains("processes[0].tickets: must be at least 1, got 0"));
}

TEST_CASE("processes without a name are named P and their 1-based index", "[sim][json]") {
  const sim::Scenario s = sim::parseScenario(R"({"processes": [
    {"bursts": [{"cpu": 1}]}, {"name": "editor", "bursts": [{"cpu": 1}]}, {"bursts": [{"cpu": 1}]}]})");
  REQUIRE(s.processes.size() == 3);
  CHECK(s.processes[0].name == "P1");
  CHECK(s.processes[1].name == "editor");
  CHECK(s.processes[2].name == "P3");
}

TEST_CASE("an expectation may name a process that got its name by default", "[sim][json]") {
  const sim::Scenario s = sim::parseScenario(
      R"({"processes": [{"bursts": [{"cpu": 1}]}], "expect": {"processes": {"P1": {"completion": 1}}}})");
  REQUIRE(s.expect.has_value());
  CHECK(s.expect->processes.at("P1").at("completion") == 1.0);
}

TEST_CASE("a scenario written as JSON reads back equal", "[sim][json][roundtrip]") {
  const sim::Scenario original = sim::parseScenario(kFullExample);
  const int indent = GENERATE(2, 0, -1, 4);
  const std::string text = sim::scenarioToJson(original, indent);
  requireSameScenario(sim::parseScenario(text), original);
  if (indent < 0) CHECK(text.find('\n') == std::string::npos);
}

TEST_CASE("a scenario built in code with awkward text and fractions round-trips", "[sim][json][roundtrip]") {
  sim::Scenario s;
  s.name = "quote \" backslash \\ newline \n tab \t bell \x07 unicode \xc3\xa9";
  s.description = "";
  s.cores = 1024;
  s.policy.name = "priority";
  s.policy.params["preemptive"] = {1};
  s.context_switch = sim::kMaxContextSwitch;
  s.devices = {"io", "net", "disk"};
  sim::ProcessSpec p;
  p.name = "{\"weird\": [name]}";
  p.arrival = sim::kMaxArrival;
  p.priority = -2147483647 - 1;
  p.bursts = {{1, 0, sim::BurstKind::Cpu},
              {static_cast<std::uint32_t>(sim::kMaxBurstLength), 2, sim::BurstKind::Io},
              {7, 0, sim::BurstKind::Cpu}};
  s.processes.push_back(p);
  s.expect.emplace();
  s.expect->run["avg_waiting"] = 1.0 / 3.0;
  s.expect->run["throughput"] = 1e-7;
  s.expect->processes[p.name]["response"] = -0.1;
  sim::validateScenario(s);
  const sim::Scenario back = sim::parseScenario(sim::scenarioToJson(s));
  requireSameScenario(back, s);
  CHECK(back.devices == std::vector<std::string>{"io", "disk"});  // "net" was never used
}

TEST_CASE("malformed JSON is located by line and column", "[sim][json][errors]") {
  const sim::ScenarioError error = errorOf("{\n  \"cores\": 2,\n  \"processes\": [}\n");
  CHECK(error.where() == "line 3, column 17");
  CHECK_THAT(error.message(), Contains("syntax error"));
  CHECK(std::string(error.what()) == error.where() + ": " + error.message());
}

TEST_CASE("loading a file reads it and names it in errors", "[sim][json][file]") {
  const std::filesystem::path dir = std::filesystem::temp_directory_path();
  const std::filesystem::path good = dir / "procsim_scenario_json_test_good.json";
  const std::filesystem::path bad = dir / "procsim_scenario_json_test_bad.json";
  std::ofstream(good) << kFullExample;
  std::ofstream(bad) << R"({"processes": [{"arival": 1, "bursts": [{"cpu": 1}]}]})";

  SECTION("a good file loads") { CHECK(sim::loadScenario(good.string()).processes.size() == 2); }
  SECTION("an error inside the file is prefixed by its path") {
    try {
      sim::loadScenario(bad.string());
      FAIL("no error");
    } catch (const sim::ScenarioError& error) {
      CHECK(error.where() == bad.string() + ": processes[0]");
      CHECK_THAT(error.what(), StartsWith(bad.string() + ": processes[0]: unknown key \"arival\""));
    }
  }
  SECTION("a missing file is an error naming it") {
    const std::string missing = (dir / "procsim_no_such_file.json").string();
    try {
      sim::loadScenario(missing);
      FAIL("no error");
    } catch (const sim::ScenarioError& error) {
      CHECK(error.where() == missing);
      CHECK_THAT(error.message(), Contains("cannot open"));
    }
  }
  SECTION("a directory is an error naming it") {
    try {
      sim::loadScenario(dir.string());
      FAIL("no error");
    } catch (const sim::ScenarioError& error) {
      CHECK(error.where() == dir.string());
      CHECK_THAT(error.message(), Contains("directory"));
    }
  }
  std::filesystem::remove(good);
  std::filesystem::remove(bad);
}

TEST_CASE("deviceIndex finds a device or adds it, and io is device 0", "[sim][scenario]") {
  sim::Scenario s;
  CHECK(s.deviceIndex("io") == 0);
  CHECK(s.deviceIndex("disk") == 1);
  CHECK(s.deviceIndex("net") == 2);
  CHECK(s.deviceIndex("disk") == 1);
  CHECK(s.devices == std::vector<std::string>{"io", "disk", "net"});
}
