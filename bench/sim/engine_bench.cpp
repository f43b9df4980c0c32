// Engine throughput on the workload, in transitions per second.
#include <benchmark/benchmark.h>

#include <memory>

#include "workload.hpp"

namespace {

// Times runToEnd only: copying the 1M-process scenario into the engine and
// destroying it happen with the timer paused (BM_EngineSetup times setup).
void runWorkload(benchmark::State& state, sim::EngineOptions options, const sim::Scenario& scenario = bench::workload()) {
  std::int64_t transitions = 0;
  for (auto _ : state) {
    state.PauseTiming();
    auto engine = std::make_unique<sim::Engine>(scenario, options);
    state.ResumeTiming();
    engine->runToEnd();
    state.PauseTiming();
    transitions += engine->state().transitions;
    engine.reset();
    state.ResumeTiming();
  }
  const auto runs = static_cast<double>(state.iterations());
  state.counters["transitions"] = static_cast<double>(transitions) / runs;
  state.counters["transitions_per_s"] = benchmark::Counter(static_cast<double>(transitions), benchmark::Counter::kIsRate);
}

void BM_EngineMetricsOnly(benchmark::State& state) { runWorkload(state, bench::kMetricsOnly); }
void BM_EngineWithTrace(benchmark::State& state) { runWorkload(state, bench::kTraceOnly); }

// The policies of the zoo on the same workload, metrics only.
void BM_EnginePolicy(benchmark::State& state, const char* spec) {
  runWorkload(state, bench::kMetricsOnly, bench::policyWorkload(spec));
}

// Every policy with per-core run queues on 1024 cores, metrics only.
void BM_EnginePerCore(benchmark::State& state, const char* spec) {
  runWorkload(state, bench::kMetricsOnly, bench::perCoreWorkload(spec));
}

// Constructing the engine: validating the scenario and ordering arrivals.
void BM_EngineSetup(benchmark::State& state) {
  const sim::Scenario& scenario = bench::workload();
  for (auto _ : state) {
    state.PauseTiming();
    sim::Scenario copy = scenario;
    state.ResumeTiming();
    auto engine = std::make_unique<sim::Engine>(std::move(copy), bench::kMetricsOnly);
    state.PauseTiming();
    engine.reset();
    state.ResumeTiming();
  }
}

}  // namespace

BENCHMARK(BM_EngineMetricsOnly)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_EngineWithTrace)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK_CAPTURE(BM_EnginePolicy, fcfs, "fcfs")->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK_CAPTURE(BM_EnginePolicy, sjf, "sjf")->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK_CAPTURE(BM_EnginePolicy, srtf, "srtf")->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK_CAPTURE(BM_EnginePolicy, rr_q10, "rr:quantum=10")->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK_CAPTURE(BM_EnginePolicy, priority, "priority:preemptive")->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK_CAPTURE(BM_EnginePolicy, mlfq, "mlfq:boost=1000")->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK_CAPTURE(BM_EnginePolicy, cfs, "cfs")->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK_CAPTURE(BM_EnginePolicy, eevdf, "eevdf")->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK_CAPTURE(BM_EnginePolicy, lottery_q10, "lottery:quantum=10")->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK_CAPTURE(BM_EnginePolicy, lottery_q1, "lottery:quantum=1")->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK_CAPTURE(BM_EnginePolicy, stride_q10, "stride:quantum=10")->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK_CAPTURE(BM_EnginePolicy, stride_q1, "stride:quantum=1")->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_EngineSetup)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK_CAPTURE(BM_EnginePerCore, fcfs, "fcfs")->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK_CAPTURE(BM_EnginePerCore, sjf, "sjf")->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK_CAPTURE(BM_EnginePerCore, srtf, "srtf")->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK_CAPTURE(BM_EnginePerCore, rr_q10, "rr:quantum=10")->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK_CAPTURE(BM_EnginePerCore, priority, "priority:preemptive")->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK_CAPTURE(BM_EnginePerCore, mlfq, "mlfq:boost=1000")->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK_CAPTURE(BM_EnginePerCore, lottery_q10, "lottery:quantum=10")->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK_CAPTURE(BM_EnginePerCore, stride_q10, "stride:quantum=10")->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK_CAPTURE(BM_EnginePerCore, cfs, "cfs")->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK_CAPTURE(BM_EnginePerCore, eevdf, "eevdf")->Unit(benchmark::kMillisecond)->Iterations(1);
