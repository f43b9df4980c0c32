// real::replay: a scenario's processes run as real workers and compared with
// the simulator (issue 5, "Simulate, then run it for real").
#include <sched.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <system_error>
#include <filesystem>
#include <fstream>
#include <limits>
#include <set>

#include "real/replay.hpp"
#include "sim/engine.hpp"
#include "sim/metrics.hpp"
#include "sim/scenario_json.hpp"
#include "test_support.hpp"

using namespace std::chrono_literals;

namespace {

// Three processes on two cores, about 12 ticks long: 60 ms at 5 ms a tick.
sim::Scenario smallScenario() {
  return sim::parseScenario(R"({
    "name": "replay test", "cores": 2, "policy": {"name": "rr", "quantum": 2},
    "processes": [
      {"name": "A", "arrival": 0, "bursts": [{"cpu": 3}, {"io": 2}, {"cpu": 2}]},
      {"name": "B", "arrival": 1, "bursts": [{"cpu": 4}]},
      {"name": "C", "arrival": 2, "bursts": [{"cpu": 2}, {"io": 3}, {"cpu": 1}]}
    ]})");
}

sim::Scenario oneProcess(std::int64_t cpu_ticks, int cores = 1) {
  sim::Scenario scenario;
  scenario.cores = cores;
  scenario.processes.push_back({"long", 0, 0, {{static_cast<std::uint32_t>(cpu_ticks), 0, sim::BurstKind::Cpu}}});
  return scenario;
}

real::ReplayOptions withTick(double tick_ms, bool force = false) {
  real::ReplayOptions options;
  options.tick_ms = tick_ms;
  options.force = force;
  return options;
}

int allowedCpuCount() {
  cpu_set_t set;
  CPU_ZERO(&set);
  REQUIRE(::sched_getaffinity(0, sizeof set, &set) == 0);
  return CPU_COUNT(&set);
}

// Every child of this process, zombie or not, from /proc/self/task/*/children.
std::set<pid_t> children() {
  std::set<pid_t> pids;
  for (const auto& task : std::filesystem::directory_iterator("/proc/self/task")) {
    std::ifstream in(task.path() / "children");
    pid_t pid = 0;
    while (in >> pid) pids.insert(pid);
  }
  return pids;
}

// The lower bounds every replayed process meets, forked or exec'd: spinning
// until the CPU clock has advanced takes at least that long on the wall
// clock, and sleeps never end early.
void checkEachRanItsBursts(const real::ReplayResult& result, const sim::Scenario& scenario,
                           const std::vector<std::int64_t>& bursts) {
  REQUIRE(result.processes.size() == bursts.size());
  for (std::size_t i = 0; i < bursts.size(); ++i) {
    const real::ReplayComparison& row = result.processes[i];
    INFO(row.name);
    CHECK(row.name == scenario.processes[i].name);
    CHECK(row.burst_total == bursts[i]);
    CHECK(row.real_turnaround >= static_cast<double>(row.burst_total) - 1e-6);
    CHECK(row.real_cpu >= static_cast<double>(row.sim_cpu) - 1e-6);
    CHECK(row.real_waiting >= 0);
    CHECK(row.real_response >= 0);
    CHECK(row.timeslices >= 1);
  }
}

}  // namespace

TEST_CASE("a replay runs every process to its end, each taking at least its bursts' total time",
          "[real][replay]") {
  const real_test::LeakCheck leaks;
  const std::set<pid_t> children_before = children();
  const sim::Scenario scenario = smallScenario();
  const real::ReplayResult result = real::replay(scenario, withTick(5));

  sim::Engine engine(scenario);
  engine.runToEnd();
  const sim::RunMetrics simulated = sim::computeMetrics(engine);

  CHECK(result.tick_ms == 5);
  CHECK(result.plan.cpus == std::min(2, allowedCpuCount()));
  CHECK(result.wall_seconds > 0);
  checkEachRanItsBursts(result, scenario, {7, 4, 6});
  for (std::size_t i = 0; i < 3; ++i) {
    const real::ReplayComparison& row = result.processes[i];
    INFO(row.name);
    CHECK(row.sim_turnaround == simulated.processes[i].turnaround);
    CHECK(row.sim_waiting == simulated.processes[i].waiting);
    CHECK(row.sim_response == simulated.processes[i].response);
    CHECK(row.sim_cpu == simulated.processes[i].cpu);
  }

  // The sampled trace covers the three workers and saw each of them end.
  REQUIRE(result.trace.pids.size() == 3);
  REQUIRE_FALSE(result.trace.readings.empty());
  for (const real::Reading& reading : result.trace.readings.back()) {
    CHECK((reading.state == real::ObservedState::Zombie || reading.state == real::ObservedState::Gone));
  }
  REQUIRE(result.sample_ticks.size() == result.trace.readings.size());
  CHECK(std::is_sorted(result.sample_ticks.begin(), result.sample_ticks.end()));

  // The timeline in scenario ticks: per process a valid chain of textbook
  // transitions from an Admit at or after its arrival to an Exit.
  std::vector<sim::State> state(3, sim::State::New);
  std::vector<sim::Tick> admitted(3, -1);
  sim::Tick previous_tick = std::numeric_limits<sim::Tick>::min();
  for (const sim::Transition& transition : result.timeline) {
    REQUIRE(transition.process >= 0);
    REQUIRE(transition.process < 3);
    CHECK(transition.tick >= previous_tick);
    previous_tick = transition.tick;
    const auto i = static_cast<std::size_t>(transition.process);
    CHECK(sim::fromState(transition.kind) == state[i]);
    state[i] = sim::toState(transition.kind);
    if (transition.kind == sim::TransitionKind::Admit) admitted[i] = transition.tick;
  }
  for (std::size_t i = 0; i < 3; ++i) {
    INFO(scenario.processes[i].name);
    CHECK(state[i] == sim::State::Terminated);
    CHECK(admitted[i] >= scenario.processes[i].arrival);
  }

  // Every worker was reaped: none is a child of this process any more.
  CHECK(children() == children_before);
  for (const pid_t pid : result.trace.pids) CHECK_FALSE(real::read_process_info(pid).has_value());
  leaks.check();
}

