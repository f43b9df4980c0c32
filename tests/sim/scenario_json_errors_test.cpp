// Every kind of bad scenario file gets a ScenarioError naming the place.
#include <string>

#include <catch2/catch.hpp>

#include "scenario_errors.hpp"
#include "sim/scenario_json.hpp"

using Catch::Matchers::Contains;

namespace {

// A valid file with `process` spliced in as processes[0] and `top` as extra top-level keys.
std::string withProcess(const std::string& process, const std::string& top = "") {
  return "{" + top + R"("processes": [)" + process + "]}";
}

struct BadCase {
  const char* what;
  std::string json;
  std::string where;
  std::string message;  // a part of the message
};

}  // namespace

TEST_CASE("each bad input is reported with its place and reason", "[sim][json][errors]") {
  const std::string ok = R"({"bursts": [{"cpu": 1}]})";
  const BadCase cases[] = {
      {"empty text", "", "line 1, column 1", "unexpected end of input"},
      {"trailing garbage", withProcess(ok) + " x", "line 1, column 43", "syntax error"},
      {"a number too large for a double", withProcess(ok, R"("context_switch": 1e999, )"), "line 1, column 24",
       "number overflow"},
      {"invalid UTF-8", "{\"name\": \"\xff\"}", "line 1, column 11", "syntax error"},
      {"top level an array", "[1]", "top level", "a scenario must be a JSON object, got array"},
      {"top level a number", "42", "top level", "got number"},
      {"unknown top-level key near a known one", withProcess(ok, R"("core": 2, )"), "top level",
       R"(unknown key "core" (did you mean "cores"?))"},
      {"unknown key without a near one", withProcess(ok, R"("zzzzzzzz": 2, )"), "top level",
       R"(unknown key "zzzzzzzz")"},
      {"unknown process key", withProcess(R"({"arival": 1, "bursts": [{"cpu": 1}]})"), "processes[0]",
       R"(unknown key "arival" (did you mean "arrival"?))"},
      {"unknown policy key", withProcess(ok, R"("policy": {"name": "rr", "quantim": 2}, )"), "policy.quantim",
       R"(policy rr has no parameter "quantim" (did you mean "quantum"?))"},
      {"unknown burst key", withProcess(R"({"bursts": [{"cpus": 1}]})"), "processes[0].bursts[0]",
       R"(unknown key "cpus" (did you mean "cpu"?))"},
      {"a key given twice", withProcess(ok, R"("cores": 1, "cores": 2, )"), "top level", R"(duplicate key "cores")"},
      {"cores as a string", withProcess(ok, R"("cores": "4", )"), "cores", "must be an integer, got string"},
      {"cores not whole", withProcess(ok, R"("cores": 2.5, )"), "cores", "must be an integer, got 2.5"},
      {"cores in float form", withProcess(ok, R"("cores": 2.0, )"), "cores", "must be an integer, got 2.0"},
      {"zero cores", withProcess(ok, R"("cores": 0, )"), "cores", "must be at least 1, got 0"},
      {"too many cores", withProcess(ok, R"("cores": 1025, )"), "cores", "must be at most 1024, got 1025"},
      {"a name that is a number", withProcess(ok, R"("name": 7, )"), "name", "must be a string, got number"},
      {"a description that is null", withProcess(ok, R"("description": null, )"), "description",
       "must be a string, got null"},
      {"a negative context switch", withProcess(ok, R"("context_switch": -1, )"), "context_switch",
       "must be at least 0, got -1"},
      {"a huge context switch", withProcess(ok, R"("context_switch": 1000001, )"), "context_switch",
       "must be at most 1000000"},
      {"a policy that is a number", withProcess(ok, R"("policy": 3, )"), "policy",
       "must be a policy name or an object, got number"},
      {"an unknown policy name", withProcess(ok, R"("policy": "rrr", )"), "policy",
       R"(unknown policy "rrr" (did you mean "rr"?))"},
      {"an unknown policy name in an object", withProcess(ok, R"("policy": {"name": "fifo"}, )"), "policy.name",
       "unknown policy \"fifo\""},
      {"a policy object without a name", withProcess(ok, R"("policy": {"quantum": 2}, )"), "policy",
       R"(missing required key "name")"},
      {"a zero quantum", withProcess(ok, R"("policy": {"name": "rr", "quantum": 0}, )"), "policy.quantum",
       "must be at least 1, got 0"},
      {"a negative quantum for fcfs", withProcess(ok, R"("policy": {"name": "fcfs", "quantum": -4}, )"),
       "policy.quantum", "must be a whole number of ticks from 1"},
      {"an absurd quantum", withProcess(ok, R"("policy": {"name": "rr", "quantum": 1000000001}, )"),
       "policy.quantum", "must be at most 1000000000"},
      {"a list for a single-valued parameter", withProcess(ok, R"("policy": {"name": "rr", "quantum": [1, 2]}, )"),
       "policy.quantum", "takes one value, not a list"},
      {"a boolean for a number", withProcess(ok, R"("policy": {"name": "rr", "quantum": true}, )"), "policy.quantum",
       "must be a whole number, got boolean"},
      {"preemptive as a number", withProcess(ok, R"("policy": {"name": "priority", "preemptive": 1}, )"),
       "policy.preemptive", "must be true or false, got number"},
      {"multiprogramming as a string", withProcess(ok, R"("policy": {"name": "fcfs", "multiprogramming": "no"}, )"),
       "policy.multiprogramming", "must be true or false, got string"},
      {"no processes key", R"({"cores": 2})", "top level", R"(missing required key "processes")"},
      {"zero processes", R"({"processes": []})", "processes", "a scenario needs at least one process"},
      {"processes as an object", R"({"processes": {}})", "processes", "must be an array of processes, got object"},
      {"a process that is a number", R"({"processes": [1]})", "processes[0]", "a process must be an object, got number"},
      {"a process without bursts", withProcess(R"({"name": "A"})"), "processes[0]", R"(missing required key "bursts")"},
      {"empty bursts", withProcess(R"({"bursts": []})"), "processes[0].bursts", "at least one burst"},
      {"bursts as an object", withProcess(R"({"bursts": {}})"), "processes[0].bursts",
       "must be an array of bursts, got object"},
      {"a burst that is a number", withProcess(R"({"bursts": [5]})"), "processes[0].bursts[0]",
       "a burst must be an object, got number"},
      {"a negative arrival", withProcess(R"({"arrival": -1, "bursts": [{"cpu": 1}]})"), "processes[0].arrival",
       "must be at least 0, got -1"},
      {"an absurd arrival", withProcess(R"({"arrival": 1000000000001, "bursts": [{"cpu": 1}]})"),
       "processes[0].arrival", "must be at most 1000000000000"},
      {"an arrival beyond int64", withProcess(R"({"arrival": 9223372036854775808, "bursts": [{"cpu": 1}]})"),
       "processes[0].arrival", "number too large for a 64-bit integer"},
      {"an arrival beyond uint64", withProcess(R"({"arrival": 99999999999999999999999, "bursts": [{"cpu": 1}]})"),
       "processes[0].arrival", "number too large for a 64-bit integer"},
      {"a priority beyond int", withProcess(R"({"priority": 2147483648, "bursts": [{"cpu": 1}]})"),
       "processes[0].priority", "must be at most 2147483647"},
      {"an empty name", withProcess(R"({"name": "", "bursts": [{"cpu": 1}]})"), "processes[0].name",
       "must not be empty"},
      {"a zero CPU burst", withProcess(R"({"bursts": [{"cpu": 0}]})"), "processes[0].bursts[0].cpu",
       "must be at least 1, got 0"},
      {"a negative IO burst", withProcess(R"({"bursts": [{"cpu": 1}, {"io": -3}, {"cpu": 1}]})"),
       "processes[0].bursts[1].io", "must be at least 1, got -3"},
      {"a fractional burst", withProcess(R"({"bursts": [{"cpu": 1.5}]})"), "processes[0].bursts[0].cpu",
       "must be an integer, got 1.5"},
      {"an absurd burst", withProcess(R"({"bursts": [{"cpu": 1000000001}]})"), "processes[0].bursts[0].cpu",
       "must be at most 1000000000"},
      {"a burst with both kinds", withProcess(R"({"bursts": [{"cpu": 1, "io": 2}]})"), "processes[0].bursts[0]",
       "not both"},
      {"a burst with neither kind", withProcess(R"({"bursts": [{}]})"), "processes[0].bursts[0]",
       R"(needs a "cpu" or an "io" length)"},
      {"a burst with only a device", withProcess(R"({"bursts": [{"device": "disk"}]})"), "processes[0].bursts[0]",
       R"(needs a "cpu" or an "io" length)"},
      {"a device on a CPU burst", withProcess(R"({"bursts": [{"cpu": 1, "device": "disk"}]})"),
       "processes[0].bursts[0]", "only for IO bursts"},
      {"an empty device name", withProcess(R"({"bursts": [{"cpu": 1}, {"io": 1, "device": ""}, {"cpu": 1}]})"),
       "processes[0].bursts[1].device", "must not be empty"},
      {"two CPU bursts in a row", withProcess(R"({"bursts": [{"cpu": 1}, {"cpu": 2}]})"), "processes[0].bursts[1]",
       "expected an IO burst after a CPU burst"},
      {"two IO bursts in a row", withProcess(R"({"bursts": [{"cpu": 1}, {"io": 1}, {"io": 2}, {"cpu": 1}]})"),
       "processes[0].bursts[2]", "expected a CPU burst after an IO burst"},
      {"beginning with IO",
       R"({"processes": [{"bursts": [{"cpu": 1}]}, {"bursts": [{"cpu": 1}]}, {"bursts": [{"io": 1}, {"cpu": 1}]}]})",
       "processes[2].bursts[0]", "a process must begin with a CPU burst"},
      {"ending with IO", withProcess(R"({"bursts": [{"cpu": 1}, {"io": 4}]})"), "processes[0].bursts[1]",
       "a process must end with a CPU burst"},
      {"a duplicate name",
       R"({"processes": [{"name": "P1", "bursts": [{"cpu": 1}]}, {"bursts": [{"cpu": 1}]}, {"bursts": [{"cpu": 1}]},
          {"name": "P1", "bursts": [{"cpu": 1}]}]})",
       "processes[3].name", R"(duplicate name "P1" (also processes[0]))"},
      {"a name that repeats a default name",
       R"({"processes": [{"bursts": [{"cpu": 1}]}, {"name": "P1", "bursts": [{"cpu": 1}]}]})", "processes[1].name",
       R"(duplicate name "P1" (also processes[0], named by default))"},
      {"a default name that repeats a given name",
       R"({"processes": [{"name": "P2", "bursts": [{"cpu": 1}]}, {"bursts": [{"cpu": 1}]}]})", "processes[1]",
       R"(its default name "P2" is already taken by processes[0])"},
      {"expect not an object", withProcess(ok, R"("expect": [], )"), "expect", "must be an object, got array"},
      {"an unknown run metric", withProcess(ok, R"("expect": {"avg_waitng": 1}, )"), "expect",
       R"(unknown metric "avg_waitng" (did you mean "avg_waiting"?))"},
      {"a run metric that is not a number", withProcess(ok, R"("expect": {"avg_waiting": "17"}, )"),
       "expect.avg_waiting", "must be a number, got string"},
      {"a run metric given twice", withProcess(ok, R"("expect": {"makespan": 1, "makespan": 2}, )"), "expect",
       R"(duplicate key "makespan")"},
      {"expectations for a missing process", withProcess(ok, R"("expect": {"processes": {"P9": {"waiting": 0}}}, )"),
       "expect.processes.P9", R"(no process is named "P9")"},
      {"an unknown process metric", withProcess(ok, R"("expect": {"processes": {"P1": {"waitin": 0}}}, )"),
       "expect.processes.P1", R"(unknown metric "waitin" (did you mean "waiting"?))"},
      {"a process metric that is not a number", withProcess(ok, R"("expect": {"processes": {"P1": {"cpu": true}}}, )"),
       "expect.processes.P1.cpu", "must be a number, got boolean"},
      {"a process's expectations not an object", withProcess(ok, R"("expect": {"processes": {"P1": 3}}, )"),
       "expect.processes.P1", "must be an object of metrics, got number"},
  };
  for (const BadCase& bad : cases) {
    INFO(bad.what << ": " << bad.json);
    const sim::ScenarioError error = errorOf(bad.json);
    CHECK(error.where() == bad.where);
    CHECK_THAT(error.message(), Contains(bad.message));
    CHECK(std::string(error.what()) == error.where() + ": " + error.message());
  }
}

