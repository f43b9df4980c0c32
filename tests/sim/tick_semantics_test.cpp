// Each rule of the tick semantics (docs/model.md), one behaviour per test.
#include <catch2/catch.hpp>

#include "scenario_builder.hpp"
#include "sim/scenario_json.hpp"

using sim::Reason;
using sim::TransitionKind;
using test::P;

namespace {
std::vector<sim::Transition> at(const sim::Trace& trace, sim::Tick tick) {
  std::vector<sim::Transition> found;
  for (const auto& t : trace) {
    if (t.tick == tick) found.push_back(t);
  }
  return found;
}
std::int64_t count(const sim::RunMetrics& m, TransitionKind kind) {
  return m.transitions[static_cast<std::size_t>(kind)];
}
}  // namespace

TEST_CASE("a new arrival queues ahead of the process preempted at the same tick", "[sim][tick][rr]") {
  sim::Engine engine(test::makeScenario("rr", 1, {{"A", 0, "c5"}, {"B", 2, "c2"}}, 2));
  engine.runToEnd();
  const auto events = at(engine.trace(), 2);
  REQUIRE(events.size() == 3);
  CHECK(events[0].kind == TransitionKind::Admit);
  CHECK(events[0].process == 1);
  CHECK(events[1].kind == TransitionKind::Preempt);
  CHECK(events[1].reason == Reason::QuantumExpired);
  CHECK(events[2].kind == TransitionKind::Dispatch);
  CHECK(events[2].process == 1);
  const auto m = sim::computeMetrics(engine);
  CHECK(m.processes[0].waiting == 2);
  CHECK(m.processes[0].completion == 7);
}

TEST_CASE("a round-robin process with no one waiting keeps its core and records nothing", "[sim][tick][rr]") {
  sim::Engine engine(test::makeScenario("rr", 1, {{"A", 0, "c10"}}, 3));
  engine.runToEnd();
  REQUIRE(engine.trace().size() == 3);
  CHECK(engine.trace()[2].kind == TransitionKind::Exit);
  CHECK(engine.trace()[2].tick == 10);
}

TEST_CASE("a burst that ends as its quantum expires exits instead of being preempted", "[sim][tick][rr]") {
  const auto m = test::runToEnd(test::makeScenario("rr", 1, {{"A", 0, "c2"}, {"B", 0, "c2"}}, 2));
  CHECK(count(m, TransitionKind::Preempt) == 0);
  CHECK(m.processes[0].completion == 2);
  CHECK(m.processes[1].completion == 4);
}

TEST_CASE("idle cores take ready processes lowest index first", "[sim][tick]") {
  sim::Engine engine(test::makeScenario("fcfs", 3, {{"A", 0, "c4"}, {"B", 0, "c4"}}));
  engine.stepTick();
  CHECK(engine.state().cores[0].running == 0);
  CHECK(engine.state().cores[1].running == 1);
  CHECK(engine.state().cores[2].running == sim::kNoProcess);
  CHECK(engine.state().idle_cores == 1);
}

TEST_CASE("SRTF preempts the worst running process, the highest core index on ties", "[sim][tick][srtf]") {
  sim::Engine engine(test::makeScenario("srtf", 2, {{"A", 0, "c10"}, {"B", 0, "c10"}, {"C", 1, "c2"}}));
  engine.runToEnd();
  const auto events = at(engine.trace(), 1);
  REQUIRE(events.size() == 3);
  CHECK(events[1].kind == TransitionKind::Preempt);
  CHECK(events[1].process == 1);
  CHECK(events[1].core == 1);
  CHECK(events[1].reason == Reason::MoreUrgent);
  CHECK(events[2].process == 2);
  CHECK(events[2].core == 1);
}

TEST_CASE("processes waking and arriving at one tick enter the queue in scenario order", "[sim][tick]") {
  sim::Engine engine(test::makeScenario("fcfs", 2, {{"X", 2, "c1"}, {"Y", 0, "c1 i1 c1"}, {"Z", 0, "c10"}}));
  engine.runToEnd();
  const auto events = at(engine.trace(), 2);
  REQUIRE(events.size() == 3);
  CHECK(events[0].kind == TransitionKind::Admit);
  CHECK(events[0].process == 0);
  CHECK(events[1].kind == TransitionKind::Wakeup);
  CHECK(events[1].process == 1);
  CHECK(events[2].kind == TransitionKind::Dispatch);
  CHECK(events[2].process == 0);
  const auto next = at(engine.trace(), 3);
  REQUIRE(next.size() == 2);
  CHECK(next[0].kind == TransitionKind::Exit);
  CHECK(next[1].kind == TransitionKind::Dispatch);
  CHECK(next[1].process == 1);
}

