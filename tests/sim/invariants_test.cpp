// Property tests: the model's invariants over 10,000 seeded random
// scenarios (1 to 16 cores, IO, every policy and dispatcher option; random
// nice values under cfs and eevdf), and as many again with per-core queues,
// affinity, a contended disk and asynchronous IO drawn as well.
#include <catch2/catch.hpp>

#include <algorithm>

#include "random_scenarios.hpp"
#include "sim/engine.hpp"
#include "sim/metrics.hpp"
#include "sim/scenario_json.hpp"

namespace {

constexpr std::uint64_t kScenarios = 10'000;

bool mayRunOn(const sim::ProcessSpec& process, sim::CoreId core) {
  return process.affinity.empty() ||
         std::find(process.affinity.begin(), process.affinity.end(), core) != process.affinity.end();
}

// Checks, after a tick, that states, cores and the ready queues agree, that
// affinity and device servers are respected, and that no core idles while
// a process it could take is ready.
void checkConsistent(const sim::Scenario& s, const sim::Engine& engine) {
  const sim::EngineState& state = engine.state();
  const auto ready = engine.readyQueue();
  std::vector<int> running_on(state.processes.size(), 0);
  int idle = 0;
  for (std::size_t c = 0; c < state.cores.size(); ++c) {
    const sim::CoreRuntime& core = state.cores[c];
    REQUIRE_FALSE((core.running != sim::kNoProcess && core.held_by != sim::kNoProcess));
    if (core.running != sim::kNoProcess) {
      ++running_on[static_cast<std::size_t>(core.running)];
      const auto& p = state.processes[static_cast<std::size_t>(core.running)];
      REQUIRE(p.state == sim::State::Running);
      REQUIRE(p.core == static_cast<sim::CoreId>(c));
      REQUIRE(mayRunOn(s.processes[static_cast<std::size_t>(core.running)], p.core));
    } else if (core.held_by == sim::kNoProcess) {
      ++idle;
    }
  }
  REQUIRE(idle == state.idle_cores);
  std::size_t ready_count = 0;
  for (std::size_t i = 0; i < state.processes.size(); ++i) {
    const auto& p = state.processes[i];
    if (p.state == sim::State::Running) REQUIRE(running_on[i] == 1);  // a core runs it, and only one
    if (p.state != sim::State::Running) REQUIRE(running_on[i] == 0);
    if (p.state != sim::State::Ready) continue;
    ++ready_count;
    if (s.run_queues == sim::RunQueues::PerCore) REQUIRE(mayRunOn(s.processes[i], p.queue));
  }
  REQUIRE(ready.size() == ready_count);
  // Work conservation: an idle core has nothing ready that it could take.
  // Per-core queues without stealing: nothing in its own queue.
  for (std::size_t c = 0; c < state.cores.size() && ready_count > 0; ++c) {
    const sim::CoreRuntime& core = state.cores[c];
    if (core.running != sim::kNoProcess || core.held_by != sim::kNoProcess) continue;
    const auto core_id = static_cast<sim::CoreId>(c);
    for (std::size_t i = 0; i < state.processes.size(); ++i) {
      const auto& p = state.processes[i];
      if (p.state != sim::State::Ready) continue;
      const bool could_take = s.run_queues == sim::RunQueues::PerCore && !s.balance.steal
                                  ? p.queue == core_id
                                  : mayRunOn(s.processes[i], core_id);
      if (could_take) FAIL(sim::scenarioToJson(s) << "core " << c << " idles at tick " << state.now << " while process " << i << " is ready");
    }
  }
  // A device serves at most its servers, and IO waits only while all are busy.
  for (const auto& [device, options] : s.device_options) {
    const auto index = static_cast<std::size_t>(
        std::find(s.devices.begin(), s.devices.end(), device) - s.devices.begin());
    REQUIRE(state.device_busy[index] <= options.servers);
    if (!state.device_queues[index].empty()) REQUIRE(state.device_busy[index] == options.servers);
  }
}

// The cache model: each core holds at most its size, `used` is the sum of
// the held sets, and no process runs faster than the warm rate or slower
// than one tick of work per tick.
void checkCache(const sim::Scenario& s, const sim::Engine& engine) {
  const sim::CacheState& cache = engine.state().cache;
  for (sim::CoreId c = 0; c < s.cores; ++c) {
    std::int64_t held = 0;
    for (const sim::HeldSet& set : cache.core(c).held) {
      held += s.processes[static_cast<std::size_t>(set.process)].working_set;
      REQUIRE(cache.core(c).warming.count(set.process) == 0);  // warm, or on its way: not both
    }
    for (const auto& [process, warmed] : cache.core(c).warming) REQUIRE((warmed > 0 && warmed < s.cache->warmup));
    REQUIRE(held == cache.core(c).used);
    REQUIRE(held <= s.cache->size);
  }
  for (std::size_t i = 0; i < s.processes.size(); ++i) {
    const sim::Tick ran = engine.state().ticksIn(static_cast<sim::ProcessId>(i), sim::State::Running);
    const sim::Tick work = sim::processMetrics(engine, static_cast<sim::ProcessId>(i)).work;
    INFO("process " << i << " ran " << ran << " did " << work);
    REQUIRE(work <= ran * s.cache->warm_rate);
    if (engine.state().processes[i].state != sim::State::Running) REQUIRE(work >= ran);
  }
}

void checkFinalMetrics(const sim::Scenario& s, const sim::Engine& engine) {
  const sim::RunMetrics m = sim::computeMetrics(engine);
  REQUIRE(m.complete);
  const auto n = static_cast<std::int64_t>(s.processes.size());
  const auto kind = [&m](sim::TransitionKind k) { return m.transitions[static_cast<std::size_t>(k)]; };
  REQUIRE(kind(sim::TransitionKind::Admit) == n);
  REQUIRE(kind(sim::TransitionKind::Exit) == n);
  // A process that awaited its asynchronous IO at its end exits from Blocked.
  const auto exits_blocked = std::count_if(engine.trace().begin(), engine.trace().end(), [](const sim::Transition& t) {
    return t.kind == sim::TransitionKind::Exit && t.core == sim::kNoCore;
  });
  REQUIRE(kind(sim::TransitionKind::Block) == kind(sim::TransitionKind::Wakeup) + exits_blocked);
  REQUIRE(kind(sim::TransitionKind::Dispatch) == kind(sim::TransitionKind::Preempt) +
                                                     kind(sim::TransitionKind::Block) +
                                                     kind(sim::TransitionKind::Exit) - exits_blocked);
  sim::Tick cpu_total = 0;
  for (std::size_t i = 0; i < s.processes.size(); ++i) {
    const auto& p = m.processes[i];
    INFO(p.name);
    REQUIRE(p.turnaround == p.completion - p.arrival);
    REQUIRE(p.turnaround == p.waiting + p.blocked + p.cpu + p.overhead);
    if (s.cache) {
      REQUIRE(p.cpu <= sim::totalCpu(s.processes[i]));  // a warm tick does more than one tick of work
      REQUIRE(p.cpu * s.cache->warm_rate >= sim::totalCpu(s.processes[i]));
    } else {
      REQUIRE(p.cpu == sim::totalCpu(s.processes[i]));
    }
    REQUIRE(p.work == sim::totalCpu(s.processes[i]));
    REQUIRE(p.response >= 0);
    REQUIRE(p.response <= p.waiting + p.blocked + p.overhead);
    if (s.context_switch == 0) REQUIRE(p.overhead == 0);
    cpu_total += p.cpu;
  }
  REQUIRE(m.busy_ticks == cpu_total);
  REQUIRE(m.cpu_utilization <= 1.0);
}

}  // namespace

