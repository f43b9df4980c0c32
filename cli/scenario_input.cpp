#include "scenario_input.hpp"

#include <iostream>

#include "sim/policy_registry.hpp"
#include "sim/scenario_json.hpp"

namespace cli {

namespace {

// Sets a parameter that a shorthand flag names; false (with a message) when
// the policy has no such parameter.
bool setShorthand(sim::PolicySpec& spec, const std::string& flag, const std::string& key, std::int64_t value) {
  const sim::PolicyInfo* info = sim::findPolicy(spec.name);
  for (const sim::ParamSchema& param : info->parameters) {
    if (param.name == key) {
      spec.params[key] = {value};
      return true;
    }
  }
  std::cerr << "procsim: " << flag << ": policy " << spec.name << " has no parameter \"" << key
            << "\" (see 'procsim policies')\n";
  return false;
}

}  // namespace

std::string policySpecHelp() {
  std::string text = "Scheduling policy, overriding the file: NAME or NAME:KEY=VALUE[:KEY=VALUE...], e.g. rr:quantum=2 "
                     "(rr:2 for short). Policies:";
  for (const sim::PolicyInfo& info : sim::policies()) {
    text += " " + info.name;
    if (!info.parameters.empty()) {
      text += " [";
      for (std::size_t i = 0; i < info.parameters.size(); ++i) text += (i ? " " : "") + info.parameters[i].name;
      text += "]";
    }
  }
  return text + ". 'procsim policies' describes each.";
}

void addOverrideOptions(CLI::App& command, ScenarioOverrides& overrides, bool policy_flags) {
  if (policy_flags) command.add_option("--policy", overrides.policy, policySpecHelp())->type_name("SPEC");
  command.add_option("--quantum", overrides.quantum, "Shorthand for the policy's quantum parameter, in ticks (>= 1)")
      ->check(CLI::Range(sim::Tick{1}, sim::kMaxQuantum));
  if (policy_flags) {
    command.add_flag("--preemptive", overrides.preemptive, "Shorthand for the policy's preemptive parameter (priority)");
  }
  command.add_option("--cores", overrides.cores, "Number of cores (1 to 1024)")
      ->check(CLI::Range(1, sim::kMaxCores));
  command.add_option("--context-switch", overrides.context_switch,
                     "Ticks a core spends switching between two different processes")
      ->check(CLI::Range(sim::Tick{0}, sim::kMaxContextSwitch));
  command.add_option("--multiprogramming", overrides.multiprogramming,
                     "true: a blocked process frees its core; false: its core idles until its IO ends")
      ->type_name("BOOL");
  command.add_option("--wakeup-preempts", overrides.wakeup_preempts,
                     "true: a process whose IO ends takes a core at once")
      ->type_name("BOOL");
}

std::optional<sim::Scenario> loadScenarioForRun(const std::string& path, const ScenarioOverrides& overrides) {
  try {
    sim::Scenario scenario = sim::loadScenario(path);
    if (overrides.policy) {
      std::string error;
      auto spec = sim::parsePolicySpec(*overrides.policy, scenario.policy, error);
      if (!spec) {
        std::cerr << "procsim: --policy: " << error << "\n";
        return std::nullopt;
      }
      scenario.policy = std::move(*spec);
    }
    if (overrides.quantum && !setShorthand(scenario.policy, "--quantum", "quantum", *overrides.quantum)) return std::nullopt;
    if (overrides.preemptive && !setShorthand(scenario.policy, "--preemptive", "preemptive", 1)) return std::nullopt;
    if (overrides.cores) scenario.cores = *overrides.cores;
    if (overrides.context_switch) scenario.context_switch = *overrides.context_switch;
    if (overrides.multiprogramming) scenario.policy.multiprogramming = *overrides.multiprogramming;
    if (overrides.wakeup_preempts) scenario.policy.wakeup_preempts = *overrides.wakeup_preempts;
    const bool overridden = overrides.policy || overrides.quantum || overrides.preemptive || overrides.cores ||
                            overrides.context_switch || overrides.multiprogramming || overrides.wakeup_preempts;
    if (!overridden) return scenario;  // loadScenario has checked it
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
