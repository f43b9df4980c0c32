// The performance workload: `procsim gen --processes 1000000
// --cores 64 --seed 1` run under rr with quantum 10.
#pragma once

#include <cstdint>
#include <string>

#include "sim/engine.hpp"
#include "sim/scenario.hpp"

namespace bench {

// Generated once per process count and kept; callers copy it.
const sim::Scenario& workload(std::int64_t processes = 1'000'000);

// The same workload under another policy spec ("lottery:quantum=10"), with
// tickets 50, 100, ..., 350 by process index (i % 7), generated once and kept.
const sim::Scenario& policyWorkload(const std::string& spec, std::int64_t processes = 1'000'000);

// The policy workload on 1024 cores with per-core run queues and stealing
// (the zoo's target: every policy at >= 5 M transitions/s).
const sim::Scenario& perCoreWorkload(const std::string& spec, std::int64_t processes = 1'000'000);

inline constexpr sim::EngineOptions kMetricsOnly{.record_trace = false, .snapshots = false};
inline constexpr sim::EngineOptions kTraceOnly{.record_trace = true, .snapshots = false};

// A finished run of the workload with its trace, kept for the exporter benchmarks.
const sim::Engine& tracedRun(std::int64_t processes = 1'000'000);

}  // namespace bench
