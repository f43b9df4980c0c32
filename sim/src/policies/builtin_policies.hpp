// Internal: the built-in policies, in the order of policy_list.inc.
#pragma once

#include <vector>

#include "sim/policy_registry.hpp"

namespace sim::detail {

using PolicyDescriber = PolicyInfo (*)();
const std::vector<PolicyDescriber>& builtinPolicies();

}  // namespace sim::detail
