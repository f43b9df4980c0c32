// lottery (docs/model.md, "lottery"): the draw, its parameters, determinism
// and the shares it converges to.
#include <cmath>
#include <random>
#include <string>

#include <catch2/catch.hpp>

#include "scenario_builder.hpp"
#include "sim/policy_registry.hpp"

namespace {

sim::Scenario lottery(const std::vector<test::P>& processes, const std::vector<std::int32_t>& tickets,
                      std::int64_t quantum = 1, std::int64_t seed = 0, int cores = 1) {
  sim::Scenario s = test::makeScenario("lottery", cores, processes, quantum);
  s.policy.params["seed"] = {seed};
  for (std::size_t i = 0; i < tickets.size(); ++i) s.processes[i].tickets = tickets[i];
  return s;
}

std::string errorOf(const std::string& text) {
  std::string error;
  CHECK_FALSE(sim::parsePolicySpec(text, {}, error));
  return error;
}

}  // namespace

TEST_CASE("a lottery draw takes r mod total and walks the ready processes in scenario order", "[sim][lottery]") {
  // mt19937_64 seeded with 0 gives r mod 6 = 0, 5, 1, 0, 4, 2. With tickets
  // A 1, B 2, C 3 the running sums are 1, 3, 6: ticket 0 is A's, 1-2 B's,
  // 3-5 C's. Each tick the running process goes back and a new draw is made.
  std::mt19937_64 reference(0);
  CHECK(reference() % 6 == 0);
  CHECK(reference() % 6 == 5);
  sim::Engine engine(lottery({{"A", 0, "c10"}, {"B", 0, "c10"}, {"C", 0, "c10"}}, {1, 2, 3}));
  CHECK(test::whoRuns(engine, 6) == "ACBACB");
}

TEST_CASE("every lottery draw matches a by-hand walk over the tickets", "[sim][lottery]") {
  // The reference: a linear walk in scenario order over the same numbers.
  const std::vector<std::int32_t> tickets = {5, 1, 30, 7, 100, 2};
  std::vector<test::P> processes;
  for (std::size_t i = 0; i < tickets.size(); ++i) processes.push_back({std::string(1, char('A' + i)), 0, "c400"});
  for (const std::int64_t seed : {0, 1, 123456789}) {
    INFO("seed " << seed);
    sim::Engine engine(lottery(processes, tickets, 1, seed));
    const std::string actual = test::whoRuns(engine, 300);
    std::mt19937_64 rng(static_cast<std::uint64_t>(seed));
    std::string expected;
    for (int tick = 0; tick < 300; ++tick) {
      const std::uint64_t w = rng() % 145;
      std::uint64_t sum = 0;
      for (std::size_t i = 0; i < tickets.size(); ++i) {
        sum += static_cast<std::uint64_t>(tickets[i]);
        if (sum > w) {
          expected += char('A' + i);
          break;
        }
      }
    }
    CHECK(actual == expected);
  }
}

TEST_CASE("lottery draws stay right while the ticket tree grows to hundreds of processes", "[sim][lottery]") {
  // Process i arrives at tick i, so the tree grows as ids appear, and every
  // tick draws among processes 0..t (the running one is put back first).
  constexpr int kCount = 300;
  std::vector<test::P> processes;
  std::vector<std::int32_t> tickets;
  for (int i = 0; i < kCount; ++i) {
    processes.push_back({std::string("P").append(std::to_string(i)), i, "c2000"});
    tickets.push_back(1 + (i * 37) % 101);
  }
  sim::Engine engine(lottery(processes, tickets, 1, 77));
  std::mt19937_64 rng(77);
  for (int t = 0; t < 2 * kCount; ++t) {
    engine.stepTick();
    const int present = std::min(t + 1, kCount);
    std::uint64_t total = 0;
    for (int i = 0; i < present; ++i) total += static_cast<std::uint64_t>(tickets[static_cast<std::size_t>(i)]);
    const std::uint64_t w = rng() % total;
    std::uint64_t sum = 0;
    sim::ProcessId expected = -1;
    for (int i = 0; i < present && expected < 0; ++i) {
      sum += static_cast<std::uint64_t>(tickets[static_cast<std::size_t>(i)]);
      if (sum > w) expected = i;
    }
    INFO("tick " << t);
    REQUIRE(engine.state().cores[0].running == expected);
  }
}

