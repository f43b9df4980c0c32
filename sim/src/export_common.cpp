#include "export_common.hpp"

#include <stdexcept>

#include "sim/policies.hpp"

namespace sim {

std::string policyLabel(const Scenario& scenario) {
  std::string label;
  try {
    label = makePolicy(scenario.policy)->describe();
  } catch (const std::invalid_argument&) {
    label = scenario.policy.name;
  }
  if (!scenario.policy.multiprogramming) label += ", multiprogramming off";
  if (scenario.policy.wakeup_preempts) label += ", wakeup preempts";
  return label;
}

}  // namespace sim
