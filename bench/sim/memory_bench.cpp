// Memory of the workload's run, measured by counting heap bytes through the
// replaced operator new/delete of allocation_counter.cpp (not VmHWM): the
// figures are exact bytes requested by the program, excluding allocator
// overhead and the binary's own pages.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <memory>

#include "allocation_counter.hpp"
#include "workload.hpp"

namespace {

struct RunMemory {
  std::size_t scenario = 0;     // bytes of the copied scenario
  std::size_t setup_peak = 0;   // peak bytes over the scenario while constructing (validation's temporaries)
  std::size_t run_peak = 0;     // peak bytes over the scenario while running: the engine's state
  std::int64_t transitions = 0;
  std::size_t trace_capacity_bytes = 0;

  std::size_t peak() const { return std::max(setup_peak, run_peak); }
};

RunMemory measure(std::int64_t processes, sim::EngineOptions options) {
  const sim::Scenario& original = bench::workload(processes);
  RunMemory result;
  const std::size_t before_copy = bench::heapUsage().current;
  sim::Scenario copy = original;
  result.scenario = bench::heapUsage().current - before_copy;

  const std::size_t base = bench::heapUsage().current;
  bench::resetPeak();
  {
    sim::Engine engine(std::move(copy), options);
    result.setup_peak = bench::heapUsage().peak - base;
    bench::resetPeak();
    engine.runToEnd();
    result.run_peak = bench::heapUsage().peak - base;
    result.transitions = engine.state().transitions;
    result.trace_capacity_bytes = engine.trace().capacity() * sizeof(sim::Transition);
  }
  return result;
}

void BM_MemoryMetricsOnly(benchmark::State& state) {
  const std::int64_t processes = state.range(0);
  RunMemory m;
  for (auto _ : state) m = measure(processes, bench::kMetricsOnly);
  const auto n = static_cast<double>(processes);
  state.counters["scenario_B_per_process"] = static_cast<double>(m.scenario) / n;
  state.counters["setup_peak_B_per_process"] = static_cast<double>(m.setup_peak) / n;
  state.counters["run_peak_B_per_process"] = static_cast<double>(m.run_peak) / n;
  state.counters["total_peak_B_per_process"] = static_cast<double>(m.scenario + m.peak()) / n;
}

// The trace's share: the peak with the trace on minus the peak without, per transition.
void BM_MemoryWithTrace(benchmark::State& state) {
  const std::int64_t processes = state.range(0);
  RunMemory with_trace;
  RunMemory without;
  for (auto _ : state) {
    without = measure(processes, bench::kMetricsOnly);
    with_trace = measure(processes, bench::kTraceOnly);
  }
  const auto transitions = static_cast<double>(with_trace.transitions);
  state.counters["transitions"] = transitions;
  state.counters["trace_peak_B_per_transition"] =
      (static_cast<double>(with_trace.run_peak) - static_cast<double>(without.run_peak)) / transitions;
  state.counters["trace_kept_B_per_transition"] = static_cast<double>(with_trace.trace_capacity_bytes) / transitions;
  state.counters["sizeof_Transition"] = sizeof(sim::Transition);
}

// Default EngineOptions keep up to 64 snapshots, each a copy of the state:
// what that costs per process (run on a smaller workload).
void BM_MemoryDefaultOptions(benchmark::State& state) {
  const std::int64_t processes = state.range(0);
  RunMemory m;
  for (auto _ : state) m = measure(processes, sim::EngineOptions{});
  state.counters["run_peak_B_per_process"] = static_cast<double>(m.run_peak) / static_cast<double>(processes);
}

}  // namespace

BENCHMARK(BM_MemoryMetricsOnly)->Arg(1'000'000)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(BM_MemoryWithTrace)->Arg(1'000'000)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(BM_MemoryDefaultOptions)->Arg(100'000)->Unit(benchmark::kMillisecond)->Iterations(1);
