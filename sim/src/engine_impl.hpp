// The engine's private parts: state, policy, trace, snapshots, and the
// steps of one tick (engine_tick.cpp).
#pragma once

#include <memory>
#include <vector>

#include "core_set.hpp"
#include "load_tree.hpp"
#include "sim/engine.hpp"

namespace sim {

struct Snapshot {
  EngineState state;
  std::vector<std::unique_ptr<Policy>> queues;
  std::size_t trace_size = 0;
};

struct Engine::Impl {
  Scenario scenario;
  EngineOptions options;
  EngineState state;
  // The policy: one instance for the global queue, or one per core.
  std::vector<std::unique_ptr<Policy>> queues;
  bool per_core = false;
  bool has_affinity = false;    // some process may run only on some cores
  bool policy_timers = false;   // the policy asked for a timer when it was made
  bool cache_on = false;        // the scenario has a "cache": work per tick depends on warmth (cache_model.hpp)
  detail::LoadTree<detail::Leftmost::Least> queue_length;  // per-core queues: ready in the core's queue + its running process
  detail::LoadTree<detail::Leftmost::Most> queue_ready;     // per-core queues: ready in the core's queue
  detail::CoreSet idle;           // cores neither running a process nor held by one
  detail::CoreSet queued;         // per-core queues: cores whose queue holds a ready process
  Trace trace;
  std::vector<Observer*> observers;
  std::vector<std::int32_t> device_servers;  // by device index; 0: no contention
  std::vector<Snapshot> snapshots;    // by increasing tick; [0] is the start
  std::size_t snapshot_every = 0;     // transitions between snapshots
  std::size_t max_snapshots = 2;      // options.max_snapshots, lowered to fit the byte budget

  // Scratch space reused by every tick; not part of the state.
  std::vector<CoreId> expired_slices;
  std::vector<ProcessId> entering;
  std::vector<ProcessId> woken;

  Impl(Scenario s, EngineOptions o);
  std::size_t maxTraceEntries() const { return options.trace_budget_bytes / sizeof(Transition); }

  // [Tick semantics] engine_tick.cpp
  Tick nextEventTick() const;
  void applyTick(Tick t);
  void releaseFinishedBursts(Tick t);  // step 1
  void admitAndWake(Tick t);           // step 2
  void runWoken(Tick t);               // step 2, wakeup_preempts
  void runTimer(Tick t);               // step 2b, the policy's timer
  void dispatchIdleCores(Tick t);      // step 3
  void expireSlices(Tick t);           // step 4
  void preemptForUrgent(Tick t);       // step 5
  void preemptGlobalForUrgent(Tick t);
  bool headPreempts(CoreId core, const ProcessView& running, Tick t);

  // [Run queues] engine_queues.cpp
  Policy& queueOf(CoreId core) { return *queues[per_core ? static_cast<std::size_t>(core) : 0]; }
  std::size_t readyTotal() const;
  bool allowed(ProcessId process, CoreId core) const;
  void enqueue(ProcessId process, Tick t);       // into its queue (a new one: the shortest it may use)
  ProcessId pickFor(CoreId core, Tick t);        // the next process `core` runs, or kNoProcess; may steal
  ProcessId peekFor(CoreId core);                // what pickFor would return from the core's own queue
  ProcessId pickAllowed(Policy& queue, CoreId core);
  ProcessId steal(CoreId thief, Tick t);
  void balance(Tick t);                          // step 2c
  void touch(CoreId core);                       // after a change to the core's queue or occupant
  void rebuildLoad();                            // the sets and trees above, from the state
  std::vector<std::unique_ptr<Policy>> cloneQueues() const;

  // [Moves] each records its transition
  void dispatch(CoreId core, ProcessId process, Tick t);
  void preempt(CoreId core, Tick t, Reason reason);
  void makeReady(ProcessId process, Tick t);
  void closeInterval(ProcessId process, Tick t);
  void scheduleCore(CoreId core);
  bool startIo(ProcessId process, std::uint32_t burst, Tick t);  // false: it waits in its device's queue
  void finishIo(ProcessId process, std::uint32_t burst, Tick t); // frees the server; the next waiter starts
  void asyncIoDone(ProcessId process, Tick t);   // step 2: an asynchronous IO ended
  void exitFromAwait(ProcessId process, Tick t); // its last outstanding IO ended after its last CPU burst
  void record(Tick t, ProcessId process, CoreId core, TransitionKind kind, Reason reason);

  ProcessView view(ProcessId process, Tick t) const;
  Tick ranSinceSliceStart(CoreId core, Tick t) const;
  // The tick the running process's burst ends: `remaining` ticks of work from its run start.
  Tick burstEnd(CoreId core, const ProcessRuntime& p) const {
    return p.run_start + (cache_on ? state.cache.ticksFor(core, p.remaining) : p.remaining);
  }
  void prefetchProcess(ProcessId process) const;  // a hint only: no effect on the run
  CoreId lowestIdleCore(ProcessId process) const;  // one `process` may use

  // [Snapshots] engine.cpp
  void maybeSnapshot();
  void restore(const Snapshot& snapshot);
};

}  // namespace sim
