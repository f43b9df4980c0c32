// gui/views/sweep_chart.hpp: the Compare tab's sweep: a setting, a range,
// and each metric against the value as a line chart (procsim sweep --svg).
#pragma once

#include "views/view.hpp"

namespace gui {

void drawSweepSection(ViewContext& context);

}  // namespace gui
