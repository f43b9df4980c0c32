#include "sim/policies.hpp"

#include <algorithm>
#include <stdexcept>

#include "fifo_policy.hpp"
#include "ranked_policy.hpp"

namespace sim {

const std::vector<std::string>& policyNames() {
  static const std::vector<std::string> names = {"fcfs", "sjf", "srtf", "rr", "priority"};
  return names;
}

bool isKnownPolicy(const std::string& name) {
  const auto& names = policyNames();
  return std::find(names.begin(), names.end(), name) != names.end();
}

std::unique_ptr<Policy> makePolicy(const PolicySpec& spec) {
  using Rank = RankedPolicy::Rank;
  if (spec.name == "fcfs") return std::make_unique<FifoPolicy>(0);
  if (spec.name == "rr") {
    if (spec.quantum < 1) throw std::invalid_argument("rr needs a quantum of at least 1 tick");
    return std::make_unique<FifoPolicy>(spec.quantum);
  }
  if (spec.name == "sjf") return std::make_unique<RankedPolicy>("sjf", Rank::BurstRemaining, false);
  if (spec.name == "srtf") return std::make_unique<RankedPolicy>("srtf", Rank::BurstRemaining, true);
  if (spec.name == "priority") {
    return std::make_unique<RankedPolicy>(spec.preemptive ? "priority (preemptive)" : "priority",
                                          Rank::Priority, spec.preemptive);
  }
  throw std::invalid_argument("unknown policy \"" + spec.name + "\"");
}

}  // namespace sim
