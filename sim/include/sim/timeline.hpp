// sim/timeline.hpp: the intervals a Gantt chart draws, derived from a trace.
//
// A trace records instants (transitions); a chart needs spans. This header
// turns one into the other, for two kinds of track:
//   - a core track: what the core does over time: runs a process, pays the
//     context-switch cost before running one, or (multiprogramming off)
//     sits held for a process that is doing IO;
//   - a process track: the state the process is in over time (Ready,
//     Running, Blocked). New (before its arrival) and Terminated (from its
//     exit on) are implicit: no interval is stored for them.
//
// Units: every Tick is a simulator tick (docs/model.md). An interval
// [start, end) covers the ticks start .. end-1: a process dispatched at t
// and preempted at t+3 ran ticks t, t+1, t+2.
//
// Invariants of every track, as built from an engine's trace:
//   - intervals have start < end (empty ones are dropped) and end <= the
//     timeline's end;
//   - within one track they are disjoint and sorted by start, hence also
//     by end: lower_bound on end finds the first interval visible in a
//     window (see visibleIntervals);
//   - a process track of an exited process tiles [arrival, completion)
//     exactly; the sum of its Ready intervals is its waiting time, of its
//     Blocked intervals its blocked time, of its Running intervals its cpu
//     time plus its switch overhead (sim/metrics.hpp);
//   - on a core, a Switching interval is immediately followed by the
//     Running interval of the same process unless the process was preempted
//     during the switch. It lasts Scenario::context_switch ticks and is paid
//     when a core dispatches a process other than the last one it ran (the
//     engine's rule; idle time in between does not reset it).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "sim/scenario.hpp"
#include "sim/trace.hpp"
#include "sim/types.hpp"

namespace sim {

// What a core does during an interval.
enum class CoreActivity : std::uint8_t {
  Running,    // the process runs its CPU burst
  Switching,  // context-switch overhead before the process runs (not its CPU time)
  Held,       // multiprogramming off: the core waits idle for the process's IO to end
};
inline constexpr int kCoreActivityCount = 3;

struct CoreInterval {
  Tick start = 0;
  Tick end = 0;
  ProcessId process = kNoProcess;
  CoreActivity activity = CoreActivity::Running;

  friend bool operator==(const CoreInterval&, const CoreInterval&) = default;
};

struct ProcessInterval {
  Tick start = 0;
  Tick end = 0;
  CoreId core = kNoCore;          // Running: the core it ran on; otherwise kNoCore
  State state = State::Ready;     // Ready, Running (includes its switch-in overhead) or Blocked

  friend bool operator==(const ProcessInterval&, const ProcessInterval&) = default;
};

// "running", "switching", "held".
const char* name(CoreActivity activity);

struct TimelineOptions {
  // Intervals still open at this tick are cut there. -1: the tick of the
  // last transition (for a finished run, the makespan, where nothing is
  // open). For a run in progress pass engine.now() + 1.
  Tick end = -1;
  // Build process tracks only for processes 0 .. process_limit-1 (-1: all).
  // A chart that shows the first rows of a million-process run needs no more.
  std::int64_t process_limit = -1;
};

// Every track of a run, stored flat: the intervals of core c are
// core_intervals[core_offsets[c] .. core_offsets[c+1]), likewise for
// processes. Use core() and process() rather than the offsets.
struct Timeline {
  Tick end = 0;                              // the tracks cover [0, end)
  std::vector<CoreInterval> core_intervals;
  std::vector<std::size_t> core_offsets;     // cores + 1 entries
  std::vector<ProcessInterval> process_intervals;
  std::vector<std::size_t> process_offsets;  // tracked processes + 1 entries

  std::size_t coreCount() const { return core_offsets.empty() ? 0 : core_offsets.size() - 1; }
  std::size_t processCount() const { return process_offsets.empty() ? 0 : process_offsets.size() - 1; }
  std::span<const CoreInterval> core(CoreId core) const;
  std::span<const ProcessInterval> process(ProcessId process) const;
};

// Builds the tracks of `trace`, a trace the engine recorded for `scenario`
// (from tick -1, possibly not finished). Throws std::invalid_argument when
// the trace names a process or core the scenario does not have, or a
// transition that does not fit the process's state.
Timeline buildTimeline(const Scenario& scenario, const Trace& trace, const TimelineOptions& options = {});

// Receives intervals as they close, for writers that stream a long run
// without holding a Timeline. Order: by closing tick, then trace order;
// each track still receives its own intervals sorted by start.
class IntervalSink {
 public:
  virtual ~IntervalSink() = default;
  virtual void onCoreInterval(CoreId core, const CoreInterval& interval) = 0;
  virtual void onProcessInterval(ProcessId process, const ProcessInterval& interval) = 0;
};

// Walks `trace` once and reports every interval of every track to `sink`.
// Same rules and errors as buildTimeline (process_limit included).
// Returns the end tick used.
Tick walkIntervals(const Scenario& scenario, const Trace& trace, IntervalSink& sink,
                   const TimelineOptions& options = {});

// The intervals of a sorted track that overlap [from, to).
template <typename Interval>
std::span<const Interval> visibleIntervals(std::span<const Interval> track, Tick from, Tick to) {
  std::size_t low = 0;
  std::size_t high = track.size();
  while (low < high) {  // first interval with end > from
    const std::size_t mid = low + (high - low) / 2;
    if (track[mid].end > from) high = mid; else low = mid + 1;
  }
  std::size_t last = low;
  high = track.size();
  while (last < high) {  // first interval with start >= to
    const std::size_t mid = last + (high - last) / 2;
    if (track[mid].start < to) last = mid + 1; else high = mid;
  }
  return track.subspan(low, last - low);
}

}  // namespace sim
