// sim/export.hpp: a run written for other tools and for people: the Chrome
// trace event format (Perfetto, chrome://tracing) and an SVG Gantt chart.
// Both read the trace the engine recorded (EngineOptions::record_trace) and
// the scenario it ran; both stream, so their memory does not grow with the
// trace beyond the per-process and per-core bookkeeping of sim/timeline.hpp.
#pragma once

#include <cstdint>
#include <iosfwd>

#include "sim/scenario.hpp"
#include "sim/trace.hpp"

namespace sim {

// Writes {"traceEvents": [...], "otherData": {...}}.
// 1 tick is written as 1 microsecond (ts and dur are ticks); otherData says so.
//   pid 1 "cores":     tid = core index; one complete ("X") event per
//                      interval of sim/timeline.hpp: name = the process for
//                      running, "context switch" / "held" otherwise (then
//                      args.process names the process); cat = the activity.
//   pid 2 "processes": tid = process index (scenario order); one "X" event
//                      per Ready / Running / Blocked interval, named by the
//                      state, and one instant ("i") event per transition
//                      named by its kind, with the reason in args.
// Metadata events name every track, so Perfetto shows "core 0", "P1", ...
// Throws std::invalid_argument for a trace that does not fit the scenario
// (the stream may then hold a partial document).
void writeChromeTrace(std::ostream& out, const Scenario& scenario, const Trace& trace);

struct SvgOptions {
  int width = 1200;              // px, the whole image
  int row_height = 20;           // px per track
  int label_width = 110;         // px of the left column of track names
  std::int64_t max_core_rows = 64;     // more cores are left out, with a note
  std::int64_t max_process_rows = 64;  // more processes are left out, with a note
  double fold_px = 2.0;          // neighbouring intervals narrower than this fold into one
  bool cores = true;             // draw the core rows
  bool processes = true;         // draw the process rows
};

// Writes a self-contained SVG 1.1 Gantt chart: the scenario's name and
// policy as title, a row per core (process names inside bars wide enough,
// context-switch overhead hatched grey), a row per process (Running solid,
// Ready outlined, Blocked hatched: distinguishable without color), a tick
// axis and a legend. Runs of intervals narrower than fold_px fold into one
// grey bar whose tooltip counts them, so the size is bounded by
// rows x width, whatever the trace's length.
// Throws std::invalid_argument for a trace that does not fit the scenario
// or options out of range (width < label_width + 100, row_height < 8).
void writeSvgGantt(std::ostream& out, const Scenario& scenario, const Trace& trace, const SvgOptions& options = {});

}  // namespace sim