using Generator = sim::Scenario (*)(std::uint64_t);
const Generator kGenerators[] = {test::randomScenario, test::randomZooScenario};

TEST_CASE("random scenarios keep every invariant at every tick", "[sim][property]") {
  const Generator generate = GENERATE(from_range(std::begin(kGenerators), std::end(kGenerators)));
  for (std::uint64_t seed = 1; seed <= kScenarios; ++seed) {
    const sim::Scenario s = generate(seed);
    INFO("seed " << seed << " policy " << s.policy.name << " cores " << s.cores);
    sim::Engine engine(s);
    while (engine.stepEvent()) checkConsistent(s, engine);
    checkFinalMetrics(s, engine);
  }
}

TEST_CASE("random scenarios with the cache model keep every invariant at every tick", "[sim][property][cache]") {
  for (std::uint64_t seed = 1; seed <= kScenarios / 4; ++seed) {
    const sim::Scenario s = test::withRandomCache(test::randomZooScenario(seed), seed);
    INFO("seed " << seed << " policy " << s.policy.name << " cores " << s.cores);
    sim::Engine engine(s);
    while (engine.stepEvent()) {
      checkConsistent(s, engine);
      checkCache(s, engine);
    }
    checkFinalMetrics(s, engine);
  }
}

TEST_CASE("with the cache model, rewinding and replaying gives the straight run's trace and cache",
          "[sim][property][rewind][cache]") {
  for (std::uint64_t seed = 1; seed <= kScenarios / 4; seed += 5) {
    const sim::Scenario s = test::withRandomCache(test::randomZooScenario(seed), seed);
    INFO("seed " << seed);
    sim::Engine straight(s);
    straight.runToEnd();
    sim::Engine events(s, {.snapshot_every = 4});
    events.runToEnd();
    const sim::Tick end = events.now();
    for (sim::Tick target : {end / 2, end / 3, sim::Tick{-1}, end - 1}) {
      events.rewindTo(target);
      sim::Engine fresh(s);
      fresh.runTo(target);
      REQUIRE(events.trace() == fresh.trace());
      for (sim::CoreId c = 0; c < s.cores; ++c) {
        REQUIRE(events.state().cache.core(c).used == fresh.state().cache.core(c).used);
        REQUIRE(events.state().cache.warmAt(c, sim::kNoProcess, 0) == fresh.state().cache.warmAt(c, sim::kNoProcess, 0));
        REQUIRE(events.state().cache.core(c).warming == fresh.state().cache.core(c).warming);
      }
    }
    events.runToEnd();
    REQUIRE(events.trace() == straight.trace());
  }
}

