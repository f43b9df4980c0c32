#include "model/migrations.hpp"

namespace gui {
namespace {

std::size_t at(std::int32_t index) { return static_cast<std::size_t>(index); }

// What the trace has said so far about one process.
struct Track {
  sim::CoreId ran_on = sim::kNoCore;  // core of its last dispatch
  sim::Tick left = 0;                 // when it last left that core
  sim::CoreId queue = sim::kNoCore;   // the core queue it waits in (per-core queues)
  sim::Reason moved = sim::Reason::Scheduled;  // Stolen or Balanced since its last dispatch
  sim::CoreId moved_from = sim::kNoCore;       // the queue it was first moved out of
  sim::Tick moved_at = 0;
};

bool movesBetweenQueues(sim::Reason reason) { return reason == sim::Reason::Stolen || reason == sim::Reason::Balanced; }

}  // namespace

std::vector<Migration> findMigrations(const sim::Trace& trace, std::size_t process_count,
                                      const std::vector<sim::CoreId>& admitted_to) {
  std::vector<Migration> migrations;
  std::vector<Track> tracks(process_count);
  for (const sim::Transition& tr : trace) {
    Track& t = tracks[at(tr.process)];
    switch (tr.kind) {
      case sim::TransitionKind::Admit:
        if (at(tr.process) < admitted_to.size()) t.queue = admitted_to[at(tr.process)];
        break;
      case sim::TransitionKind::Dispatch:
        if (t.ran_on != sim::kNoCore && t.ran_on != tr.core) {
          migrations.push_back({tr.process, t.ran_on, tr.core, t.left, tr.tick, t.moved});
        } else if (t.ran_on == sim::kNoCore && t.moved_from != sim::kNoCore && t.moved_from != tr.core) {
          migrations.push_back({tr.process, t.moved_from, tr.core, t.moved_at, tr.tick, t.moved});
        }
        t.ran_on = tr.core;
        t.queue = tr.core;
        t.moved = sim::Reason::Scheduled;
        t.moved_from = sim::kNoCore;
        break;
      case sim::TransitionKind::Preempt:
      case sim::TransitionKind::Block:
      case sim::TransitionKind::Exit:
        if (tr.core >= 0) t.left = tr.tick;
        break;
      case sim::TransitionKind::Requeue:
        if (!movesBetweenQueues(tr.reason)) break;
        if (t.moved == sim::Reason::Scheduled) {
          t.moved_from = t.queue;
          t.moved_at = tr.tick;
        }
        t.moved = tr.reason;
        t.queue = tr.core;
        break;
      case sim::TransitionKind::Wakeup:
        break;
    }
  }
  return migrations;
}

AdmissionQueues::AdmissionQueues(const sim::Engine& engine)
    : engine_(engine), queues_(engine.scenario().processes.size(), sim::kNoCore) {}

// The engine records an admission, then enqueues the process: its queue is
// known at the next transition (of another process, or its own dispatch).
void AdmissionQueues::onTransition(const sim::Transition& transition) {
  if (pending_ != sim::kNoProcess) {
    if (transition.process != pending_) {
      finish();
    } else {
      pending_ = sim::kNoProcess;  // moved on at once (dispatched, or stolen): its queue then is not kept
    }
  }
  if (transition.kind == sim::TransitionKind::Admit) pending_ = transition.process;
}

void AdmissionQueues::finish() {
  if (pending_ == sim::kNoProcess) return;
  queues_[at(pending_)] = engine_.state().processes[at(pending_)].queue;
  pending_ = sim::kNoProcess;
}

}  // namespace gui
