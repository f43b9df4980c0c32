#include "builtin_policies.hpp"

namespace sim::detail {

#define PROCSIM_POLICY(id) PolicyInfo id##PolicyInfo();
#include "policy_list.inc"
#undef PROCSIM_POLICY

const std::vector<PolicyDescriber>& builtinPolicies() {
  static const std::vector<PolicyDescriber> list = {
#define PROCSIM_POLICY(id) &id##PolicyInfo,
#include "policy_list.inc"
#undef PROCSIM_POLICY
  };
  return list;
}

}  // namespace sim::detail
