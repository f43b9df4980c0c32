#include "views/palette.hpp"

#include "sim/palette.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace gui {

ImU32 processColor(sim::ProcessId process, float alpha) {
  // The simulator's palette: the SVG export and the GUI color a process alike.
  const sim::Rgb color = sim::processColor(process);
  return IM_COL32(color.r, color.g, color.b, static_cast<int>(std::clamp(alpha, 0.0f, 1.0f) * 255.0f));
}

ImU32 stateColor(sim::State state) {
  switch (state) {
    case sim::State::New: return IM_COL32(120, 120, 130, 255);
    case sim::State::Ready: return IM_COL32(215, 170, 60, 255);
    case sim::State::Running: return IM_COL32(80, 170, 90, 255);
    case sim::State::Blocked: return IM_COL32(200, 90, 80, 255);
    case sim::State::Terminated: return IM_COL32(100, 110, 140, 255);
  }
  return IM_COL32_WHITE;
}

ImU32 textColorOn(ImU32 background) {
  const ImVec4 c = ImGui::ColorConvertU32ToFloat4(background);
  const float luminance = 0.299f * c.x + 0.587f * c.y + 0.114f * c.z;
  return luminance > 0.55f ? IM_COL32(20, 20, 20, 255) : IM_COL32(250, 250, 250, 255);
}

const char* shortLabel(const char* name, sim::ProcessId process, char* buffer, std::size_t size) {
  if (std::strlen(name) <= 3) {
    std::snprintf(buffer, size, "%s", name);
  } else {
    std::snprintf(buffer, size, "%d", process + 1);
  }
  return buffer;
}

float drawToken(ImDrawList* draw, ImVec2 center, float radius, sim::ProcessId process, const char* label,
                bool highlight) {
  const ImU32 fill = processColor(process);
  draw->AddCircleFilled(center, radius, fill, 24);
  draw->AddCircle(center, radius, IM_COL32(0, 0, 0, 160), 24, 1.0f);
  if (highlight) draw->AddCircle(center, radius + 3.0f, IM_COL32(255, 255, 255, 230), 24, 2.0f);
  // A label wider than the token is left out: the color and the tooltip still tell.
  const ImVec2 size = ImGui::CalcTextSize(label);
  if (size.x <= radius * 1.9f)
    draw->AddText(ImVec2(center.x - size.x * 0.5f, center.y - size.y * 0.5f), textColorOn(fill), label);
  return radius * 2.0f;
}

}  // namespace gui
