// sim/policies.hpp: the built-in policies and the factory that makes them.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "sim/policy.hpp"
#include "sim/scenario.hpp"

namespace sim {

// fcfs, sjf, srtf, rr, priority. Throws std::invalid_argument for an unknown name.
std::unique_ptr<Policy> makePolicy(const PolicySpec& spec);
const std::vector<std::string>& policyNames();
bool isKnownPolicy(const std::string& name);

}  // namespace sim
