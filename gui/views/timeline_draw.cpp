#include "views/timeline_draw.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/strings.hpp"

namespace gui {
namespace {

void stripes(ImDrawList* draw, ImVec2 min, ImVec2 max, ImU32 color) {
  const float height = max.y - min.y;
  const float step = 5.0f;
  // Cap the number of lines: a stripe pattern wider than the screen is clipped anyway.
  const float start = std::max(min.x - height, ImGui::GetWindowDrawList()->GetClipRectMin().x - height);
  const float end = std::min(max.x, ImGui::GetWindowDrawList()->GetClipRectMax().x);
  draw->PushClipRect(min, max, true);
  for (float x = start; x < end; x += step) draw->AddLine(ImVec2(x, max.y), ImVec2(x + height, min.y), color, 1.0f);
  draw->PopClipRect();
}

std::size_t at(std::int32_t index) { return static_cast<std::size_t>(index); }

}  // namespace

void drawSegmentShape(ImDrawList* draw, SegmentKind kind, ImVec2 min, ImVec2 max, ImU32 color, bool detailed) {
  const float height = max.y - min.y;
  const bool wide = max.x - min.x > 4.0f;
  switch (kind) {
    case SegmentKind::Running:
      draw->AddRectFilled(min, max, color, wide ? 2.0f : 0.0f);
      break;
    case SegmentKind::Switching:
      draw->AddRectFilled(min, max, IM_COL32(90, 90, 100, 255));
      if (detailed && wide) stripes(draw, min, max, IM_COL32(200, 200, 210, 200));
      break;
    case SegmentKind::Ready: {
      const float mid = (min.y + max.y) * 0.5f;
      draw->AddRectFilled(ImVec2(min.x, mid - height * 0.12f), ImVec2(max.x, mid + height * 0.12f),
                          (color & ~IM_COL32_A_MASK) | IM_COL32(0, 0, 0, 150));
      break;
    }
    case SegmentKind::Blocked: {
      const ImVec2 low(min.x, max.y - height * 0.45f);
      draw->AddRectFilled(low, max, IM_COL32(60, 60, 70, 255));
      draw->AddRect(low, max, color);
      if (detailed && wide) {
        for (float x = low.x + 2; x < max.x - 2; x += 6.0f)
          draw->AddRectFilled(ImVec2(x, low.y + 2), ImVec2(std::min(x + 3, max.x - 2), max.y - 2), color);
      } else {
        draw->AddRectFilled(ImVec2(low.x, low.y + 2), ImVec2(max.x, max.y - 2), color);
      }
      break;
    }
    case SegmentKind::Held:
      draw->AddRectFilled(min, max, (color & ~IM_COL32_A_MASK) | IM_COL32(0, 0, 0, 60));
      if (detailed && wide) stripes(draw, min, max, (color & ~IM_COL32_A_MASK) | IM_COL32(0, 0, 0, 160));
      break;
    case SegmentKind::Stopped: {
      // Paused: an outline with pause bars, in the process's color.
      draw->AddRect(ImVec2(min.x, min.y + 1), ImVec2(max.x, max.y - 1), color);
      if (detailed && wide) {
        for (float x = min.x + 3; x + 2 < max.x; x += 8.0f)
          draw->AddRectFilled(ImVec2(x, min.y + height * 0.25f), ImVec2(x + 2, max.y - height * 0.25f), color);
      }
      break;
    }
    case SegmentKind::Zombie: {
      // Ended but not reaped: a grey band crossed out.
      const float mid = (min.y + max.y) * 0.5f;
      draw->AddRectFilled(ImVec2(min.x, mid - height * 0.2f), ImVec2(max.x, mid + height * 0.2f), IM_COL32(110, 110, 120, 255));
      if (detailed && wide) {
        for (float x = min.x; x + 6 <= max.x; x += 8.0f) {
          draw->AddLine(ImVec2(x, min.y + 2), ImVec2(x + 6, max.y - 2), IM_COL32(230, 80, 80, 255));
          draw->AddLine(ImVec2(x, max.y - 2), ImVec2(x + 6, min.y + 2), IM_COL32(230, 80, 80, 255));
        }
      }
      break;
    }
  }
}

void drawMigrationLink(ImDrawList* draw, ImVec2 from, ImVec2 to, ImU32 color, float thickness) {
  // A curve leaving `from` toward the other row and entering `to` from the
  // left, so that a link between neighbouring rows at one tick still reads.
  const float bend = std::clamp(std::abs(to.x - from.x) * 0.5f, 14.0f, 60.0f);
  const float head = 4.0f + thickness * 2.0f;
  const ImVec2 base(to.x - head, to.y);
  const ImVec2 c1(from.x, from.y + (to.y - from.y) * 0.6f), c2(base.x - bend, base.y);
  const ImU32 outline = IM_COL32(15, 15, 20, 230);
  draw->AddBezierCubic(from, c1, c2, base, outline, thickness + 2.0f);
  draw->AddTriangleFilled(ImVec2(to.x + 1.5f, to.y), ImVec2(base.x - 1.0f, to.y - head * 0.7f), ImVec2(base.x - 1.0f, to.y + head * 0.7f),
                          outline);
  draw->AddCircleFilled(from, thickness + 2.0f, outline);
  draw->AddBezierCubic(from, c1, c2, base, color, thickness);
  draw->AddTriangleFilled(to, ImVec2(base.x, to.y - head * 0.55f), ImVec2(base.x, to.y + head * 0.55f), color);
  draw->AddCircleFilled(from, thickness + 0.5f, color);
}

std::string showMigrationTooltip(const sim::Scenario& scenario, const Migration& migration) {
  char text[200];
  trf(text, sizeof text, Str::MigrationFormat, scenario.processes[at(migration.process)].name.c_str(),
      static_cast<int>(migration.from_core), static_cast<int>(migration.to_core), static_cast<long long>(migration.from_tick),
      static_cast<long long>(migration.to_tick));
  const char* why = migration.reason == sim::Reason::Scheduled ? tr(Str::MigrationScheduled) : tr(migration.reason);
  ImGui::BeginTooltip();
  ImGui::TextUnformatted(text);
  ImGui::TextDisabled("%s", why);
  ImGui::EndTooltip();
  return std::string(text).append("; ").append(why);
}

void drawFoldMark(ImDrawList* draw, ImVec2 min, ImVec2 max, std::size_t count) {
  draw->AddRectFilled(min, max, IM_COL32(150, 150, 165, 200));
  // A zigzag on top, as Tracy marks folded zones.
  const float y = min.y + 2.0f;
  for (float x = min.x; x + 4.0f <= max.x; x += 4.0f) {
    draw->AddLine(ImVec2(x, y), ImVec2(x + 2.0f, y + 2.0f), IM_COL32(40, 40, 50, 255));
    draw->AddLine(ImVec2(x + 2.0f, y + 2.0f), ImVec2(x + 4.0f, y), IM_COL32(40, 40, 50, 255));
  }
  char text[32];
  std::snprintf(text, sizeof text, "%zu", count);
  const ImVec2 size = ImGui::CalcTextSize(text);
  if (size.x + 6.0f < max.x - min.x)
    draw->AddText(ImVec2((min.x + max.x - size.x) * 0.5f, (min.y + max.y - size.y) * 0.5f), IM_COL32(20, 20, 25, 255), text);
}

std::string showSegmentTooltip(const sim::Scenario& scenario, const SegmentRow& row, const RowMark& mark, bool core_row) {
  ImGui::BeginTooltip();
  char text[160];
  if (mark.count > 1) {
    std::string summary = trf(text, sizeof text, Str::FoldedFormat, mark.count);
    ImGui::TextUnformatted(summary.c_str());
    ImGui::TextUnformatted(trf(text, sizeof text, Str::FromTickFormat, static_cast<long long>(mark.start),
                               static_cast<long long>(mark.end - 1), static_cast<long long>(mark.end - mark.start)));
    ImGui::EndTooltip();
    return summary + "; " + text;
  }
  const Segment& segment = row[mark.first];
  const sim::ProcessSpec& process = scenario.processes[at(segment.process)];
  const char* state = "";
  switch (segment.kind) {
    case SegmentKind::Running: state = tr(sim::State::Running); break;
    case SegmentKind::Switching: state = tr(Str::StateSwitching); break;
    case SegmentKind::Ready: state = tr(sim::State::Ready); break;
    case SegmentKind::Blocked: state = tr(sim::State::Blocked); break;
    case SegmentKind::Held: state = tr(Str::StateHeld); break;
    case SegmentKind::Stopped: state = tr(Str::StateStopped); break;
    case SegmentKind::Zombie: state = tr(Str::StateZombie); break;
  }
  const std::string summary = process.name + ": " + state;
  ImGui::TextUnformatted(summary.c_str());
  ImGui::TextUnformatted(trf(text, sizeof text, Str::FromTickFormat, static_cast<long long>(segment.start),
                             static_cast<long long>(segment.end - 1), static_cast<long long>(segment.end - segment.start)));
  const std::string result = summary + "; " + text;
  if (!core_row) {
    // The burst: each Blocked interval before this one finished a CPU burst and an IO burst.
    std::size_t blocked_before = 0;
    for (std::size_t i = 0; i < mark.first; ++i) blocked_before += row[i].kind == SegmentKind::Blocked ? 1 : 0;
    const std::size_t burst = segment.kind == SegmentKind::Blocked ? 2 * blocked_before + 1 : 2 * blocked_before;
    const sim::Burst* spec = burst < process.bursts.size() ? &process.bursts[burst] : nullptr;
    ImGui::TextUnformatted(trf(text, sizeof text, Str::BurstFormat, static_cast<unsigned>(burst + 1), process.bursts.size()));
    if (spec != nullptr) ImGui::TextDisabled("%s %u", spec->kind == sim::BurstKind::Cpu ? "CPU" : "IO", spec->length);
    ImGui::TextDisabled("%s %lld", tr(Str::ColumnArrival), static_cast<long long>(process.arrival));
  }
  ImGui::EndTooltip();
  return result;
}

}  // namespace gui
