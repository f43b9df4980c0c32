// sim/engine.hpp: the event-driven scheduling simulator.
//
// The engine applies the tick semantics of docs/model.md. It jumps over
// ticks where nothing is decided, so a burst of a million ticks costs the
// same as one. Same scenario, same result: there is no clock and no
// unseeded randomness. Its state is plain values; snapshots are copies,
// and rewinding restores the nearest snapshot and replays.
#pragma once

#include <cstddef>
#include <memory>
#include <stdexcept>
#include <vector>

#include "sim/engine_state.hpp"
#include "sim/policy.hpp"
#include "sim/scenario.hpp"
#include "sim/trace.hpp"

namespace sim {

// 1 GiB: about 44 million transitions of 24 bytes.
inline constexpr std::size_t kDefaultTraceBudgetBytes = std::size_t{1} << 30;

struct EngineOptions {
  bool record_trace = true;      // false: metrics-only, no per-transition memory
  bool snapshots = true;         // false: rewinding replays from the start
  std::size_t max_snapshots = 64;  // kept bounded by thinning old ones
  std::size_t snapshot_every = 256;  // initial transitions between snapshots (grows when thinned)
  std::size_t snapshot_budget_bytes = std::size_t{256} << 20;  // fewer snapshots for big scenarios (at least 2)
  std::size_t trace_budget_bytes = kDefaultTraceBudgetBytes;   // the trace never grows past this
};

// A run whose trace would outgrow EngineOptions::trace_budget_bytes stops
// before the allocation: the engine throws this (from the constructor if
// the scenario's smallest possible trace is already too big, else from the
// step that would record one transition too many). The engine must not be
// stepped again after it.
class TraceBudgetExceeded : public std::runtime_error {
 public:
  explicit TraceBudgetExceeded(std::size_t budget_bytes);
  std::size_t budgetBytes() const { return budget_bytes_; }

 private:
  std::size_t budget_bytes_;
};

class Engine {
 public:
  // Throws ScenarioError (sim/scenario_json.hpp) when the scenario is invalid.
  explicit Engine(Scenario scenario, EngineOptions options = {});
  ~Engine();
  Engine(Engine&&) noexcept;
  Engine& operator=(Engine&&) noexcept;

  // [Stepping] Each processes whole ticks; none goes past the end of the run.
  void stepTick();               // apply tick now()+1
  bool stepEvent();              // advance to the next tick with a transition; false when finished
  void runTo(Tick tick);         // apply every tick up to and including `tick`
  void runToEnd();               // until every process has exited
  void rewindTo(Tick tick);      // back (or forward) to the state after `tick`; -1 = the start

  // [State]
  Tick now() const;              // last applied tick; -1 before tick 0
  bool finished() const;         // every process has exited
  Tick nextEventTick() const;    // next tick with something to decide; -1 when finished
  const Scenario& scenario() const;
  const EngineState& state() const;
  const Policy& policy() const;               // the first run queue's
  std::size_t runQueueCount() const;          // 1, or one per core with "run_queues": "per_core"
  const Policy& runQueue(std::size_t index) const;  // index < runQueueCount(); per core: the core's queue
  std::vector<ProcessId> readyQueue() const;  // every queue in order, each in the order its policy would dispatch
  ProcessView view(ProcessId process) const;

  // [Trace] Empty when options.record_trace is false.
  const Trace& trace() const;
  std::size_t snapshotCount() const;        // kept for rewinding; at most options.max_snapshots
  void addObserver(Observer* observer);     // not owned; must outlive its registration
  void removeObserver(Observer* observer);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace sim
