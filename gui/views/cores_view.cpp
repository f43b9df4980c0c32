#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "views/all_views.hpp"
#include "views/palette.hpp"

namespace gui {
namespace {

constexpr int kMaxLanes = 64;
std::size_t at(std::int32_t index) { return static_cast<std::size_t>(index); }

// A slanted-stripe fill: the mark for a context switch, readable without color.
void drawStripes(ImDrawList* draw, ImVec2 min, ImVec2 max, ImU32 color) {
  draw->PushClipRect(min, max, true);
  const float step = 6.0f;
  for (float x = min.x - (max.y - min.y); x < max.x; x += step)
    draw->AddLine(ImVec2(x, max.y), ImVec2(x + (max.y - min.y), min.y), color, 1.5f);
  draw->PopClipRect();
}

}  // namespace

void CoresView::draw(ViewContext& context) {
  const Session& session = context.session;
  if (!session.hasScenario()) return;
  const sim::Scenario& scenario = session.scenario();
  const sim::EngineState& state = session.cursor().state();
  const sim::Tick now = session.tick();
  const float line = ImGui::GetFrameHeight();
  const float label_width = ImGui::CalcTextSize("Core 00").x + ImGui::GetFontSize();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const int lanes = std::min<int>(scenario.cores, kMaxLanes);
  if (scenario.cores > kMaxLanes) ImGui::TextDisabled("%s", tr(Str::ManyCores));
  for (int c = 0; c < lanes; ++c) {
    const sim::CoreRuntime& core = state.cores[at(c)];
    ImGui::PushID(c);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    ImGui::InvisibleButton("lane", ImVec2(std::max(width, 10.0f), line));
    const bool hovered = ImGui::IsItemHovered();
    char text[160];
    trf(text, sizeof text, Str::CoreFormat, c);
    draw->AddText(ImVec2(origin.x, origin.y + (line - ImGui::GetFontSize()) * 0.5f), ImGui::GetColorU32(ImGuiCol_Text), text);
    const ImVec2 lane_min(origin.x + label_width, origin.y + 1);
    const ImVec2 lane_max(origin.x + width, origin.y + line - 1);
    draw->AddRectFilled(lane_min, lane_max, IM_COL32(40, 42, 48, 255), 3.0f);
    const float text_y = origin.y + (line - ImGui::GetFontSize()) * 0.5f;
    if (core.running != sim::kNoProcess) {
      const sim::ProcessRuntime& p = state.processes[at(core.running)];
      const std::string& name = scenario.processes[at(core.running)].name;
      const float radius = line * 0.42f;
      char short_label[16];
      drawToken(draw, ImVec2(lane_min.x + radius + 3, origin.y + line * 0.5f), radius, core.running,
                shortLabel(name.c_str(), core.running, short_label, sizeof short_label),
                context.state.selected == core.running);
      const float x = lane_min.x + radius * 2 + 10;
      if (now < p.run_start) {
        drawStripes(draw, ImVec2(x, lane_min.y + 2), ImVec2(x + 60, lane_max.y - 2), IM_COL32(200, 200, 200, 120));
        std::snprintf(text, sizeof text, "%s  %s", name.c_str(), tr(Str::Switching));
        draw->AddText(ImVec2(x + 66, text_y), ImGui::GetColorU32(ImGuiCol_Text), text);
      } else {
        const sim::Tick left = state.burstRemaining(core.running);
        char slice[64] = "";
        float fraction = -1.0f;
        if (core.slice_end > 0 && core.slice_length > 0) {
          const sim::Tick slice_left = std::max<sim::Tick>(0, core.slice_end - now);
          fraction = static_cast<float>(slice_left) / static_cast<float>(core.slice_length);
          trf(slice, sizeof slice, Str::QuantumLeftFormat, static_cast<long long>(slice_left),
                        static_cast<long long>(core.slice_length));
        }
        char burst[64];
        trf(burst, sizeof burst, Str::BurstLeftFormat, static_cast<long long>(left));
        char warmth[64] = "";
        if (state.cache.on()) {
          const sim::Tick cold = state.cache.coldLeft(c, now - p.run_start);
          if (cold == 0) {
            std::snprintf(warmth, sizeof warmth, "  %s", tr(Str::CacheWarm));
          } else if (cold != sim::kNeverWarm) {
            std::snprintf(warmth, sizeof warmth, "  ");
            trf(warmth + 2, sizeof warmth - 2, Str::CacheColdFormat, static_cast<long long>(cold));
          }
        }
        std::snprintf(text, sizeof text, "%s  %s%s", name.c_str(), burst, warmth);
        draw->AddText(ImVec2(x, text_y), ImGui::GetColorU32(ImGuiCol_Text), text);
        if (fraction >= 0.0f) {
          const float bar_width = std::min(90.0f, (lane_max.x - x) * 0.3f);
          const ImVec2 bar_min(lane_max.x - bar_width - 4, lane_min.y + line * 0.3f);
          const ImVec2 bar_max(lane_max.x - 4, lane_max.y - line * 0.3f);
          draw->AddRectFilled(bar_min, bar_max, IM_COL32(70, 70, 80, 255), 2.0f);
          draw->AddRectFilled(bar_min, ImVec2(bar_min.x + (bar_max.x - bar_min.x) * std::min(fraction, 1.0f), bar_max.y),
                              processColor(core.running), 2.0f);
          if (hovered) ImGui::SetTooltip("%s", slice);
        }
      }
    } else if (core.held_by != sim::kNoProcess) {
      const std::string& name = scenario.processes[at(core.held_by)].name;
      drawStripes(draw, lane_min, lane_max, processColor(core.held_by, 0.35f));
      trf(text, sizeof text, Str::HeldByFormat, name.c_str());
      draw->AddText(ImVec2(lane_min.x + 6, text_y), ImGui::GetColorU32(ImGuiCol_Text), text);
    } else {
      // Idle: a dashed outline and the word, so it reads without color.
      for (float x = lane_min.x; x < lane_max.x; x += 10.0f)
        draw->AddLine(ImVec2(x, lane_max.y - 1), ImVec2(std::min(x + 5, lane_max.x), lane_max.y - 1),
                      IM_COL32(140, 140, 150, 255));
      draw->AddText(ImVec2(lane_min.x + 6, text_y), ImGui::GetColorU32(ImGuiCol_TextDisabled), tr(Str::Idle));
    }
    ImGui::PopID();
  }
}

}  // namespace gui
