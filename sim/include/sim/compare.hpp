// sim/compare.hpp: one workload under several policies, side by side.
// The CLI's `compare`, `sweep` and the GUI's Compare tab all run this loop.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "sim/metrics.hpp"
#include "sim/scenario.hpp"

namespace sim {

struct CompareEntry {
  std::string label;   // how the row is named: the spec as the user wrote it, or policyLabel()
  PolicySpec spec;     // a valid spec (checkPolicySpec); its dispatcher options are used as given
};

struct CompareResult {
  CompareEntry entry;
  RunMetrics metrics;  // of the whole run, without per-process rows
};

// The scenario's own policy first (labelled "<label> (file)"), then every
// registered policy at its defaults, with the scenario's dispatcher options,
// leaving out one that equals the first.
std::vector<CompareEntry> defaultComparison(const Scenario& scenario);

// Runs `scenario` once per entry, metrics only (no trace, no snapshots), in
// order. `progress(done, total)` is called after each run; returning false
// stops early (the results so far are returned). Throws ScenarioError when
// an entry's spec is invalid for the scenario.
std::vector<CompareResult> comparePolicies(const Scenario& scenario, const std::vector<CompareEntry>& entries,
                                           const std::function<bool(std::size_t, std::size_t)>& progress = {});

}  // namespace sim
