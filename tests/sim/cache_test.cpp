// The cache-warmth model (OSTEP's multi.py): the rule, the warmup boundary,
// eviction, migration, and that it changes nothing when absent.
#include <algorithm>

#include <catch2/catch.hpp>

#include "random_scenarios.hpp"
#include "scenario_builder.hpp"
#include "scenario_equal.hpp"
#include "scenario_errors.hpp"
#include "sim/scenario_json.hpp"

namespace {

sim::Scenario cached(sim::Scenario s, sim::Tick warmup, std::int32_t warm_rate, std::int64_t size,
                     std::int64_t working_set) {
  s.cache = sim::CacheOptions{warmup, warm_rate, size};
  for (sim::ProcessSpec& p : s.processes) p.working_set = working_set;
  return s;
}

sim::Tick completionOf(const sim::Scenario& s, std::size_t process) {
  return test::runToEnd(s).processes[process].completion;
}

// The reason of every dispatch of `process`, in order.
std::vector<sim::Reason> dispatchReasons(const sim::Engine& engine, sim::ProcessId process) {
  std::vector<sim::Reason> reasons;
  for (const sim::Transition& t : engine.trace()) {
    if (t.kind == sim::TransitionKind::Dispatch && t.process == process) reasons.push_back(t.reason);
  }
  return reasons;
}

// The trace with every "scheduled on a warm cache" read as "scheduled".
sim::Trace withoutWarmth(sim::Trace trace) {
  for (sim::Transition& t : trace) {
    if (t.reason == sim::Reason::WarmCache) t.reason = sim::Reason::Scheduled;
  }
  return trace;
}

constexpr sim::Reason kCold = sim::Reason::Scheduled;
constexpr sim::Reason kWarm = sim::Reason::WarmCache;

}  // namespace

TEST_CASE("a process that fits the cache runs warm_rate ticks of work per tick after the warmup", "[sim][cache]") {
  // OSTEP's multi.py, questions 1 and 2: a job of 30 ticks with a working set of 200.
  const sim::Scenario alone = test::makeScenario("fcfs", 1, {{"a", 0, "c30"}});
  CHECK(completionOf(cached(alone, 10, 2, 300, 200), 0) == 20);  // 10 cold ticks, then 20 of work in 10
  CHECK(completionOf(cached(alone, 10, 2, 100, 200), 0) == 30);  // larger than the cache: never warm
  CHECK(completionOf(cached(alone, 10, 2, 300, 0), 0) == 30);    // no working set: never warm
  CHECK(completionOf(cached(alone, 10, 3, 300, 200), 0) == 17);  // 10 + ceil(20 / 3)
  const sim::RunMetrics m = test::runToEnd(cached(alone, 10, 2, 300, 200));
  CHECK(m.processes[0].cpu == 20);  // cpu counts ticks on a core, not work
  CHECK(m.busy_ticks == 20);
}

TEST_CASE("the tick that completes the warmup still runs cold, and a burst may end part way through a warm tick",
          "[sim][cache]") {
  const auto completion = [](const char* bursts, sim::Tick warmup) {
    return completionOf(cached(test::makeScenario("fcfs", 1, {{"A", 0, bursts}}), warmup, 2, 100, 10), 0);
  };
  CHECK(completion("c3", 3) == 3);  // all three ticks cold
  CHECK(completion("c5", 3) == 4);  // ticks 0-2 cold (3), tick 3 warm (2)
  CHECK(completion("c6", 3) == 5);  // tick 4 needs 1 of its 2: the burst ends with it
  CHECK(completion("c5", 0) == 3);  // warmup 0: warm from the first tick: 2 + 2 + 1
  CHECK(completion("c1", 0) == 1);

  sim::Engine engine(cached(test::makeScenario("fcfs", 1, {{"A", 0, "c9"}}), 3, 2, 100, 10));
  engine.runTo(2);  // as of the start of tick 2, two cold ticks have run
  CHECK(engine.state().burstRemaining(0) == 7);
  CHECK(engine.state().cache.warmAt(0, 0, 2).empty());   // in tick 2 it is still cold
  CHECK(engine.state().cache.warmAt(0, 0, 3) == std::vector<sim::ProcessId>{0});
  engine.runTo(3);
  CHECK(engine.state().burstRemaining(0) == 6);  // as of the start of tick 3
  engine.runToEnd();
  CHECK(engine.state().processes[0].completion == 6);  // 3 cold + 3 warm ticks (2 + 2 + 2)
}

