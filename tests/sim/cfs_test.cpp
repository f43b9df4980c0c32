// cfs: each rule of docs/model.md ("cfs") on small cases checked by hand,
// then the properties: shares follow the weights, waits stay bounded, and
// rewinding replays. Virtual time is in units of 1/1024 tick at nice 0.
#include <random>

#include <catch2/catch.hpp>

#include "fair_helpers.hpp"
#include "sim/scenario_json.hpp"

using test::P;

namespace {

constexpr std::int64_t kTick = sim::kVirtualUnitsPerTick;  // one tick of nice-0 CPU, in virtual units

sim::Tick firstSlice(const std::string& spec, const std::vector<P>& processes) {
  sim::Engine engine(test::fairScenario(spec, 1, processes));
  engine.stepTick();
  return engine.state().cores[0].slice_length;
}

std::vector<P> cpuBound(int count, int nice = 0) {
  std::vector<P> processes;
  for (int i = 0; i < count; ++i) processes.push_back({std::string("P").append(std::to_string(i)), 0, "c1000", 0, nice});
  return processes;
}

std::string specError(const std::string& text) {
  std::string error;
  CHECK_FALSE(sim::parsePolicySpec(text, {}, error));
  return error;
}

}  // namespace

TEST_CASE("cfs: Linux's weight table gives nice 0 weight 1024 and nice 5 weight 335", "[sim][cfs]") {
  CHECK(sim::niceWeight(0) == 1024);
  CHECK(sim::niceWeight(5) == 335);
  CHECK(sim::niceWeight(-20) == 88761);
  CHECK(sim::niceWeight(19) == 15);
  for (int nice = -20; nice < 19; ++nice) {
    INFO(nice);
    const double step = static_cast<double>(sim::niceWeight(nice)) / sim::niceWeight(nice + 1);
    CHECK(step >= 1.2);  // each step of nice is about 10% of CPU: a factor of about 1.25 (18 / 15 at the end)
    CHECK(step < 1.3);
  }
}

TEST_CASE("cfs: two nice-0 processes take turns of half the latency, ties to the lower process id", "[sim][cfs]") {
  sim::Engine engine(test::fairScenario("cfs", 1, {{"A", 0, "c30"}, {"B", 0, "c30"}}));
  engine.runToEnd();
  // Slices of 24 * 1024 / 2048 = 12. At 24 both have vruntime 12 ticks: A, the lower id, goes first.
  CHECK(test::dispatchTicks(engine.trace(), 0) == std::vector<sim::Tick>{0, 24, 48});
  CHECK(test::dispatchTicks(engine.trace(), 1) == std::vector<sim::Tick>{12, 36, 54});
  const auto m = sim::computeMetrics(engine);
  CHECK(m.processes[0].completion == 54);
  CHECK(m.processes[1].completion == 60);
}

TEST_CASE("cfs: the slice is the weight's share of the latency, never below min_granularity", "[sim][cfs]") {
  CHECK(firstSlice("cfs", cpuBound(1)) == 24);   // alone: the whole latency
  CHECK(firstSlice("cfs", cpuBound(2)) == 12);   // 24 * 1024 / 2048
  CHECK(firstSlice("cfs", cpuBound(8)) == 3);    // 24 * 1024 / 8192
  CHECK(firstSlice("cfs", cpuBound(16)) == 3);   // 24 / 16 = 1.5: min_granularity
  CHECK(firstSlice("cfs:sched_latency=48", cpuBound(8)) == 6);
  CHECK(firstSlice("cfs:min_granularity=5", cpuBound(8)) == 5);
  // nice -5 (3121) beside nice 0 (1024): 24 * 3121 / 4145 = 18.07 and 24 * 1024 / 4145 = 5.93, rounded down.
  sim::Engine engine(test::fairScenario("cfs", 1, {{"A", 0, "c100", 0, -5}, {"B", 0, "c100", 0, 0}}));
  engine.runTo(17);
  CHECK(engine.state().cores[0].slice_length == 18);
  engine.runTo(18);
  CHECK(engine.state().cores[0].running == 1);
  CHECK(engine.state().cores[0].slice_length == 5);
}

