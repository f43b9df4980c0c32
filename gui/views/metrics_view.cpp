#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "views/all_views.hpp"

namespace gui {
namespace {

constexpr int kSamples = 400;


// A line plot with a vertical mark at the cursor's tick.
void plotWithCursor(const char* id, const char* title, const std::vector<float>& values, float max_value,
                    double cursor_fraction, float height) {
  ImGui::TextUnformatted(title);
  ImGui::PlotLines(id, values.data(), static_cast<int>(values.size()), 0, nullptr, 0.0f, max_value,
                   ImVec2(ImGui::GetContentRegionAvail().x, height));
  if (cursor_fraction < 0.0 || cursor_fraction > 1.0) return;
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  const float x = min.x + static_cast<float>(cursor_fraction) * (max.x - min.x);
  ImGui::GetWindowDrawList()->AddLine(ImVec2(x, min.y), ImVec2(x, max.y), IM_COL32(255, 220, 90, 230), 2.0f);
}

}  // namespace

void MetricsView::draw(ViewContext& context) {
  const Session& session = context.session;
  if (!session.hasScenario()) return;
  const sim::RunMetrics& m = session.metrics();
  ImGui::TextDisabled("%s", tr(Str::SoFar));
  if (ImGui::BeginTable("metrics", 4, ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(tr(Str::AvgWaiting));
    ImGui::TableNextColumn();
    ImGui::Text("%.2f", m.avg_waiting);
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(tr(Str::Utilization));
    ImGui::TableNextColumn();
    ImGui::Text("%.1f %%", m.cpu_utilization * 100.0);
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(tr(Str::AvgTurnaround));
    ImGui::TableNextColumn();
    ImGui::Text("%.2f", m.avg_turnaround);
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(tr(Str::Throughput));
    ImGui::TableNextColumn();
    ImGui::Text("%.3f", m.throughput);
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(tr(Str::AvgResponse));
    ImGui::TableNextColumn();
    ImGui::Text("%.2f", m.avg_response);
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(tr(Str::ContextSwitches));
    ImGui::TableNextColumn();
    ImGui::Text("%lld", static_cast<long long>(m.context_switches));
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(tr(Str::Completed));
    ImGui::TableNextColumn();
    ImGui::Text("%lld / %zu", static_cast<long long>(session.cursor().state().terminated),
                session.scenario().processes.size());
    ImGui::EndTable();
  }

  const TimelineModel& model = session.timeline();
  if (sampled_generation_ != session.generation() || ready_.empty()) {
    // The maximum over each sample's span, so short peaks stay visible.
    ready_.assign(kSamples, 0.0f);
    busy_.assign(kSamples, 0.0f);
    const double end = std::max<double>(1.0, static_cast<double>(model.end));
    for (int i = 0; i < kSamples; ++i) {
      const auto from = static_cast<sim::Tick>(end * i / kSamples);
      const auto to = std::max(from + 1, static_cast<sim::Tick>(end * (i + 1) / kSamples));
      LoadStep step = loadAt(model.load, from);
      float ready = static_cast<float>(step.ready), busy = static_cast<float>(step.running);
      auto it = std::upper_bound(model.load.begin(), model.load.end(), from,
                                 [](sim::Tick t, const LoadStep& s) { return t < s.tick; });
      for (int guard = 0; it != model.load.end() && it->tick < to && guard < 64; ++it, ++guard) {
        ready = std::max(ready, static_cast<float>(it->ready));
        busy = std::max(busy, static_cast<float>(it->running));
      }
      ready_[static_cast<std::size_t>(i)] = ready;
      busy_[static_cast<std::size_t>(i)] = busy;
    }
    sampled_generation_ = session.generation();
  }
  const float max_ready = std::max(1.0f, *std::max_element(ready_.begin(), ready_.end()));
  const double cursor = session.tick() < 0 ? -1.0
                                           : (static_cast<double>(session.tick()) + 0.5) /
                                                 std::max<double>(1.0, static_cast<double>(model.end));
  const float height = std::max(40.0f, (ImGui::GetContentRegionAvail().y - ImGui::GetFontSize() * 2.0f - 16.0f) * 0.5f);
  char title[96];
  std::snprintf(title, sizeof title, "%s (max %.0f)", tr(Str::ReadyLengthPlot), static_cast<double>(max_ready));
  plotWithCursor("##ready", title, ready_, max_ready, cursor, height);
  std::snprintf(title, sizeof title, "%s (%d)", tr(Str::BusyCoresPlot), session.scenario().cores);
  plotWithCursor("##busy", title, busy_, static_cast<float>(session.scenario().cores), cursor, height);
}

}  // namespace gui