TEST_CASE("warming adds up over a process's runs on one core, and a warm process is dispatched warm",
          "[sim][cache]") {
  // Round robin, quantum 2, one core: A and B alternate. Warmup 3: each is
  // warm after its first tick of its second run.
  const sim::Scenario s = cached(test::makeScenario("rr", 1, {{"A", 0, "c6"}, {"B", 0, "c6"}}, 2), 3, 2, 100, 40);
  sim::Engine engine(s);
  engine.runToEnd();
  CHECK(dispatchReasons(engine, 0) == std::vector<sim::Reason>{kCold, kCold, kWarm});
  CHECK(dispatchReasons(engine, 1) == std::vector<sim::Reason>{kCold, kCold, kWarm});
  const sim::RunMetrics m = sim::computeMetrics(engine);
  CHECK(m.processes[0].completion == 9);   // 2 + (1 + 2) + 1 of work at 0-1, 4-5, 8
  CHECK(m.processes[1].completion == 10);  // at 2-3, 6-7, 9
  CHECK(test::runToEnd(test::makeScenario("rr", 1, {{"A", 0, "c6"}, {"B", 0, "c6"}}, 2)).processes[1].completion == 12);
}

TEST_CASE("when warm working sets outgrow the cache, the one run least recently on that core leaves", "[sim][cache]") {
  // Warmup 1, warm rate 1 (timing as without a cache), room for two sets of 50.
  // A warms at tick 0 and B at tick 1; A runs again at tick 2; C warms at
  // tick 3 and B, run least recently, leaves (though A warmed first).
  sim::Scenario s = test::makeScenario("rr", 1, {{"A", 0, "c2"}, {"B", 0, "c1"}, {"C", 2, "c1"}}, 1);
  s = cached(s, 1, 1, 100, 50);
  sim::Engine engine(s);
  engine.runTo(2);
  CHECK(engine.state().cache.warmAt(0, 0, 0) == std::vector<sim::ProcessId>{0, 1});
  engine.runToEnd();
  CHECK(engine.state().processes[2].completion == 4);
  CHECK(engine.state().cache.warmAt(0, sim::kNoProcess, 0) == std::vector<sim::ProcessId>{0, 2});
  CHECK(engine.state().cache.core(0).used == 100);
  CHECK(dispatchReasons(engine, 0) == std::vector<sim::Reason>{kCold, kWarm});

  SECTION("a cyclic order that does not fit thrashes: every dispatch is cold") {
    sim::Scenario cycle = test::makeScenario("rr", 1, {{"A", 0, "c3"}, {"B", 0, "c3"}, {"C", 0, "c3"}}, 1);
    sim::Engine thrash(cached(cycle, 1, 1, 100, 50));
    thrash.runToEnd();
    for (sim::ProcessId p = 0; p < 3; ++p) CHECK(dispatchReasons(thrash, p) == std::vector<sim::Reason>(3, kCold));
    sim::Engine roomy(cached(cycle, 1, 1, 150, 50));
    roomy.runToEnd();
    CHECK(dispatchReasons(roomy, 0) == std::vector<sim::Reason>{kCold, kWarm, kWarm});
  }
}

TEST_CASE("a process that moves to another core runs cold there", "[sim][cache]") {
  // Two cores, three processes, round robin with quantum 2, warmup 2, rate 2.
  // With one global queue A runs on core 0, then on core 1 at tick 2 (cold
  // again); with per-core queues A and C share core 0 and stay warm there.
  sim::Scenario s = cached(test::makeScenario("rr", 2, {{"A", 0, "c8"}, {"B", 0, "c8"}, {"C", 0, "c8"}}, 2), 2, 2, 100, 10);
  sim::Engine global(s);
  global.runToEnd();
  const auto a_moves = std::find_if(global.trace().begin(), global.trace().end(), [](const sim::Transition& t) {
    return t.kind == sim::TransitionKind::Dispatch && t.process == 0 && t.tick == 2;
  });
  REQUIRE(a_moves != global.trace().end());
  CHECK(a_moves->core == 1);
  CHECK(a_moves->reason == kCold);  // warm on core 0 since tick 2, cold on core 1

  s.run_queues = sim::RunQueues::PerCore;
  sim::Engine per_core(s);
  per_core.runToEnd();
  for (const sim::Transition& t : per_core.trace()) {
    if (t.kind == sim::TransitionKind::Dispatch && t.tick > 2) CHECK(t.reason == kWarm);  // C's first run is at 2
  }
  CHECK(sim::computeMetrics(global).busy_ticks == 18);   // the 24 ticks of work take 18 core-ticks
  CHECK(sim::computeMetrics(per_core).busy_ticks == 15);
}

