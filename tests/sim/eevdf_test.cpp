// eevdf: each rule of docs/model.md ("eevdf") on small cases checked by
// hand, then the properties: shares follow the weights, waits stay bounded,
// and rewinding replays. Virtual time is in units of 1/1024 tick at nice 0.
#include <random>

#include <catch2/catch.hpp>

#include "fair_helpers.hpp"
#include "sim/engine_state.hpp"
#include "sim/scenario_json.hpp"

using test::P;

namespace {

constexpr std::int64_t kTick = sim::kVirtualUnitsPerTick;

std::string specError(const std::string& text) {
  std::string error;
  CHECK_FALSE(sim::parsePolicySpec(text, {}, error));
  return error;
}

sim::ProcessView viewOf(sim::ProcessId id, int nice = 0) {
  sim::ProcessView view;
  view.id = id;
  view.nice = nice;
  return view;
}

}  // namespace

TEST_CASE("eevdf: two nice-0 processes alternate slices of 3 ticks, deadline ties to the lower id", "[sim][eevdf]") {
  sim::Engine engine(test::fairScenario("eevdf", 1, {{"A", 0, "c9"}, {"B", 0, "c9"}}));
  engine.runToEnd();
  // At 3: A has vruntime 3 ticks > V = 1.5 ticks, not eligible: B. At 6 both are at V with deadline 6 ticks: A.
  CHECK(test::dispatchTicks(engine.trace(), 0) == std::vector<sim::Tick>{0, 6, 12});
  CHECK(test::dispatchTicks(engine.trace(), 1) == std::vector<sim::Tick>{3, 9, 15});
}

TEST_CASE("eevdf: slice sets the request: the time slice and the distance to the deadline", "[sim][eevdf]") {
  sim::Engine engine(test::fairScenario("eevdf:slice=5", 1, {{"A", 0, "c10"}, {"B", 0, "c10"}}));
  engine.stepTick();
  CHECK(engine.state().cores[0].slice_length == 5);
  CHECK(test::fair(engine).entity(0).deadline == 5 * kTick);
  CHECK(test::fair(engine).entity(1).deadline == 5 * kTick);
  engine.runToEnd();
  CHECK(test::dispatchTicks(engine.trace(), 0) == std::vector<sim::Tick>{0, 10});
  CHECK(test::dispatchTicks(engine.trace(), 1) == std::vector<sim::Tick>{5, 15});
}

TEST_CASE("eevdf: a process that is not eligible waits even with the earliest deadline", "[sim][eevdf]") {
  // H (nice -10, weight 9548) has a virtual slice of 3 * 1024 * 1024 / 9548 = 329 units; B's is 3072.
  sim::Engine engine(test::fairScenario("eevdf", 1, {{"H", 0, "c100", 0, -10}, {"B", 0, "c100"}, {"C", 0, "c100"}}));
  engine.runTo(3);
  // H ran 0..2: vruntime 329, deadline 658. V = 9548 * 329 / 11596 = 270.9: H is ahead of V.
  const auto& policy = test::fair(engine);
  CHECK(policy.entity(0).vruntime == 329);
  CHECK(policy.entity(0).deadline == 658);
  CHECK(policy.queue().avg_vruntime == 270);
  CHECK(engine.state().cores[0].running == 1);  // B: eligible, deadline 3072 (a tie with C, lower id)
  // The queue shows the eligible by deadline, then the others by vruntime.
  CHECK(engine.readyQueue() == std::vector<sim::ProcessId>{2, 0});
}

TEST_CASE("eevdf: a new process starts at V with no lag and a deadline one virtual slice later", "[sim][eevdf]") {
  sim::Engine engine(test::fairScenario("eevdf", 1, {{"A", 0, "c100"}, {"B", 5, "c10"}}));
  engine.runTo(5);  // A alone, charged 3 ticks at its renewal at 3: V = 3 ticks
  const sim::FairEntity b = test::fair(engine).entity(1);
  CHECK(b.vruntime == 3 * kTick);
  CHECK(b.deadline == 6 * kTick);
  CHECK(b.lag == 0);
  engine.runToEnd();
  CHECK(test::dispatchTicks(engine.trace(), 1).front() == 6);  // A's slice ends at 6: B is eligible, A not
}

