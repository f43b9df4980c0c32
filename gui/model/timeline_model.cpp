#include "model/timeline_model.hpp"

#include <algorithm>
#include <cmath>

#include "sim/timeline.hpp"

namespace gui {
namespace {

std::size_t at(std::int32_t index) { return static_cast<std::size_t>(index); }

SegmentKind kindOf(sim::CoreActivity activity) {
  switch (activity) {
    case sim::CoreActivity::Running: return SegmentKind::Running;
    case sim::CoreActivity::Switching: return SegmentKind::Switching;
    case sim::CoreActivity::Held: return SegmentKind::Held;
  }
  return SegmentKind::Running;
}

SegmentKind kindOf(sim::State state) {
  switch (state) {
    case sim::State::Ready: return SegmentKind::Ready;
    case sim::State::Blocked: return SegmentKind::Blocked;
    default: return SegmentKind::Running;
  }
}

// Collects the simulator's intervals (sim/timeline.hpp) into the rows.
class RowSink final : public sim::IntervalSink {
 public:
  explicit RowSink(TimelineModel& model) : model_(model) {}
  void onCoreInterval(sim::CoreId core, const sim::CoreInterval& interval) override {
    model_.cores[at(core)].push_back({interval.start, interval.end, interval.process, kindOf(interval.activity)});
    ++model_.segment_count;
  }
  void onProcessInterval(sim::ProcessId process, const sim::ProcessInterval& interval) override {
    model_.processes[at(process)].push_back({interval.start, interval.end, process, kindOf(interval.state)});
    ++model_.segment_count;
  }

 private:
  TimelineModel& model_;
};

}  // namespace

TimelineModel buildTimeline(const sim::Scenario& scenario, const sim::Trace& trace, sim::Tick end_tick,
                            const std::vector<sim::CoreId>& admitted_to) {
  TimelineModel model;
  model.end = end_tick + 1;
  model.cores.resize(at(scenario.cores));
  model.processes.resize(scenario.processes.size());
  RowSink sink(model);
  sim::TimelineOptions options;
  options.end = model.end;
  sim::walkIntervals(scenario, trace, sink, options);

  // The ready-queue length and the busy cores, at each tick where they change.
  std::int32_t ready = 0, running = 0;
  for (const sim::Transition& tr : trace) {
    switch (tr.kind) {
      case sim::TransitionKind::Admit: ++ready; break;
      case sim::TransitionKind::Dispatch: --ready; ++running; break;
      case sim::TransitionKind::Preempt: ++ready; --running; break;
      case sim::TransitionKind::Block: --running; break;
      case sim::TransitionKind::Wakeup: ++ready; break;
      case sim::TransitionKind::Exit: running -= tr.core >= 0 ? 1 : 0; break;
      case sim::TransitionKind::Requeue: break;
    }
    if (!model.load.empty() && model.load.back().tick == tr.tick) {
      model.load.back().ready = ready;
      model.load.back().running = running;
    } else {
      model.load.push_back({tr.tick, ready, running});
    }
  }
  model.migrations = findMigrations(trace, scenario.processes.size(), admitted_to);
  return model;
}

std::size_t firstEndingAfter(const SegmentRow& row, sim::Tick tick) {
  const auto it = std::upper_bound(row.begin(), row.end(), tick,
                                   [](sim::Tick t, const Segment& s) { return t < s.end; });
  return static_cast<std::size_t>(it - row.begin());
}

std::size_t firstStartingAt(const SegmentRow& row, sim::Tick tick) {
  const auto it = std::lower_bound(row.begin(), row.end(), tick,
                                   [](const Segment& s, sim::Tick t) { return s.start < t; });
  return static_cast<std::size_t>(it - row.begin());
}

LoadStep loadAt(const std::vector<LoadStep>& load, sim::Tick tick) {
  const auto it = std::upper_bound(load.begin(), load.end(), tick,
                                   [](sim::Tick t, const LoadStep& s) { return t < s.tick; });
  if (it == load.begin()) return {tick, 0, 0};
  return *(it - 1);
}

void visibleMarks(const SegmentRow& row, double view_start, double view_end, double ticks_per_pixel,
                  double min_pixels, std::vector<RowMark>& out) {
  out.clear();
  const double min_ticks = min_pixels * ticks_per_pixel;
  std::size_t i = firstEndingAfter(row, static_cast<sim::Tick>(std::floor(view_start)));
  while (i < row.size() && static_cast<double>(row[i].start) < view_end) {
    const Segment& segment = row[i];
    if (static_cast<double>(segment.end - segment.start) >= min_ticks) {
      out.push_back({i, 1, segment.start, segment.end});
      ++i;
      continue;
    }
    // Fold every segment that starts within min_pixels of this one.
    const auto limit = static_cast<sim::Tick>(std::ceil(static_cast<double>(segment.start) + min_ticks));
    std::size_t next = std::max(i + 1, firstStartingAt(row, limit));
    // A wide segment swallowed by the fold would hide real length: stop before it.
    while (next > i + 1 && static_cast<double>(row[next - 1].end - row[next - 1].start) >= min_ticks) --next;
    out.push_back({i, next - i, segment.start, row[next - 1].end});
    i = next;
  }
}

}  // namespace gui
