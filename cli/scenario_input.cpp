#include "scenario_input.hpp"

#include <iostream>

#include "sim/policies.hpp"
#include "sim/scenario_json.hpp"

namespace cli {

void addOverrideOptions(CLI::App& command, ScenarioOverrides& overrides) {
  command.add_option("--policy", overrides.policy, "Scheduling policy (overrides the file)")
      ->check(CLI::IsMember(sim::policyNames()));
  command.add_option("--quantum", overrides.quantum, "Round-robin time slice in ticks (>= 1)")
      ->check(CLI::Range(sim::Tick{1}, sim::kMaxQuantum));
  command.add_flag("--preemptive", overrides.preemptive, "Make the priority policy preemptive");
  command.add_option("--cores", overrides.cores, "Number of cores (1 to 1024)")
      ->check(CLI::Range(1, sim::kMaxCores));
  command.add_option("--context-switch", overrides.context_switch,
                     "Ticks a core spends switching between two different processes")
      ->check(CLI::Range(sim::Tick{0}, sim::kMaxContextSwitch));
}

std::optional<sim::Scenario> loadScenarioForRun(const std::string& path, const ScenarioOverrides& overrides) {
  try {
    sim::Scenario scenario = sim::loadScenario(path);
    if (overrides.policy) scenario.policy.name = *overrides.policy;
    if (overrides.quantum) scenario.policy.quantum = *overrides.quantum;
    if (overrides.preemptive) scenario.policy.preemptive = true;
    if (overrides.cores) scenario.cores = *overrides.cores;
    if (overrides.context_switch) scenario.context_switch = *overrides.context_switch;
    if (scenario.policy.name == "rr" && scenario.policy.quantum < 1) {
      std::cerr << "procsim: " << path << ": policy rr needs a quantum: give --quantum Q\n";
      return std::nullopt;
    }
    try {
      sim::validateScenario(scenario);
    } catch (const sim::ScenarioError& error) {
      std::cerr << "procsim: " << path << " (with the command-line overrides): " << error.what() << "\n";
      return std::nullopt;
    }
    return scenario;
  } catch (const sim::ScenarioError& error) {
    std::cerr << "procsim: " << error.what() << "\n";
    return std::nullopt;
  }
}

}  // namespace cli
