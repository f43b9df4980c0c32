// replay_timeline.hpp: the workers' sampled states as a simulator trace in
// scenario ticks, so the real run can be drawn under the simulated one.
// Private to the replay (real/replay.hpp).
#pragma once

#include <vector>

#include "real/sampler.hpp"
#include "sim/trace.hpp"

namespace real::detail {

// sample_ticks[k]: when sample k was taken, in ticks since the common start.
// A process's samples before its arrival are ignored (the worker sleeps
// then, but has not arrived); from its first sample at or after the arrival
// on, each change of state is written as the shortest chain of textbook
// transitions, at the tick of that sample (rounded down).
sim::Trace replayTimeline(const SampledTrace& trace, const std::vector<double>& sample_ticks,
                          const std::vector<sim::Tick>& arrivals);

}  // namespace real::detail
