// gui/views/timeline_draw.hpp: how one interval or fold looks in the
// timeline. States differ by shape as well as color: Running fills the
// row, Switching is striped, Ready is a thin band in the middle, Blocked a
// dotted low band, a held core is striped in the owner's color.
#pragma once

#include <imgui.h>

#include <string>

#include "model/timeline_model.hpp"
#include "sim/scenario.hpp"

namespace gui {

void drawSegmentShape(ImDrawList* draw, SegmentKind kind, ImVec2 min, ImVec2 max, ImU32 color, bool detailed);
// A migration: a curve from `from` (where the process left core A) to `to`
// (where it starts on core B) with an arrowhead at `to` pointing right,
// outlined so that it reads over bars of its own color.
void drawMigrationLink(ImDrawList* draw, ImVec2 from, ImVec2 to, ImU32 color, float thickness);
// The tooltip for a migration link.
std::string showMigrationTooltip(const sim::Scenario& scenario, const Migration& migration);
// A fold of `count` intervals too narrow to draw one by one.
void drawFoldMark(ImDrawList* draw, ImVec2 min, ImVec2 max, std::size_t count);
// The tooltip for a mark: process, state, burst and ticks, or the fold
// count. Returns its first two lines as one.
std::string showSegmentTooltip(const sim::Scenario& scenario, const SegmentRow& row, const RowMark& mark, bool core_row);

}  // namespace gui
