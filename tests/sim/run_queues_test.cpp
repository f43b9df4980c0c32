// Per-core run queues: placement, stealing, balancing and affinity.
#include <algorithm>

#include <catch2/catch.hpp>

#include "random_scenarios.hpp"
#include "scenario_builder.hpp"
#include "scenario_errors.hpp"
#include "sim/scenario_json.hpp"

namespace {

// A long job and three short ones on two cores: per-core placement leaves
// C behind A on core 0 while core 1 runs out of work at tick 4.
sim::Scenario imbalanced() {
  sim::Scenario s = test::makeScenario("fcfs", 2, {{"A", 0, "c10"}, {"B", 0, "c2"}, {"C", 0, "c2"}, {"D", 0, "c2"}});
  s.run_queues = sim::RunQueues::PerCore;
  return s;
}

sim::Tick completionOf(const sim::Scenario& s, std::size_t process) {
  return test::runToEnd(s).processes[process].completion;
}


}  // namespace

TEST_CASE("per-core queues: a new process joins the shortest queue, ties to the lowest core", "[sim][run-queues]") {
  sim::Scenario s = imbalanced();
  sim::Engine engine(s);
  engine.runToEnd();
  std::vector<sim::CoreId> dispatched_on(4, -1);
  for (const sim::Transition& t : engine.trace()) {
    if (t.kind == sim::TransitionKind::Dispatch) dispatched_on[static_cast<std::size_t>(t.process)] = t.core;
  }
  CHECK(dispatched_on == std::vector<sim::CoreId>{0, 1, 0, 1});  // A, B, C, D alternate
  CHECK(completionOf(s, 2) == 12);  // C waits for A on core 0 while core 1 idles from tick 4
  s.run_queues = sim::RunQueues::Global;
  CHECK(completionOf(s, 2) == 4);   // the global queue gives C to core 1 at tick 2
}

TEST_CASE("per-core queues: an idle core with steal takes the next process of the longest queue", "[sim][run-queues]") {
  sim::Scenario s = imbalanced();
  s.balance.steal = true;
  sim::Engine engine(s);
  engine.runToEnd();
  CHECK(sim::computeMetrics(engine).processes[2].completion == 6);
  const auto stolen = std::find_if(engine.trace().begin(), engine.trace().end(), [](const sim::Transition& t) {
    return t.kind == sim::TransitionKind::Requeue;
  });
  REQUIRE(stolen != engine.trace().end());
  CHECK(stolen->tick == 4);
  CHECK(stolen->process == 2);
  CHECK(stolen->core == 1);
  CHECK(stolen->reason == sim::Reason::Stolen);
}

TEST_CASE("per-core queues: balancing every T ticks moves work from the longest queue to the shortest",
          "[sim][run-queues]") {
  sim::Scenario s = imbalanced();
  s.balance.interval = 4;  // at 4: queue 0 holds A and C, queue 1 nothing: C moves
  CHECK(completionOf(s, 2) == 6);
  s.balance.interval = 3;  // at 3 they differ by one (D still runs); at 6 C moves
  CHECK(completionOf(s, 2) == 8);
  sim::Engine engine(s);
  engine.runToEnd();
  const auto moved = std::find_if(engine.trace().begin(), engine.trace().end(), [](const sim::Transition& t) {
    return t.kind == sim::TransitionKind::Requeue;
  });
  REQUIRE(moved != engine.trace().end());
  CHECK(moved->reason == sim::Reason::Balanced);
  CHECK(moved->tick == 6);
  CHECK(moved->core == 1);
}

TEST_CASE("affinity: a process never runs on a core outside its set, under either kind of queue", "[sim][affinity]") {
  for (const sim::RunQueues kind : {sim::RunQueues::Global, sim::RunQueues::PerCore}) {
    sim::Scenario s = test::makeScenario("fcfs", 2, {{"A", 0, "c5"}, {"B", 0, "c5"}, {"C", 0, "c5"}});
    s.run_queues = kind;
    s.processes[0].affinity = {1};
    s.processes[1].affinity = {1};
    sim::Engine engine(s);
    engine.runToEnd();
    for (const sim::Transition& t : engine.trace()) {
      if (t.kind == sim::TransitionKind::Dispatch && t.process <= 1) CHECK(t.core == 1);
    }
    const auto m = sim::computeMetrics(engine);
    CHECK(m.processes[0].completion == 5);
    CHECK(m.processes[1].completion == 10);  // waits for core 1 though core 0 is idle from tick 5
  }
}

TEST_CASE("affinity: a process preempted at its slice's end runs at once on a core that was idle", "[sim][affinity]") {
  // Core 1 idles from tick 1: B, bound to core 0, is the only one waiting.
  // At 2 A's slice ends, B takes core 0, and core 1 takes A in the same tick.
  sim::Scenario s = test::makeScenario("rr", 2, {{"A", 0, "c6"}, {"B", 1, "c3"}});
  s.policy.params["quantum"] = {2};
  s.processes[1].affinity = {0};
  sim::Engine engine(s);
  engine.runToEnd();
  std::vector<std::pair<sim::Tick, sim::CoreId>> a_dispatches;
  for (const sim::Transition& t : engine.trace()) {
    if (t.kind == sim::TransitionKind::Dispatch && t.process == 0) a_dispatches.emplace_back(t.tick, t.core);
  }
  CHECK(a_dispatches == std::vector<std::pair<sim::Tick, sim::CoreId>>{{0, 0}, {2, 1}});
  const auto m = sim::computeMetrics(engine);
  CHECK(m.processes[0].completion == 6);
  CHECK(m.processes[0].waiting == 0);
  CHECK(m.processes[1].completion == 5);
}

