// stride (docs/model.md, "stride"): the lowest pass runs, ties to scenario
// order, passes charged per tick run, and the floor for arrivals and wakeups.
#include <cmath>
#include <string>

#include <catch2/catch.hpp>

#include "scenario_builder.hpp"
#include "sim/policy_registry.hpp"

namespace {

sim::Scenario stride(const std::vector<test::P>& processes, const std::vector<std::int32_t>& tickets,
                     std::int64_t quantum = 1, std::int64_t big = 10'000, int cores = 1) {
  sim::Scenario s = test::makeScenario("stride", cores, processes, quantum);
  s.policy.params["big"] = {big};
  for (std::size_t i = 0; i < tickets.size(); ++i) s.processes[i].tickets = tickets[i];
  return s;
}

std::string errorOf(const std::string& text) {
  std::string error;
  CHECK_FALSE(sim::parsePolicySpec(text, {}, error));
  return error;
}

}  // namespace

TEST_CASE("stride runs the lowest pass, as in OSTEP's example", "[sim][stride]") {
  // OSTEP figure 9.3: tickets 100, 50, 250 with big 10000: strides 100, 200, 40.
  // Passes (A, B, C) before each tick: 0 0 0 -> A; 100 0 0 -> B; 100 200 0
  // -> C; 40 -> C; 80 -> C; 100 200 120 -> A; 200 200 120 -> C; 160 -> C;
  // 200 200 200 -> A (tie: scenario order); 300 200 200 -> B; 300 400 200 -> C.
  sim::Engine engine(stride({{"A", 0, "c50"}, {"B", 0, "c50"}, {"C", 0, "c50"}}, {100, 50, 250}));
  CHECK(test::whoRuns(engine, 11) == "ABCCCACCABC");
}

TEST_CASE("stride breaks a tie of passes by scenario order", "[sim][stride]") {
  sim::Engine engine(stride({{"B", 0, "c4"}, {"A", 0, "c4"}}, {100, 100}));
  CHECK(test::whoRuns(engine, 8) == "BABABABA");
}

TEST_CASE("a stride slice lasts the quantum", "[sim][stride]") {
  // Strides 100 and 200, quantum 3. A 0, B 0 -> A runs 0-2 (pass 300);
  // B 0 -> 3-5 (600); A 300 -> 6-8 (600); A is charged as its slice ends and
  // ties B at 600 -> A again, 9-11 (900); B 600 -> 12-14 (1200); A 900 ->
  // 15-17 (1200); tie -> A 18-20, its last ticks; B alone 21-23.
  sim::Engine engine(stride({{"A", 0, "c15"}, {"B", 0, "c9"}}, {100, 50}, 3));
  CHECK(test::whoRuns(engine, 24) == "AAABBBAAAAAABBBAAAAAABBB");
}

TEST_CASE("stride charges a partial slice by the ticks it ran", "[sim][stride]") {
  // Quantum 4, equal tickets (stride 100). X runs 1 tick and blocks: its pass
  // is 100, not a full slice's 400. Y arrives at 1 with pass 0 and runs
  // ticks 1-4 (pass 400); X, back at 2 with pass 100, runs next at 5.
  // Charging a whole slice per dispatch would tie X and Y at 400 and give
  // tick 5 to Y (scenario order).
  sim::Engine engine(stride({{"Y", 1, "c12"}, {"X", 0, "c1 i1 c8"}}, {100, 100}, 4));
  CHECK(test::whoRuns(engine, 13) == "XYYYYXXXXYYYY");
}

TEST_CASE("a stride process back from IO is lifted to the lowest pass instead of catching up", "[sim][stride]") {
  // A runs tick 0 (pass 100) and sleeps 20 ticks; B runs alone from tick 1.
  // At 21 B's pass is 1900 (19 renewed slices), so A re-enters at 1900, not
  // 100, and they share: A 1900 -> A; 2000 2000 -> A (scenario order); B ...
  sim::Engine engine(stride({{"A", 0, "c1 i20 c10"}, {"B", 0, "c40"}}, {100, 100}));
  const std::string who = test::whoRuns(engine, 31);
  CHECK(who.substr(0, 21) == "AB" + std::string(19, 'B'));
  CHECK(who.substr(21) == "AABABABABA");
}