TEST_CASE("without multiprogramming a blocked process keeps its core idle", "[sim][tick][multiprogramming]") {
  auto s = test::makeScenario("fcfs", 1, {{"A", 0, "c2 i3 c1"}, {"B", 0, "c2"}});
  SECTION("with multiprogramming the other process uses the IO time") {
    const auto m = test::runToEnd(s);
    CHECK(m.makespan == 6);
    CHECK(m.processes[1].completion == 4);
    CHECK(m.cpu_utilization == Approx(5.0 / 6.0));
  }
  SECTION("without it the core idles until the IO ends") {
    s.policy.multiprogramming = false;
    sim::Engine engine(s);
    engine.runTo(3);
    CHECK(engine.state().cores[0].held_by == 0);
    CHECK(engine.state().cores[0].running == sim::kNoProcess);
    CHECK(engine.state().processes[1].state == sim::State::Ready);
    engine.runToEnd();
    const auto m = sim::computeMetrics(engine);
    CHECK(m.makespan == 8);
    CHECK(m.processes[0].completion == 6);
    CHECK(m.processes[1].waiting == 6);
    CHECK(m.cpu_utilization == Approx(5.0 / 8.0));
  }
}

TEST_CASE("with wakeup_preempts a woken process displaces the longest-running one", "[sim][tick][wakeup]") {
  auto s = test::makeScenario("fcfs", 1, {{"A", 0, "c1 i2 c1"}, {"B", 0, "c5"}});
  s.policy.wakeup_preempts = true;
  sim::Engine engine(s);
  engine.runToEnd();
  const auto events = at(engine.trace(), 3);
  REQUIRE(events.size() == 3);
  CHECK(events[0].kind == TransitionKind::Wakeup);
  CHECK(events[1].kind == TransitionKind::Preempt);
  CHECK(events[1].process == 1);
  CHECK(events[1].reason == Reason::WakeupDisplaced);
  CHECK(events[2].kind == TransitionKind::Dispatch);
  CHECK(events[2].process == 0);
  const auto m = sim::computeMetrics(engine);
  CHECK(m.processes[0].completion == 4);
  CHECK(m.processes[1].completion == 7);
}

TEST_CASE("a context switch costs the core ticks that count as overhead, not CPU", "[sim][tick][switch]") {
  auto s = test::makeScenario("fcfs", 1, {{"A", 0, "c3"}, {"B", 0, "c3"}});
  s.context_switch = 2;
  const auto m = test::runToEnd(s);
  CHECK(m.processes[0].overhead == 0);
  CHECK(m.processes[1].overhead == 2);
  CHECK(m.processes[1].cpu == 3);
  CHECK(m.processes[1].waiting == 3);
  CHECK(m.processes[1].completion == 8);
  CHECK(m.context_switches == 1);
  CHECK(m.overhead_ticks == 2);
  CHECK(m.cpu_utilization == Approx(6.0 / 8.0));
}

TEST_CASE("IO bursts of different processes overlap without contention", "[sim][tick][io]") {
  const auto m = test::runToEnd(test::makeScenario("fcfs", 2, {{"A", 0, "c1 i5 c1"}, {"B", 0, "c1 i5 c1"}}));
  CHECK(m.processes[0].completion == 7);
  CHECK(m.processes[1].completion == 7);
  CHECK(m.processes[0].blocked == 5);
}

TEST_CASE("the engine stops at the end of the run", "[sim][engine]") {
  sim::Engine engine(test::makeScenario("fcfs", 1, {{"A", 2, "c3"}}));
  CHECK(engine.now() == -1);
  CHECK(engine.nextEventTick() == 2);
  engine.runTo(1000);
  CHECK(engine.finished());
  CHECK(engine.now() == 5);
  CHECK_FALSE(engine.stepEvent());
  engine.stepTick();
  CHECK(engine.now() == 5);
  CHECK(engine.nextEventTick() == -1);
}

TEST_CASE("a burst of a million ticks costs no more events than a burst of one", "[sim][engine]") {
  sim::Engine engine(test::makeScenario("fcfs", 1, {{"A", 0, "c1000000 i1000000 c1"}}));
  int steps = 0;
  while (engine.stepEvent()) ++steps;
  CHECK(steps == 4);
  CHECK(engine.now() == 2000001);
}

TEST_CASE("the engine refuses an invalid scenario", "[sim][engine]") {
  auto s = test::makeScenario("rr", 1, {{"A", 0, "c3"}});
  s.policy.params["quantum"] = {0};
  CHECK_THROWS_AS(sim::Engine(s), sim::ScenarioError);
}