TEST_CASE("the same scenario gives the same trace every time", "[sim][property][determinism]") {
  const Generator generate = GENERATE(from_range(std::begin(kGenerators), std::end(kGenerators)));
  for (std::uint64_t seed = 1; seed <= kScenarios; seed += 7) {
    const sim::Scenario s = generate(seed);
    INFO("seed " << seed);
    sim::Engine first(s);
    sim::Engine second(s);
    first.runToEnd();
    second.runToEnd();
    REQUIRE(first.trace() == second.trace());
  }
}

TEST_CASE("stepping by tick, by event, or rewinding and replaying gives the straight run's trace",
          "[sim][property][rewind]") {
  const Generator generate = GENERATE(from_range(std::begin(kGenerators), std::end(kGenerators)));
  for (std::uint64_t seed = 1; seed <= kScenarios; seed += 3) {
    const sim::Scenario s = generate(seed);
    INFO("seed " << seed);
    sim::Engine straight(s);
    straight.runToEnd();

    sim::Engine ticks(s);
    while (!ticks.finished()) ticks.stepTick();
    REQUIRE(ticks.trace() == straight.trace());

    sim::Engine events(s, {.snapshot_every = 4});
    while (events.stepEvent()) {
    }
    REQUIRE(events.trace() == straight.trace());

    // Rewind to a few earlier ticks: the state there must match a fresh run to that tick.
    const sim::Tick end = events.now();
    for (sim::Tick target : {end / 2, end / 3, sim::Tick{0}, sim::Tick{-1}, end - 1}) {
      events.rewindTo(target);
      sim::Engine fresh(s);
      fresh.runTo(target);
      REQUIRE(events.now() == fresh.now());
      REQUIRE(events.trace() == fresh.trace());
      REQUIRE(events.readyQueue() == fresh.readyQueue());
      const auto a = sim::computeMetrics(events);
      const auto b = sim::computeMetrics(fresh);
      REQUIRE(a.avg_waiting == b.avg_waiting);
      REQUIRE(a.busy_ticks == b.busy_ticks);
    }
    events.runToEnd();
    REQUIRE(events.trace() == straight.trace());
  }
}

TEST_CASE("rewinding without snapshots replays from the start", "[sim][rewind]") {
  const sim::Scenario s = test::randomScenario(42);
  sim::Engine engine(s, {.snapshots = false});
  engine.runToEnd();
  const sim::Trace full = engine.trace();
  const sim::Tick end = engine.now();
  engine.rewindTo(end / 2);
  CHECK(engine.now() == end / 2);
  CHECK(engine.trace().size() < full.size());
  engine.runToEnd();
  CHECK(engine.trace() == full);
}