TEST_CASE("deep nesting is refused at the first wrong value, not recursed into", "[sim][json][errors]") {
  const std::string deep = R"({"name": )" + std::string(200000, '[') + std::string(200000, ']') + "}";
  const sim::ScenarioError error = errorOf(deep);
  CHECK(error.where() == "name");
  CHECK_THAT(error.message(), Contains("must be a string, got array"));
}

TEST_CASE("a process with more bursts than the limit is refused", "[sim][json][errors][limits]") {
  std::string bursts = R"({"cpu": 1})";
  bursts.reserve(static_cast<std::size_t>(sim::kMaxBurstsPerProcess) * 11 + 32);
  for (std::int64_t i = 1; i <= sim::kMaxBurstsPerProcess; i += 2) bursts += R"(,{"io":1},{"cpu":1})";
  const sim::ScenarioError error = errorOf(withProcess(R"({"bursts": [)" + bursts + "]}"));
  CHECK(error.where() == "processes[0].bursts");
  CHECK_THAT(error.message(), Contains("at most 1000000 bursts"));
}

TEST_CASE("validateScenario checks a scenario built in code", "[sim][json][errors]") {
  sim::Scenario s;
  sim::ProcessSpec p;
  p.name = "A";
  p.bursts = {{4, 0, sim::BurstKind::Cpu}};
  s.processes.push_back(p);
  REQUIRE_NOTHROW(sim::validateScenario(s));

  auto whereOf = [](const sim::Scenario& bad) -> std::string {
    try {
      sim::validateScenario(bad);
    } catch (const sim::ScenarioError& error) {
      return error.where() + ": " + error.message();
    }
    return "no error";
  };
  sim::Scenario bad = s;
  SECTION("cores") {
    bad.cores = 0;
    CHECK_THAT(whereOf(bad), Contains("cores: must be at least 1"));
  }
  SECTION("policy") {
    bad.policy.name = "lotto";
    CHECK_THAT(whereOf(bad), Contains("policy.name: unknown policy \"lotto\""));
  }
  SECTION("quantum for rr") {
    bad.policy.name = "rr";
    bad.policy.params["quantum"] = {0};
    CHECK_THAT(whereOf(bad), Contains("policy.quantum: must be at least 1, got 0"));
  }
  SECTION("a parameter of another policy") {
    bad.policy.name = "fcfs";
    bad.policy.params["quantum"] = {2};
    CHECK_THAT(whereOf(bad), Contains("policy.quantum: policy fcfs has no parameter \"quantum\""));
  }
  SECTION("zero-length burst") {
    bad.processes[0].bursts[0].length = 0;
    CHECK_THAT(whereOf(bad), Contains("processes[0].bursts[0]: a burst lasts 1 to"));
  }
  SECTION("device index outside devices") {
    bad.processes[0].bursts = {{1, 0, sim::BurstKind::Cpu}, {1, 3, sim::BurstKind::Io}, {1, 0, sim::BurstKind::Cpu}};
    CHECK_THAT(whereOf(bad), Contains("processes[0].bursts[1]: device index 3"));
  }
  SECTION("first device not io") {
    bad.devices = {"disk"};
    CHECK_THAT(whereOf(bad), Contains("devices[0]:"));
  }
  SECTION("no processes") {
    bad.processes.clear();
    CHECK_THAT(whereOf(bad), Contains("processes: a scenario needs at least one process"));
  }
  SECTION("too many bursts") {
    bad.processes[0].bursts.clear();
    for (std::int64_t i = 0; i <= sim::kMaxBurstsPerProcess; ++i) {
      bad.processes[0].bursts.push_back({1, 0, i % 2 == 0 ? sim::BurstKind::Cpu : sim::BurstKind::Io});
    }
    CHECK_THAT(whereOf(bad), Contains("processes[0].bursts: at most 1000000 bursts"));
  }
  SECTION("a non-finite expectation") {
    bad.expect.emplace();
    bad.expect->run["avg_waiting"] = 1.0 / 0.0;
    CHECK_THAT(whereOf(bad), Contains("expect.avg_waiting: must be a finite number"));
  }
}

