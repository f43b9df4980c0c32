#include "model/timeline_model.hpp"

#include <algorithm>
#include <cmath>

namespace gui {
namespace {

std::size_t at(std::int32_t index) { return static_cast<std::size_t>(index); }

struct OpenInterval {
  sim::Tick since = 0;
  SegmentKind kind = SegmentKind::Ready;
  sim::CoreId core = sim::kNoCore;
  bool open = false;
};

void push(SegmentRow& row, sim::Tick start, sim::Tick end, sim::ProcessId process, SegmentKind kind,
          std::size_t& count) {
  if (end <= start) return;
  row.push_back({start, end, process, kind});
  ++count;
}

}  // namespace

TimelineModel buildTimeline(const sim::Scenario& scenario, const sim::Trace& trace, sim::Tick end_tick) {
  TimelineModel model;
  model.end = end_tick + 1;
  model.cores.resize(at(scenario.cores));
  model.processes.resize(scenario.processes.size());
  std::vector<OpenInterval> open(scenario.processes.size());
  std::vector<sim::ProcessId> core_last(at(scenario.cores), sim::kNoProcess);
  std::vector<sim::Tick> held_since(at(scenario.cores), -1);
  std::vector<sim::CoreId> held_core(scenario.processes.size(), sim::kNoCore);
  std::int32_t ready = 0;
  std::int32_t running = 0;
  std::size_t& count = model.segment_count;

  auto closeProcess = [&](sim::ProcessId id, sim::Tick t) {
    OpenInterval& interval = open[at(id)];
    if (!interval.open) return;
    SegmentRow& row = model.processes[at(id)];
    if (interval.kind == SegmentKind::Running) {
      const sim::CoreId c = interval.core;
      sim::Tick work_start = interval.since;
      // The first dispatch after another process pays the switch cost.
      if (c >= 0 && at(c) < core_last.size()) {
        const sim::ProcessId previous = core_last[at(c)];
        if (previous != sim::kNoProcess && previous != id)
          work_start = std::min(t, interval.since + scenario.context_switch);
        push(model.cores[at(c)], interval.since, work_start, id, SegmentKind::Switching, count);
        push(model.cores[at(c)], work_start, t, id, SegmentKind::Running, count);
        core_last[at(c)] = id;
      }
      push(row, interval.since, work_start, id, SegmentKind::Switching, count);
      push(row, work_start, t, id, SegmentKind::Running, count);
    } else {
      push(row, interval.since, t, id, interval.kind, count);
    }
    interval.open = false;
  };
  auto openProcess = [&](sim::ProcessId id, sim::Tick t, SegmentKind kind, sim::CoreId core) {
    open[at(id)] = {t, kind, core, true};
  };
  auto recordLoad = [&](sim::Tick t) {
    if (!model.load.empty() && model.load.back().tick == t) {
      model.load.back().ready = ready;
      model.load.back().running = running;
    } else {
      model.load.push_back({t, ready, running});
    }
  };

  for (const sim::Transition& tr : trace) {
    const sim::ProcessId id = tr.process;
    if (id < 0 || at(id) >= open.size()) continue;
    const sim::Tick t = tr.tick;
    switch (tr.kind) {
      case sim::TransitionKind::Admit:
        openProcess(id, t, SegmentKind::Ready, sim::kNoCore);
        ++ready;
        break;
      case sim::TransitionKind::Dispatch:
        closeProcess(id, t);
        openProcess(id, t, SegmentKind::Running, tr.core);
        --ready;
        ++running;
        break;
      case sim::TransitionKind::Preempt:
        closeProcess(id, t);
        openProcess(id, t, SegmentKind::Ready, sim::kNoCore);
        ++ready;
        --running;
        break;
      case sim::TransitionKind::Block:
        closeProcess(id, t);
        openProcess(id, t, SegmentKind::Blocked, sim::kNoCore);
        --running;
        if (!scenario.policy.multiprogramming && tr.core >= 0 && at(tr.core) < held_since.size()) {
          held_since[at(tr.core)] = t;
          held_core[at(id)] = tr.core;
        }
        break;
      case sim::TransitionKind::Wakeup:
        closeProcess(id, t);
        openProcess(id, t, SegmentKind::Ready, sim::kNoCore);
        ++ready;
        if (const sim::CoreId c = held_core[at(id)]; c != sim::kNoCore) {
          push(model.cores[at(c)], held_since[at(c)], t, id, SegmentKind::Held, count);
          held_since[at(c)] = -1;
          held_core[at(id)] = sim::kNoCore;
        }
        break;
      case sim::TransitionKind::Exit:
        closeProcess(id, t);
        --running;
        break;
    }
    recordLoad(t);
  }
  for (std::size_t id = 0; id < open.size(); ++id) closeProcess(static_cast<sim::ProcessId>(id), model.end);
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
