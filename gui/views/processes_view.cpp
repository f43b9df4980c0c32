#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "sim/metrics.hpp"
#include "views/all_views.hpp"
#include "views/palette.hpp"

namespace gui {
namespace {

enum Column { kName, kState, kPriority, kArrival, kProgress, kWaiting, kResponse, kTurnaround, kColumnCount };

std::size_t at(std::int32_t index) { return static_cast<std::size_t>(index); }

// The value a column sorts by (name sorts separately).
double sortKey(const sim::Engine& engine, sim::ProcessId id, int column) {
  const sim::Scenario& scenario = engine.scenario();
  const sim::EngineState& state = engine.state();
  const sim::ProcessMetrics m = sim::processMetrics(engine, id);
  switch (column) {
    case kState: return static_cast<double>(state.processes[at(id)].state);
    case kPriority: return scenario.processes[at(id)].priority;
    case kArrival: return static_cast<double>(scenario.processes[at(id)].arrival);
    case kProgress: {
      const auto total = static_cast<double>(sim::totalCpu(scenario.processes[at(id)]));
      return total > 0 ? static_cast<double>(m.work) / total : 0.0;
    }
    case kWaiting: return static_cast<double>(m.waiting);
    case kResponse: return static_cast<double>(m.response);
    case kTurnaround: return static_cast<double>(m.turnaround);
    default: return static_cast<double>(id);
  }
}

}  // namespace

void ProcessesView::draw(ViewContext& context) {
  const Session& session = context.session;
  if (!session.hasScenario()) return;
  const sim::Scenario& scenario = session.scenario();
  const sim::EngineState& state = session.cursor().state();
  const auto count = static_cast<int>(scenario.processes.size());
  if (static_cast<int>(order_.size()) != count || sorted_generation_ != session.generation()) {
    order_.resize(at(count));
    for (int i = 0; i < count; ++i) order_[at(i)] = i;
    sorted_generation_ = session.generation();
    sorted_tick_ = -2;
  }
  const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg |
                                ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_Resizable | ImGuiTableFlags_Reorderable |
                                ImGuiTableFlags_ScrollX | ImGuiTableFlags_SizingFixedFit;
  if (!ImGui::BeginTable("processes", kColumnCount, flags)) return;
  ImGui::TableSetupScrollFreeze(1, 1);
  ImGui::TableSetupColumn(tr(Str::ColumnName), ImGuiTableColumnFlags_DefaultSort, 0.0f, kName);
  ImGui::TableSetupColumn(tr(Str::ColumnState), 0, 0.0f, kState);
  ImGui::TableSetupColumn(tr(Str::ColumnPriority), 0, 0.0f, kPriority);
  ImGui::TableSetupColumn(tr(Str::ColumnArrival), 0, 0.0f, kArrival);
  ImGui::TableSetupColumn(tr(Str::ColumnProgress), ImGuiTableColumnFlags_WidthFixed, 80.0f * ImGui::GetFontSize() / 15.0f, kProgress);
  ImGui::TableSetupColumn(tr(Str::ColumnWaiting), 0, 0.0f, kWaiting);
  ImGui::TableSetupColumn(tr(Str::ColumnResponse), 0, 0.0f, kResponse);
  ImGui::TableSetupColumn(tr(Str::ColumnTurnaround), 0, 0.0f, kTurnaround);
  ImGui::TableHeadersRow();
  ProcessTableState& table = context.state.process_table;
  for (int column = 0; column < kColumnCount && column < ProcessTableState::kColumns; ++column) {
    ImGui::TableSetColumnIndex(column);
    table.column_x[column] = ImGui::GetCursorScreenPos().x;
  }
  table.header_y = ImGui::GetCursorScreenPos().y + ImGui::GetFontSize() * 0.5f;

  if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs()) {
    const bool changed = specs->SpecsDirty || sorted_tick_ != session.tick();
    if (changed && specs->SpecsCount > 0) {
      const int column = static_cast<int>(specs->Specs[0].ColumnUserID);
      const bool ascending = specs->Specs[0].SortDirection != ImGuiSortDirection_Descending;
      // Static columns need no re-sort when only the tick moved.
      const bool dynamic = column == kState || column == kProgress || column >= kWaiting;
      if (specs->SpecsDirty || dynamic || column != sort_column_ || ascending != sort_ascending_) {
        if (column == kName) {
          std::stable_sort(order_.begin(), order_.end(), [&](sim::ProcessId a, sim::ProcessId b) {
            const std::string& na = scenario.processes[at(a)].name;
            const std::string& nb = scenario.processes[at(b)].name;
            return ascending ? na < nb : nb < na;
          });
        } else {
          // One key per process, computed once, then sorted by (key, id).
          keys_.resize(order_.size());
          for (int i = 0; i < count; ++i) keys_[at(i)] = sortKey(session.cursor(), i, column);
          std::sort(order_.begin(), order_.end(), [&](sim::ProcessId a, sim::ProcessId b) {
            const double ka = keys_[at(a)], kb = keys_[at(b)];
            if (ka != kb) return ascending ? ka < kb : kb < ka;
            return a < b;
          });
        }
      }
      sort_column_ = column;
      sort_ascending_ = ascending;
      table.sort_column = column;
      table.ascending = ascending;
      specs->SpecsDirty = false;
      sorted_tick_ = session.tick();
    }
  }

