#include "export_common.hpp"

#include "sim/policy_registry.hpp"

namespace sim {

std::string policyLabel(const Scenario& scenario) {
  std::string label = policyLabel(scenario.policy);
  if (!scenario.policy.multiprogramming) label += ", multiprogramming off";
  if (scenario.policy.wakeup_preempts) label += ", wakeup preempts";
  return label;
}

}  // namespace sim
