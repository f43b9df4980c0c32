// sim/trace.hpp: the record of every transition, and the observer
// interface through which the engine reports them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "sim/types.hpp"

namespace sim {

// One transition. 16 bytes: the full trace of a long run stays compact.
struct Transition {
  Tick tick = 0;                 // the tick at whose start it happened
  ProcessId process = kNoProcess;
  std::int16_t core = -1;        // the core involved; -1 for admit and wakeup
  TransitionKind kind = TransitionKind::Admit;
  Reason reason = Reason::Arrival;

  friend bool operator==(const Transition&, const Transition&) = default;
};
static_assert(sizeof(Transition) <= 24, "a transition must stay compact");

// Receives every transition as the engine makes it. When the engine rewinds,
// it first calls onRewind with the number of transitions that remain valid
// (the observer drops any it holds beyond that), then reports the replayed
// transitions again.
class Observer {
 public:
  virtual ~Observer() = default;
  virtual void onTransition(const Transition& transition) = 0;
  virtual void onRewind(std::size_t kept_transitions) { (void)kept_transitions; }
};

// The transitions of a run in the order they happened: by tick, and within
// a tick in the order of the tick semantics (docs/model.md).
using Trace = std::vector<Transition>;

}  // namespace sim