TEST_CASE("a late stride arrival starts at the lowest pass of the ready and running processes", "[sim][stride]") {
  // A runs alone from 0; at 50 its running pass is 4900 (charged at each
  // renewal up to 49). B arrives at 50 with pass 4900, not 0; A's slice then
  // ends (5000), so B runs, then they alternate instead of B running 50 ticks.
  sim::Engine engine(stride({{"A", 0, "c100"}, {"B", 50, "c20"}}, {100, 100}));
  const std::string who = test::whoRuns(engine, 60);
  CHECK(who.substr(50) == "BABABABABA");
}

TEST_CASE("a stride arrival to an empty queue starts at the pass the last process left with", "[sim][stride]") {
  // A runs ticks 0-9 and exits (its last running pass: 900 before the final
  // tick's charge). B arrives at 20 when no one runs: it starts at 900 and C,
  // arriving at 21, starts at B's pass then; both share evenly.
  sim::Engine engine(stride({{"A", 0, "c10"}, {"B", 20, "c10"}, {"C", 21, "c10"}}, {100, 100, 100}));
  const std::string who = test::whoRuns(engine, 27);
  CHECK(who.substr(20) == "BCBCBCB");
}

TEST_CASE("a stride is big / tickets rounded down, at least 1", "[sim][stride]") {
  const std::vector<test::P> processes = {{"A", 0, "c100"}, {"B", 0, "c100"}};
  auto cpuAfter30 = [&processes](std::int64_t big, std::vector<std::int32_t> tickets) {
    sim::Engine engine(stride(processes, tickets, 1, big));
    engine.runTo(29);
    return std::pair{engine.state().ticksIn(0, sim::State::Running), engine.state().ticksIn(1, sim::State::Running)};
  };
  // Tickets 3 and 2. big 6: strides 2 and 3, shares 3:2 exactly.
  CHECK(cpuAfter30(6, {3, 2}) == std::pair<sim::Tick, sim::Tick>{18, 12});
  // big 5: strides 5/3 = 1 and 5/2 = 2, shares 2:1.
  CHECK(cpuAfter30(5, {3, 2}) == std::pair<sim::Tick, sim::Tick>{20, 10});
  // big 10 with tickets 100 and 200: 0 rounds up to 1, equal shares.
  CHECK(cpuAfter30(10, {100, 200}) == std::pair<sim::Tick, sim::Tick>{15, 15});
}

