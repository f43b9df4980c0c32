#include "replay_timeline.hpp"

#include <cmath>

#include "state_walk.hpp"

namespace real::detail {

using sim::State;
using sim::TransitionKind;

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
                            static_cast<std::int16_t>(on_core ? last_cpu[i] : -1), kind, observedReason(kind)});
        current[i] = sim::toState(kind);
      }
    }
  }
  return timeline;
}

}  // namespace real::detail