TEST_CASE("cfs: vruntime grows by ticks * 1024 / weight, charged when a slice ends", "[sim][cfs]") {
  sim::Engine engine(test::fairScenario("cfs", 1, {{"A", 0, "c100", 0, 5}}));
  engine.runTo(47);
  CHECK(test::fair(engine).entity(0).vruntime == sim::virtualTime(24, 335));  // renewed at 24; 24 ticks charged
  engine.runTo(48);
  // 48 * 1024 * 1024 / 335 = 150243.7: two charges of 24 ticks carry their remainders, so no unit is lost.
  CHECK(test::fair(engine).entity(0).vruntime == 150243);
  CHECK(test::fair(engine).entity(0).weight == 335);
}

TEST_CASE("cfs: a new process starts at min_vruntime", "[sim][cfs]") {
  sim::Engine engine(test::fairScenario("cfs", 1, {{"A", 0, "c100"}, {"B", 50, "c10"}}));
  engine.runTo(50);
  // A ran alone and was charged at its renewals at 24 and 48: min_vruntime is 48 ticks.
  CHECK(test::fair(engine).queue().min_vruntime == 48 * kTick);
  CHECK(test::fair(engine).entity(1).vruntime == 48 * kTick);
  // No wakeup preemption: B waits for A's slice (renewed at 48 for 24 ticks) to end.
  engine.runToEnd();
  CHECK(test::dispatchTicks(engine.trace(), 1) == std::vector<sim::Tick>{72});
}

TEST_CASE("cfs: a process waking after long IO gets min_vruntime - latency/2, not its old small vruntime", "[sim][cfs]") {
  sim::Engine engine(test::fairScenario("cfs", 1, {{"A", 0, "c1 i100 c10"}, {"B", 0, "c300"}}));
  engine.runTo(101);  // A ran tick 0 (vruntime 1 tick), slept 1..100; B ran alone from 1, charged at 25, 49, 73, 97
  CHECK(test::fair(engine).queue().min_vruntime == 96 * kTick);
  CHECK(test::fair(engine).entity(0).vruntime == 96 * kTick - 12 * kTick);
  engine.runToEnd();
  // B's slice (renewed at 97) ends at 121; then A has the smaller vruntime.
  CHECK(test::dispatchTicks(engine.trace(), 0) == std::vector<sim::Tick>{0, 121});
  CHECK(sim::computeMetrics(engine).processes[0].completion == 131);
}

TEST_CASE("cfs: a process back from short IO keeps its own vruntime", "[sim][cfs]") {
  sim::Engine engine(test::fairScenario("cfs", 1, {{"A", 0, "c1 i2 c5"}, {"B", 0, "c100"}}));
  engine.runTo(3);
  CHECK(test::fair(engine).queue().min_vruntime == 0);  // B, dispatched at 1, is not charged yet
  CHECK(test::fair(engine).entity(0).vruntime == 1 * kTick);  // max(1 tick, 0 - 12 ticks)
  engine.runToEnd();
  CHECK(test::dispatchTicks(engine.trace(), 0) == std::vector<sim::Tick>{0, 25});  // B's slice of 24 ends at 25
}

TEST_CASE("cfs: equal vruntimes go to the lower process id, not to the earlier entry", "[sim][cfs]") {
  // R and S enter at 0; R (id 1) runs a slice of 12. Q (id 0) arrives at 4 at min_vruntime 0, S's vruntime.
  sim::Engine engine(test::fairScenario("cfs", 1, {{"Q", 4, "c5"}, {"R", 0, "c20"}, {"S", 0, "c20"}}));
  engine.runToEnd();
  CHECK(test::dispatchTicks(engine.trace(), 0).front() == 12);
  CHECK(test::dispatchTicks(engine.trace(), 2).front() == 17);  // after Q's 5 ticks
}

TEST_CASE("cfs: a process woken onto a core (wakeup_preempts) is placed like one entering the queue", "[sim][cfs]") {
  sim::Scenario s = test::fairScenario("cfs", 1, {{"A", 0, "c1 i100 c10"}, {"B", 0, "c300"}});
  s.policy.wakeup_preempts = true;
  sim::Engine engine(s);
  engine.runTo(101);
  // B is displaced at 101 and charged its 4 ticks since 97: min_vruntime 100 ticks; A gets 100 - 12.
  CHECK(test::fair(engine).entity(1).vruntime == 100 * kTick);
  CHECK(test::fair(engine).entity(0).vruntime == 88 * kTick);
  CHECK(engine.state().cores[0].running == 0);
  CHECK(engine.state().cores[0].slice_length == 12);
}