TEST_CASE("eevdf: a process keeps its negative lag across a sleep", "[sim][eevdf]") {
  sim::Engine engine(test::fairScenario("eevdf", 1, {{"A", 0, "c3 i10 c3"}, {"B", 0, "c100"}}));
  engine.runTo(3);
  // A ran 0..2 and blocks at 3 with vruntime 3 ticks while V = 1.5 ticks: lag -1.5 ticks.
  CHECK(test::fair(engine).entity(0).lag == -1536);
  engine.runTo(13);
  // B ran alone 3..12, charged at 6, 9, 12: V = 9 ticks. A comes back with its lag of -1.5 ticks:
  // placed at V - lag * (1024 + 1024) / 1024 = 9 + 3 ticks, so that V, moved by A, is 1.5 ticks below it.
  const sim::FairEntity a = test::fair(engine).entity(0);
  CHECK(a.vruntime == 12 * kTick);
  CHECK(a.deadline == 15 * kTick);
  CHECK(a.lag == -1536);
  engine.runToEnd();
  CHECK(test::dispatchTicks(engine.trace(), 0) == std::vector<sim::Tick>{0, 15});  // at 15 both deadlines are 15 ticks: A
}

TEST_CASE("eevdf: a process keeps its positive lag across a sleep and comes back ahead", "[sim][eevdf]") {
  sim::Engine engine(test::fairScenario("eevdf", 1, {{"B", 0, "c100"}, {"A", 0, "c1 i5 c3"}}));
  engine.runTo(4);
  CHECK(test::fair(engine).entity(1).lag == 1 * kTick);  // left at vruntime 1 tick with V = 2 ticks
  engine.runTo(9);
  const sim::FairEntity a = test::fair(engine).entity(1);
  CHECK(a.vruntime == 4 * kTick);  // V = 6 ticks (B charged at 7) minus 1 * 2048 / 1024 ticks
  CHECK(a.deadline == 7 * kTick);
  CHECK(a.lag == 1 * kTick);
  engine.runToEnd();
  CHECK(test::dispatchTicks(engine.trace(), 1) == std::vector<sim::Tick>{3, 10});
}

TEST_CASE("eevdf: the lag a process leaves with is clamped to two slices of its virtual time", "[sim][eevdf]") {
  // Driven by hand as two cores would: A and B run together, A is charged 1000 ticks.
  const auto policy = sim::makePolicy(test::fairScenario("eevdf", 1, {{"A", 0, "c1"}}).policy);
  auto& fair = dynamic_cast<sim::FairSharePolicy&>(*policy);
  const sim::EngineState state;
  policy->enqueue(viewOf(0));
  policy->enqueue(viewOf(1));
  REQUIRE(policy->pickNext(0, state) == 0);
  policy->onDispatched(0, 0, 0);
  REQUIRE(policy->pickNext(1, state) == 1);
  policy->onDispatched(1, 1, 0);
  policy->onSliceRenewed(0, 1000);
  SECTION("behind V: clamped to +6 ticks") {
    policy->onDescheduled(1, 1, sim::Reason::IoStart);  // V = (1000 + 1) / 2 ticks, far ahead of B's 1 tick
    CHECK(fair.entity(1).lag == 6 * kTick);
    CHECK_FALSE(fair.entity(1).runnable);
  }
  SECTION("ahead of V: clamped to -6 ticks") {
    policy->onDescheduled(0, 0, sim::Reason::IoStart);
    CHECK(fair.entity(0).lag == -6 * kTick);
  }
  SECTION("an exited process leaves nothing behind") {
    policy->onDescheduled(0, 0, sim::Reason::Finished);
    CHECK_FALSE(fair.entity(0).known);
    CHECK(fair.queue().runnable == 1);
    CHECK(fair.queue().total_weight == 1024);
  }
}

