// gui/model/compare.hpp: every built-in policy on one scenario.
#pragma once

#include <string>
#include <vector>

#include "sim/metrics.hpp"
#include "sim/scenario.hpp"

namespace gui {

struct CompareRow {
  std::string policy;      // the policy's description, e.g. "rr (quantum 2)"
  std::string name;        // "rr"
  sim::RunMetrics metrics; // of the whole run
};

// Runs the scenario once per policy (metrics only, no trace), keeping its
// cores and dispatcher options. rr uses the scenario's quantum, or 2 when
// it has none; priority is run preemptive when the scenario says so.
std::vector<CompareRow> compareAllPolicies(const sim::Scenario& scenario);

// Switches `scenario` to the policy `name`, giving rr a quantum of 2 when
// it has none, so that the result validates.
void choosePolicy(sim::Scenario& scenario, const std::string& name);

}  // namespace gui
