// sim/generate.hpp: reproducible random scenarios.
#pragma once

#include <cstdint>

#include "sim/scenario.hpp"

namespace sim {

struct GenerateOptions {
  std::int64_t processes = 10;  // >= 1
  int cores = 2;                // 1 .. kMaxCores
  std::uint64_t seed = 1;
  double io_ratio = 0.5;        // 0..1: chance that a CPU burst is followed by IO; otherwise the process ends there
                                // (so 0 gives one CPU burst per process)
  std::int64_t max_burst = 10;  // bursts last 1 .. max_burst ticks
  Tick arrival_span = 20;       // arrivals are spread over 0 .. arrival_span
  int max_cpu_bursts = 4;       // CPU bursts per process: 1 .. max_cpu_bursts
  // Each process Pi also gets a priority in 0..9. The policy is fcfs.
};

// The same options give the same scenario on every machine (the generator
// is a fixed-algorithm PRNG, not std::uniform_*_distribution). Throws
// std::invalid_argument naming the option (as `--max-burst` etc.) when an
// option is out of range.
Scenario generateScenario(const GenerateOptions& options);

}  // namespace sim