TEST_CASE("eevdf: when no ready process is eligible, the one with the smallest vruntime runs", "[sim][eevdf]") {
  // Driven by hand as three cores would: B keeps running with vruntime 0 and holds V down.
  const auto policy = sim::makePolicy(test::fairScenario("eevdf", 1, {{"A", 0, "c1"}}).policy);
  const auto& fair = dynamic_cast<const sim::FairSharePolicy&>(*policy);
  const sim::EngineState state;
  policy->enqueue(viewOf(0));
  policy->enqueue(viewOf(1));
  policy->enqueue(viewOf(2, 10));  // weight 110
  for (sim::ProcessId p = 0; p < 3; ++p) {
    REQUIRE(policy->pickNext(p, state) == p);  // deadlines 3072, 3072, 28597
    policy->onDispatched(p, p, 0);
  }
  policy->onDescheduled(0, 40, sim::Reason::QuantumExpired);  // A: vruntime 40960, deadline 44032
  policy->enqueue(viewOf(0));
  policy->onDescheduled(2, 4, sim::Reason::QuantumExpired);   // C: vruntime 38130, deadline 66727
  policy->enqueue(viewOf(2, 10));
  // V = (1024 * 40960 + 1024 * 0 + 110 * 38130) / 2158 = 21379: neither A nor C is eligible.
  CHECK(fair.queue().avg_vruntime == 21379);
  CHECK(fair.entity(0).deadline < fair.entity(2).deadline);
  CHECK(policy->peekNext(0, state) == 2);
  CHECK(policy->readyInOrder(state) == std::vector<sim::ProcessId>{2, 0});
  CHECK(policy->pickNext(0, state) == 2);
}

TEST_CASE("eevdf: nice 0 and nice 5 share the CPU 1024:335", "[sim][eevdf][property]") {
  // Lag stays within about one request (the EEVDF paper's bound); one more request runs uncharged.
  const auto cpu = test::cpuThrough(test::fairScenario("eevdf", 1, {{"A", 0, "c100000", 0, 0}, {"B", 0, "c100000", 0, 5}}), 13589);
  CHECK(cpu[0] + cpu[1] == 13590);
  CHECK(std::abs(cpu[0] - 10240) <= 2 * 3 + 1);
  CHECK(std::abs(cpu[1] - 3350) <= 2 * 3 + 1);
}

TEST_CASE("eevdf: over a long run every CPU-bound process gets its weight's share, and none waits long", "[sim][eevdf][property]") {
  for (std::uint64_t seed = 1; seed <= 200; ++seed) {
    std::mt19937_64 rng(seed);
    const int count = 2 + static_cast<int>(rng() % 6);
    const sim::Tick slice = 1 + static_cast<sim::Tick>(rng() % 8);
    std::vector<P> processes;
    std::int64_t total = 0;
    for (int i = 0; i < count; ++i) {
      const int nice = -5 + static_cast<int>(rng() % 16);
      processes.push_back({std::string("P").append(std::to_string(i)), 0, "c1000000", 0, nice});
      total += sim::niceWeight(nice);
    }
    INFO("seed " << seed << " slice " << slice);
    const sim::Tick horizon = 20000;
    const sim::Scenario s = test::fairScenario("eevdf:slice=" + std::to_string(slice), 1, processes);
    const auto cpu = test::cpuThrough(s, horizon - 1);
    sim::Engine engine(s, {.snapshots = false});
    engine.runTo(horizon - 1);
    const auto waits = test::longestWaits(engine);
    for (int i = 0; i < count; ++i) {
      INFO("P" << i << " nice " << processes[static_cast<std::size_t>(i)].nice);
      const std::int32_t w = sim::niceWeight(processes[static_cast<std::size_t>(i)].nice);
      const double share = static_cast<double>(horizon) * w / static_cast<double>(total);
      // Lag within one request each way, one request in progress uncharged, and rounding.
      CHECK(std::abs(static_cast<double>(cpu[static_cast<std::size_t>(i)]) - share) <= 2.0 * static_cast<double>(slice) + 1);
      // A process owed at most a request's lag gains (W / w) ticks of lag per tick it waits.
      CHECK(static_cast<double>(waits[static_cast<std::size_t>(i)]) <=
            (3.0 * static_cast<double>(slice) + 1) * static_cast<double>(total) / w);
    }
  }
}

