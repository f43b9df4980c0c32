#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include "model/compare.hpp"
#include "views/all_views.hpp"
#include "views/sweep_chart.hpp"

namespace gui {
namespace {

// Scenarios this small are compared automatically when the tab opens.
constexpr std::size_t kAutoCompareTransitions = 200'000;

struct Measure {
  Str label;
  bool higher_is_better;
  double (*value)(const sim::RunMetrics&);
  int decimals;
  const char* unit;
};

const char* formatValue(const Measure& measure, double value, char* buffer, std::size_t size) {
  std::snprintf(buffer, size, "%.*f%s", measure.decimals, value, measure.unit);
  return buffer;
}

const Measure kMeasures[] = {
    {Str::AvgWaiting, false, [](const sim::RunMetrics& m) { return m.avg_waiting; }, 2, ""},
    {Str::AvgTurnaround, false, [](const sim::RunMetrics& m) { return m.avg_turnaround; }, 2, ""},
    {Str::AvgResponse, false, [](const sim::RunMetrics& m) { return m.avg_response; }, 2, ""},
    {Str::Utilization, true, [](const sim::RunMetrics& m) { return m.cpu_utilization * 100.0; }, 1, "%"},
    {Str::ContextSwitches, false, [](const sim::RunMetrics& m) { return static_cast<double>(m.context_switches); }, 0, ""},
};

// The policies in a table, then a bar chart per measure.
void drawPolicyTable(const std::vector<CompareRow>& compare) {
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingFixedFit |
                                ImGuiTableFlags_ScrollX;
  const float table_height = (ImGui::GetTextLineHeightWithSpacing() + 2.0f) * static_cast<float>(compare.size() + 1) +
                             ImGui::GetStyle().ScrollbarSize + 4.0f;
  if (ImGui::BeginTable("compare", 1 + static_cast<int>(std::size(kMeasures)), flags, ImVec2(0, table_height))) {
    ImGui::TableSetupColumn(tr(Str::ColumnPolicy));
    for (const Measure& measure : kMeasures) ImGui::TableSetupColumn(tr(measure.label));
    ImGui::TableHeadersRow();
    for (const CompareRow& row : compare) {
      ImGui::TableNextRow();
      if (row.current) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, IM_COL32(90, 140, 220, 60));
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(row.policy.c_str());
      for (const Measure& measure : kMeasures) {
        ImGui::TableNextColumn();
        char text[48];
        ImGui::TextUnformatted(formatValue(measure, measure.value(row.metrics), text, sizeof text));
      }
    }
    ImGui::EndTable();
  }

  // Bar charts: one small group per measure, one bar per policy.
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float width = ImGui::GetContentRegionAvail().x;
  const int columns = width > 520.0f ? 3 : 2;
  const float group_width = width / static_cast<float>(columns) - 8.0f;
  const float bar_height = ImGui::GetFontSize() * 0.9f;
  float name_width = 0.0f;
  for (const CompareRow& row : compare) name_width = std::max(name_width, ImGui::CalcTextSize(row.name.c_str()).x);
  name_width += ImGui::CalcTextSize(" *").x;
  int group = 0;
  for (const Measure& measure : kMeasures) {
    if (group % columns != 0) ImGui::SameLine();
    ImGui::BeginGroup();
    ImGui::Text("%s", tr(measure.label));
    ImGui::SameLine();
    ImGui::TextDisabled("(%s)", tr(measure.higher_is_better ? Str::Higher : Str::Lower));
    double max_value = 0.0;
    for (const CompareRow& row : compare) max_value = std::max(max_value, measure.value(row.metrics));
    for (const CompareRow& row : compare) {
      const ImVec2 p = ImGui::GetCursorScreenPos();
      ImGui::Dummy(ImVec2(group_width, bar_height + 2));
      const double value = measure.value(row.metrics);
      const std::string name = row.current ? row.name + " *" : row.name;
      draw->AddText(p, ImGui::GetColorU32(ImGuiCol_Text), name.c_str());
      const float bar_max = group_width - name_width - 60.0f;
      const float length = max_value > 0 ? static_cast<float>(value / max_value) * bar_max : 0.0f;
      const ImU32 color = row.current ? IM_COL32(90, 150, 230, 255) : IM_COL32(130, 130, 145, 255);
      draw->AddRectFilled(ImVec2(p.x + name_width, p.y + 1), ImVec2(p.x + name_width + std::max(length, 1.0f), p.y + bar_height),
                          color, 2.0f);
      char text[32];
      formatValue(measure, value, text, sizeof text);
      draw->AddText(ImVec2(p.x + name_width + std::max(length, 1.0f) + 4, p.y), ImGui::GetColorU32(ImGuiCol_Text), text);
    }
    ImGui::EndGroup();
    ++group;
  }
}

}  // namespace

void CompareView::draw(ViewContext& context) {
  Session& session = context.session;
  if (!session.hasScenario()) return;
  ViewState& state = context.state;
  if (!ImGui::BeginTabBar("compare_pages")) return;
  const bool sweep_requested = state.sweep.show_requested;
  state.sweep.show_requested = false;
  // "###" keeps each page's id when the language changes.
  if (ImGui::BeginTabItem((std::string(tr(Str::ComparePolicies)) + "###policies").c_str())) {
    const bool stale = state.compare.empty() || state.compare_generation != session.generation();
    if (ImGui::Button(tr(Str::RunCompare)) || (stale && session.run().trace().size() < kAutoCompareTransitions)) {
      state.compare = compareAllPolicies(session.scenario());
      state.compare_generation = session.generation();
    }
    ImGui::SameLine();
    ImGui::TextDisabled("%s", tr(Str::CompareHint));
    if (!state.compare.empty()) drawPolicyTable(state.compare);
    ImGui::EndTabItem();
  }
  if (ImGui::BeginTabItem((std::string(tr(Str::CompareSweep)) + "###sweep").c_str(), nullptr,
                         sweep_requested ? ImGuiTabItemFlags_SetSelected : 0)) {
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Str::SweepHint));
    drawSweepSection(context);
    ImGui::EndTabItem();
  }
  ImGui::EndTabBar();
}

}  // namespace gui
