#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "views/all_views.hpp"
#include "views/palette.hpp"

namespace gui {
namespace {

std::size_t at(std::int64_t index) { return static_cast<std::size_t>(index); }

}  // namespace

void EventLogView::draw(ViewContext& context) {
  Session& session = context.session;
  if (!session.hasScenario()) return;
  const sim::Scenario& scenario = session.scenario();
  const sim::Trace& trace = session.run().trace();
  const float scale = ImGui::GetFontSize() / 15.0f;
  EventLogState& log = context.state.event_log;

  // [Filters]
  if (log.process_filter >= static_cast<int>(scenario.processes.size())) log.process_filter = -1;
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr(Str::FilterProcess));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(130.0f * scale);
  if (ImGui::BeginCombo("##process", log.process_filter < 0 ? tr(Str::All) : scenario.processes[at(log.process_filter)].name.c_str())) {
    if (ImGui::Selectable(tr(Str::All), log.process_filter < 0)) log.process_filter = -1;
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(scenario.processes.size()));
    while (clipper.Step())
      for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i)
        if (ImGui::Selectable(scenario.processes[at(i)].name.c_str(), log.process_filter == i)) log.process_filter = i;
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  ImGui::TextUnformatted(tr(Str::FilterKind));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(120.0f * scale);
  if (ImGui::BeginCombo("##kind", log.kind_filter < 0 ? tr(Str::All) : tr(static_cast<sim::TransitionKind>(log.kind_filter)))) {
    if (ImGui::Selectable(tr(Str::All), log.kind_filter < 0)) log.kind_filter = -1;
    for (int k = 0; k < sim::kTransitionKindCount; ++k)
      if (ImGui::Selectable(tr(static_cast<sim::TransitionKind>(k)), log.kind_filter == k)) log.kind_filter = k;
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  ImGui::TextDisabled("%s", tr(Str::ClickToJump));

  const bool filtered = log.process_filter >= 0 || log.kind_filter >= 0;
  if (filtered && (filtered_generation_ != session.generation() || filtered_process_ != log.process_filter ||
                   filtered_kind_ != log.kind_filter)) {
    rows_.clear();
    for (std::size_t i = 0; i < trace.size(); ++i) {
      const sim::Transition& tr = trace[i];
      if (log.process_filter >= 0 && tr.process != log.process_filter) continue;
      if (log.kind_filter >= 0 && static_cast<int>(tr.kind) != log.kind_filter) continue;
      rows_.push_back(static_cast<std::uint32_t>(i));
    }
    filtered_generation_ = session.generation();
    filtered_process_ = log.process_filter;
    filtered_kind_ = log.kind_filter;
  }
  const std::size_t row_count = filtered ? rows_.size() : trace.size();
  auto transitionAt = [&](std::size_t row) -> const sim::Transition& { return trace[filtered ? rows_[row] : row]; };

  const ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("events", 5, flags)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(tr(Str::ColumnTick), 0, 0.6f);
  ImGui::TableSetupColumn(tr(Str::ColumnProcess), 0, 1.0f);
  ImGui::TableSetupColumn(tr(Str::ColumnChange), 0, 1.6f);
  ImGui::TableSetupColumn(tr(Str::ColumnCore), 0, 0.5f);
  ImGui::TableSetupColumn(tr(Str::ColumnReason), 0, 1.4f);
  ImGui::TableHeadersRow();

  // Follow the cursor: scroll its tick's first row into view when it moves.
  const sim::Tick now = session.tick();
  if (now != followed_tick_) {
    std::size_t low = 0, high = row_count;
    while (low < high) {
      const std::size_t mid = (low + high) / 2;
      if (transitionAt(mid).tick < now) low = mid + 1; else high = mid;
    }
    const float row_height = ImGui::GetTextLineHeightWithSpacing() + ImGui::GetStyle().CellPadding.y * 2.0f -
                             ImGui::GetStyle().ItemSpacing.y;
    ImGui::SetScrollY(std::max(0.0f, static_cast<float>(low) * row_height - row_height * 2.0f));
    followed_tick_ = now;
  }

  log.rows = row_count;
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(row_count));
  while (clipper.Step()) {
    for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
      const sim::Transition& tr = transitionAt(at(row));
      ImGui::TableNextRow();
      if (row == clipper.DisplayStart) {
        log.first_visible_row = row;
        log.first_visible_y = ImGui::GetCursorScreenPos().y;
      } else if (row == clipper.DisplayStart + 1) {
        log.row_pitch = ImGui::GetCursorScreenPos().y - log.first_visible_y;
      }
      if (tr.tick == now) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, IM_COL32(255, 220, 90, 45));
      ImGui::TableNextColumn();
      char tick[32];
      std::snprintf(tick, sizeof tick, "%lld##%d", static_cast<long long>(tr.tick), row);
      if (ImGui::Selectable(tick, false, ImGuiSelectableFlags_SpanAllColumns)) {
        session.setPlaying(false);
        session.seek(tr.tick);
        followed_tick_ = tr.tick;
      }
      ImGui::TableNextColumn();
      ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(processColor(tr.process)), "%s",
                         scenario.processes[at(tr.process)].name.c_str());
      ImGui::TableNextColumn();
      ImGui::Text("%s -> %s", gui::tr(sim::fromState(tr.kind)), gui::tr(sim::toState(tr.kind)));
      ImGui::TableNextColumn();
      if (tr.core >= 0)
        ImGui::Text("%d", tr.core);
      else
        ImGui::TextDisabled("-");
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(gui::tr(tr.reason));
    }
  }
  ImGui::EndTable();
}

}  // namespace gui
