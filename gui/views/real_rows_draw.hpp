// gui/views/real_rows_draw.hpp: labelled state rows on a shared axis, drawn
// with the simulator timeline's shapes and folding (timeline_draw.hpp), for
// the Real panel: live children over wall time, and a replay's simulated
// and real rows one above the other.
#pragma once

#include <imgui.h>

#include <string>
#include <vector>

#include "model/timeline_model.hpp"

namespace gui {

struct StateRow {
  std::string label;
  const SegmentRow* segments = nullptr;  // nullptr: a header line
  double unit = 1;                       // axis units per segment unit
  sim::ProcessId color = 0;              // palette index
};

struct AxisSpec {
  double first = 0, last = 1;  // visible axis units
  double label_divisor = 1;    // ruler labels show value / divisor
  const char* suffix = "";     // after each ruler label ("s", "")
};

// Draws the legend (Running, Ready, Blocked, Stopped, Zombie).
void drawRealLegend();
// Draws a ruler and the rows in a child window of `height` pixels (0: the
// rest). Returns the hovered mark's description ("name: state, 1.2-1.5 s"),
// or an empty string.
std::string drawStateRows(const char* id, const std::vector<StateRow>& rows, const AxisSpec& axis, float height);

}  // namespace gui