TEST_CASE("a replay confines the workers to as many CPUs as the scenario has cores, capped with a note",
          "[real][replay]") {
  const int allowed = allowedCpuCount();
  const real::ReplayPlan one = real::planReplay(oneProcess(1, 1), {});
  CHECK(one.cpus == 1);
  CHECK(one.cpu_ids.size() == 1);
  CHECK_FALSE(one.capped);
  CHECK(one.capped_note.empty());

  const real::ReplayPlan more = real::planReplay(oneProcess(1, allowed + 2), {});
  CHECK(more.cpus == allowed);
  CHECK(more.cpu_ids.size() == static_cast<std::size_t>(allowed));
  CHECK(more.capped);
  CHECK(more.cores_requested == allowed + 2);
  CHECK(more.capped_note.find(std::to_string(allowed + 2) + " cores") != std::string::npos);
  CHECK(more.capped_note.find("sched_getaffinity") != std::string::npos);
}

TEST_CASE("a replay's estimate is the simulated makespan on the CPUs it gets times the tick", "[real][replay]") {
  // 30 CPU ticks over two processes: 30 ticks on one CPU, 15 on two.
  sim::Scenario scenario = oneProcess(15, 4);
  scenario.processes.push_back({"other", 0, 0, {{15, 0, sim::BurstKind::Cpu}}});
  const real::ReplayPlan plan = real::planReplay(scenario, withTick(20));
  const double makespan = allowedCpuCount() >= 2 ? 15 : 30;
  CHECK(plan.estimated_seconds == Approx(makespan * 0.020));
  CHECK(plan.sample_period >= 20ms);
}

TEST_CASE("absurd replays are refused before anything starts", "[real][replay]") {
  const real_test::LeakCheck leaks;
  SECTION("a tick out of 1..1000 ms") {
    CHECK_THROWS_AS(real::planReplay(oneProcess(1), withTick(0)), real::ReplayRefused);
    CHECK_THROWS_AS(real::planReplay(oneProcess(1), withTick(-5)), real::ReplayRefused);
    CHECK_THROWS_AS(real::planReplay(oneProcess(1), withTick(1001)), real::ReplayRefused);
    CHECK_THROWS_WITH(real::replay(oneProcess(1), withTick(0)), Catch::Contains("tick length"));
  }
  SECTION("more than 256 processes") {
    sim::Scenario scenario = oneProcess(1);
    for (int i = 0; i < real::kReplayMaxProcesses; ++i) {
      scenario.processes.push_back({std::string("p").append(std::to_string(i)), 0, 0, {{1, 0, sim::BurstKind::Cpu}}});
    }
    CHECK_THROWS_WITH(real::planReplay(scenario, {}), Catch::Contains("257 is more than the limit of 256"));
  }
  SECTION("a run estimated longer than 10 minutes, unless forced") {
    const sim::Scenario scenario = oneProcess(1'000'000);  // 1000 s at 1 ms a tick
    CHECK_THROWS_WITH(real::planReplay(scenario, withTick(1)), Catch::Contains("about 1000 s"));
    const real::ReplayPlan plan = real::planReplay(scenario, withTick(1, true));
    CHECK(plan.estimated_seconds == Approx(1000));
    // A million samples would be kept at 1 ms; the period is stretched instead.
    CHECK(plan.sample_period >= 1ms);
  }
  SECTION("an invalid scenario") {
    sim::Scenario scenario = oneProcess(1);
    scenario.processes.clear();
    CHECK_THROWS_AS(real::planReplay(scenario, {}), sim::ScenarioError);
  }
  leaks.check();
}

