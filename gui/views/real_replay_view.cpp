#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "views/real_views.hpp"

namespace gui {
namespace {

}  // namespace

void RealReplayView::draw(ViewContext& context) {
  RealPanel& real = context.real;
  RealPageState& page = context.state.real;
  Session& session = context.session;
  const float scale = ImGui::GetFontSize() / 15.0f;
  char text[256];

  ImGui::TextUnformatted(tr(Str::ReplayTickLength));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(110.0f * scale);
  ImGui::InputFloat("##tick", &page.tick_ms, 1.0f, 5.0f, "%.0f ms");
  page.tick_ms = std::clamp(page.tick_ms, 1.0f, 1000.0f);
  ImGui::SameLine();
  const ReplayStatus status = real.replay.status();
  ImGui::BeginDisabled(status == ReplayStatus::Running || !session.hasScenario());
  if (ImGui::Button(tr(Str::ReplayRun))) {
    std::string error;
    if (!real.replay.start(session.scenario(), session.timeline(), page.tick_ms, error)) page.message = error;
  }
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (status == ReplayStatus::Running) {
    if (ImGui::Button(tr(Str::ReplayCancel))) real.replay.cancel();
    ImGui::SameLine();
    ImGui::ProgressBar(static_cast<float>(real.replay.progress()), ImVec2(200.0f * scale, 0));
  } else if (status == ReplayStatus::Failed) {
    ImGui::TextColored(ImVec4(1.0f, 0.45f, 0.4f, 1.0f), "%s", real.replay.error().c_str());
  } else if (status == ReplayStatus::Cancelled) {
    ImGui::TextDisabled("%s", tr(Str::ReplayCancelled));
  } else {
    ImGui::TextDisabled("%s", tr(Str::ReplayHint));
  }
  if (const auto plan = real.replay.plan()) {
    ImGui::TextUnformatted(trf(text, sizeof text, Str::ReplayPlanFormat, plan->processes, plan->cpus, plan->estimated_seconds));
    if (plan->capped) {
      ImGui::SameLine();
      ImGui::TextColored(ImVec4(1.0f, 0.75f, 0.35f, 1.0f), "%s",
                         trf(text, sizeof text, Str::ReplayCappedFormat, plan->cores_requested, plan->cpus));
    }
  }

  const ReplayView* view = real.replay.view();
  if (view == nullptr) return;
  const real::ReplayResult& result = view->result;
  // The table on the left, what it means on the right.
  const float table_width = std::floor(ImGui::GetContentRegionAvail().x * 0.62f);
  ImGui::BeginChild("replay-table", ImVec2(table_width, 0), false);

  constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollY |
                                     ImGuiTableFlags_SizingStretchProp;
  if (ImGui::BeginTable("comparison", 10, kFlags)) {
    ImGui::TableSetupScrollFreeze(1, 1);
    for (const Str header : {Str::ColumnName, Str::ColumnBursts, Str::ColumnSimTurnaround, Str::ColumnRealTurnaround,
                             Str::ColumnSimWaiting, Str::ColumnRealWaiting, Str::ColumnSimResponse, Str::ColumnRealResponse,
                             Str::ColumnRealCpu, Str::ColumnSlices})
      ImGui::TableSetupColumn(tr(header));
    ImGui::TableHeadersRow();
    for (const real::ReplayComparison& p : result.processes) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(p.name.c_str());
      ImGui::TableNextColumn();
      ImGui::Text("%lld", static_cast<long long>(p.burst_total));
      ImGui::TableNextColumn();
      ImGui::Text("%lld", static_cast<long long>(p.sim_turnaround));
      ImGui::TableNextColumn();
      ImGui::Text("%.1f", p.real_turnaround);
      ImGui::TableNextColumn();
      ImGui::Text("%lld", static_cast<long long>(p.sim_waiting));
      ImGui::TableNextColumn();
      ImGui::Text("%.1f", p.real_waiting);
      ImGui::TableNextColumn();
      ImGui::Text("%lld", static_cast<long long>(p.sim_response));
      ImGui::TableNextColumn();
      ImGui::Text("%.1f", p.real_response);
      ImGui::TableNextColumn();
      ImGui::Text("%lld / %.1f", static_cast<long long>(p.sim_cpu), p.real_cpu);
      ImGui::TableNextColumn();
      ImGui::Text("%lld", p.timeslices);
    }
    ImGui::EndTable();
  }
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("replay-explain", ImVec2(0, 0), false);
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextDisabled("%s", trf(text, sizeof text, Str::ReplayAboutFormat, result.scenario_name.c_str(),
                                result.policy.c_str(), result.tick_ms, result.wall_seconds));
  const std::string explanation =
      real::explainScheduling(result.policy_spec, result.tick_ms, language() == Language::Chinese);
  ImGui::TextUnformatted(explanation.c_str());
  ImGui::TextDisabled("%s", tr(Str::ReplayRealRowsNote));
  for (const std::string& note : result.notes) ImGui::TextColored(ImVec4(1.0f, 0.75f, 0.35f, 1.0f), "%s", note.c_str());
  ImGui::PopTextWrapPos();
  ImGui::EndChild();
}

}  // namespace gui
