// gui/model/process_row.hpp: one process's figures so far, computed from the
// engine state alone, so that the process table can build only the rows it
// shows (sim::computeMetrics builds every process's at once).
#pragma once

#include "sim/engine_state.hpp"
#include "sim/scenario.hpp"

namespace gui {

// The same values as sim::ProcessMetrics for this process at state.now.
struct ProcessRow {
  sim::Tick waiting = 0;     // ticks in Ready
  sim::Tick cpu = 0;         // ticks Running (as sim::ProcessMetrics::cpu)
  sim::Tick response = -1;   // first dispatch - arrival; -1 before it
  sim::Tick turnaround = 0;  // completion - arrival; while admitted: ticks since arrival; 0 while New
};

ProcessRow processRowAt(const sim::EngineState& state, const sim::ProcessSpec& spec, sim::ProcessId process);

}  // namespace gui
