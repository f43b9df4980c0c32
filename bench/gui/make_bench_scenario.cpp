// Writes a scenario whose run makes at least 1,000,000 transitions (rr with
// quantum 1 on long CPU bursts), for the GUI frame-time benchmark.
// Usage: make_bench_scenario OUT.json [MIN_TRANSITIONS]
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "sim/engine.hpp"
#include "sim/generate.hpp"
#include "sim/scenario_json.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: make_bench_scenario OUT.json [MIN_TRANSITIONS]\n");
    return 2;
  }
  const long long wanted = argc > 2 ? std::atoll(argv[2]) : 1'000'000;
  sim::GenerateOptions options;
  options.cores = 4;
  options.seed = 42;
  options.io_ratio = 0.5;
  options.max_burst = 100;
  options.arrival_span = 2000;
  options.processes = 500;
  for (;;) {
    sim::Scenario scenario = sim::generateScenario(options);
    scenario.name = "GUI benchmark";
    scenario.description = "rr quantum 1 on long bursts: a run with over a million transitions";
    scenario.policy.name = "rr";
    scenario.policy.quantum = 1;
    sim::EngineOptions engine_options;
    engine_options.record_trace = false;
    sim::Engine engine(scenario, engine_options);
    engine.runToEnd();
    const long long transitions = engine.state().transitions;
    if (transitions >= wanted) {
      std::ofstream(argv[1]) << sim::scenarioToJson(scenario) << "\n";
      std::printf("%s: %lld processes, %lld transitions, %lld ticks\n", argv[1],
                  static_cast<long long>(scenario.processes.size()), transitions,
                  static_cast<long long>(engine.now() + 1));
      return 0;
    }
    options.processes = options.processes * wanted / std::max(1LL, transitions) + 50;
  }
}
