// The baseline the issue compares the engine with: one push and one pop on
// a bare binary heap per transition (the "hold" model of event-queue
// benchmarks), measured in the same run as the engine.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <ctime>
#include <cstdint>

#include "event_heap.hpp"
#include "workload.hpp"

namespace {

using bench::EventHeap;
using bench::filledHeap;
using bench::hold;

struct PendingEvents {
  double mean = 0;
  std::size_t max = 0;
};

// The engine's own pending events (core and IO heaps) over the workload,
// sampled after every step: the size a bare event heap would have.
const PendingEvents& workloadPendingEvents() {
  static const PendingEvents pending = [] {
    sim::Engine engine(bench::workload(), bench::kMetricsOnly);
    PendingEvents result;
    double sum = 0;
    std::int64_t samples = 0;
    while (engine.stepEvent()) {
      const std::size_t size = engine.state().core_events.size() + engine.state().io_events.size();
      sum += static_cast<double>(size);
      result.max = std::max(result.max, size);
      ++samples;
    }
    result.mean = samples > 0 ? sum / static_cast<double>(samples) : 0;
    return result;
  }();
  return pending;
}

// A heap of state.range(0) events (0: the engine's mean pending events),
// held for as many operations as the workload has transitions.
void BM_HeapHold(benchmark::State& state) {
  const std::size_t size =
      state.range(0) > 0 ? static_cast<std::size_t>(state.range(0)) : static_cast<std::size_t>(workloadPendingEvents().mean);
  static const std::int64_t operations = [] {
    sim::Engine engine(bench::workload(), bench::kMetricsOnly);
    engine.runToEnd();
    return engine.state().transitions;
  }();
  for (auto _ : state) {
    state.PauseTiming();
    EventHeap heap = filledHeap(size);
    state.ResumeTiming();
    benchmark::DoNotOptimize(hold(heap, operations));
  }
  state.counters["heap_size"] = static_cast<double>(size);
  state.counters["ops_per_s"] = benchmark::Counter(static_cast<double>(operations) * static_cast<double>(state.iterations()),
                                                   benchmark::Counter::kIsRate);
}

// CPU seconds of this thread: steadier than wall time on a shared machine.
double threadSeconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

// The engine and the baseline timed back to back (thread CPU time) in each
// iteration, with the ratio as a counter: engine time per transition over
// heap time per push+pop.
void BM_EngineVsHeap(benchmark::State& state) {
  const auto size = static_cast<std::size_t>(workloadPendingEvents().mean);
  double engine_seconds = 0;
  double heap_seconds = 0;
  std::int64_t transitions = 0;
  for (auto _ : state) {
    sim::Engine engine(bench::workload(), bench::kMetricsOnly);
    const double engine_start = threadSeconds();
    engine.runToEnd();
    engine_seconds += threadSeconds() - engine_start;
    transitions += engine.state().transitions;

    EventHeap heap = filledHeap(size);
    const double heap_start = threadSeconds();
    benchmark::DoNotOptimize(hold(heap, engine.state().transitions));
    heap_seconds += threadSeconds() - heap_start;
  }
  state.counters["heap_size"] = static_cast<double>(size);
  state.counters["max_pending_events"] = static_cast<double>(workloadPendingEvents().max);
  state.counters["engine_ns_per_transition"] = engine_seconds * 1e9 / static_cast<double>(transitions);
  state.counters["heap_ns_per_push_pop"] = heap_seconds * 1e9 / static_cast<double>(transitions);
  state.counters["ratio"] = engine_seconds / heap_seconds;
}

}  // namespace

BENCHMARK(BM_HeapHold)->Arg(64)->Arg(0)->Arg(1'000'000)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_EngineVsHeap)->Unit(benchmark::kMillisecond)->Iterations(3);
