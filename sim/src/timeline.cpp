#include "sim/timeline.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace sim {

namespace {

std::size_t at(std::int64_t index) { return static_cast<std::size_t>(index); }

// Replays a trace and closes intervals as the transitions end them.
class Walker {
 public:
  Walker(const Scenario& scenario, IntervalSink& sink, const TimelineOptions& options)
      : scenario_(scenario),
        sink_(sink),
        process_limit_(options.process_limit < 0
                           ? static_cast<std::int64_t>(scenario.processes.size())
                           : std::min<std::int64_t>(options.process_limit,
                                                    static_cast<std::int64_t>(scenario.processes.size()))),
        processes_(scenario.processes.size()),
        cores_(at(std::max(scenario.cores, 0))) {}

  Tick run(const Trace& trace, Tick requested_end) {
    Tick previous = 0;
    for (std::size_t i = 0; i < trace.size(); ++i) {
      const Transition& transition = trace[i];
      if (transition.tick < previous) fail(i, "its tick goes back in time");
      previous = transition.tick;
      apply(i, transition);
    }
    const Tick end = requested_end < 0 ? previous : requested_end;
    if (end < previous) {
      throw std::invalid_argument("timeline end " + std::to_string(end) +
                                  " is before the last transition, at tick " + std::to_string(previous));
    }
    closeAll(end);
    return end;
  }

 private:
  struct ProcessTrack {
    Tick since = 0;
    CoreId core = kNoCore;
    State state = State::New;
  };
  struct CoreTrack {
    Tick since = 0;       // dispatch tick of the running process, or start of the hold
    Tick run_start = 0;   // tick the running process's CPU work starts (after any switch)
    ProcessId running = kNoProcess;
    ProcessId last = kNoProcess;
    ProcessId held = kNoProcess;
  };

  [[noreturn]] void fail(std::size_t index, const std::string& what) const {
    throw std::invalid_argument("trace[" + std::to_string(index) + "]: " + what);
  }

  void apply(std::size_t index, const Transition& tr) {
    if (tr.process < 0 || at(tr.process) >= processes_.size()) fail(index, "no such process");
    ProcessTrack& process = processes_[at(tr.process)];
    // An exit without a core ends a process that awaited its asynchronous IO.
    const bool exit_from_await = tr.kind == TransitionKind::Exit && tr.core < 0;
    const State expected = exit_from_await ? State::Blocked : fromState(tr.kind);
    if (process.state != expected) {
      fail(index, std::string(name(tr.kind)) + " of a process that is " + std::string(name(process.state)));
    }
    const bool on_core = tr.kind != TransitionKind::Admit && tr.kind != TransitionKind::Wakeup &&
                         tr.kind != TransitionKind::Requeue && !exit_from_await;
    if (on_core && (tr.core < 0 || at(tr.core) >= cores_.size())) fail(index, "no such core");

    switch (tr.kind) {
      case TransitionKind::Requeue:
        return;  // still ready: its interval goes on
      case TransitionKind::Admit:
        break;
      case TransitionKind::Exit:
        if (!exit_from_await) {
          CoreTrack& core = cores_[at(tr.core)];
          if (core.running != tr.process || process.core != tr.core) fail(index, "the process is not running on that core");
          closeCore(tr.core, tr.tick);
        }
        closeProcess(tr.process, tr.tick);
        break;
      case TransitionKind::Wakeup:
        closeProcess(tr.process, tr.tick);
        break;
      case TransitionKind::Dispatch: {
        CoreTrack& core = cores_[at(tr.core)];
        if (core.running != kNoProcess) fail(index, "dispatch onto a busy core");
        if (core.held != kNoProcess) {
          if (core.held != tr.process) fail(index, "dispatch onto a core held for another process");
          emitCore(tr.core, {core.since, tr.tick, core.held, CoreActivity::Held});
          core.held = kNoProcess;
        }
        closeProcess(tr.process, tr.tick);
        const bool switches = core.last != kNoProcess && core.last != tr.process;
        core.running = tr.process;
        core.last = tr.process;
        core.since = tr.tick;
        core.run_start = tr.tick + (switches ? scenario_.context_switch : 0);
        break;
      }
      case TransitionKind::Preempt:
      case TransitionKind::Block: {
        CoreTrack& core = cores_[at(tr.core)];
        if (core.running != tr.process || process.core != tr.core) fail(index, "the process is not running on that core");
        closeCore(tr.core, tr.tick);
        closeProcess(tr.process, tr.tick);
        if (tr.kind == TransitionKind::Block && !scenario_.policy.multiprogramming) {
          core.held = tr.process;
          core.since = tr.tick;
        }
        break;
      }
    }
    process.state = toState(tr.kind);
    process.since = tr.tick;
    process.core = tr.kind == TransitionKind::Dispatch ? tr.core : kNoCore;
  }

