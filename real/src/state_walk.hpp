// The shortest textbook walk between two observed states, shared by the
// Sampler and the replay's timeline: real processes are seen only at
// samples, so a change of state between two samples is recorded as the
// chain of the simulator's transitions that leads from one to the other.
// Header-only so that `real` needs sim's headers, not its library.
#pragma once

#include "sim/types.hpp"

namespace real::detail {

// The one textbook transition that leaves `from` on the way to `to`.
inline sim::TransitionKind nextStep(sim::State from, sim::State to) {
  using sim::State;
  using sim::TransitionKind;
  switch (from) {
    case State::New: return TransitionKind::Admit;
    case State::Ready: return TransitionKind::Dispatch;
    case State::Blocked: return TransitionKind::Wakeup;
    case State::Running:
      if (to == State::Ready) return TransitionKind::Preempt;
      if (to == State::Blocked) return TransitionKind::Block;
      return TransitionKind::Exit;
    case State::Terminated: break;
  }
  return TransitionKind::Exit;
}

// The state a transition leads to (sim::toState, without linking sim).
inline sim::State stateAfter(sim::TransitionKind kind) {
  using sim::State;
  using sim::TransitionKind;
  switch (kind) {
    case TransitionKind::Admit:
    case TransitionKind::Preempt:
    case TransitionKind::Wakeup:
    case TransitionKind::Requeue: return State::Ready;
    case TransitionKind::Dispatch: return State::Running;
    case TransitionKind::Block: return State::Blocked;
    case TransitionKind::Exit: return State::Terminated;
  }
  return State::Terminated;
}

// The reason recorded for an observed transition.
inline sim::Reason observedReason(sim::TransitionKind kind) {
  using sim::Reason;
  using sim::TransitionKind;
  switch (kind) {
    case TransitionKind::Admit: return Reason::Arrival;
    case TransitionKind::Dispatch: return Reason::Scheduled;
    case TransitionKind::Preempt: return Reason::QuantumExpired;
    case TransitionKind::Block: return Reason::IoStart;
    case TransitionKind::Wakeup: return Reason::IoDone;
    case TransitionKind::Exit: return Reason::Finished;
    case TransitionKind::Requeue: return Reason::Boost;
  }
  return Reason::Finished;
}

}  // namespace real::detail
