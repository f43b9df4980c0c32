#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "views/all_views.hpp"
#include "views/axis.hpp"
#include "views/palette.hpp"
#include "views/timeline_draw.hpp"

namespace gui {
namespace {

constexpr int kMaxCoreRows = 64;
constexpr float kFoldPixels = 3.0f;  // narrower intervals are folded into one mark

std::size_t at(std::int64_t index) { return static_cast<std::size_t>(index); }

void fitAll(TimelineZoom& zoom, const TimelineModel& model) {
  zoom.first_tick = 0.0;
  zoom.last_tick = std::max<double>(static_cast<double>(model.end), 1.0);
  zoom.fit_pending = false;
}

// Links between two cores' bars where a process moved: the visible ones,
// at most kMaxLinks (with more, only the selected process's). Returns the
// tooltip text when the mouse is on one's arrowhead.
constexpr std::size_t kMaxLinks = 300;

struct LinkGeometry {
  float rows_top;    // y of core 0's row top
  float row_height;
  int core_rows;
};

std::string drawMigrationLinks(const sim::Scenario& scenario, const std::vector<Migration>& migrations, const TimelineZoom& zoom,
                               const std::function<float(double)>& xOf, const LinkGeometry& rows, sim::ProcessId selected,
                               bool hover_allowed) {
  const double span = zoom.last_tick - zoom.first_tick;
  const auto first = std::lower_bound(migrations.begin(), migrations.end(), zoom.first_tick,
                                      [](const Migration& m, double tick) { return static_cast<double>(m.to_tick) < tick; });
  std::vector<const Migration*> visible;
  for (auto it = first; it != migrations.end() && static_cast<double>(it->to_tick) <= zoom.last_tick + span; ++it) {
    if (static_cast<double>(it->from_tick) > zoom.last_tick) continue;
    if (it->from_core >= rows.core_rows || it->to_core >= rows.core_rows) continue;
    visible.push_back(&*it);
  }
  if (visible.size() > kMaxLinks) {
    std::erase_if(visible, [&](const Migration* m) { return m->process != selected; });
  }
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  std::string hover;
  for (const Migration* m : visible) {
    const float from_y = rows.rows_top + rows.row_height * (static_cast<float>(m->from_core) + 0.5f);
    const float to_y = rows.rows_top + rows.row_height * (static_cast<float>(m->to_core) + 0.5f);
    const ImVec2 from(xOf(static_cast<double>(m->from_tick)), from_y), to(xOf(static_cast<double>(m->to_tick)), to_y);
    const bool bold = selected == m->process;
    drawMigrationLink(draw, from, to, processColor(m->process), bold ? 3.0f : 2.0f);
    if (hover_allowed && hover.empty() && mouse.x >= to.x - 12.0f && mouse.x <= to.x + 2.0f && std::abs(mouse.y - to.y) <= 6.0f)
      hover = showMigrationTooltip(scenario, *m);
  }
  return hover;
}

void drawLegend(float scale, bool with_held, bool with_migrations) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float size = ImGui::GetFontSize();
  struct Item {
    SegmentKind kind;
    Str label;
  };
  const Item items[] = {{SegmentKind::Running, Str::StateRunning},
                        {SegmentKind::Switching, Str::StateSwitching},
                        {SegmentKind::Ready, Str::StateReady},
                        {SegmentKind::Blocked, Str::StateBlocked},
                        {SegmentKind::Held, Str::StateHeld}};
  for (const Item& item : items) {
    if (item.kind == SegmentKind::Held && !with_held) continue;
    ImGui::SameLine();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(size * 1.6f, size));
    drawSegmentShape(draw, item.kind, ImVec2(p.x, p.y + 1), ImVec2(p.x + size * 1.5f, p.y + size - 1),
                     processColor(2), true);
    ImGui::SameLine(0, 4.0f * scale);
    ImGui::TextUnformatted(tr(item.label));
  }
  if (!with_migrations) return;
  ImGui::SameLine();
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImGui::Dummy(ImVec2(size * 1.6f, size));
  drawMigrationLink(draw, ImVec2(p.x + 2, p.y + 3), ImVec2(p.x + size * 1.5f, p.y + size - 2), processColor(2), 1.5f);
  ImGui::SameLine(0, 4.0f * scale);
  ImGui::TextUnformatted(tr(Str::Migration));
}

}  // namespace

