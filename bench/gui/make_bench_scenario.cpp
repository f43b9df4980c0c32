// Writes scenarios for the GUI frame-time benchmark.
// Usage: make_bench_scenario OUT.json [--transitions N | --processes N]
//   --transitions N  a run of at least N transitions (default 1,000,000):
//                    rr with quantum 1 on long CPU bursts
//   --processes N    N processes on 8 cores under fcfs (the table benchmark)
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "sim/engine.hpp"
#include "sim/generate.hpp"
#include "sim/scenario_json.hpp"

int main(int argc, char** argv) {
  const std::string mode = argc > 2 ? argv[2] : "--transitions";
  if (argc < 2 || argc == 3 || (mode != "--transitions" && mode != "--processes")) {
    std::fprintf(stderr, "usage: make_bench_scenario OUT.json [--transitions N | --processes N]\n");
    return 2;
  }
  const long long count = argc > 3 ? std::atoll(argv[3]) : 1'000'000;
  if (count < 1) {
    std::fprintf(stderr, "make_bench_scenario: %s: expected a positive count\n", mode.c_str());
    return 2;
  }
  if (mode == "--processes") {
    sim::GenerateOptions options;
    options.processes = count;
    options.cores = 8;
    options.seed = 7;
    options.arrival_span = count;
    sim::Scenario scenario = sim::generateScenario(options);
    scenario.name = "GUI table benchmark";
    std::ofstream(argv[1]) << sim::scenarioToJson(scenario) << "\n";
    std::printf("%s: %lld processes\n", argv[1], count);
    return 0;
  }
  const long long wanted = count;
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
    scenario.policy.params["quantum"] = {1};
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
