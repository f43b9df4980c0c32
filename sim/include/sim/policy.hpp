// sim/policy.hpp: the interface every scheduling policy implements.
//
// A policy owns the ready queue: the engine tells it who becomes ready and
// asks it whom to dispatch. Time slices, preemption and a timer are asked
// of it too, and it learns why each process left its core, so that MLFQ,
// lottery, stride and fair-share policies are Policy classes like the
// textbook ones. Policies are registered in sim/policy_registry.hpp.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
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
  std::int32_t tickets = 100;   // from the scenario: lottery and stride shares
  std::int32_t nice = 0;        // from the scenario: -20..19, cfs and eevdf weights
  CoreId last_core = kNoCore;   // the core it last ran on; kNoCore before its first dispatch
};

// A ready queue as views show it: MLFQ shows one per level, a fair-share
// policy its processes with their virtual runtimes. `facts` are short
// named numbers per process ("ticks left", "tickets", "vruntime").
struct QueueEntry {
  ProcessId process = kNoProcess;
  std::vector<std::pair<std::string, std::int64_t>> facts;
};
struct QueueView {
  std::string label;      // English, e.g. "level 0 (quantum 10)"; empty for a policy's one queue
  std::string label_zh;   // 简体中文
  std::vector<QueueEntry> entries;  // in the order the policy would dispatch them
};

// What a policy's timer did, for the trace: the processes it moved (an MLFQ
// boost), each recorded as a Requeue transition with `reason`.
struct TimerResult {
  Reason reason = Reason::Boost;
  std::vector<ProcessId> moved;
};

class Policy {
 public:
  virtual ~Policy() = default;

  // A deep copy: engine snapshots copy the policy with everything else.
  virtual std::unique_ptr<Policy> clone() const = 0;

  // [Ready queue]
  // `process` has become ready; `view` describes it at this moment.
  virtual void enqueue(const ProcessView& process) = 0;
  // Remove and return the process that `core` should run next, or kNoProcess.
  virtual ProcessId pickNext(CoreId core, const EngineState& state) = 0;
  // The process pickNext would return, without removing it.
  virtual ProcessId peekNext(CoreId core, const EngineState& state) const = 0;
  virtual std::size_t readyCount() const = 0;
  // Undoes the pickNext that returned `process` (the engine could not run
  // it there: affinity): it returns to where it was. The engine puts back
  // several in the reverse order of their picks. Keyed queues re-enqueue.
  virtual void putBack(const ProcessView& process) { enqueue(process); }
  // The process pickNext just returned leaves this queue for another core's
  // (stealing, balancing): forget it; it may come back later as new.
  virtual void onMigratedAway(ProcessId process) { (void)process; }
  // The ready processes in the order the policy would dispatch them.
  virtual std::vector<ProcessId> readyInOrder(const EngineState& state) const = 0;

  // [Views] The ready queue(s) with what the policy knows of each process.
  // The default is one queue, readyInOrder(), without facts.
  virtual std::vector<QueueView> queues(const EngineState& state) const {
    QueueView view;
    for (const ProcessId id : readyInOrder(state)) view.entries.push_back({id, {}});
    return {view};
  }

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
  // moreUrgent(view of peekNext(), running) when the policy can answer it
  // from what it keeps (a heap of ranks), without the engine looking at the
  // ready process; false when the queue is empty. nullopt: the engine
  // builds the view and asks moreUrgent. Not asked under affinity.
  virtual std::optional<bool> headMoreUrgent(const ProcessView& running) const {
    (void)running;
    return std::nullopt;
  }

  // [Feedback] Called after `process` ran `cpu_ticks` of CPU work since its
  // dispatch or last renewal and left the core; `why` is the reason of the
  // transition: QuantumExpired, MoreUrgent or WakeupDisplaced (preempted),
  // IoStart (blocked) or Finished (exited). Fair-share and MLFQ policies
  // account usage here, before the process is enqueued again.
  virtual void onDescheduled(ProcessId process, Tick cpu_ticks, Reason why) {
    (void)process; (void)cpu_ticks; (void)why;
  }
  // Called when `process`, which left this queue's core blocked awaiting
  // its asynchronous IO (onDescheduled with Reason::Await), exits from
  // there without running again: forget it, as after Reason::Finished.
  virtual void onExitedWhileAway(ProcessId process) { (void)process; }
  // Called when the slice of running `process` expired with nobody else
  // ready, so it keeps its core: `cpu_ticks` of work ran in the old slice.
  // timeSlice() is then asked for the new one.
  virtual void onSliceRenewed(ProcessId process, Tick cpu_ticks) {
    (void)process; (void)cpu_ticks;
  }
  // Called when `process` is dispatched, before timeSlice() for it.
  virtual void onDispatched(ProcessId process, CoreId core, Tick now) {
    (void)process; (void)core; (void)now;
  }

  // [Memory] The engine says, before the run, whether this instance is the
  // run's only queue (global) or one of the per-core queues. The only queue
  // sees every process and may index per-process state by id; one of many
  // must size its state by its own processes, or per-core runs cost
  // processes x cores. The default, before any call, is one of many.
  virtual void setSoleQueue(bool sole) { (void)sole; }
  // Entries of per-process state this instance has made: the most
  // processes it has held at once (ready, running or blocked after running
  // here), or as the sole queue the largest process id + 1; 0 for a policy
  // that keeps none.
  virtual std::size_t processSlotCount() const { return 0; }

  // [Timer] The next tick (> now) at which onTimer must run, or kNoTimer.
  // A policy that uses its timer at all must ask for it from construction
  // on (the engine checks once, when it makes the policy).
  // The engine runs it at that tick after admissions and wakeups and before
  // idle cores are filled (docs/model.md, step 2b).
  static constexpr Tick kNoTimer = -1;
  virtual Tick nextTimer() const { return kNoTimer; }
  virtual TimerResult onTimer(Tick now, const EngineState& state) {
    (void)now; (void)state;
    return {};
  }
};

}  // namespace sim