TEST_CASE("cfs: nice 0 and nice 5 share the CPU 1024:335", "[sim][cfs][property]") {
  // 10 periods of 1359 weight-ticks. The slices are 18 and 5; the error is at most
  // w * max(slice / w) + the largest slice + 1 (docs/model.md): 37 for A, 25 for B.
  const auto cpu = test::cpuThrough(test::fairScenario("cfs", 1, {{"A", 0, "c100000", 0, 0}, {"B", 0, "c100000", 0, 5}}), 13589);
  CHECK(cpu[0] + cpu[1] == 13590);
  CHECK(std::abs(cpu[0] - 10240) <= 37);
  CHECK(std::abs(cpu[1] - 3350) <= 25);
}

TEST_CASE("cfs: over a long run every CPU-bound process gets its weight's share, and none waits long", "[sim][cfs][property]") {
  for (std::uint64_t seed = 1; seed <= 200; ++seed) {
    std::mt19937_64 rng(seed);
    const int count = 2 + static_cast<int>(rng() % 6);
    const sim::Tick latency = 6 + static_cast<sim::Tick>(rng() % 40);
    const sim::Tick granularity = 1 + static_cast<sim::Tick>(rng() % 4);
    std::vector<P> processes;
    std::int64_t total = 0;
    for (int i = 0; i < count; ++i) {
      const int nice = -5 + static_cast<int>(rng() % 16);
      processes.push_back({std::string("P").append(std::to_string(i)), 0, "c1000000", 0, nice});
      total += sim::niceWeight(nice);
    }
    const std::string spec = "cfs:sched_latency=" + std::to_string(latency) + ":min_granularity=" + std::to_string(granularity);
    INFO("seed " << seed << " " << spec);
    // The bound of docs/model.md: each process's CPU is within w * Y + S of its share,
    // Y = the largest slice / weight, S = the largest slice (and 1 for rounding).
    double y = 0;
    sim::Tick largest = 0;
    for (const P& p : processes) {
      const std::int32_t w = sim::niceWeight(p.nice);
      const sim::Tick slice = std::max(granularity, latency * w / total);
      y = std::max(y, static_cast<double>(slice) / w);
      largest = std::max(largest, slice);
    }
    const sim::Tick horizon = 20000;
    const sim::Scenario s = test::fairScenario(spec, 1, processes);
    const auto cpu = test::cpuThrough(s, horizon - 1);
    sim::Engine engine(s, {.snapshots = false});
    engine.runTo(horizon - 1);
    const auto waits = test::longestWaits(engine);
    for (int i = 0; i < count; ++i) {
      INFO("P" << i << " nice " << processes[static_cast<std::size_t>(i)].nice);
      const std::int32_t w = sim::niceWeight(processes[static_cast<std::size_t>(i)].nice);
      const double share = static_cast<double>(horizon) * w / static_cast<double>(total);
      CHECK(std::abs(static_cast<double>(cpu[static_cast<std::size_t>(i)]) - share) <= w * y + static_cast<double>(largest) + 1);
      // While P waits, each other Q runs only until its CPU per weight passes P's: at most w_Q * Y + its slice.
      const double wait_bound = y * static_cast<double>(total - w) + static_cast<double>(largest) * (count - 1) + 1;
      CHECK(static_cast<double>(waits[static_cast<std::size_t>(i)]) <= wait_bound);
    }
  }
}

TEST_CASE("cfs: rewinding restores vruntimes and replays the same trace", "[sim][cfs][rewind]") {
  const sim::Scenario s = test::fairScenario(
      "cfs:sched_latency=12:min_granularity=2", 2,
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
    CHECK(test::fair(engine).queue().min_vruntime == test::fair(fresh).queue().min_vruntime);
    for (sim::ProcessId p = 0; p < 4; ++p) CHECK(test::fair(engine).entity(p).vruntime == test::fair(fresh).entity(p).vruntime);
  }
  engine.runToEnd();
  CHECK(engine.trace() == straight.trace());
}

TEST_CASE("cfs: two engines run side by side do not share state", "[sim][cfs]") {
  const sim::Scenario a = test::fairScenario("cfs", 2, {{"A", 0, "c9 i3 c9", 0, 2}, {"B", 0, "c20"}, {"C", 3, "c8"}});
  const sim::Scenario b = test::fairScenario("cfs:sched_latency=6", 1, {{"X", 0, "c7"}, {"Y", 1, "c7 i1 c4", 0, -4}});
  sim::Engine alone_a(a);
  alone_a.runToEnd();
  sim::Engine alone_b(b);
  alone_b.runToEnd();
  sim::Engine first(a);
  sim::Engine second(b);
  while (!first.finished() || !second.finished()) {
    if (!first.finished()) first.stepTick();
    if (!second.finished()) second.stepTick();
  }
  CHECK(first.trace() == alone_a.trace());
  CHECK(second.trace() == alone_b.trace());
}

