// gui/model/migrations.hpp: where a process moved from one core to
// another, for the timeline's links between the two cores' bars.
#pragma once

#include <vector>

#include "sim/engine.hpp"
#include "sim/scenario.hpp"
#include "sim/trace.hpp"

namespace gui {

// A process that ran, or waited in a core's queue, on one core and was next
// dispatched on another.
struct Migration {
  sim::ProcessId process = sim::kNoProcess;
  sim::CoreId from_core = sim::kNoCore;
  sim::CoreId to_core = sim::kNoCore;
  sim::Tick from_tick = 0;  // its last run on from_core ended; if it never ran, it left from_core's queue
  sim::Tick to_tick = 0;    // its dispatch on to_core; from_tick <= to_tick
  sim::Reason reason = sim::Reason::Scheduled;  // Stolen or Balanced between per-core queues; Scheduled: a shared queue sent it elsewhere

  friend bool operator==(const Migration&, const Migration&) = default;
};

// Every migration of a run, by ascending to_tick. `admitted_to[p]` is the
// core queue process p joined at its admission (per-core queues; see
// AdmissionQueues), needed for a process stolen or balanced before it
// first ran; empty with one global queue.
std::vector<Migration> findMigrations(const sim::Trace& trace, std::size_t process_count,
                                      const std::vector<sim::CoreId>& admitted_to);

// Records, while an engine runs, the core queue each process joins at its
// admission: the trace does not say it (the admit transition has no core).
// Attach it with Engine::addObserver before the run; call finish() after.
class AdmissionQueues final : public sim::Observer {
 public:
  explicit AdmissionQueues(const sim::Engine& engine);
  void onTransition(const sim::Transition& transition) override;
  void finish();
  const std::vector<sim::CoreId>& queues() const { return queues_; }  // by process id; kNoCore when not known

 private:
  const sim::Engine& engine_;
  std::vector<sim::CoreId> queues_;
  sim::ProcessId pending_ = sim::kNoProcess;  // admitted by the last transition: enqueued right after it
};

}  // namespace gui
