// run_phases FILE: the phases of `procsim run FILE --metrics-only --format
// json`, each timed apart (wall clock, one run): reading, parsing and
// checking the file (the check then timed again alone), building the
// engine, the run, the metrics and the JSON output (written to /dev/null).
// The breakdown in docs/performance.md ("End to end") comes from it.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <string_view>

#include "reports.hpp"
#include "sim/engine.hpp"
#include "sim/metrics.hpp"
#include "sim/scenario_json.hpp"

namespace {

using Clock = std::chrono::steady_clock;

class PhaseClock {
 public:
  void lap(const char* phase) {
    const Clock::time_point now = Clock::now();
    const double seconds = std::chrono::duration<double>(now - last_).count();
    std::printf("%-28s %.4f s\n", phase, seconds);
    if (std::string_view(phase).rfind("of which", 0) != 0) total_ += seconds;
    last_ = now;
  }
  double total() const { return total_; }

 private:
  Clock::time_point last_ = Clock::now();
  double total_ = 0;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: run_phases FILE\n");
    return 2;
  }
  PhaseClock clock;
  try {
    sim::Scenario scenario = sim::loadScenario(argv[1]);
    clock.lap("read, parse and check");
    sim::validateScenario(scenario);
    clock.lap("of which the check");
    sim::Engine engine(std::move(scenario), sim::EngineOptions{.record_trace = false, .snapshots = false});
    clock.lap("build the engine");
    engine.runToEnd();
    clock.lap("run");
    const sim::RunMetrics metrics = sim::computeMetrics(engine, /*with_processes=*/false);
    clock.lap("whole-run metrics");
    std::ofstream out("/dev/null");
    cli::printMetricsJson(out, engine, metrics);
    out.flush();
    clock.lap("JSON output");
  } catch (const sim::ScenarioError& error) {
    std::fprintf(stderr, "run_phases: %s\n", error.what());
    return 2;
  }
  std::printf("%-28s %.4f s\n", "total", clock.total());
  return 0;
}
