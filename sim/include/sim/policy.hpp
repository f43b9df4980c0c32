// sim/policy.hpp: the interface every scheduling policy implements.
//
// A policy owns the ready queue: the engine tells it who becomes ready and
// asks it whom to dispatch. Time slices and preemption are asked of it too,
// so that MLFQ, lottery, stride, CFS-like fair share and per-core run queues
// can be added as new Policy classes without touching the engine.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "sim/types.hpp"

namespace sim {

class EngineState;

// Read-only facts about a process that a policy may rank by. Built from the
// engine's state alone (no look-up into the scenario) because the engine
// makes one for every process that becomes ready.
struct ProcessView {
  ProcessId id = kNoProcess;
  int priority = 0;             // lower is more urgent
  Tick burst_remaining = 0;     // CPU ticks left in the current CPU burst, as of now
  std::uint64_t ready_seq = 0;  // order of entry into the ready queue (ties)
};

class Policy {
 public:
  virtual ~Policy() = default;

  // A deep copy: engine snapshots copy the policy with everything else.
  virtual std::unique_ptr<Policy> clone() const = 0;
  virtual std::string describe() const = 0;  // e.g. "rr (quantum 4)"

  // [Ready queue]
  // `process` has become ready; `view` describes it at this moment.
  virtual void enqueue(const ProcessView& process) = 0;
  // Remove and return the process that `core` should run next, or kNoProcess.
  virtual ProcessId pickNext(CoreId core, const EngineState& state) = 0;
  // The process pickNext would return, without removing it.
  virtual ProcessId peekNext(CoreId core, const EngineState& state) const = 0;
  virtual std::size_t readyCount() const = 0;
  // The ready processes in the order the policy would dispatch them.
  virtual std::vector<ProcessId> readyInOrder(const EngineState& state) const = 0;

  // [Time slices] CPU ticks `process` may run before its slice expires when
  // dispatched now; 0 means no slice (it runs until its burst ends).
  virtual Tick timeSlice(ProcessId process, const EngineState& state) const {
    (void)process; (void)state;
    return 0;
  }

  // [Preemption] Whether a ready process may displace a running one, and
  // the strict order used for it: true when `a` must run before `b`.
  virtual bool preemptive() const { return false; }
  virtual bool moreUrgent(const ProcessView& a, const ProcessView& b) const {
    (void)a; (void)b;
    return false;
  }

  // [Feedback] Called after `process` ran `cpu_ticks` of CPU and left the
  // core (preempted, blocked or exited). Fair-share and MLFQ policies
  // account usage here.
  virtual void onDescheduled(ProcessId process, Tick cpu_ticks, TransitionKind why) {
    (void)process; (void)cpu_ticks; (void)why;
  }
};

}  // namespace sim