TEST_CASE("a lottery draw counts only the ready processes' tickets", "[sim][lottery]") {
  // Scenario order B (2 tickets), A (1), C (3). Seed 0's first draw is
  // ticket 0: B, which blocks after one tick. The next draws are among A and
  // C only: w = r mod 4, ticket 0 is A's, 1-3 are C's.
  sim::Engine engine(lottery({{"B", 0, "c1 i50 c1"}, {"A", 0, "c10"}, {"C", 0, "c10"}}, {2, 1, 3}));
  std::mt19937_64 rng(0);
  std::string expected = "B";
  rng();
  for (int i = 0; i < 6; ++i) expected += rng() % 4 == 0 ? 'A' : 'C';
  CHECK(test::whoRuns(engine, 7) == expected);
}

TEST_CASE("a lottery slice lasts the quantum and the winner may win again", "[sim][lottery]") {
  // Seed 0, tickets 1/2/3, quantum 3: draws A, C, B every 3 ticks.
  sim::Engine engine(lottery({{"A", 0, "c10"}, {"B", 0, "c10"}, {"C", 0, "c10"}}, {1, 2, 3}, 3));
  CHECK(test::whoRuns(engine, 9) == "AAACCCBBB");
  // With tickets 1/1/98 C wins most draws; a repeated win records a
  // preempt and a dispatch of the same process with no context switch.
  sim::Engine mostly_c(lottery({{"A", 0, "c10"}, {"B", 0, "c10"}, {"C", 0, "c30"}}, {1, 1, 98}, 2));
  mostly_c.runToEnd();
  std::size_t repeated = 0;
  const auto& trace = mostly_c.trace();
  for (std::size_t i = 1; i < trace.size(); ++i) {
    if (trace[i].kind == sim::TransitionKind::Dispatch && trace[i - 1].kind == sim::TransitionKind::Preempt &&
        trace[i].process == trace[i - 1].process) {
      ++repeated;
    }
  }
  CHECK(repeated > 0);
}

TEST_CASE("a lone lottery process keeps its core without draws or transitions", "[sim][lottery]") {
  sim::Engine engine(lottery({{"A", 0, "c10"}}, {5}, 2));
  engine.runToEnd();
  CHECK(engine.trace().size() == 3);
  CHECK(engine.state().processes[0].completion == 10);
}

TEST_CASE("the same lottery seed gives the same trace and another seed another trace", "[sim][lottery][determinism]") {
  const std::vector<test::P> processes = {{"A", 0, "c20 i5 c20"}, {"B", 3, "c30"}, {"C", 1, "c10 i2 c10 i2 c10"}};
  sim::Engine first(lottery(processes, {100, 200, 300}, 2, 42, 2));
  sim::Engine second(lottery(processes, {100, 200, 300}, 2, 42, 2));
  sim::Engine other(lottery(processes, {100, 200, 300}, 2, 43, 2));
  first.runToEnd();
  second.runToEnd();
  other.runToEnd();
  CHECK(first.trace() == second.trace());
  CHECK(first.trace() != other.trace());
}

TEST_CASE("rewinding a lottery run replays the same draws", "[sim][lottery][rewind]") {
  const sim::Scenario s = lottery({{"A", 0, "c300"}, {"B", 0, "c200 i10 c100"}, {"C", 5, "c300"}}, {1, 3, 5}, 1, 9, 2);
  sim::Engine straight(s);
  straight.runToEnd();
  sim::Engine engine(s, {.snapshot_every = 16});
  engine.runTo(400);
  engine.rewindTo(123);
  sim::Engine fresh(s);
  fresh.runTo(123);
  CHECK(engine.trace() == fresh.trace());
  CHECK(engine.readyQueue() == fresh.readyQueue());
  engine.rewindTo(7);
  engine.runToEnd();
  CHECK(engine.trace() == straight.trace());
}

TEST_CASE("the lottery's ready queue lists the next winner first, then scenario order", "[sim][lottery]") {
  // Seed 0 on one core: A wins tick 0 (ticket 0); at tick 1 the next draw
  // (r mod 6 = 5) belongs to C, and B, A follow in scenario order.
  sim::Engine engine(lottery({{"A", 0, "c10"}, {"B", 0, "c10"}, {"C", 0, "c10"}}, {1, 2, 3}));
  engine.stepTick();
  CHECK(engine.state().cores[0].running == 0);
  // Ready now: B and C (A runs). The next pick sees A, B, C again after A's
  // slice; as of now the winner of r mod 5 among B (2) and C (3) is listed first.
  const auto ready = engine.readyQueue();
  REQUIRE(ready.size() == 2);
  CHECK(ready[0] == (18301848765998365067ULL % 5 < 2 ? 1 : 2));
}