void TimelineView::draw(ViewContext& context) {
  Session& session = context.session;
  if (!session.hasScenario()) return;
  const sim::Scenario& scenario = session.scenario();
  const TimelineModel& model = session.timeline();
  TimelineZoom& zoom = context.state.timeline;
  if (zoom.fit_pending || zoom.last_tick <= zoom.first_tick) fitAll(zoom, model);
  const float scale = ImGui::GetFontSize() / 15.0f;

  // [Header] fit button, hint, refusal notice, legend.
  if (ImGui::Button(tr(Str::FitAll))) fitAll(zoom, model);
  ImGui::SameLine();
  if (!context.state.notice.empty()) {
    ImGui::TextColored(ImVec4(1.0f, 0.45f, 0.4f, 1.0f), "%s", context.state.notice.c_str());
  } else {
    ImGui::TextDisabled("%s", tr(Str::TimelineHint));
  }
  drawLegend(scale, !scenario.policy.multiprogramming, !model.migrations.empty());

  // [Geometry] shared by the ruler and the rows.
  const float label_width = 120.0f * scale;
  const float row_height = std::floor(ImGui::GetFontSize() + 7.0f * scale);
  const float ruler_height = ImGui::GetFontSize() + 6.0f;
  const ImVec2 ruler_origin = ImGui::GetCursorScreenPos();
  const float full_width = ImGui::GetContentRegionAvail().x;
  const float plot_x0 = ruler_origin.x + label_width;
  const float plot_width = std::max(20.0f, full_width - label_width - ImGui::GetStyle().ScrollbarSize);
  const double span = zoom.last_tick - zoom.first_tick;
  const double ticks_per_pixel = span / static_cast<double>(plot_width);
  auto xOf = [&](double tick) { return plot_x0 + static_cast<float>((tick - zoom.first_tick) / ticks_per_pixel); };
  auto tickAt = [&](float x) { return zoom.first_tick + static_cast<double>(x - plot_x0) * ticks_per_pixel; };
  ImDrawList* draw = ImGui::GetWindowDrawList();

  // While playing, keep the cursor in view.
  const sim::Tick now = session.tick();
  if (session.playing() && static_cast<double>(now + 1) > zoom.last_tick) {
    zoom.first_tick += span * 0.5;
    zoom.last_tick += span * 0.5;
  }

  context.state.timeline_hover.clear();
  TimelineGeometry& geometry = context.state.timeline_geometry;
  geometry.plot_left = plot_x0;
  geometry.plot_right = plot_x0 + plot_width;
  geometry.ruler_top = ruler_origin.y;
  geometry.ruler_bottom = ruler_origin.y + ruler_height;
  geometry.row_height = row_height;

  // [Ruler] click or drag to move the cursor.
  ImGui::InvisibleButton("ruler", ImVec2(std::max(full_width, 10.0f), ruler_height));
  if (ImGui::IsItemActive() && ImGui::GetIO().MousePos.x >= plot_x0) {
    const auto target = static_cast<sim::Tick>(std::floor(tickAt(ImGui::GetIO().MousePos.x)));
    session.setPlaying(false);
    session.seek(target);
  }
  draw->AddRectFilled(ImVec2(plot_x0, ruler_origin.y), ImVec2(plot_x0 + plot_width, ruler_origin.y + ruler_height),
                      IM_COL32(45, 47, 55, 255));
  {
    const double step = niceStep(std::max(1.0, 70.0 * scale * ticks_per_pixel));
    draw->PushClipRect(ImVec2(plot_x0, ruler_origin.y), ImVec2(plot_x0 + plot_width, ruler_origin.y + ruler_height), true);
    for (double t = std::floor(zoom.first_tick / step) * step; t <= zoom.last_tick; t += step) {
      const float x = xOf(t);
      draw->AddLine(ImVec2(x, ruler_origin.y + ruler_height - 5), ImVec2(x, ruler_origin.y + ruler_height),
                    IM_COL32(180, 180, 190, 255));
      char label[32];
      std::snprintf(label, sizeof label, "%lld", static_cast<long long>(t));
      draw->AddText(ImVec2(x + 2, ruler_origin.y + 2), IM_COL32(200, 200, 210, 255), label);
    }
    draw->PopClipRect();
  }

  // [Rows] cores, a header, then processes; only visible rows are built.
  const int core_rows = std::min(scenario.cores, kMaxCoreRows);
  const int process_rows = static_cast<int>(scenario.processes.size());
  const int row_count = core_rows + 1 + process_rows;
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  const bool over_plot_x = mouse.x >= plot_x0 && mouse.x < plot_x0 + plot_width;
  ImGui::BeginChild("rows", ImVec2(0, 0), false, over_plot_x ? ImGuiWindowFlags_NoScrollWithMouse : 0);
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ImGui::GetStyle().ItemSpacing.x, 0.0f));
  const bool rows_hovered = ImGui::IsWindowHovered();
  const ImVec2 child_min = ImGui::GetWindowPos();
  geometry.rows_top = child_min.y - ImGui::GetScrollY();
  geometry.core_rows = core_rows;
  const ImVec2 child_max(child_min.x + ImGui::GetWindowSize().x, child_min.y + ImGui::GetWindowSize().y);
  draw = ImGui::GetWindowDrawList();
  bool tooltip_shown = false;

  ImGuiListClipper clipper;
  clipper.Begin(row_count, row_height);
  while (clipper.Step()) {
    for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
      const ImVec2 origin = ImGui::GetCursorScreenPos();
      ImGui::PushID(row);
      ImGui::InvisibleButton("label", ImVec2(label_width - 4, row_height));
      const bool label_clicked = ImGui::IsItemClicked();
      ImGui::PopID();
      const float y0 = origin.y + 1, y1 = origin.y + row_height - 1;
      const float text_y = origin.y + (row_height - ImGui::GetFontSize()) * 0.5f;
      if (row == core_rows) {
        draw->AddText(ImVec2(origin.x + 2, text_y), ImGui::GetColorU32(ImGuiCol_TextDisabled), tr(Str::WindowProcesses));
        draw->AddLine(ImVec2(origin.x, y1), ImVec2(plot_x0 + plot_width, y1), IM_COL32(90, 90, 100, 255));
        continue;
      }
      const bool is_core = row < core_rows;
      const sim::ProcessId process = is_core ? sim::kNoProcess : row - core_rows - 1;
      const SegmentRow& segments = is_core ? model.cores[at(row)] : model.processes[at(process)];
      char label[96];
      if (is_core) {
        trf(label, sizeof label, Str::CoreFormat, row);
      } else {
        std::snprintf(label, sizeof label, "%s", scenario.processes[at(process)].name.c_str());
        draw->AddRectFilled(ImVec2(origin.x, y0 + 3), ImVec2(origin.x + 5, y1 - 3), processColor(process));
        if (label_clicked) context.state.selected = context.state.selected == process ? sim::kNoProcess : process;
      }
      const bool selected = !is_core && context.state.selected == process;
      draw->PushClipRect(ImVec2(origin.x, y0), ImVec2(plot_x0 - 4, y1), true);
      draw->AddText(ImVec2(origin.x + (is_core ? 2.0f : 9.0f), text_y),
                    selected ? IM_COL32(255, 230, 120, 255) : ImGui::GetColorU32(ImGuiCol_Text), label);
      draw->PopClipRect();
      if (row % 2 == 0 || selected)
        draw->AddRectFilled(ImVec2(plot_x0, y0 - 1), ImVec2(plot_x0 + plot_width, y1 + 1),
                            selected ? IM_COL32(255, 230, 120, 25) : IM_COL32(255, 255, 255, 8));

      draw->PushClipRect(ImVec2(plot_x0, y0), ImVec2(plot_x0 + plot_width, y1), true);
      visibleMarks(segments, zoom.first_tick, zoom.last_tick, ticks_per_pixel, kFoldPixels, marks_);
      for (const RowMark& mark : marks_) {
        const float x0 = xOf(static_cast<double>(mark.start));
        const float x1 = std::max(xOf(static_cast<double>(mark.end)), x0 + 1.0f);
        const ImVec2 min(x0, y0), max(x1, y1);
        if (mark.count > 1) {
          drawFoldMark(draw, min, max, mark.count);
        } else {
          const Segment& segment = segments[mark.first];
          drawSegmentShape(draw, segment.kind, min, max, processColor(segment.process), true);
          if (is_core && x1 - x0 > 24.0f && segment.kind == SegmentKind::Running) {
            const std::string& name = scenario.processes[at(segment.process)].name;
            const ImU32 ink = textColorOn(processColor(segment.process));
            draw->AddText(ImVec2(x0 + 3, text_y), ink, name.c_str());
          }
        }
        if (!tooltip_shown && rows_hovered && mouse.y >= y0 && mouse.y < y1 && mouse.x >= x0 && mouse.x < x1 &&
            !dragging_plot_) {
          context.state.timeline_hover = showSegmentTooltip(scenario, segments, mark, is_core);
          tooltip_shown = true;
        }
      }
      draw->PopClipRect();
    }
  }
  clipper.End();

  // [Cursor] a band over the current tick, across every visible row.
  if (now >= 0) {
    const float x0 = xOf(static_cast<double>(now)), x1 = std::max(xOf(static_cast<double>(now + 1)), x0 + 2.0f);
    draw->PushClipRect(ImVec2(plot_x0, child_min.y), ImVec2(plot_x0 + plot_width, child_max.y), true);
    draw->AddRectFilled(ImVec2(x0, child_min.y), ImVec2(x1, child_max.y), IM_COL32(255, 255, 255, 40));
    draw->AddLine(ImVec2(x0, child_min.y), ImVec2(x0, child_max.y), IM_COL32(255, 220, 90, 230), 2.0f);
    draw->PopClipRect();
  }

  // [Migrations] over the core rows, above the cursor band.
  {
    draw->PushClipRect(ImVec2(plot_x0, child_min.y), ImVec2(plot_x0 + plot_width, child_max.y), true);
    const LinkGeometry link_rows{geometry.rows_top, row_height, core_rows};
    const std::string hover = drawMigrationLinks(scenario, model.migrations, zoom, xOf, link_rows, context.state.selected,
                                                 rows_hovered && !dragging_plot_);
    if (!hover.empty()) context.state.timeline_hover = hover;
    draw->PopClipRect();
  }

  // [Input] wheel zooms around the mouse, drag pans, a click moves the cursor.
  const ImGuiIO& io = ImGui::GetIO();
  if (rows_hovered && over_plot_x && io.MouseWheel != 0.0f) {
    const double pivot = tickAt(mouse.x);
    const double factor = std::pow(0.8, static_cast<double>(io.MouseWheel));
    const double max_span = std::max(10.0, static_cast<double>(model.end) * 1.5);
    const double new_span = std::clamp(span * factor, 4.0, max_span);
    const double ratio = new_span / span;
    zoom.first_tick = pivot - (pivot - zoom.first_tick) * ratio;
    zoom.last_tick = zoom.first_tick + new_span;
  }
  // Pressing on the cursor line grabs it; anywhere else grabs the chart.
  const float cursor_x = xOf(static_cast<double>(now));
  if (rows_hovered && over_plot_x && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
    if (now >= 0 && std::abs(mouse.x - cursor_x) <= 5.0f)
      dragging_cursor_ = true;
    else
      dragging_plot_ = true;
    drag_distance_ = 0.0f;
  }
  if (rows_hovered && over_plot_x && !dragging_plot_ && now >= 0 && std::abs(mouse.x - cursor_x) <= 5.0f)
    ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
  if (dragging_cursor_) {
    if (ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
      session.setPlaying(false);
      session.seek(static_cast<sim::Tick>(std::floor(tickAt(mouse.x))));
    } else {
      dragging_cursor_ = false;
    }
  }
  if (dragging_plot_) {
    if (ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
      drag_distance_ += std::abs(io.MouseDelta.x) + std::abs(io.MouseDelta.y);
      const double shift = static_cast<double>(io.MouseDelta.x) * ticks_per_pixel;
      zoom.first_tick -= shift;
      zoom.last_tick -= shift;
      if (std::abs(io.MouseDelta.y) > 0.0f) ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseDelta.y);
    } else {
      dragging_plot_ = false;
      if (drag_distance_ < 3.0f && mouse.x >= plot_x0) {
        session.setPlaying(false);
        session.seek(static_cast<sim::Tick>(std::floor(tickAt(mouse.x))));
      }
    }
  }
  ImGui::PopStyleVar();
  ImGui::EndChild();
}

}  // namespace gui