TEST_CASE("stride shares are exact within one quantum at every tick", "[sim][stride][property]") {
  // Tickets 100/200/300 with big 60000 (strides 600, 300, 200, no rounding):
  // at every tick t each process has had t x tickets / 600 ticks of CPU, to
  // within one quantum.
  const std::int32_t tickets[] = {100, 200, 300};
  for (const std::int64_t quantum : {1, 2, 5}) {
    INFO("quantum " << quantum);
    sim::Engine engine(stride({{"A", 0, "c5000"}, {"B", 0, "c5000"}, {"C", 0, "c5000"}}, {100, 200, 300}, quantum, 60'000));
    double worst = 0;
    for (sim::Tick t = 0; t < 6'000; ++t) {
      engine.stepTick();
      for (sim::ProcessId id = 0; id < 3; ++id) {
        // ticksIn counts through the end of tick t: t + 1 ticks in all.
        const double had = static_cast<double>(engine.state().ticksIn(id, sim::State::Running));
        const double fair = static_cast<double>(t + 1) * tickets[id] / 600.0;
        worst = std::max(worst, std::abs(had - fair));
      }
      if (worst > static_cast<double>(quantum)) break;
    }
    INFO("worst deviation " << worst << " ticks");
    CHECK(worst <= static_cast<double>(quantum));
  }
}

TEST_CASE("stride runs on several cores from one queue", "[sim][stride]") {
  // Two cores, 800 core-ticks in 400 ticks; tickets 100, 100, 200 (strides
  // 100, 100, 50): A and B are owed 200 each and C 400, a whole core. Each
  // gets its share to within one tick.
  sim::Engine engine(stride({{"A", 0, "c300"}, {"B", 0, "c300"}, {"C", 0, "c600"}}, {100, 100, 200}, 1, 10'000, 2));
  engine.runTo(399);
  const auto& state = engine.state();
  CHECK(std::abs(state.ticksIn(0, sim::State::Running) - 200) <= 1);
  CHECK(std::abs(state.ticksIn(1, sim::State::Running) - 200) <= 1);
  CHECK(std::abs(state.ticksIn(2, sim::State::Running) - 400) <= 1);
}

TEST_CASE("stride wakeups straight onto a core are lifted too", "[sim][stride]") {
  // wakeup_preempts: A, back from IO at 21, displaces B at once; lifted to
  // B's pass it then shares instead of running its 10 ticks in a row.
  sim::Scenario s = stride({{"A", 0, "c1 i20 c10"}, {"B", 0, "c40"}}, {100, 100});
  s.policy.wakeup_preempts = true;
  sim::Engine engine(s);
  const std::string who = test::whoRuns(engine, 31);
  CHECK(who.substr(21, 1) == "A");
  CHECK(who.substr(21).find("AAAA") == std::string::npos);
}

TEST_CASE("rewinding a stride run replays it", "[sim][stride][rewind]") {
  const sim::Scenario s = stride({{"A", 0, "c30 i5 c30"}, {"B", 2, "c40"}, {"C", 0, "c10 i40 c10"}}, {1, 3, 5}, 2, 10'000, 2);
  sim::Engine straight(s);
  straight.runToEnd();
  sim::Engine engine(s, {.snapshot_every = 4});
  engine.runToEnd();
  engine.rewindTo(31);
  sim::Engine fresh(s);
  fresh.runTo(31);
  CHECK(engine.trace() == fresh.trace());
  CHECK(engine.readyQueue() == fresh.readyQueue());
  engine.runToEnd();
  CHECK(engine.trace() == straight.trace());
}

TEST_CASE("bad stride parameters are refused with the place and the range", "[sim][stride][registry]") {
  CHECK_THAT(errorOf("stride:quantum=0"), Catch::Contains("quantum: must be at least 1, got 0"));
  CHECK_THAT(errorOf("stride:big=0"), Catch::Contains("big: must be at least 1, got 0"));
  CHECK_THAT(errorOf("stride:big=1000000001"), Catch::Contains("big: must be at most 1000000000, got 1000000001"));
  std::string error;
  const auto spec = sim::parsePolicySpec("stride:2", {}, error);
  REQUIRE(spec);
  CHECK(sim::policyLabel(*spec) == "stride (quantum 2, big 10000)");
}

TEST_CASE("stride's queues view lists the ready processes by pass, each with its pass and stride", "[sim][stride]") {
  // OSTEP's example as above: after tick 1, B runs; C (pass 0) and A (pass
  // 100, charged for tick 0) wait.
  sim::Engine engine(stride({{"A", 0, "c50"}, {"B", 0, "c50"}, {"C", 0, "c50"}}, {100, 50, 250}));
  engine.runTo(1);
  REQUIRE(engine.state().cores[0].running == 1);
  const auto views = engine.policy().queues(engine.state());
  REQUIRE(views.size() == 1);
  CHECK(views[0].label == "lowest pass runs next");
  REQUIRE(views[0].entries.size() == 2);
  using Facts = std::vector<std::pair<std::string, std::int64_t>>;
  CHECK(views[0].entries[0].process == 2);
  CHECK(views[0].entries[0].facts == Facts{{"pass", 0}, {"stride", 40}});
  CHECK(views[0].entries[1].process == 0);
  CHECK(views[0].entries[1].facts == Facts{{"pass", 100}, {"stride", 100}});
}
