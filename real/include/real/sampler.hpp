// real/sampler.hpp: watches a set of real processes over time and records
// what it sees in the simulator's trace form (sim::Transition), so real
// processes can be drawn on the same timeline as simulated ones.
//
// One sample = one tick: tick t is t * tick_length after the first sample.
// Trace process i is pids[i]. Between two samples a process may have gone
// through several states unseen; the sampler records the shortest textbook
// path between the states it saw (e.g. Blocked -> Running is recorded as a
// Wakeup then a Dispatch at the same tick), so the trace is always a valid
// sequence of the simulator's six transitions.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "real/process_info.hpp"
#include "sim/trace.hpp"

namespace real {

struct Reading {
  ObservedState state = ObservedState::Gone;
  std::optional<ProcessInfo> info;  // empty once the process is gone
};

struct SampledTrace {
  std::chrono::nanoseconds tick_length{0};
  std::vector<pid_t> pids;
  std::vector<std::string> names;             // the kernel's comm when first seen
  std::vector<std::vector<Reading>> readings;  // readings[tick][process]
  sim::Trace transitions;                      // by tick, then by process
};

class Sampler {
 public:
  Sampler(std::vector<pid_t> pids, std::chrono::nanoseconds tick_length);

  // Reads every process once, appending one tick.
  void sample();
  // Samples once per tick length until `duration` has passed, every
  // process is gone (or a zombie), or `wake_fd` (if >= 0) is readable.
  // Returns the number of samples taken.
  int run(std::chrono::nanoseconds duration, int wake_fd = -1);
  // True if every process is gone or a zombie at the last sample.
  bool all_ended() const;

  const SampledTrace& trace() const { return trace_; }

 private:
  void record(sim::ProcessId process, sim::State to, int core);

  SampledTrace trace_;
  std::vector<sim::State> current_;  // per process; New until first seen
  std::vector<std::optional<ProcessInfo>> previous_;
};

// The wait between two samples: until `deadline`, or until `wake_fd` (a
// signalfd, a pipe; -1 for none) is readable, whichever comes first. True if
// the descriptor ended the wait (it is not read); false once the deadline
// has passed, without looking at the descriptor. A signal handler's EINTR
// does not end the wait early. Every sampling loop (Sampler::run, the
// replay, `procsim real watch`) waits here, so a stop request is seen at once.
bool wait_for_sample(std::chrono::steady_clock::time_point deadline, int wake_fd);

}  // namespace real
