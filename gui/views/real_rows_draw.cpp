#include "views/real_rows_draw.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/strings.hpp"
#include "views/axis.hpp"
#include "views/palette.hpp"
#include "views/timeline_draw.hpp"

namespace gui {
namespace {

const char* kindName(SegmentKind kind) {
  switch (kind) {
    case SegmentKind::Running: return tr(sim::State::Running);
    case SegmentKind::Ready: return tr(sim::State::Ready);
    case SegmentKind::Blocked: return tr(sim::State::Blocked);
    case SegmentKind::Stopped: return tr(Str::StateStopped);
    case SegmentKind::Zombie: return tr(Str::StateZombie);
    case SegmentKind::Switching: return tr(Str::StateSwitching);
    case SegmentKind::Held: return tr(Str::StateHeld);
  }
  return "";
}

}  // namespace

void drawRealLegend() {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float size = ImGui::GetFontSize();
  const SegmentKind kinds[] = {SegmentKind::Running, SegmentKind::Ready, SegmentKind::Blocked, SegmentKind::Stopped,
                               SegmentKind::Zombie};
  bool first = true;
  for (const SegmentKind kind : kinds) {
    if (!first) ImGui::SameLine();
    first = false;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(size * 1.6f, size));
    drawSegmentShape(draw, kind, ImVec2(p.x, p.y + 1), ImVec2(p.x + size * 1.5f, p.y + size - 1), processColor(2), true);
    ImGui::SameLine(0, 4.0f);
    ImGui::TextUnformatted(kindName(kind));
  }
}

std::string drawStateRows(const char* id, const std::vector<StateRow>& rows, const AxisSpec& axis, float height) {
  std::string hover;
  const float scale = ImGui::GetFontSize() / 15.0f;
  ImGui::BeginChild(id, ImVec2(0, height), false, ImGuiWindowFlags_NoScrollWithMouse);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float label_width = 130.0f * scale;
  const float row_height = std::floor(ImGui::GetFontSize() + 3.0f * scale);
  const float ruler_height = ImGui::GetFontSize() + 4.0f;
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  const float plot_x0 = origin.x + label_width;
  const float plot_width = std::max(20.0f, width - label_width - 4.0f);
  const double span = std::max(axis.last - axis.first, 1e-9);
  const double per_pixel = span / static_cast<double>(plot_width);
  auto xOf = [&](double value) { return plot_x0 + static_cast<float>((value - axis.first) / per_pixel); };

  draw->AddRectFilled(ImVec2(plot_x0, origin.y), ImVec2(plot_x0 + plot_width, origin.y + ruler_height), IM_COL32(45, 47, 55, 255));
  const double step = niceStep(std::max(1e-3, 70.0 * scale * per_pixel / axis.label_divisor)) * axis.label_divisor;
  draw->PushClipRect(ImVec2(plot_x0, origin.y), ImVec2(plot_x0 + plot_width, origin.y + ruler_height), true);
  for (double v = std::floor(axis.first / step) * step; v <= axis.last; v += step) {
    const float x = xOf(v);
    if (x < plot_x0) continue;  // left of the plot: its label would be cut
    draw->AddLine(ImVec2(x, origin.y + ruler_height - 4), ImVec2(x, origin.y + ruler_height), IM_COL32(180, 180, 190, 255));
    char label[32];
    std::snprintf(label, sizeof label, "%g%s", std::round(v / axis.label_divisor * 1000.0) / 1000.0, axis.suffix);
    draw->AddText(ImVec2(x + 2, origin.y + 1), IM_COL32(200, 200, 210, 255), label);
  }
  draw->PopClipRect();
  ImGui::Dummy(ImVec2(width, ruler_height));

  const ImVec2 mouse = ImGui::GetIO().MousePos;
  const bool hovered = ImGui::IsWindowHovered();
  std::vector<RowMark> marks;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const StateRow& row = rows[r];
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(width, row_height));
    const float y0 = at.y + 1, y1 = at.y + row_height - 1;
    const float text_y = at.y + (row_height - ImGui::GetFontSize()) * 0.5f;
    if (row.segments == nullptr) {
      draw->AddText(ImVec2(at.x + 2, text_y), ImGui::GetColorU32(ImGuiCol_TextDisabled), row.label.c_str());
      draw->AddLine(ImVec2(at.x, y1), ImVec2(plot_x0 + plot_width, y1), IM_COL32(90, 90, 100, 255));
      continue;
    }
    draw->AddRectFilled(ImVec2(at.x, y0 + 3), ImVec2(at.x + 5, y1 - 3), processColor(row.color));
    draw->PushClipRect(ImVec2(at.x, y0), ImVec2(plot_x0 - 4, y1), true);
    draw->AddText(ImVec2(at.x + 9, text_y), ImGui::GetColorU32(ImGuiCol_Text), row.label.c_str());
    draw->PopClipRect();
    if (r % 2 == 0) draw->AddRectFilled(ImVec2(plot_x0, y0 - 1), ImVec2(plot_x0 + plot_width, y1 + 1), IM_COL32(255, 255, 255, 8));
    draw->PushClipRect(ImVec2(plot_x0, y0), ImVec2(plot_x0 + plot_width, y1), true);
    visibleMarks(*row.segments, axis.first / row.unit, axis.last / row.unit, per_pixel / row.unit, 3.0, marks);
    for (const RowMark& mark : marks) {
      const float x0 = xOf(static_cast<double>(mark.start) * row.unit);
      const float x1 = std::max(xOf(static_cast<double>(mark.end) * row.unit), x0 + 1.0f);
      const SegmentKind kind = (*row.segments)[mark.first].kind;
      if (mark.count > 1)
        drawFoldMark(draw, ImVec2(x0, y0), ImVec2(x1, y1), mark.count);
      else
        drawSegmentShape(draw, kind, ImVec2(x0, y0), ImVec2(x1, y1), processColor(row.color), true);
      if (hover.empty() && hovered && mouse.y >= y0 && mouse.y < y1 && mouse.x >= x0 && mouse.x < x1) {
        char text[200];
        std::snprintf(text, sizeof text, "%s: %s, %g-%g%s", row.label.c_str(), mark.count > 1 ? "..." : kindName(kind),
                      static_cast<double>(mark.start) * row.unit / axis.label_divisor,
                      static_cast<double>(mark.end) * row.unit / axis.label_divisor, axis.suffix);
        hover = text;
        ImGui::SetTooltip("%s", text);
      }
    }
    draw->PopClipRect();
  }
  ImGui::EndChild();
  return hover;
}

}  // namespace gui