  // Ends the interval the running process of `core` has open at `t`.
  void closeCore(CoreId c, Tick t) {
    CoreTrack& core = cores_[at(c)];
    const Tick work_start = std::min(t, core.run_start);
    emitCore(c, {core.since, work_start, core.running, CoreActivity::Switching});
    emitCore(c, {work_start, t, core.running, CoreActivity::Running});
    core.running = kNoProcess;
  }

  void closeProcess(ProcessId id, Tick t) {
    const ProcessTrack& process = processes_[at(id)];
    if (process.state == State::New || process.state == State::Terminated) return;
    if (id >= process_limit_) return;
    if (t > process.since) sink_.onProcessInterval(id, {process.since, t, process.core, process.state});
  }

  void emitCore(CoreId c, const CoreInterval& interval) {
    if (interval.end > interval.start) sink_.onCoreInterval(c, interval);
  }

  void closeAll(Tick end) {
    for (std::size_t c = 0; c < cores_.size(); ++c) {
      CoreTrack& core = cores_[c];
      const CoreId id = static_cast<CoreId>(c);
      if (core.running != kNoProcess) closeCore(id, end);
      if (core.held != kNoProcess) emitCore(id, {core.since, end, core.held, CoreActivity::Held});
    }
    for (std::size_t p = 0; p < processes_.size(); ++p) closeProcess(static_cast<ProcessId>(p), end);
  }

  const Scenario& scenario_;
  IntervalSink& sink_;
  std::int64_t process_limit_;
  std::vector<ProcessTrack> processes_;
  std::vector<CoreTrack> cores_;
};

class CountingSink : public IntervalSink {
 public:
  CountingSink(std::size_t cores, std::size_t processes) : core_counts(cores, 0), process_counts(processes, 0) {}
  void onCoreInterval(CoreId core, const CoreInterval&) override { ++core_counts[at(core)]; }
  void onProcessInterval(ProcessId process, const ProcessInterval&) override { ++process_counts[at(process)]; }
  std::vector<std::size_t> core_counts;
  std::vector<std::size_t> process_counts;
};

// Turns counts into offsets (one more entry than counts) in place of cursors.
std::vector<std::size_t> offsetsOf(const std::vector<std::size_t>& counts) {
  std::vector<std::size_t> offsets(counts.size() + 1, 0);
  for (std::size_t i = 0; i < counts.size(); ++i) offsets[i + 1] = offsets[i] + counts[i];
  return offsets;
}

class FillingSink : public IntervalSink {
 public:
  explicit FillingSink(Timeline& timeline)
      : timeline_(timeline),
        core_cursor_(timeline.core_offsets.begin(), timeline.core_offsets.end() - 1),
        process_cursor_(timeline.process_offsets.begin(), timeline.process_offsets.end() - 1) {}
  void onCoreInterval(CoreId core, const CoreInterval& interval) override {
    timeline_.core_intervals[core_cursor_[at(core)]++] = interval;
  }
  void onProcessInterval(ProcessId process, const ProcessInterval& interval) override {
    timeline_.process_intervals[process_cursor_[at(process)]++] = interval;
  }

 private:
  Timeline& timeline_;
  std::vector<std::size_t> core_cursor_;
  std::vector<std::size_t> process_cursor_;
};

}  // namespace

const char* name(CoreActivity activity) {
  switch (activity) {
    case CoreActivity::Running: return "running";
    case CoreActivity::Switching: return "switching";
    case CoreActivity::Held: return "held";
  }
  return "?";
}

std::span<const CoreInterval> Timeline::core(CoreId core) const {
  const std::size_t c = at(core);
  return std::span<const CoreInterval>(core_intervals).subspan(core_offsets[c], core_offsets[c + 1] - core_offsets[c]);
}

std::span<const ProcessInterval> Timeline::process(ProcessId process) const {
  const std::size_t p = at(process);
  return std::span<const ProcessInterval>(process_intervals)
      .subspan(process_offsets[p], process_offsets[p + 1] - process_offsets[p]);
}

Tick walkIntervals(const Scenario& scenario, const Trace& trace, IntervalSink& sink, const TimelineOptions& options) {
  Walker walker(scenario, sink, options);
  return walker.run(trace, options.end);
}

Timeline buildTimeline(const Scenario& scenario, const Trace& trace, const TimelineOptions& options) {
  const std::size_t tracked = options.process_limit < 0
                                  ? scenario.processes.size()
                                  : std::min(at(options.process_limit), scenario.processes.size());
  CountingSink counts(at(std::max(scenario.cores, 0)), tracked);
  Timeline timeline;
  timeline.end = walkIntervals(scenario, trace, counts, options);
  timeline.core_offsets = offsetsOf(counts.core_counts);
  timeline.process_offsets = offsetsOf(counts.process_counts);
  timeline.core_intervals.resize(timeline.core_offsets.back());
  timeline.process_intervals.resize(timeline.process_offsets.back());
  FillingSink fill(timeline);
  walkIntervals(scenario, trace, fill, options);
  return timeline;
}

}  // namespace sim
