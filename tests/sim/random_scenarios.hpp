// Seeded random scenarios for property tests: small enough to step tick by
// tick, varied enough to reach every rule. A failing seed replays exactly.
#pragma once

#include <cstdint>
#include <random>
#include <algorithm>

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
  // Every registered policy, each parameter drawn from the low end of its
  // range (small quanta and boost periods make the most transitions).
  const std::vector<std::string> names = sim::policyNames();
  s.policy.name = names[static_cast<std::size_t>(pick(0, static_cast<std::int64_t>(names.size()) - 1))];
  for (const sim::ParamSchema& param : sim::findPolicy(s.policy.name)->parameters) {
    if (pick(0, 3) == 0) continue;  // left at its default
    const std::int64_t high = std::min(param.max, param.min + 6);
    s.policy.params[param.name] = {pick(param.min, high)};
  }
  try {
    sim::checkPolicySpec(s.policy);
  } catch (const std::exception&) {
    s.policy.params.clear();  // the draw broke a rule across parameters (cfs: granularity <= latency)
  }
  s.policy.multiprogramming = pick(0, 5) != 0;
  s.policy.wakeup_preempts = pick(0, 5) == 0;
  s.context_switch = pick(0, 3) == 0 ? pick(1, 3) : 0;
  const std::int64_t count = pick(1, 14);
  for (std::int64_t i = 0; i < count; ++i) {
    sim::ProcessSpec p;
    p.name = std::string("P").append(std::to_string(i + 1));
    p.arrival = pick(0, 25);
    p.priority = static_cast<int>(pick(0, 4));
    p.tickets = static_cast<std::int32_t>(pick(1, 400));
    p.nice = static_cast<std::int32_t>(pick(sim::kMinNice, sim::kMaxNice));
    const std::int64_t cpu_bursts = pick(1, 4);
    for (std::int64_t b = 0; b < cpu_bursts; ++b) {
      if (b > 0) {
        p.bursts.push_back({static_cast<std::uint32_t>(pick(1, 12)), 0, sim::BurstKind::Io});
      }
      p.bursts.push_back({static_cast<std::uint32_t>(pick(1, 12)), 0, sim::BurstKind::Cpu});
    }
    s.processes.push_back(p);
  }
  return s;
}

// `s` with a random cache model and working sets, drawn from their own
// generator so that `s` itself is unchanged: a warmup of 0 to 6, a warm
// rate of 1 to 4, room for a few working sets; some processes larger than
// the cache or without a set.
inline sim::Scenario withRandomCache(sim::Scenario s, std::uint64_t seed) {
  std::mt19937_64 rng(seed ^ 0xc2b2ae3d27d4eb4fULL);
  auto pick = [&rng](std::int64_t low, std::int64_t high) {
    return low + static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(high - low + 1));
  };
  s.cache = sim::CacheOptions{pick(0, 6), static_cast<std::int32_t>(pick(1, 4)), pick(10, 120)};
  for (sim::ProcessSpec& p : s.processes) p.working_set = pick(0, 5) == 0 ? 0 : pick(1, 130);
  return s;
}

}  // namespace test

namespace test {

// randomScenario(seed) with every multiprocessor and IO option drawn too:
// per-core queues with balancing and stealing, affinity, a contended disk
// and asynchronous IO. Drawn from a second generator, so randomScenario's
// own draws stay as they are.
inline sim::Scenario randomZooScenario(std::uint64_t seed) {
  sim::Scenario s = randomScenario(seed);
  std::mt19937_64 rng(seed ^ 0x9e3779b97f4a7c15ULL);
  auto pick = [&rng](std::int64_t low, std::int64_t high) {
    return low + static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(high - low + 1));
  };
  s.name = "random zoo " + std::to_string(seed);
  if (pick(0, 1) == 0) {
    s.run_queues = sim::RunQueues::PerCore;
    s.balance = {pick(0, 2) == 0 ? 0 : pick(1, 8), pick(0, 1) == 0};
  }
  const bool disk_used = pick(0, 2) != 0;
  const std::uint16_t disk = disk_used ? s.deviceIndex("disk") : 0;
  if (disk_used) s.device_options["disk"] = {static_cast<std::int32_t>(pick(1, 3))};
  for (sim::ProcessSpec& p : s.processes) {
    if (pick(0, 3) == 0) {
      for (sim::CoreId c = 0; c < s.cores; ++c) {
        if (pick(0, 2) == 0) p.affinity.push_back(c);
      }
      if (p.affinity.empty()) p.affinity.push_back(static_cast<sim::CoreId>(pick(0, s.cores - 1)));
    }
    for (sim::Burst& burst : p.bursts) {
      if (burst.kind != sim::BurstKind::Io) continue;
      if (disk_used && pick(0, 1) == 0) burst.device = disk;
      burst.async = pick(0, 2) == 0;
    }
  }
  return s;
}

}  // namespace test
