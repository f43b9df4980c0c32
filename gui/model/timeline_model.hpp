// gui/model/timeline_model.hpp: the whole run as intervals, for the Gantt
// chart and the plots: the simulator's tracks (sim/timeline.hpp) as rows
// the view draws, plus the load over time. Built once per run.
//
// Tick semantics (docs/model.md): a transition at tick t puts the process
// in its new state from the start of tick t; an interval [start, end)
// covers the ticks start .. end-1.
#pragma once

#include <cstdint>
#include <vector>

#include "model/migrations.hpp"
#include "sim/scenario.hpp"
#include "sim/trace.hpp"

namespace gui {

enum class SegmentKind : std::uint8_t {
  Running,    // on a core doing CPU work (process rows: including the switch-in cost)
  Switching,  // core row only: paying the context-switch cost
  Ready,      // in the ready queue
  Blocked,    // waiting for IO
  Held,       // core row only: multiprogramming off, the core waits for its blocked process
  Stopped,    // real processes only: stopped by SIGSTOP (kernel T), alive but not runnable
  Zombie,     // real processes only: ended, not yet reaped by its parent (kernel Z)
};

struct Segment {
  sim::Tick start = 0;  // first tick
  sim::Tick end = 0;    // one past the last tick; end > start
  sim::ProcessId process = sim::kNoProcess;
  SegmentKind kind = SegmentKind::Running;
};

// Rows are sorted by start and never overlap, so both start and end are
// ascending: lower_bound on either finds the visible window.
using SegmentRow = std::vector<Segment>;

// One point where the number of ready or running processes changes.
struct LoadStep {
  sim::Tick tick = 0;
  std::int32_t ready = 0;    // ready-queue length from this tick on
  std::int32_t running = 0;  // busy cores from this tick on
};

struct TimelineModel {
  std::vector<SegmentRow> cores;      // index: core id
  std::vector<SegmentRow> processes;  // index: process id
  std::vector<LoadStep> load;         // ascending ticks, one per changing tick
  std::vector<Migration> migrations;  // ascending to_tick: links between two cores' bars
  sim::Tick end = 0;                  // one past the last tick of the run
  std::size_t segment_count = 0;
};

// Builds the model of a finished run. `end_tick` is the run's last tick;
// `admitted_to` as for findMigrations.
TimelineModel buildTimeline(const sim::Scenario& scenario, const sim::Trace& trace, sim::Tick end_tick,
                            const std::vector<sim::CoreId>& admitted_to = {});

// Index of the first segment of `row` that ends after `tick` (row.size() if none).
std::size_t firstEndingAfter(const SegmentRow& row, sim::Tick tick);
// Index of the first segment of `row` that starts at or after `tick`.
std::size_t firstStartingAt(const SegmentRow& row, sim::Tick tick);
// The load at `tick` (zeros before the first step).
LoadStep loadAt(const std::vector<LoadStep>& load, sim::Tick tick);

// One mark of a row as drawn at a given zoom: a segment, or a fold of
// several segments too narrow to draw one by one (Tracy-style).
struct RowMark {
  std::size_t first = 0;   // index of the first segment in the row
  std::size_t count = 1;   // > 1: a fold
  sim::Tick start = 0;
  sim::Tick end = 0;
};

// The marks for the visible window [view_start, view_end) at
// `ticks_per_pixel`, folding runs of segments narrower than
// `min_pixels`. Cost: O(marks * log(segments)), independent of how many
// segments a fold hides.
void visibleMarks(const SegmentRow& row, double view_start, double view_end, double ticks_per_pixel,
                  double min_pixels, std::vector<RowMark>& out);

}  // namespace gui
