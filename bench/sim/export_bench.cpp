// The exporters and the timeline on the workload's full trace, and reading
// the workload back from JSON (what `procsim validate` does).
#include <benchmark/benchmark.h>

#include <ostream>
#include <streambuf>
#include <string>

#include "sim/export.hpp"
#include "sim/scenario_json.hpp"
#include "sim/timeline.hpp"
#include "workload.hpp"

namespace {

// A stream that only counts what is written to it.
class CountingBuffer : public std::streambuf {
 public:
  std::size_t count = 0;

 protected:
  std::streamsize xsputn(const char*, std::streamsize n) override {
    count += static_cast<std::size_t>(n);
    return n;
  }
  int_type overflow(int_type c) override {
    if (!traits_type::eq_int_type(c, traits_type::eof())) ++count;
    return traits_type::not_eof(c);
  }
};

void BM_BuildTimeline(benchmark::State& state) {
  const sim::Engine& run = bench::tracedRun();
  std::size_t intervals = 0;
  for (auto _ : state) {
    const sim::Timeline timeline = sim::buildTimeline(run.scenario(), run.trace());
    intervals = timeline.core_intervals.size() + timeline.process_intervals.size();
  }
  state.counters["intervals"] = static_cast<double>(intervals);
  state.counters["transitions_per_s"] = benchmark::Counter(
      static_cast<double>(run.trace().size()) * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

void BM_WriteChromeTrace(benchmark::State& state) {
  const sim::Engine& run = bench::tracedRun();
  CountingBuffer buffer;
  std::ostream out(&buffer);
  for (auto _ : state) sim::writeChromeTrace(out, run.scenario(), run.trace());
  const auto bytes = static_cast<double>(buffer.count) / static_cast<double>(state.iterations());
  state.counters["output_MB"] = bytes / 1e6;
  state.counters["B_per_transition"] = bytes / static_cast<double>(run.trace().size());
  state.SetBytesProcessed(static_cast<std::int64_t>(buffer.count));
}

void BM_WriteSvgGantt(benchmark::State& state) {
  const sim::Engine& run = bench::tracedRun();
  CountingBuffer buffer;
  std::ostream out(&buffer);
  for (auto _ : state) sim::writeSvgGantt(out, run.scenario(), run.trace());
  state.counters["output_kB"] = static_cast<double>(buffer.count) / static_cast<double>(state.iterations()) / 1e3;
}

void BM_ParseScenarioJson(benchmark::State& state) {
  const std::string text = sim::scenarioToJson(bench::workload(), 0);
  for (auto _ : state) {
    const sim::Scenario scenario = sim::parseScenario(text);
    benchmark::DoNotOptimize(scenario.processes.data());
  }
  state.counters["file_MB"] = static_cast<double>(text.size()) / 1e6;
  state.SetBytesProcessed(static_cast<std::int64_t>(text.size()) * state.iterations());
}

}  // namespace

BENCHMARK(BM_BuildTimeline)->Unit(benchmark::kMillisecond)->Iterations(2);
BENCHMARK(BM_WriteChromeTrace)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(BM_WriteSvgGantt)->Unit(benchmark::kMillisecond)->Iterations(2);
BENCHMARK(BM_ParseScenarioJson)->Unit(benchmark::kMillisecond)->Iterations(2);