TEST_CASE("cfs: bad parameters and nice values are refused, naming the place", "[sim][cfs][errors]") {
  CHECK_THAT(specError("cfs:sched_latency=0"), Catch::Contains("sched_latency: must be at least 1, got 0"));
  CHECK_THAT(specError("cfs:sched_latency=1000001"), Catch::Contains("sched_latency: must be at most 1000000"));
  CHECK_THAT(specError("cfs:min_granularity=0"), Catch::Contains("min_granularity: must be at least 1, got 0"));
  CHECK_THAT(specError("cfs:min_granularity=30"), Catch::Contains("min_granularity: must be at most sched_latency (24), got 30"));
  CHECK_THAT(specError("cfs:quantum=3"), Catch::Contains("no parameter \"quantum\""));
  std::string error;
  CHECK(sim::parsePolicySpec("cfs:sched_latency=12:min_granularity=12", {}, error));
  CHECK(sim::parsePolicySpec("cfs:48", {}, error)->params.at("sched_latency") == sim::ParamValue{48});
  CHECK_THROWS_WITH(sim::parseScenario(R"({"policy": {"name": "cfs", "min_granularity": 25}, "processes": [{"bursts": [{"cpu": 1}]}]})"),
                    Catch::Contains("policy.min_granularity: must be at most sched_latency (24), got 25"));
  CHECK_THROWS_WITH(sim::parseScenario(R"({"policy": {"name": "cfs"}, "processes": [{"bursts": [{"cpu": 1}]}, {"nice": -21, "bursts": [{"cpu": 1}]}]})"),
                    Catch::Contains("processes[1].nice: must be at least -20, got -21"));
  CHECK_THROWS_WITH(sim::parseScenario(R"({"policy": {"name": "cfs"}, "processes": [{"nice": 20, "bursts": [{"cpu": 1}]}]})"),
                    Catch::Contains("processes[0].nice: must be at most 19, got 20"));
}

TEST_CASE("cfs: the queues view shows min_vruntime and each ready process's vruntime, nice and weight", "[sim][cfs]") {
  // The cfs-nice preset: A (nice 0) runs its slice of 18 ticks first; B
  // (nice 5) waits at vruntime 0, then runs 5 ticks (5 * 1024 * 1024 / 335
  // = 15650.4 units) and, still behind A's 18 ticks, runs again at 23.
  sim::Engine engine(test::fairScenario("cfs", 1, {{"A", 0, "c60", 0, 0}, {"B", 0, "c60", 0, 5}}));
  using Facts = std::vector<std::pair<std::string, std::int64_t>>;
  engine.runTo(17);
  auto views = engine.policy().queues(engine.state());
  REQUIRE(views.size() == 1);
  CHECK(views[0].label == "min_vruntime 0");
  REQUIRE(views[0].entries.size() == 1);
  CHECK(views[0].entries[0].process == 1);
  CHECK(views[0].entries[0].facts == Facts{{"vruntime", 0}, {"nice", 5}, {"weight", 335}});
  engine.runTo(23);
  REQUIRE(engine.state().cores[0].running == 1);
  views = engine.policy().queues(engine.state());
  CHECK(views[0].label == "min_vruntime 15650");
  REQUIRE(views[0].entries.size() == 1);
  CHECK(views[0].entries[0].process == 0);
  CHECK(views[0].entries[0].facts == Facts{{"vruntime", 18 * kTick}, {"nice", 0}, {"weight", 1024}});
}

TEST_CASE("cfs and eevdf: a process blocked awaiting its asynchronous IO is not runnable", "[sim][cfs][eevdf]") {
  const std::string spec = GENERATE("cfs", "eevdf");
  CAPTURE(spec);
  // A runs 0..2, starts its asynchronous IO (until 12), runs 2..3, then must
  // wait for it before its synchronous IO: it blocks (await) at 3.
  sim::Engine engine(test::fairScenario(spec, 1, {{"A", 0, "c2 a10 c1 i3 c1"}, {"B", 0, "c40"}}));
  engine.runTo(5);
  REQUIRE(engine.state().processes[0].state == sim::State::Blocked);
  CHECK_FALSE(test::fair(engine).entity(0).runnable);
  CHECK(test::fair(engine).queue().runnable == 1);
  CHECK(test::fair(engine).queue().total_weight == 1024);
}
