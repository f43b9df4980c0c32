// mlfq: OSTEP's five rules, the parameters, and the boost that ends starvation.
#include <algorithm>
#include <map>

#include <catch2/catch.hpp>

#include "random_scenarios.hpp"
#include "scenario_builder.hpp"
#include "sim/policy_registry.hpp"

namespace {

sim::Scenario mlfq(const std::string& spec, int cores, const std::vector<test::P>& processes) {
  sim::Scenario s = test::makeScenario("fcfs", cores, processes);
  std::string error;
  const auto parsed = sim::parsePolicySpec(spec, {}, error);
  INFO(error);
  REQUIRE(parsed);
  s.policy = *parsed;
  return s;
}

sim::Tick completion(const sim::RunMetrics& m, std::size_t process) { return m.processes[process].completion; }

std::int64_t count(const sim::Trace& trace, sim::ProcessId process, sim::TransitionKind kind, sim::Tick before) {
  return std::count_if(trace.begin(), trace.end(), [&](const sim::Transition& t) {
    return t.process == process && t.kind == kind && t.tick < before;
  });
}

}  // namespace

TEST_CASE("mlfq: a short job that arrives later preempts a long one at a lower level and finishes first",
          "[sim][mlfq]") {
  // OSTEP fig. 8.3: A drops to the bottom level by tick 20; B enters at the top at 100.
  const auto m = test::runToEnd(mlfq("mlfq", 1, {{"A", 0, "c200"}, {"B", 100, "c20"}}));
  CHECK(completion(m, 1) == 120);
  CHECK(completion(m, 0) == 220);
  CHECK(m.processes[1].response == 0);
  CHECK(m.transitions[static_cast<std::size_t>(sim::TransitionKind::Preempt)] == 2);  // A at 100, B at 110 (to level 1)
}

TEST_CASE("mlfq: a process that uses its quantum drops a level, and the quantum list is per level from the top",
          "[sim][mlfq]") {
  // levels 2, quanta 2 then 4: A 0-2, B 2-4 (both drop), A 4-8, B 8-12, A 12-14, B 14-16.
  const auto m = test::runToEnd(mlfq("mlfq:levels=2:quantum=2/4", 1, {{"A", 0, "c8"}, {"B", 0, "c8"}}));
  CHECK(completion(m, 0) == 14);
  CHECK(completion(m, 1) == 16);
}

TEST_CASE("mlfq: an allotment of two quanta keeps a process at its level for a second turn", "[sim][mlfq]") {
  // A 0-2, B 2-4 (still level 0), A 4-6, B 6-8 (now they drop), A 8-12 done, B 12-16.
  const auto m = test::runToEnd(mlfq("mlfq:levels=2:quantum=2,4:allotment=2/1", 1, {{"A", 0, "c8"}, {"B", 0, "c8"}}));
  CHECK(completion(m, 0) == 12);
  CHECK(completion(m, 1) == 16);
}

TEST_CASE("mlfq: a process preempted by a more urgent one keeps its place at the head of its level", "[sim][mlfq]") {
  // A and C reach level 2 by tick 40; A runs 40-45, B (level 0) preempts it,
  // then A, at the head of level 2, finishes its quantum's 5 ticks before C.
  const auto m = test::runToEnd(mlfq("mlfq", 1, {{"A", 0, "c30"}, {"C", 0, "c30"}, {"B", 45, "c2"}}));
  CHECK(completion(m, 2) == 47);
  CHECK(completion(m, 0) == 52);
  CHECK(completion(m, 1) == 62);
}

TEST_CASE("mlfq: io_to_front puts a process whose IO ended at the head of its queue", "[sim][mlfq]") {
  // A blocks at 1 and is ready again at 3, behind C (back) or ahead of it (front).
  const std::vector<test::P> workload = {{"A", 0, "c1 i2 c1"}, {"B", 0, "c10"}, {"C", 0, "c10"}};
  CHECK(completion(test::runToEnd(mlfq("mlfq", 1, workload)), 0) == 22);
  CHECK(completion(test::runToEnd(mlfq("mlfq:io_to_front", 1, workload)), 0) == 12);
}

TEST_CASE("mlfq: without io_keeps_level the CPU a process uses before IO counts toward its quantum", "[sim][mlfq]") {
  // G runs 9, blocks 1, runs 9: its 10-tick quantum runs out in the second
  // burst, so it drops and the long job L, still at level 0, runs before it
  // finishes. With io_keeps_level (OSTEP -S) each block gives G a fresh
  // quantum: it games the scheduler and finishes first.
  const std::vector<test::P> workload = {{"G", 0, "c9 i1 c9"}, {"L", 0, "c30"}};
  const auto fair = test::runToEnd(mlfq("mlfq", 1, workload));
  const auto gamed = test::runToEnd(mlfq("mlfq:io_keeps_level", 1, workload));
  // Fair: G 0-9, L 9-19 (drops), G 19-20 (its quantum is spent: it drops
  // behind L), L 20-30, G 30-38. Gamed: G 0-9, L 9-19, G 19-28.
  CHECK(completion(fair, 0) == 38);
  CHECK(completion(gamed, 0) == 28);
}