TEST_CASE("a replay told to stop kills and reaps every worker, each named after its process", "[real][replay]") {
  const real_test::LeakCheck leaks;
  const std::set<pid_t> children_before = children();
  sim::Scenario scenario = oneProcess(200, 2);  // 2 s of CPU at 10 ms a tick
  scenario.processes.push_back({"sleeper", 0, 0, {{1, 0, sim::BurstKind::Cpu}, {200, 0, sim::BurstKind::Io}, {1, 0, sim::BurstKind::Cpu}}});
  int polls = 0;
  std::set<std::string> names;
  real::ReplayOptions options;
  options.should_stop = [&] {
    if (++polls < 5) return false;
    // Before stopping: the workers are named after their processes.
    real_test::waitUntil([&] {
      names.clear();
      for (const pid_t pid : children()) {
        std::string name = real_test::readFile("/proc/" + std::to_string(pid) + "/comm");
        if (!name.empty() && name.back() == '\n') name.pop_back();
        if (children_before.count(pid) == 0) names.insert(name);
      }
      return names == std::set<std::string>{"long", "sleeper"};
    });
    return true;
  };
  const auto start = std::chrono::steady_clock::now();
  CHECK_THROWS_AS(real::replay(scenario, options), real::ReplayInterrupted);
  CHECK(polls == 5);
  CHECK(names == std::set<std::string>{"long", "sleeper"});
  // Killed, not waited for: well before the 2 s the workers would take.
  CHECK(real_test::secondsSince(start) < 1.9);
  CHECK(children() == children_before);
  leaks.check();
}

TEST_CASE("the replay explains CFS against the scenario's policy", "[real][replay]") {
  sim::PolicySpec rr;
  rr.name = "rr";
  rr.params["quantum"] = {2};
  const std::string text = real::explainScheduling(rr, 10);
  CHECK(text.find("CFS") != std::string::npos);
  CHECK(text.find("'rr'") != std::string::npos);
  CHECK(text.find("2 ticks is 20 ms") != std::string::npos);
  CHECK(text.find("slices are not fixed") != std::string::npos);  // rr's own sentence, from the registry
  const std::string chinese = real::explainScheduling(rr, 10, /*chinese=*/true);
  CHECK(chinese.find("20 毫秒") != std::string::npos);
  CHECK(text.find("run-queue wait") != std::string::npos);
  sim::PolicySpec fcfs;
  CHECK(real::explainScheduling(fcfs, 10).find("Under fcfs a process keeps its core") != std::string::npos);
}

TEST_CASE("an exception in the middle of a replay still kills and reaps every worker", "[real][replay]") {
  const real_test::LeakCheck leaks;
  const std::set<pid_t> children_before = children();
  sim::Scenario scenario = oneProcess(200, 2);  // 2 s of CPU at 10 ms a tick
  scenario.processes.push_back({"second", 0, 0, {{200, 0, sim::BurstKind::Cpu}}});
  int polls = 0;
  real::ReplayOptions options;
  options.should_stop = [&polls]() -> bool {
    if (++polls == 3) throw std::runtime_error("the caller failed while the workers ran");
    return false;
  };
  CHECK_THROWS_WITH(real::replay(scenario, options), "the caller failed while the workers ran");
  CHECK(polls == 3);
  CHECK(children() == children_before);
  leaks.check();
}

TEST_CASE("a replay whose workers are procsim commands measures what forked workers measure", "[real][replay]") {
  const real_test::LeakCheck leaks;
  const std::set<pid_t> children_before = children();
  const sim::Scenario scenario = smallScenario();
  real::ReplayOptions options = withTick(5);
  options.worker_command = {PROCSIM_BINARY, "real", "child", "replay-worker", "--"};
  const real::ReplayResult result = real::replay(scenario, options);
  checkEachRanItsBursts(result, scenario, {7, 4, 6});
  REQUIRE(result.trace.pids.size() == 3);
  CHECK(children() == children_before);
  leaks.check();
}

TEST_CASE("a replay worker command that cannot start fails the replay with its errno, every worker reaped",
          "[real][replay]") {
  const real_test::LeakCheck leaks;
  real::ReplayOptions options = withTick(5);
  options.worker_command = {"/nonexistent/procsim", "real", "child", "replay-worker", "--"};
  try {
    real::replay(smallScenario(), options);
    FAIL("the replay did not report the missing worker program");
  } catch (const std::system_error& error) {
    CHECK(error.code().value() == ENOENT);
  }
  leaks.check();
}