TEST_CASE("a cache with warm rate 1 changes no transition but the dispatch reasons", "[sim][cache][property]") {
  for (std::uint64_t seed = 1; seed <= 2000; seed += 3) {
    sim::Scenario s = test::withRandomCache(test::randomZooScenario(seed), seed);
    s.cache->warm_rate = 1;
    sim::Scenario plain = s;
    plain.cache.reset();
    for (sim::ProcessSpec& p : plain.processes) p.working_set = 0;
    INFO("seed " << seed << " policy " << plain.policy.name);
    sim::Engine a(plain);
    sim::Engine b(s);
    a.runToEnd();
    b.runToEnd();
    REQUIRE(withoutWarmth(b.trace()) == a.trace());
  }
}

TEST_CASE("processes without a working set never warm: the trace is the one without a cache", "[sim][cache]") {
  for (std::uint64_t seed = 1; seed <= 500; ++seed) {
    const sim::Scenario plain = test::randomZooScenario(seed);
    sim::Scenario s = plain;
    s.cache = sim::CacheOptions{};
    sim::Engine a(plain);
    sim::Engine b(s);
    a.runToEnd();
    b.runToEnd();
    REQUIRE(b.trace() == a.trace());
  }
}

TEST_CASE("the cache and working sets are read, written back and checked", "[sim][cache][json]") {
  const sim::Scenario s = sim::parseScenario(
      R"({"cache": {"warmup": 4, "warm_rate": 3, "size": 64},
          "processes": [{"name": "A", "working_set": 32, "bursts": [{"cpu": 5}]}, {"bursts": [{"cpu": 1}]}]})");
  REQUIRE(s.cache.has_value());
  CHECK(*s.cache == sim::CacheOptions{4, 3, 64});
  CHECK(s.processes[0].working_set == 32);
  CHECK(s.processes[1].working_set == 0);
  const sim::Scenario back = sim::parseScenario(sim::scenarioToJson(s));
  requireSameScenario(s, back);
  CHECK(back.cache == s.cache);
  CHECK(back.processes[0].working_set == 32);
  CHECK(sim::parseScenario(R"({"cache": {}, "processes": [{"bursts": [{"cpu": 1}]}]})").cache ==
        sim::CacheOptions{10, 2, 100});  // multi.py's defaults
  CHECK_FALSE(sim::parseScenario(R"({"processes": [{"bursts": [{"cpu": 1}]}]})").cache.has_value());

  const auto with = [](const std::string& cache, const std::string& process) {
    return messageOf(R"({"cache": )" + cache + R"(, "processes": [{"bursts": [{"cpu": 1}]}, {)" + process +
                     R"("bursts": [{"cpu": 1}]}]})");
  };
  CHECK(with(R"({"warm_rate": 0})", "") == "cache.warm_rate: must be at least 1, got 0");
  CHECK(with(R"({"warm_rate": 101})", "") == "cache.warm_rate: must be at most 100, got 101");
  CHECK(with(R"({"warmup": -1})", "") == "cache.warmup: must be at least 0, got -1");
  CHECK(with(R"({"size": 0})", "") == "cache.size: must be at least 1, got 0");
  CHECK(with(R"({"warm_up": 2})", "") == "cache: unknown key \"warm_up\" (did you mean \"warmup\"?)");
  CHECK(with("3", "") == "cache: must be an object such as {\"warmup\": 10, \"warm_rate\": 2, \"size\": 100}, got number");
  CHECK(with("{}", R"("working_set": -5, )") == "processes[1].working_set: must be at least 0, got -5");
  CHECK(with("{}", R"("working_set": 500, )") == "no error");  // larger than the cache: allowed, never warm
  CHECK(messageOf(R"({"processes": [{"bursts": [{"cpu": 1}]}, {"working_set": 5, "bursts": [{"cpu": 1}]}]})") ==
        "processes[1].working_set: a working set needs the cache model: add \"cache\": "
        "{\"warmup\": 10, \"warm_rate\": 2, \"size\": 100}");
}
