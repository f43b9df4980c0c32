// Seeded random scenarios for property tests: small enough to step tick by
// tick, varied enough to reach every rule. A failing seed replays exactly.
#pragma once

#include <cstdint>
#include <random>

#include "sim/policy_registry.hpp"
#include "sim/scenario.hpp"

namespace test {

inline sim::Scenario randomScenario(std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  auto pick = [&rng](std::int64_t low, std::int64_t high) {
    return low + static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(high - low + 1));
  };
  sim::Scenario s;
  s.name = "random " + std::to_string(seed);
  s.cores = static_cast<int>(pick(1, 16));
  const std::vector<std::string> names = {"fcfs", "sjf", "srtf", "rr", "priority", "lottery", "stride"};
  s.policy.name = names[static_cast<std::size_t>(pick(0, static_cast<std::int64_t>(names.size()) - 1))];
  const std::int64_t quantum = pick(1, 6);
  const std::int64_t preemptive = pick(0, 1);
  if (s.policy.name == "rr") s.policy.params["quantum"] = {quantum};
  if (s.policy.name == "priority") s.policy.params["preemptive"] = {preemptive};
  // The share policies' parameters and tickets come from a second
  // generator: the first one's sequence, and so the bursts, stay as before.
  std::mt19937_64 zoo(seed ^ 0x5eed'2002'f00dULL);
  const bool shares = s.policy.name == "lottery" || s.policy.name == "stride";
  if (shares) s.policy.params["quantum"] = {quantum};
  if (s.policy.name == "lottery") s.policy.params["seed"] = {static_cast<std::int64_t>(zoo() % 1000)};
  if (s.policy.name == "stride") s.policy.params["big"] = {1 + static_cast<std::int64_t>(zoo() % 20'000)};
  s.policy.multiprogramming = pick(0, 5) != 0;
  s.policy.wakeup_preempts = pick(0, 5) == 0;
  s.context_switch = pick(0, 3) == 0 ? pick(1, 3) : 0;
  const std::int64_t count = pick(1, 14);
  for (std::int64_t i = 0; i < count; ++i) {
    sim::ProcessSpec p;
    p.name = "P" + std::to_string(i + 1);
    p.arrival = pick(0, 25);
    p.priority = static_cast<int>(pick(0, 4));
    const std::int64_t cpu_bursts = pick(1, 4);
    for (std::int64_t b = 0; b < cpu_bursts; ++b) {
      if (b > 0) {
        p.bursts.push_back({static_cast<std::uint32_t>(pick(1, 12)), 0, sim::BurstKind::Io});
      }
      p.bursts.push_back({static_cast<std::uint32_t>(pick(1, 12)), 0, sim::BurstKind::Cpu});
    }
    if (shares) p.tickets = 1 + static_cast<std::int32_t>(zoo() % 400);
    s.processes.push_back(p);
  }
  return s;
}

}  // namespace test
