// Internal: the semantic checks shared by validateScenario and the reader.
#pragma once

#include <string>
#include <vector>

#include "sim/scenario.hpp"

namespace sim::detail {

// Throws ScenarioError for the first problem. `named_in_file` says, per
// process, whether its name was written in the file or given by default
// (P1, P2, ...); nullptr means every name was given explicitly.
void checkScenario(const Scenario& scenario, const std::vector<bool>* named_in_file);

// Throws ScenarioError(where, ...) unless isKnownPolicy(name).
void checkPolicyName(const std::string& where, const std::string& name);

}  // namespace sim::detail
