#include "workload.hpp"

#include <map>
#include <memory>

#include "sim/generate.hpp"

namespace bench {

const sim::Scenario& workload(std::int64_t processes) {
  static std::map<std::int64_t, sim::Scenario> made;
  auto found = made.find(processes);
  if (found == made.end()) {
    sim::GenerateOptions options;
    options.processes = processes;
    options.cores = 64;
    options.seed = 1;
    sim::Scenario scenario = sim::generateScenario(options);
    scenario.policy.name = "rr";
    scenario.policy.params["quantum"] = {10};
    found = made.emplace(processes, std::move(scenario)).first;
  }
  return found->second;
}

const sim::Engine& tracedRun(std::int64_t processes) {
  static std::map<std::int64_t, std::unique_ptr<sim::Engine>> runs;
  auto& run = runs[processes];
  if (!run) {
    run = std::make_unique<sim::Engine>(workload(processes), kTraceOnly);
    run->runToEnd();
  }
  return *run;
}

}  // namespace bench