TEST_CASE("mlfq: a boost lifts a starving process and is traced as a requeue", "[sim][mlfq]") {
  // Two processes that block before their quantum ends keep level 0 with
  // io_keeps_level and keep the core busy; L sinks after its first quantum.
  std::vector<test::P> workload = {{"L", 0, "c100"}};
  for (const char* name : {"B1", "B2"}) {
    std::string bursts = "c5";
    for (int i = 0; i < 30; ++i) bursts += " i5 c5";
    workload.push_back({name, 0, bursts});
  }
  sim::Engine starved(mlfq("mlfq:io_keeps_level", 1, workload));
  starved.runTo(300);
  CHECK(count(starved.trace(), 0, sim::TransitionKind::Dispatch, 300) == 1);
  sim::Engine boosted(mlfq("mlfq:io_keeps_level:boost=50", 1, workload));
  boosted.runTo(300);
  CHECK(count(boosted.trace(), 0, sim::TransitionKind::Dispatch, 300) >= 5);
  const auto requeues = std::count_if(boosted.trace().begin(), boosted.trace().end(), [](const sim::Transition& t) {
    return t.kind == sim::TransitionKind::Requeue;
  });
  CHECK(requeues > 0);
  for (const sim::Transition& t : boosted.trace()) {
    if (t.kind != sim::TransitionKind::Requeue) continue;
    CHECK(t.reason == sim::Reason::Boost);
    CHECK(t.tick % 50 == 0);
  }
}

TEST_CASE("mlfq: with a boost no ready process waits longer than the boost period plus one round", "[sim][mlfq][property]") {
  for (std::uint64_t seed = 1; seed <= 400; ++seed) {
    sim::Scenario s = test::randomScenario(seed);
    s.policy = sim::PolicySpec{};
    s.policy.name = "mlfq";
    s.policy.params = {{"levels", {3}}, {"quantum", {2, 4, 8}}, {"boost", {20}}};
    s.context_switch = 0;
    s.policy.wakeup_preempts = false;
    INFO("seed " << seed);
    sim::Engine engine(s);
    engine.runToEnd();
    // Ahead of a process lifted by a boost: at most n-1 processes with a
    // level-0 quantum each, after the running ones finish their slices.
    const auto n = static_cast<sim::Tick>(s.processes.size());
    const sim::Tick bound = 20 + 8 + n * 2 * s.cores;
    std::map<sim::ProcessId, sim::Tick> ready_since;
    for (const sim::Transition& t : engine.trace()) {
      if (sim::toState(t.kind) == sim::State::Ready && t.kind != sim::TransitionKind::Requeue) ready_since[t.process] = t.tick;
      if (t.kind == sim::TransitionKind::Dispatch) {
        REQUIRE(t.tick - ready_since[t.process] <= bound);
      }
    }
  }
}

TEST_CASE("mlfq: rewinding replays the same run, boosts included", "[sim][mlfq]") {
  const auto s = mlfq("mlfq:boost=7:allotment=2", 2, {{"A", 0, "c30 i3 c8"}, {"B", 1, "c3 i2 c3 i2 c9"}, {"C", 4, "c25"}});
  sim::Engine engine(s, {.snapshot_every = 4});
  engine.runToEnd();
  const sim::Trace full = engine.trace();
  engine.rewindTo(13);
  engine.runToEnd();
  CHECK(engine.trace() == full);
}

TEST_CASE("mlfq: a quantum list must give one value or one per level", "[sim][mlfq]") {
  std::string error;
  CHECK_FALSE(sim::parsePolicySpec("mlfq:levels=3:quantum=10/20", {}, error));
  CHECK_THAT(error, Catch::Contains("policy.quantum: give one value or one per level (3), got 2"));
  CHECK_FALSE(sim::parsePolicySpec("mlfq:levels=0", {}, error));
  CHECK_THAT(error, Catch::Contains("levels: must be at least 1"));
  CHECK(sim::parsePolicySpec("mlfq:levels=2:quantum=5/10:allotment=3", {}, error));
}

TEST_CASE("mlfq: the queues view shows each level with each process's ticks and allotment left", "[sim][mlfq]") {
  sim::Engine engine(mlfq("mlfq:levels=2:quantum=2/4", 1, {{"A", 0, "c8"}, {"B", 0, "c8"}, {"C", 0, "c8"}}));
  engine.runTo(2);  // A used its quantum and dropped; B runs; C waits at level 0
  const auto views = engine.policy().queues(engine.state());
  REQUIRE(views.size() == 2);
  CHECK(views[0].label == "level 0 (quantum 2)");
  REQUIRE(views[0].entries.size() == 1);
  CHECK(views[0].entries[0].process == 2);
  REQUIRE(views[1].entries.size() == 1);
  CHECK(views[1].entries[0].process == 0);
  CHECK(views[1].entries[0].facts[0] == std::pair<std::string, std::int64_t>{"ticks left", 4});
}
