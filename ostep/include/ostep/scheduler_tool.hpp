// ostep/scheduler_tool.hpp: OSTEP's scheduler.py (chapter 7) on procsim's
// engine: FIFO, SJF and RR over jobs that all arrive at time 0, with the
// tool's flags, its jobs for a seed, and its data lines byte for byte
// (docs/ostep.md lists the flags and where the models differ).
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <vector>

namespace ostep {

// One job of the tool's list.
struct SchedulerJob {
  int id = 0;
  double length = 0;   // run time, in the tool's seconds
  std::string text;    // as the tool prints it: "2" for a drawn job, Python's float ("24.0") for a listed one
};

// The tool's policies, as -p names them.
enum class SchedulerPolicy { Fifo, Sjf, Rr };

// One stretch of a job on the CPU, in the order they happen.
struct SchedulerSlice {
  int job = 0;
  bool finished = false;  // the job's last slice
};

// Runs `jobs` (lengths finite and > 0) under `policy` through sim::Engine
// and returns the slices the tool prints, a round-robin slice being at
// most `quantum` long (quantum >= 1). Throws std::invalid_argument, naming
// the problem, when a length needs more than 6 decimals or more ticks than
// a burst may have.
std::vector<SchedulerSlice> runSchedulerJobs(const std::vector<SchedulerJob>& jobs, SchedulerPolicy policy,
                                             std::int64_t quantum);

// `procsim ostep scheduler [flags]` (ostep/tools.hpp).
int runSchedulerTool(std::span<const std::string> args, std::ostream& out, std::ostream& err);

}  // namespace ostep
