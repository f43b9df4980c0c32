#include <imgui.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

#include "views/all_views.hpp"
#include "views/palette.hpp"

namespace gui {
namespace {

std::size_t at(std::int32_t index) { return static_cast<std::size_t>(index); }

// The textbook figure, as fractions of the pane: New and Terminated on
// top, Ready and Running in the middle, Blocked below.
struct Box {
  ImVec2 center;  // fraction of the pane
  ImVec2 half;    // half size, fraction of the pane
};
const std::array<Box, sim::kStateCount> kBoxes{{
    {{0.15f, 0.12f}, {0.14f, 0.09f}},  // New
    {{0.19f, 0.50f}, {0.18f, 0.16f}},  // Ready
    {{0.81f, 0.50f}, {0.18f, 0.16f}},  // Running
    {{0.50f, 0.86f}, {0.24f, 0.12f}},  // Blocked
    {{0.85f, 0.12f}, {0.14f, 0.09f}},  // Terminated
}};

struct Arrow {
  sim::TransitionKind kind;
  float offset;  // sideways shift so that the two arrows between Ready and Running do not overlap
};
// The textbook's six arrows, indexed by TransitionKind; a requeue (Ready to
// Ready) has no arrow.
constexpr std::size_t kArrowCount = 6;
static_assert(static_cast<std::size_t>(sim::TransitionKind::Exit) + 1 == kArrowCount);
constexpr std::array<Arrow, kArrowCount> kArrows{{
    {sim::TransitionKind::Admit, 0.0f},
    {sim::TransitionKind::Dispatch, -0.35f},
    {sim::TransitionKind::Preempt, 0.35f},
    {sim::TransitionKind::Block, 0.0f},
    {sim::TransitionKind::Wakeup, 0.0f},
    {sim::TransitionKind::Exit, 0.0f},
}};

struct Frame {
  ImVec2 origin, size;
  std::array<float, sim::kStateCount> min_half_width{};  // pixels: room for the box's title
  ImVec2 point(ImVec2 fraction) const { return {origin.x + fraction.x * size.x, origin.y + fraction.y * size.y}; }
  float halfWidth(sim::State s) const {
    const Box& b = kBoxes[static_cast<std::size_t>(s)];
    return std::max(b.half.x * size.x, min_half_width[static_cast<std::size_t>(s)]);
  }
  // The box's center, moved inward when a wide title would push it out of the pane.
  ImVec2 center(sim::State s) const {
    ImVec2 c = point(kBoxes[static_cast<std::size_t>(s)].center);
    const float half = halfWidth(s);
    c.x = std::max(c.x, origin.x + half + 1.0f);
    c.x = std::min(c.x, origin.x + size.x - half - 1.0f);
    return c;
  }
  ImVec2 boxMin(sim::State s) const {
    const ImVec2 c = center(s);
    return {c.x - halfWidth(s), c.y - kBoxes[static_cast<std::size_t>(s)].half.y * size.y};
  }
  ImVec2 boxMax(sim::State s) const {
    const ImVec2 c = center(s);
    return {c.x + halfWidth(s), c.y + kBoxes[static_cast<std::size_t>(s)].half.y * size.y};
  }
};

// Where the segment from the box's center toward `toward` leaves the box.
ImVec2 boxEdge(ImVec2 min, ImVec2 max, ImVec2 toward) {
  const ImVec2 c((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f);
  const float dx = toward.x - c.x, dy = toward.y - c.y;
  const float hx = (max.x - min.x) * 0.5f, hy = (max.y - min.y) * 0.5f;
  const float tx = std::abs(dx) > 1e-3f ? hx / std::abs(dx) : 1e9f;
  const float ty = std::abs(dy) > 1e-3f ? hy / std::abs(dy) : 1e9f;
  const float t = std::min(tx, ty);
  return {c.x + dx * t, c.y + dy * t};
}

struct ArrowGeometry {
  ImVec2 from, to;
};

ArrowGeometry arrowGeometry(const Frame& frame, const Arrow& arrow) {
  const sim::State a = sim::fromState(arrow.kind), b = sim::toState(arrow.kind);
  ImVec2 ca = frame.center(a);
  ImVec2 cb = frame.center(b);
  const float shift = arrow.offset * (frame.boxMax(a).y - frame.boxMin(a).y);
  ca.y += shift;
  cb.y += shift;
  ImVec2 from = boxEdge(frame.boxMin(a), frame.boxMax(a), cb);
  ImVec2 to = boxEdge(frame.boxMin(b), frame.boxMax(b), ca);
  if (arrow.offset != 0.0f) {
    from.y = ca.y;
    to.y = cb.y;
  }
  return {from, to};
}

void drawArrow(ImDrawList* draw, ImVec2 from, ImVec2 to, ImU32 color, float thickness) {
  draw->AddLine(from, to, color, thickness);
  const float dx = to.x - from.x, dy = to.y - from.y;
  const float length = std::max(1.0f, std::sqrt(dx * dx + dy * dy));
  const float ux = dx / length, uy = dy / length;
  const float head = 6.0f + thickness * 2.0f;
  draw->AddTriangleFilled(to, ImVec2(to.x - ux * head - uy * head * 0.5f, to.y - uy * head + ux * head * 0.5f),
                          ImVec2(to.x - ux * head + uy * head * 0.5f, to.y - uy * head - ux * head * 0.5f), color);
}

}  // namespace

void StateMachineView::draw(ViewContext& context) {
  const Session& session = context.session;
  if (!session.hasScenario()) return;
  const sim::Scenario& scenario = session.scenario();
  const sim::EngineState& state = session.cursor().state();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  Frame frame{ImGui::GetCursorScreenPos(), ImVec2(std::max(avail.x, 50.0f), std::max(avail.y, 50.0f)), {}};
  std::array<std::size_t, sim::kStateCount> totals{};
  for (const sim::ProcessRuntime& p : state.processes) ++totals[static_cast<std::size_t>(p.state)];
  std::array<std::array<char, 64>, sim::kStateCount> titles{};
  for (int s = 0; s < sim::kStateCount; ++s) {
    auto& title = titles[static_cast<std::size_t>(s)];
    std::snprintf(title.data(), title.size(), "%s (%zu)", tr(static_cast<sim::State>(s)), totals[static_cast<std::size_t>(s)]);
    frame.min_half_width[static_cast<std::size_t>(s)] = ImGui::CalcTextSize(title.data()).x * 0.5f + 8.0f;
  }
  ImGui::InvisibleButton("figure", frame.size);
  const bool figure_hovered = ImGui::IsItemHovered();

  // Which kinds happened at this tick, and which processes moved.
  std::array<bool, sim::kTransitionKindCount> active{};
  std::vector<std::pair<sim::ProcessId, sim::TransitionKind>> moved;
  const auto [first, last] = session.transitionsAtTick();
  for (std::size_t i = first; i < last && moved.size() < 256; ++i) {
    const sim::Transition& tr = session.run().trace()[i];
    if (static_cast<std::size_t>(tr.kind) >= kArrowCount) continue;
    if (tr.kind == sim::TransitionKind::Exit && tr.core < 0) continue;  // from Blocked (awaited IO): no arrow
    active[static_cast<std::size_t>(tr.kind)] = true;
    moved.emplace_back(tr.process, tr.kind);
  }

  // Arrows under the boxes, so the boxes cover their ends cleanly.
  for (const Arrow& arrow : kArrows) {
    const ArrowGeometry g = arrowGeometry(frame, arrow);
    const bool on = active[static_cast<std::size_t>(arrow.kind)];
    drawArrow(draw, g.from, g.to, on ? IM_COL32(255, 220, 90, 255) : IM_COL32(150, 150, 160, 255), on ? 3.0f : 1.5f);
  }

  // The boxes with their tokens.
  std::array<std::vector<sim::ProcessId>, sim::kStateCount> members;
  for (std::size_t i = 0; i < state.processes.size(); ++i) {
    auto& list = members[static_cast<std::size_t>(state.processes[i].state)];
    if (list.size() < 512) list.push_back(static_cast<sim::ProcessId>(i));
  }
  const float radius = std::clamp(frame.size.y * 0.035f, 7.0f, ImGui::GetFontSize() * 0.75f);
  const bool animate = session.playing();
  struct Travelling {
    sim::ProcessId process;
    ImVec2 center;
  };
  std::vector<Travelling> travelling;
  const float progress = std::min(1.0f, static_cast<float>(session.tickFraction()) * 2.0f);
  for (int s = 0; s < sim::kStateCount; ++s) {
    const auto state_id = static_cast<sim::State>(s);
    const ImVec2 min = frame.boxMin(state_id), max = frame.boxMax(state_id);
    draw->AddRectFilled(min, max, IM_COL32(36, 38, 46, 255), 6.0f);
    draw->AddRect(min, max, stateColor(state_id), 6.0f, 0, 2.0f);
    draw->AddText(ImVec2(min.x + 6, min.y + 3), stateColor(state_id), titles[static_cast<std::size_t>(s)].data());
    const float top = min.y + ImGui::GetFontSize() + 6;
    const float cell = radius * 2 + 4;
    const int per_row = std::max(1, static_cast<int>((max.x - min.x - 8) / cell));
    const int rows = std::max(1, static_cast<int>((max.y - top - 2) / cell));
    const auto& list = members[static_cast<std::size_t>(s)];
    const int capacity = per_row * rows;
    for (int i = 0; i < static_cast<int>(list.size()) && i < capacity; ++i) {
      const sim::ProcessId id = list[at(i)];
      ImVec2 center(min.x + 6 + radius + static_cast<float>(i % per_row) * cell,
                    top + radius + static_cast<float>(i / per_row) * cell);
      const auto found = std::find_if(moved.begin(), moved.end(), [&](const auto& m) { return m.first == id; });
      const bool just_moved = found != moved.end();
      if (just_moved && animate && progress < 1.0f) {
        // Travels along the arrow of the transition taken at this tick; drawn last, on top.
        const ArrowGeometry g = arrowGeometry(frame, kArrows[static_cast<std::size_t>(found->second)]);
        travelling.push_back({id, ImVec2(g.from.x + (g.to.x - g.from.x) * progress, g.from.y + (g.to.y - g.from.y) * progress)});
        continue;
      }
      if (i == capacity - 1 && static_cast<int>(totals[static_cast<std::size_t>(s)]) > capacity) {
        char more[16];
        std::snprintf(more, sizeof more, "+%zu", totals[static_cast<std::size_t>(s)] - static_cast<std::size_t>(i));
        draw->AddText(ImVec2(center.x - radius, center.y - ImGui::GetFontSize() * 0.5f), ImGui::GetColorU32(ImGuiCol_Text), more);
        break;
      }
      char label[16];
      drawToken(draw, center, radius, id, shortLabel(scenario.processes[at(id)].name.c_str(), id, label, sizeof label),
                just_moved || context.state.selected == id);
      if (figure_hovered) {
        const ImVec2 mouse = ImGui::GetIO().MousePos;
        const float dx = mouse.x - center.x, dy = mouse.y - center.y;
        if (dx * dx + dy * dy <= radius * radius) {
          ImGui::SetTooltip("%s: %s", scenario.processes[at(id)].name.c_str(), tr(state_id));
          if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) context.state.selected = id;
        }
      }
    }
  }
  // Labels last, so that neither boxes nor tokens hide the counts.
  for (const Arrow& arrow : kArrows) {
    const ArrowGeometry g = arrowGeometry(frame, arrow);
    const bool on = active[static_cast<std::size_t>(arrow.kind)];
    char label[96];
    std::snprintf(label, sizeof label, "%s  %lld", tr(arrow.kind),
                  static_cast<long long>(state.transition_counts[static_cast<std::size_t>(arrow.kind)]));
    const ImVec2 size = ImGui::CalcTextSize(label);
    ImVec2 mid((g.from.x + g.to.x) * 0.5f, (g.from.y + g.to.y) * 0.5f);
    mid.x -= size.x * 0.5f;
    mid.y += arrow.offset < 0 ? -size.y - 2.0f : (arrow.offset > 0 ? 2.0f : -size.y * 0.5f);
    if (arrow.kind == sim::TransitionKind::Block) mid.x += size.x * 0.5f + 6.0f;
    if (arrow.kind == sim::TransitionKind::Wakeup) mid.x -= size.x * 0.5f + 6.0f;
    draw->AddRectFilled(ImVec2(mid.x - 2, mid.y - 1), ImVec2(mid.x + size.x + 2, mid.y + size.y + 1),
                        IM_COL32(25, 27, 32, 220), 3.0f);
    draw->AddText(mid, on ? IM_COL32(255, 220, 90, 255) : ImGui::GetColorU32(ImGuiCol_Text), label);
  }
  for (const Travelling& token : travelling) {
    char label[16];
    drawToken(draw, token.center, radius, token.process,
              shortLabel(scenario.processes[at(token.process)].name.c_str(), token.process, label, sizeof label), true);
  }
}

}  // namespace gui
