#include "model/compare.hpp"

#include "sim/engine.hpp"
#include "sim/policies.hpp"

namespace gui {

void choosePolicy(sim::Scenario& scenario, const std::string& name) {
  scenario.policy.name = name;
  if (name == "rr" && scenario.policy.quantum < 1) scenario.policy.quantum = 2;
}

std::vector<CompareRow> compareAllPolicies(const sim::Scenario& scenario) {
  std::vector<CompareRow> rows;
  for (const std::string& name : sim::policyNames()) {
    sim::Scenario variant = scenario;
    choosePolicy(variant, name);
    sim::EngineOptions options;
    options.record_trace = false;
    options.snapshots = false;
    sim::Engine engine(variant, options);
    engine.runToEnd();
    rows.push_back({engine.policy().describe(), name, sim::computeMetrics(engine)});
  }
  return rows;
}

}  // namespace gui