  table.top.assign(order_.begin(), order_.begin() + std::min<std::ptrdiff_t>(count, ProcessTableState::kTopRows));
  ImGuiListClipper clipper;
  clipper.Begin(count);
  while (clipper.Step()) {
    for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
      const sim::ProcessId id = order_[at(row)];
      const sim::ProcessSpec& spec = scenario.processes[at(id)];
      const sim::ProcessRuntime& runtime = state.processes[at(id)];
      const sim::ProcessMetrics m = sim::processMetrics(session.cursor(), id);
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::PushID(id);
      const ImVec2 p = ImGui::GetCursorScreenPos();
      ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, p.y + 2), ImVec2(p.x + 5, p.y + ImGui::GetFontSize() - 1),
                                                processColor(id));
      ImGui::SetCursorScreenPos(ImVec2(p.x + 9, p.y));
      if (ImGui::Selectable(spec.name.c_str(), context.state.selected == id, ImGuiSelectableFlags_SpanAllColumns))
        context.state.selected = context.state.selected == id ? sim::kNoProcess : id;
      ImGui::PopID();
      ImGui::TableNextColumn();
      ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(stateColor(runtime.state)), "%s", tr(runtime.state));
      ImGui::TableNextColumn();
      ImGui::Text("%d", spec.priority);
      ImGui::TableNextColumn();
      ImGui::Text("%lld", static_cast<long long>(spec.arrival));
      ImGui::TableNextColumn();
      const sim::Tick total = sim::totalCpu(spec);
      char progress[48];
      std::snprintf(progress, sizeof progress, "%lld/%lld", static_cast<long long>(m.work), static_cast<long long>(total));
      ImGui::ProgressBar(total > 0 ? static_cast<float>(m.work) / static_cast<float>(total) : 0.0f,
                         ImVec2(-1.0f, ImGui::GetFontSize()), progress);
      ImGui::TableNextColumn();
      ImGui::Text("%lld", static_cast<long long>(m.waiting));
      ImGui::TableNextColumn();
      if (m.response >= 0)
        ImGui::Text("%lld", static_cast<long long>(m.response));
      else
        ImGui::TextDisabled("-");
      ImGui::TableNextColumn();
      if (runtime.state == sim::State::New)
        ImGui::TextDisabled("-");
      else
        ImGui::Text("%lld", static_cast<long long>(m.turnaround));
    }
  }
  ImGui::EndTable();
}

}  // namespace gui
