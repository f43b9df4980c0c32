// gui/model/compare.hpp: the scenario under every registered policy.
#pragma once

#include <string>
#include <vector>

#include "sim/metrics.hpp"
#include "sim/scenario.hpp"

namespace gui {

struct CompareRow {
  std::string policy;      // the policy's label, e.g. "rr (quantum 2)"
  std::string name;        // "rr"
  sim::PolicySpec spec;    // with its parameters
  bool current = false;    // the scenario's own policy (the first row)
  sim::RunMetrics metrics; // of the whole run
};

// sim::defaultComparison through sim::comparePolicies: the scenario's own
// policy first, then every registered policy at its defaults, keeping the
// scenario's cores and dispatcher options.
std::vector<CompareRow> compareAllPolicies(const sim::Scenario& scenario);

// Switches `scenario` to the policy `name` with its default parameters,
// keeping the dispatcher options.
void choosePolicy(sim::Scenario& scenario, const std::string& name);

}  // namespace gui
