#include "model/compare.hpp"

#include "sim/compare.hpp"

namespace gui {

void choosePolicy(sim::Scenario& scenario, const std::string& name) {
  if (scenario.policy.name == name) return;
  scenario.policy.name = name;
  scenario.policy.params.clear();
}

std::vector<CompareRow> compareAllPolicies(const sim::Scenario& scenario) {
  std::vector<CompareRow> rows;
  for (sim::CompareResult& result : sim::comparePolicies(scenario, sim::defaultComparison(scenario))) {
    rows.push_back({result.entry.label, result.entry.spec.name, result.entry.spec, rows.empty(), std::move(result.metrics)});
  }
  return rows;
}

}  // namespace gui
