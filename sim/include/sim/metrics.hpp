// sim/metrics.hpp: per-process and whole-run results of a run so far.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "sim/types.hpp"

namespace sim {

class Engine;

struct ProcessMetrics {
  std::string name;
  Tick arrival = 0;
  Tick completion = -1;   // tick of exit; -1 while it has not exited
  Tick turnaround = 0;    // completion - arrival; while running: ticks since arrival so far
  Tick waiting = 0;       // ticks in Ready
  Tick response = -1;     // first dispatch - arrival; -1 before the first dispatch
  Tick blocked = 0;       // ticks in Blocked
  Tick cpu = 0;           // ticks Running with CPU work
  Tick work = 0;          // ticks of its CPU bursts done: cpu, or more where a warm cache sped it up
  Tick overhead = 0;      // context-switch ticks spent dispatching it
  // Invariant for an exited process: turnaround == waiting + blocked + cpu + overhead.
};

struct RunMetrics {
  bool complete = false;          // every process has exited
  Tick elapsed = 0;               // ticks applied so far (now + 1)
  Tick makespan = 0;              // tick of the last exit (so far: elapsed while running)
  double cpu_utilization = 0;     // busy core-ticks / (cores * makespan), 0..1
  double throughput = 0;          // exited processes / makespan
  double avg_turnaround = 0;      // over exited processes
  double avg_waiting = 0;         // over all admitted processes, so far
  double avg_response = 0;        // over dispatched processes
  std::int64_t context_switches = 0;
  Tick busy_ticks = 0;            // core-ticks of process work
  Tick overhead_ticks = 0;        // core-ticks spent switching
  std::array<std::int64_t, kTransitionKindCount> transitions{};  // by TransitionKind
  std::vector<ProcessMetrics> processes;  // scenario order
};

// The run so far. Without `with_processes` the per-process list stays empty
// (the averages are the same): a million-process run need not hold a second
// copy of every name; use processMetrics() to visit them one by one.
RunMetrics computeMetrics(const Engine& engine, bool with_processes = true);
ProcessMetrics processMetrics(const Engine& engine, ProcessId process);

// Looks a whole-run or per-process metric up by the name used in JSON
// output and `expect` blocks ("avg_waiting", "turnaround", ...).
// Returns false when the name is unknown.
bool runMetricByName(const RunMetrics& metrics, const std::string& name, double& value);
bool processMetricByName(const ProcessMetrics& metrics, const std::string& name, double& value);
std::vector<std::string> runMetricNames();

// The whole-run metrics in the order every report writes them, with the
// names of runMetricNames() less the per-kind transition counts (reports
// write RunMetrics::transitions apart): the one list that JSON writers of
// whole-run figures iterate. `integer` fields hold whole numbers.
struct MetricField {
  std::string name;
  double value = 0;
  bool integer = false;
};
std::vector<MetricField> runMetricFields(const RunMetrics& metrics);
std::vector<std::string> processMetricNames();

}  // namespace sim