TEST_CASE("eevdf: rewinding restores vruntimes, deadlines and lags and replays the same trace", "[sim][eevdf][rewind]") {
  const sim::Scenario s = test::fairScenario(
      "eevdf:slice=2", 2,
      {{"A", 0, "c20 i5 c9", 0, -3}, {"B", 1, "c7 i2 c7 i2 c7", 0, 4}, {"C", 2, "c30", 0, 0}, {"D", 9, "c3 i40 c12", 0, 10}});
  sim::Engine straight(s);
  straight.runToEnd();
  sim::Engine engine(s, {.snapshot_every = 3});
  engine.runToEnd();
  REQUIRE(engine.trace() == straight.trace());
  for (const sim::Tick target : {sim::Tick{5}, sim::Tick{23}, sim::Tick{41}, sim::Tick{2}}) {
    INFO("tick " << target);
    engine.rewindTo(target);
    sim::Engine fresh(s);
    fresh.runTo(target);
    CHECK(engine.trace() == fresh.trace());
    CHECK(engine.readyQueue() == fresh.readyQueue());
    CHECK(test::fair(engine).queue().avg_vruntime == test::fair(fresh).queue().avg_vruntime);
    for (sim::ProcessId p = 0; p < 4; ++p) {
      CHECK(test::fair(engine).entity(p).vruntime == test::fair(fresh).entity(p).vruntime);
      CHECK(test::fair(engine).entity(p).deadline == test::fair(fresh).entity(p).deadline);
      CHECK(test::fair(engine).entity(p).lag == test::fair(fresh).entity(p).lag);
    }
  }
  engine.runToEnd();
  CHECK(engine.trace() == straight.trace());
}

TEST_CASE("eevdf: two policy instances fed differently keep separate state", "[sim][eevdf]") {
  const sim::PolicySpec spec = test::fairScenario("eevdf", 1, {{"A", 0, "c1"}}).policy;
  const auto first = sim::makePolicy(spec);
  const auto second = sim::makePolicy(spec);
  const sim::EngineState state;
  first->enqueue(viewOf(0));
  first->enqueue(viewOf(1, 5));
  second->enqueue(viewOf(1));
  CHECK(first->readyCount() == 2);
  CHECK(second->readyCount() == 1);
  REQUIRE(first->pickNext(0, state) == 0);
  first->onDispatched(0, 0, 0);
  first->onDescheduled(0, 3, sim::Reason::QuantumExpired);
  const auto copy = first->clone();
  first->enqueue(viewOf(0));
  CHECK(dynamic_cast<const sim::FairSharePolicy&>(*second).entity(1).weight == 1024);
  CHECK(dynamic_cast<const sim::FairSharePolicy&>(*first).entity(1).weight == 335);
  CHECK(dynamic_cast<const sim::FairSharePolicy&>(*first).entity(0).vruntime == 3 * kTick);
  CHECK(copy->readyCount() == 1);  // the clone was taken before A went back to the queue
  CHECK(second->pickNext(0, state) == 1);
}

TEST_CASE("eevdf: bad parameters are refused, naming the place", "[sim][eevdf][errors]") {
  CHECK_THAT(specError("eevdf:slice=0"), Catch::Contains("slice: must be at least 1, got 0"));
  CHECK_THAT(specError("eevdf:slice=1000001"), Catch::Contains("slice: must be at most 1000000"));
  CHECK_THAT(specError("eevdf:quantum=3"), Catch::Contains("no parameter \"quantum\""));
  std::string error;
  CHECK(sim::parsePolicySpec("eevdf:4", {}, error)->params.at("slice") == sim::ParamValue{4});
  CHECK_THROWS_WITH(sim::parseScenario(R"({"policy": {"name": "eevdf", "slice": -1}, "processes": [{"bursts": [{"cpu": 1}]}]})"),
                    Catch::Contains("policy.slice: must be at least 1, got -1"));
}

TEST_CASE("eevdf: the queues view shows V and each ready process's deadline, lag, vruntime, nice and weight", "[sim][eevdf]") {
  // The case above: after H's first slice, B runs; C (eligible, lag V - 0)
  // comes before H (ahead of V: negative lag) although H's deadline is earlier.
  sim::Engine engine(test::fairScenario("eevdf", 1, {{"H", 0, "c100", 0, -10}, {"B", 0, "c100"}, {"C", 0, "c100"}}));
  engine.runTo(3);
  const auto views = engine.policy().queues(engine.state());
  REQUIRE(views.size() == 1);
  CHECK(views[0].label == "eligible when lag >= 0; V = 270");
  REQUIRE(views[0].entries.size() == 2);
  using Facts = std::vector<std::pair<std::string, std::int64_t>>;
  CHECK(views[0].entries[0].process == 2);
  CHECK(views[0].entries[0].facts ==
        Facts{{"deadline", 3 * kTick}, {"lag", 270}, {"vruntime", 0}, {"nice", 0}, {"weight", 1024}});
  CHECK(views[0].entries[1].process == 0);
  CHECK(views[0].entries[1].facts ==
        Facts{{"deadline", 658}, {"lag", 270 - 329}, {"vruntime", 329}, {"nice", -10}, {"weight", 9548}});
}