TEST_CASE("affinity is never violated in random scenarios, with stealing and balancing", "[sim][affinity][property]") {
  for (std::uint64_t seed = 1; seed <= 1500; ++seed) {
    sim::Scenario s = test::randomScenario(seed);
    s.run_queues = seed % 2 == 0 ? sim::RunQueues::PerCore : sim::RunQueues::Global;
    if (s.run_queues == sim::RunQueues::PerCore) s.balance = {static_cast<sim::Tick>(seed % 5), seed % 3 != 0};
    for (std::size_t i = 0; i < s.processes.size(); i += 2) {
      s.processes[i].affinity = {static_cast<sim::CoreId>((seed + i) % static_cast<std::uint64_t>(s.cores))};
    }
    INFO("seed " << seed);
    sim::Engine engine(s);
    engine.runToEnd();
    REQUIRE(engine.finished());
    for (const sim::Transition& t : engine.trace()) {
      const auto& affinity = s.processes[static_cast<std::size_t>(t.process)].affinity;
      if (t.kind != sim::TransitionKind::Dispatch || affinity.empty()) continue;
      REQUIRE(std::find(affinity.begin(), affinity.end(), t.core) != affinity.end());
    }
  }
}

TEST_CASE("per-core queues with stealing keep every core busy while any process waits", "[sim][run-queues][property]") {
  for (std::uint64_t seed = 1; seed <= 1500; ++seed) {
    sim::Scenario s = test::randomScenario(seed);
    s.run_queues = sim::RunQueues::PerCore;
    s.balance = {static_cast<sim::Tick>(seed % 4), true};
    s.policy.multiprogramming = true;
    INFO("seed " << seed << " policy " << s.policy.name);
    sim::Engine engine(s);
    while (engine.stepEvent()) {
      const sim::EngineState& state = engine.state();
      std::size_t ready = 0;
      for (const auto& p : state.processes) ready += p.state == sim::State::Ready ? 1 : 0;
      REQUIRE(engine.readyQueue().size() == ready);
      if (ready > 0) REQUIRE(state.idle_cores == 0);
    }
    REQUIRE(engine.finished());
  }
}

TEST_CASE("per-core queues rewind and replay the same run", "[sim][run-queues]") {
  sim::Scenario s = imbalanced();
  s.balance = {3, true};
  s.policy.name = "mlfq";
  s.policy.params = {{"boost", {5}}, {"quantum", {2}}};
  sim::Engine engine(s, {.snapshot_every = 2});
  engine.runToEnd();
  const sim::Trace full = engine.trace();
  CHECK(engine.runQueueCount() == 2);
  engine.rewindTo(5);
  engine.runToEnd();
  CHECK(engine.trace() == full);
}

TEST_CASE("run queues, balancing and affinity are read, checked and written back", "[sim][run-queues][json]") {
  const sim::Scenario s = sim::parseScenario(R"({"cores": 4, "run_queues": "per_core", "balance": {"interval": 8, "steal": true},
    "processes": [{"affinity": [2, 0], "bursts": [{"cpu": 1}]}]})");
  CHECK(s.run_queues == sim::RunQueues::PerCore);
  CHECK(s.balance == sim::BalanceOptions{8, true});
  CHECK(s.processes[0].affinity == std::vector<sim::CoreId>{2, 0});
  const sim::Scenario again = sim::parseScenario(sim::scenarioToJson(s));
  CHECK(again.run_queues == s.run_queues);
  CHECK(again.balance == s.balance);
  CHECK(again.processes[0].affinity == s.processes[0].affinity);
  const std::string one = R"("processes": [{"affinity": [7], "bursts": [{"cpu": 1}]}]})";
  CHECK_THAT(messageOf(R"({"cores": 4, )" + one),
             Catch::Contains("processes[0].affinity[0]: core 7 does not exist: the scenario has 4 cores (0 to 3)"));
  CHECK_THAT(messageOf(R"({"cores": 4, "processes": [{"affinity": [1, 1], "bursts": [{"cpu": 1}]}]})"),
             Catch::Contains("affinity[1]: core 1 is listed twice"));
  CHECK_THAT(messageOf(R"({"processes": [{"affinity": [], "bursts": [{"cpu": 1}]}]})"),
             Catch::Contains("processes[0].affinity: give at least one core"));
  CHECK_THAT(messageOf(R"({"balance": {"interval": 5}, "processes": [{"bursts": [{"cpu": 1}]}]})"),
             Catch::Contains("balance: balancing needs per-core queues"));
  CHECK_THAT(messageOf(R"({"run_queues": "per_cpu", "processes": [{"bursts": [{"cpu": 1}]}]})"),
             Catch::Contains("run_queues: must be \"global\" or \"per_core\", got \"per_cpu\""));
}
