#include "replay_timeline.hpp"

#include <cmath>

namespace real::detail {

namespace {

using sim::State;
using sim::TransitionKind;

// The one textbook transition that leaves `from` on the way to `to` (the
// same walk as the Sampler's).
TransitionKind nextStep(State from, State to) {
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

sim::Reason reasonFor(TransitionKind kind) {
  switch (kind) {
    case TransitionKind::Admit: return sim::Reason::Arrival;
    case TransitionKind::Dispatch: return sim::Reason::Scheduled;
    case TransitionKind::Preempt: return sim::Reason::QuantumExpired;
    case TransitionKind::Block: return sim::Reason::IoStart;
    case TransitionKind::Wakeup: return sim::Reason::IoDone;
    case TransitionKind::Exit: return sim::Reason::Finished;
  }
  return sim::Reason::Finished;
}

}  // namespace

sim::Trace replayTimeline(const SampledTrace& trace, const std::vector<double>& sample_ticks,
                          const std::vector<sim::Tick>& arrivals) {
  sim::Trace timeline;
  std::vector<State> current(arrivals.size(), State::New);
  std::vector<int> last_cpu(arrivals.size(), -1);
  for (std::size_t k = 0; k < trace.readings.size() && k < sample_ticks.size(); ++k) {
    const double at = sample_ticks[k];
    for (std::size_t i = 0; i < arrivals.size() && i < trace.readings[k].size(); ++i) {
      if (at < static_cast<double>(arrivals[i])) continue;
      const Reading& reading = trace.readings[k][i];
      if (reading.info) last_cpu[i] = reading.info->processor;
      const State to = to_sim_state(reading.state);
      while (current[i] != to && current[i] != State::Terminated) {
        const TransitionKind kind = nextStep(current[i], to);
        const bool on_core = kind != TransitionKind::Admit && kind != TransitionKind::Wakeup;
        timeline.push_back({static_cast<sim::Tick>(std::floor(at)), static_cast<sim::ProcessId>(i),
                            static_cast<std::int16_t>(on_core ? last_cpu[i] : -1), kind, reasonFor(kind)});
        current[i] = sim::toState(kind);
      }
    }
  }
  return timeline;
}

}  // namespace real::detail
