// cli/scenario_input.hpp: loading a scenario file for a command, with the
// command-line overrides that `run`, `compare` and `sweep` accept.
#pragma once

#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "sim/scenario.hpp"

namespace cli {

struct ScenarioOverrides {
  std::optional<std::string> policy;  // a spec string: NAME[:KEY=VALUE...]
  std::optional<sim::Tick> quantum;   // shorthand for the policy's "quantum" parameter
  bool preemptive = false;            // shorthand for the policy's "preemptive" parameter
  std::optional<int> cores;
  std::optional<sim::Tick> context_switch;
  std::optional<bool> multiprogramming;
  std::optional<bool> wakeup_preempts;
};

// Adds --cores, --context-switch, --multiprogramming, --wakeup-preempts,
// --quantum and, with `policy_flags`, --policy and --preemptive.
void addOverrideOptions(CLI::App& command, ScenarioOverrides& overrides, bool policy_flags = true);

// The --help text that lists every policy and its parameters.
std::string policySpecHelp();

// Reads `path` ("-" = standard input), applies the overrides and validates.
// On bad input prints "procsim: <where>: <message>" to stderr and returns nothing.
std::optional<sim::Scenario> loadScenarioForRun(const std::string& path, const ScenarioOverrides& overrides);

}  // namespace cli