TEST_CASE("among several clashing names the earliest clash is reported", "[sim][json][errors]") {
  std::string processes;
  for (const char* name : {"B", "A", "C", "A", "B", "C"}) {
    processes += std::string(processes.empty() ? "" : ", ") + R"({"name": ")" + name + R"(", "bursts": [{"cpu": 1}]})";
  }
  const sim::ScenarioError error = errorOf(R"({"processes": [)" + processes + "]}");
  CHECK(error.where() == "processes[3].name");
  CHECK(error.message() == R"(duplicate name "A" (also processes[1]))");
}

TEST_CASE("more different devices than the limit are refused", "[sim][json][errors][limits]") {
  std::string bursts = R"({"cpu": 1})";
  for (std::size_t i = 0; i < sim::kMaxDevices; ++i) {
    bursts += R"(, {"io": 1, "device": "d)" + std::to_string(i) + R"("}, {"cpu": 1})";
  }
  const sim::ScenarioError error = errorOf(withProcess(R"({"bursts": [)" + bursts + "]}"));
  // "io" is device 0, so the 65535th named device is one too many.
  CHECK(error.where() == "processes[0].bursts[" + std::to_string(2 * (sim::kMaxDevices - 1) + 1) + "].device");
  CHECK_THAT(error.message(), Contains("at most 65535 different devices"));
}