TEST_CASE("two lottery instances draw independently and a clone continues identically", "[sim][lottery]") {
  sim::PolicySpec spec;
  spec.name = "lottery";
  spec.params["seed"] = {5};
  auto one = sim::makePolicy(spec);
  auto two = sim::makePolicy(spec);
  const sim::EngineState state;
  auto fill = [](sim::Policy& policy) {
    for (sim::ProcessId id = 0; id < 200; id += 3) {
      sim::ProcessView view;
      view.id = id;
      view.tickets = 1 + id;
      policy.enqueue(view);
    }
  };
  fill(*one);
  fill(*two);
  // Interleaving picks of the two gives each the sequence it gives alone.
  std::vector<sim::ProcessId> from_one;
  std::vector<sim::ProcessId> from_two;
  for (int i = 0; i < 10; ++i) {
    from_one.push_back(one->pickNext(0, state));
    from_two.push_back(two->pickNext(0, state));
  }
  CHECK(from_one == from_two);
  auto copy = one->clone();
  for (int i = 0; i < 20; ++i) {
    const sim::ProcessId peeked = one->peekNext(0, state);
    CHECK(one->pickNext(0, state) == peeked);
    CHECK(copy->pickNext(0, state) == peeked);
  }
}

TEST_CASE("lottery shares converge to the ticket ratio over a long run", "[sim][lottery][property]") {
  // 3 CPU-bound processes, tickets 100/200/300, quantum 1: each of the
  // 60,000 ticks is an independent draw, so a share's standard deviation is
  // sqrt(p(1-p)/60000) <= 0.0021. A tolerance of 0.01 is about 5 standard
  // deviations: a correct draw fails it with probability ~1e-6 per seed,
  // while a draw biased by even 2% of a share is caught.
  for (const std::int64_t seed : {0, 1, 2, 3}) {
    INFO("seed " << seed);
    sim::Engine engine(lottery({{"A", 0, "c70000"}, {"B", 0, "c70000"}, {"C", 0, "c70000"}}, {100, 200, 300}, 1, seed));
    engine.runTo(59'999);
    const double ticks = 60'000;
    const double expected[] = {1.0 / 6, 2.0 / 6, 3.0 / 6};
    for (sim::ProcessId id = 0; id < 3; ++id) {
      const double share = static_cast<double>(engine.state().ticksIn(id, sim::State::Running)) / ticks;
      CHECK(std::abs(share - expected[id]) < 0.01);
    }
  }
}

TEST_CASE("bad lottery parameters are refused with the place and the range", "[sim][lottery][registry]") {
  CHECK_THAT(errorOf("lottery:quantum=0"), Catch::Contains("quantum: must be at least 1, got 0"));
  CHECK_THAT(errorOf("lottery:seed=-1"), Catch::Contains("seed: must be at least 0, got -1"));
  CHECK_THAT(errorOf("lottery:tickets=5"), Catch::Contains("no parameter \"tickets\""));
  std::string error;
  const auto spec = sim::parsePolicySpec("lottery:quantum=3:seed=9223372036854775807", {}, error);
  REQUIRE(spec);
  CHECK(sim::policyLabel(*spec) == "lottery (quantum 3, seed 9223372036854775807)");
  const sim::PolicyInfo* info = sim::findPolicy("lottery");
  REQUIRE(info != nullptr);
  CHECK(info->process_keys == std::vector<std::string>{"tickets"});
}

TEST_CASE("the lottery's queues view gives each ready process its tickets and its chance of the next draw", "[sim][lottery]") {
  // As above: A runs; B (2 tickets) and C (3) wait, 5 tickets in all. The
  // next number mod 5 is 2, past B's 2 tickets: C is listed first, then B.
  sim::Engine engine(lottery({{"A", 0, "c10"}, {"B", 0, "c10"}, {"C", 0, "c10"}}, {1, 2, 3}));
  engine.stepTick();
  REQUIRE(engine.state().cores[0].running == 0);
  const auto views = engine.policy().queues(engine.state());
  REQUIRE(views.size() == 1);
  CHECK(views[0].label == "draw among 5 tickets");
  REQUIRE(views[0].entries.size() == 2);
  using Facts = std::vector<std::pair<std::string, std::int64_t>>;
  CHECK(18301848765998365067ULL % 5 == 2);
  CHECK(views[0].entries[0].process == 2);
  CHECK(views[0].entries[0].facts == Facts{{"tickets", 3}, {"chance %", 60}});
  CHECK(views[0].entries[1].process == 1);
  CHECK(views[0].entries[1].facts == Facts{{"tickets", 2}, {"chance %", 40}});
}
