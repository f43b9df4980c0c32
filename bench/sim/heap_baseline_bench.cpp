// The baseline the issue compares the engine with: one push and one pop on
// a bare binary heap per transition (the "hold" model of event-queue
// benchmarks), measured in the same run as the engine.
#include <benchmark/benchmark.h>

#include <ctime>
#include <cstdint>
#include <functional>
#include <queue>
#include <vector>

#include "workload.hpp"

namespace {

struct HeapEvent {  // 16 bytes, like the engine's CoreEvent / IoEvent
  std::int64_t tick = 0;
  std::int32_t id = 0;
  std::uint32_t generation = 0;
};
static_assert(sizeof(HeapEvent) == 16);

struct Later {
  bool operator()(const HeapEvent& a, const HeapEvent& b) const {
    return a.tick != b.tick ? a.tick > b.tick : a.id > b.id;
  }
};

using EventHeap = std::priority_queue<HeapEvent, std::vector<HeapEvent>, Later>;

std::uint64_t nextRandom(std::uint64_t& x) {  // xorshift64: cheap, so the heap dominates
  x ^= x << 13;
  x ^= x >> 7;
  x ^= x << 17;
  return x;
}

EventHeap filledHeap(std::size_t size) {
  std::vector<HeapEvent> events(size);
  std::uint64_t random = 88172645463325252ULL;
  for (std::size_t i = 0; i < size; ++i) {
    events[i] = {static_cast<std::int64_t>(nextRandom(random) % 10), static_cast<std::int32_t>(i), 0};
  }
  return EventHeap(Later{}, std::move(events));
}

// `operations` times: pop the earliest event, push it back 1..10 ticks later.
std::int64_t hold(EventHeap& heap, std::int64_t operations) {
  std::uint64_t random = 0x9E3779B97F4A7C15ULL;
  std::int64_t checksum = 0;
  for (std::int64_t i = 0; i < operations; ++i) {
    const HeapEvent top = heap.top();
    heap.pop();
    heap.push({top.tick + 1 + static_cast<std::int64_t>(nextRandom(random) % 10), top.id, top.generation + 1});
    checksum += top.tick;
  }
  return checksum;
}

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
