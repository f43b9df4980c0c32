// Engine throughput of the fair policies (cfs, eevdf) on the issue's
// 1M-process workload, in transitions per second, as BM_EngineMetricsOnly
// measures rr. Results and command: docs/performance.md, "cfs and eevdf".
#include <benchmark/benchmark.h>

#include <map>
#include <memory>
#include <string>

#include "sim/policy_registry.hpp"
#include "workload.hpp"

namespace {

const sim::Scenario& workloadUnder(const std::string& spec) {
  static std::map<std::string, sim::Scenario> made;
  auto found = made.find(spec);
  if (found == made.end()) {
    sim::Scenario scenario = bench::workload();
    std::string error;
    scenario.policy = *sim::parsePolicySpec(spec, scenario.policy, error);
    found = made.emplace(spec, std::move(scenario)).first;
  }
  return found->second;
}

// Times runToEnd only, with the trace and snapshots off.
void runUnder(benchmark::State& state, const std::string& spec) {
  const sim::Scenario& scenario = workloadUnder(spec);
  std::int64_t transitions = 0;
  std::int64_t preempts = 0;
  for (auto _ : state) {
    state.PauseTiming();
    auto engine = std::make_unique<sim::Engine>(scenario, bench::kMetricsOnly);
    state.ResumeTiming();
    engine->runToEnd();
    state.PauseTiming();
    transitions += engine->state().transitions;
    preempts += engine->state().transition_counts[static_cast<std::size_t>(sim::TransitionKind::Preempt)];
    engine.reset();
    state.ResumeTiming();
  }
  const auto runs = static_cast<double>(state.iterations());
  state.counters["transitions"] = static_cast<double>(transitions) / runs;
  state.counters["preempts"] = static_cast<double>(preempts) / runs;
  state.counters["transitions_per_s"] = benchmark::Counter(static_cast<double>(transitions), benchmark::Counter::kIsRate);
}

void BM_EngineCfs(benchmark::State& state) { runUnder(state, "cfs"); }
void BM_EngineEevdf(benchmark::State& state) { runUnder(state, "eevdf"); }

}  // namespace

BENCHMARK(BM_EngineCfs)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_EngineEevdf)->Unit(benchmark::kMillisecond)->Iterations(3);
