// cli/scenario_input.hpp: loading a scenario file for a command, with the
// command-line overrides that `run` and `compare` accept.
#pragma once

#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "sim/scenario.hpp"

namespace cli {

struct ScenarioOverrides {
  std::optional<std::string> policy;
  std::optional<sim::Tick> quantum;
  bool preemptive = false;
  std::optional<int> cores;
  std::optional<sim::Tick> context_switch;
};

// Adds --policy, --quantum, --preemptive, --cores, --context-switch.
void addOverrideOptions(CLI::App& command, ScenarioOverrides& overrides);

// Reads `path` ("-" = standard input), applies the overrides and validates.
// On bad input prints "procsim: <where>: <message>" to stderr and returns nothing.
std::optional<sim::Scenario> loadScenarioForRun(const std::string& path, const ScenarioOverrides& overrides);

}  // namespace cli
