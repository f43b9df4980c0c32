#include "workload.hpp"

#include <map>
#include <memory>
#include <stdexcept>
#include <utility>

#include "sim/generate.hpp"
#include "sim/policy_registry.hpp"

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

const sim::Scenario& policyWorkload(const std::string& spec, std::int64_t processes) {
  static std::map<std::pair<std::string, std::int64_t>, sim::Scenario> made;
  auto found = made.find({spec, processes});
  if (found == made.end()) {
    sim::Scenario scenario = workload(processes);
    std::string error;
    const auto policy = sim::parsePolicySpec(spec, scenario.policy, error);
    if (!policy) throw std::invalid_argument(error);
    scenario.policy = *policy;
    for (std::size_t i = 0; i < scenario.processes.size(); ++i) {
      scenario.processes[i].tickets = static_cast<std::int32_t>(50 * (1 + i % 7));
    }
    found = made.emplace(std::pair{spec, processes}, std::move(scenario)).first;
  }
  return found->second;
}

const sim::Scenario& perCoreWorkload(const std::string& spec, std::int64_t processes) {
  static std::map<std::pair<std::string, std::int64_t>, sim::Scenario> made;
  auto found = made.find({spec, processes});
  if (found == made.end()) {
    sim::Scenario scenario = policyWorkload(spec, processes);
    scenario.cores = 1024;
    scenario.run_queues = sim::RunQueues::PerCore;
    scenario.balance.steal = true;
    for (std::size_t i = 0; i < scenario.processes.size(); ++i) {
      scenario.processes[i].nice = static_cast<std::int32_t>(i % 11) - 5;
    }
    found = made.emplace(std::pair{spec, processes}, std::move(scenario)).first;
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
