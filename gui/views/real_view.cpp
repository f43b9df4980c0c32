#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "views/real_rows_draw.hpp"
#include "views/real_views.hpp"

namespace gui {
namespace {

constexpr const char* kTabKeys[] = {"children", "servers", "experiments", "replay"};

}  // namespace

const char* realTabKey(RealTab tab) {
  const auto index = static_cast<std::size_t>(tab);
  return index < std::size(kTabKeys) ? kTabKeys[index] : "none";
}

bool parseRealTab(const std::string& key, RealTab& out) {
  for (std::size_t i = 0; i < std::size(kTabKeys); ++i) {
    if (key == kTabKeys[i]) {
      out = static_cast<RealTab>(i);
      return true;
    }
  }
  return false;
}

void RealView::draw(ViewContext& context) {
  RealPageState& page = context.state.real;
  const float total = ImGui::GetContentRegionAvail().y;
  // The replay's two timelines need more room than the live one.
  const float top_share = page.tab == RealTab::Replay ? 0.37f : 0.58f;
  ImGui::BeginChild("real-top", ImVec2(0, std::floor(total * top_share)), false);
  if (!page.message.empty()) {
    ImGui::TextColored(ImVec4(1.0f, 0.45f, 0.4f, 1.0f), "%s", page.message.c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton("x")) page.message.clear();
  }
  if (ImGui::BeginTabBar("real-tabs")) {
    const Str titles[] = {Str::RealTabChildren, Str::RealTabServers, Str::RealTabExperiments, Str::RealTabReplay};
    for (int i = 0; i < static_cast<int>(RealTab::Count); ++i) {
      const auto tab = static_cast<RealTab>(i);
      char label[96];
      std::snprintf(label, sizeof label, "%s###real-%s", tr(titles[i]), realTabKey(tab));
      const bool select = page.tab_requested && page.tab == tab;
      if (ImGui::BeginTabItem(label, nullptr, select ? ImGuiTabItemFlags_SetSelected : 0)) {
        if (!page.tab_requested) page.tab = tab;
        switch (tab) {
          case RealTab::Children: children_.draw(context); break;
          case RealTab::Servers: servers_.draw(context); break;
          case RealTab::Experiments: experiments_.draw(context); break;
          case RealTab::Replay: replay_.draw(context); break;
          case RealTab::Count: break;
        }
        ImGui::EndTabItem();
      }
    }
    page.tab_requested = false;
    ImGui::EndTabBar();
  }
  ImGui::EndChild();
  ImGui::Separator();
  if (page.tab == RealTab::Replay)
    drawReplayTimelines(context);
  else
    drawLiveTimeline(context);
}

void RealView::drawLiveTimeline(ViewContext& context) {
  const RealChildren& children = context.real.children;
  ImGui::TextUnformatted(tr(Str::RealTimelineTitle));
  ImGui::SameLine();
  drawRealLegend();
  std::vector<StateRow> rows;
  double first = -1;
  for (std::size_t i = 0; i < children.rows().size(); ++i) {
    const ChildRow& row = children.rows()[i];
    if (!row.watch || row.cleared || row.timeline.empty()) continue;
    rows.push_back({row.name + " " + std::to_string(row.pid), &row.timeline, 1.0, static_cast<sim::ProcessId>(i)});
    first = first < 0 ? static_cast<double>(row.timeline.front().start)
                      : std::min(first, static_cast<double>(row.timeline.front().start));
  }
  if (rows.empty()) {
    ImGui::TextDisabled("%s", tr(Str::RealTimelineEmpty));
    context.state.real.timeline_hover.clear();
    return;
  }
  // The last minute at most, ending now.
  const double now = static_cast<double>(context.real.nowMs());
  AxisSpec axis;
  axis.last = std::max(now, first + 2000.0);
  axis.first = std::max(first, axis.last - 60000.0);
  axis.label_divisor = 1000.0;
  axis.suffix = " s";
  context.state.real.timeline_hover = drawStateRows("real-live", rows, axis, 0);
}

void RealView::drawReplayTimelines(ViewContext& context) {
  const ReplayView* view = context.real.replay.view();
  if (view == nullptr) {
    ImGui::TextDisabled("%s", tr(Str::ReplayTimelineEmpty));
    return;
  }
  ImGui::TextUnformatted(tr(Str::ReplayTimelineTitle));
  ImGui::SameLine();
  drawRealLegend();
  const auto& processes = view->result.processes;
  std::vector<StateRow> rows;
  rows.push_back({tr(Str::ReplaySimulatedRows), nullptr, 1.0, 0});
  for (std::size_t i = 0; i < view->sim_rows.size() && i < processes.size(); ++i)
    rows.push_back({processes[i].name, &view->sim_rows[i], 1.0, static_cast<sim::ProcessId>(i)});
  rows.push_back({tr(Str::ReplayRealRows), nullptr, 1.0, 0});
  for (std::size_t i = 0; i < view->real_rows.size(); ++i)
    rows.push_back({processes[i].name, &view->real_rows[i], view->ticks_per_sample, static_cast<sim::ProcessId>(i)});
  AxisSpec axis;
  axis.last = std::max({view->sim_end, view->real_end, 1.0});
  context.state.real.timeline_hover = drawStateRows("replay-rows", rows, axis, 0);
}

}  // namespace gui
