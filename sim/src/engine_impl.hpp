// The engine's private parts: state, policy, trace, snapshots, and the
// steps of one tick (engine_tick.cpp).
#pragma once

#include <memory>
#include <vector>

#include "sim/engine.hpp"

namespace sim {

struct Snapshot {
  EngineState state;
  std::unique_ptr<Policy> policy;
  std::size_t trace_size = 0;
};

struct Engine::Impl {
  Scenario scenario;
  EngineOptions options;
  EngineState state;
  std::unique_ptr<Policy> policy;
  Trace trace;
  std::vector<Observer*> observers;
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
  void dispatchIdleCores(Tick t);      // step 3
  void expireSlices(Tick t);           // step 4
  void preemptForUrgent(Tick t);       // step 5

  // [Moves] each records its transition
  void dispatch(CoreId core, ProcessId process, Tick t);
  void preempt(CoreId core, Tick t, Reason reason);
  void makeReady(ProcessId process, Tick t);
  void closeInterval(ProcessId process, Tick t);
  void scheduleCore(CoreId core);
  void record(Tick t, ProcessId process, CoreId core, TransitionKind kind, Reason reason);

  ProcessView view(ProcessId process, Tick t) const;
  void prefetchProcess(ProcessId process) const;  // a hint only: no effect on the run
  CoreId lowestIdleCore() const;

  // [Snapshots] engine.cpp
  void maybeSnapshot();
  void restore(const Snapshot& snapshot);
};

}  // namespace sim
