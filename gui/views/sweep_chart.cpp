#include "views/sweep_chart.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <span>
#include <string>
#include <vector>

#include "views/axis.hpp"
#include "views/layout.hpp"
#include "views/view_state.hpp"

namespace gui {
namespace {

struct Series {
  Str label;
  ImU32 color;
  double (*value)(const sim::RunMetrics&);
};

// The colors of procsim sweep --svg for the three averages.
const Series kTimes[] = {
    {Str::AvgWaiting, IM_COL32(224, 123, 57, 255), [](const sim::RunMetrics& m) { return m.avg_waiting; }},
    {Str::AvgTurnaround, IM_COL32(80, 145, 235, 255), [](const sim::RunMetrics& m) { return m.avg_turnaround; }},
    {Str::AvgResponse, IM_COL32(90, 190, 95, 255), [](const sim::RunMetrics& m) { return m.avg_response; }},
};
const Series kUtilization[] = {
    {Str::Utilization, IM_COL32(225, 190, 70, 255), [](const sim::RunMetrics& m) { return m.cpu_utilization * 100.0; }},
};
const Series kSwitches[] = {
    {Str::ContextSwitches, IM_COL32(185, 130, 225, 255),
     [](const sim::RunMetrics& m) { return static_cast<double>(m.context_switches); }},
};

std::span<const Series> seriesOf(int chart) {
  if (chart == 1) return kUtilization;
  if (chart == 2) return kSwitches;
  return kTimes;
}

const char* unitOf(int chart) {
  if (chart == 1) return "%";
  if (chart == 2) return tr(Str::SweepCountAxis);
  return tr(Str::SweepTicksAxis);
}

const char* keyLabel(const SweepKey& key) {
  if (key.param == nullptr) return tr(key.name == "cores" ? Str::CoreCount : Str::ContextSwitch);
  const bool chinese = language() == Language::Chinese;
  return chinese && !key.param->label_zh.empty() ? key.param->label_zh.c_str() : key.name.c_str();
}

const char* keyDescription(const SweepKey& key) {
  if (key.param == nullptr) return key.name == "cores" ? nullptr : tr(Str::TooltipContextSwitch);
  return (language() == Language::Chinese ? key.param->description_zh : key.param->description).c_str();
}

// The setting, its range and the Sweep button, or the progress while it runs.
void drawControls(SweepState& sweep, const std::vector<SweepKey>& keys, const sim::Scenario& scenario) {
  const float scale = ImGui::GetFontSize() / 15.0f;
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const auto current = std::find_if(keys.begin(), keys.end(), [&](const SweepKey& k) { return k.name == sweep.key; });
  const bool running = sweep.job->running();
  ImGui::BeginDisabled(running);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr(Str::SweepVary));
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Str::SweepHint));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(115.0f * scale);
  if (ImGui::BeginCombo("##sweep_key", current == keys.end() ? "" : keyLabel(*current))) {
    for (const SweepKey& key : keys) {
      if (ImGui::Selectable(keyLabel(key), key.name == sweep.key)) chooseSweepKey(sweep, key);
      const char* description = keyDescription(key);
      if (description != nullptr && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", description);
    }
    ImGui::EndCombo();
  }
  const struct {
    Str label;
    long long* value;
    const char* id;
  } fields[] = {{Str::SweepFrom, &sweep.from, "##from"}, {Str::SweepTo, &sweep.to, "##to"}, {Str::SweepStep, &sweep.step, "##step"}};
  const float field = 52.0f * scale;
  for (const auto& f : fields) {
    sameLineIfFits(ImGui::CalcTextSize(tr(f.label)).x + field + spacing * 2.0f);
    ImGui::TextUnformatted(tr(f.label));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(field);
    ImGui::InputScalar(f.id, ImGuiDataType_S64, f.value, nullptr, nullptr, "%lld");
  }
  ImGui::EndDisabled();
  if (running) {
    char text[96];
    trf(text, sizeof text, Str::SweepProgressFormat, static_cast<int>(sweep.job->done()), static_cast<int>(sweep.job->total()));
    const float fraction = sweep.job->total() == 0 ? 0.0f : static_cast<float>(sweep.job->done()) / static_cast<float>(sweep.job->total());
    sameLineIfFits(180.0f * scale);
    ImGui::ProgressBar(fraction, ImVec2(180.0f * scale, 0), text);
    sameLineIfFits(ImGui::CalcTextSize(tr(Str::SweepCancel)).x + 20.0f);
    if (ImGui::Button(tr(Str::SweepCancel))) sweep.job->cancel();
  } else {
    sameLineIfFits(ImGui::CalcTextSize(tr(Str::SweepRun)).x + 20.0f);
    if (ImGui::Button(tr(Str::SweepRun))) startSweep(sweep, scenario);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Str::SweepHint));
  }
  if (!sweep.error.empty()) ImGui::TextColored(ImVec4(1.0f, 0.45f, 0.4f, 1.0f), "%s", sweep.error.c_str());
  if (!sweep.job->error().empty()) ImGui::TextColored(ImVec4(1.0f, 0.45f, 0.4f, 1.0f), "%s", sweep.job->error().c_str());
  if (sweep.job->cancelled() && !running) {
    char text[96];
    ImGui::TextDisabled("%s", trf(text, sizeof text, Str::SweepCancelledFormat, static_cast<int>(sweep.job->points().size()),
                                  static_cast<int>(sweep.job->total())));
  }
}

// The unit at the top left, then a short line and the name of each series.
void drawLegend(ImDrawList* draw, ImVec2 at, const char* unit, std::span<const Series> series) {
  const float font = ImGui::GetFontSize();
  draw->AddText(at, ImGui::GetColorU32(ImGuiCol_Text), unit);
  float x = at.x + ImGui::CalcTextSize(unit).x + font * 2.0f;
  for (const Series& s : series) {
    const float y = at.y + font * 0.55f;
    draw->AddLine(ImVec2(x, y), ImVec2(x + font * 1.2f, y), s.color, 2.5f);
    draw->AddCircleFilled(ImVec2(x + font * 0.6f, y), 3.0f, s.color);
    x += font * 1.6f;
    draw->AddText(ImVec2(x, at.y), ImGui::GetColorU32(ImGuiCol_Text), tr(s.label));
    x += ImGui::CalcTextSize(tr(s.label)).x + font * 1.2f;
  }
}

std::string numberText(double value) {
  char text[32];
  std::snprintf(text, sizeof text, std::abs(value - std::round(value)) < 1e-9 ? "%.0f" : "%.2f", value);
  return text;
}

// Axes with gridlines and labels, one line (and dots) per series, and on
// hover a guide at the nearest value with every series' number there.
void drawChart(const std::vector<sim::SweepPoint>& points, std::span<const Series> series, const char* x_label,
               const char* unit) {
  const float scale = ImGui::GetFontSize() / 15.0f;
  const float font = ImGui::GetFontSize();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float width = std::max(ImGui::GetContentRegionAvail().x, 200.0f);
  const float height = std::clamp(ImGui::GetContentRegionAvail().y - 4.0f, 150.0f * scale, 360.0f * scale);
  ImGui::InvisibleButton("chart", ImVec2(width, height));
  const bool hovered = ImGui::IsItemHovered();
  ImDrawList* draw = ImGui::GetWindowDrawList();

  double top = 0;
  for (const sim::SweepPoint& p : points)
    for (const Series& s : series) top = std::max(top, s.value(p.metrics));
  const double y_step = niceStep(std::max(top, 1.0) / 5.0);
  top = std::max(y_step, std::ceil(top / y_step) * y_step);
  const double x0 = static_cast<double>(points.front().value);
  const double x1 = std::max(static_cast<double>(points.back().value), x0 + 1.0);

  const ImVec2 p0(origin.x + 56.0f * scale, origin.y + font * 1.6f);
  const ImVec2 p1(origin.x + width - 16.0f * scale, origin.y + height - font * 2.6f);
  auto xOf = [&](double v) { return p0.x + static_cast<float>((v - x0) / (x1 - x0)) * (p1.x - p0.x); };
  auto yOf = [&](double v) { return p1.y - static_cast<float>(v / top) * (p1.y - p0.y); };
  const ImU32 grid = IM_COL32(255, 255, 255, 28), ink = ImGui::GetColorU32(ImGuiCol_Text),
              faint = ImGui::GetColorU32(ImGuiCol_TextDisabled);

  draw->AddRectFilled(p0, p1, IM_COL32(0, 0, 0, 40));
  for (double v = 0; v <= top + y_step * 0.5; v += y_step) {
    const float y = yOf(v);
    draw->AddLine(ImVec2(p0.x, y), ImVec2(p1.x, y), grid);
    const std::string text = numberText(v);
    const ImVec2 size = ImGui::CalcTextSize(text.c_str());
    draw->AddText(ImVec2(p0.x - size.x - 6.0f, y - size.y * 0.5f), faint, text.c_str());
  }
  const double x_step = std::max(1.0, niceStep((x1 - x0) * 60.0 * scale / static_cast<double>(p1.x - p0.x)));
  for (double v = std::ceil(x0 / x_step) * x_step; v <= x1 + 1e-9; v += x_step) {
    const float x = xOf(v);
    draw->AddLine(ImVec2(x, p1.y), ImVec2(x, p1.y + 4.0f), faint);
    const std::string text = numberText(v);
    const ImVec2 size = ImGui::CalcTextSize(text.c_str());
    draw->AddText(ImVec2(x - size.x * 0.5f, p1.y + 5.0f), faint, text.c_str());
  }
  draw->AddLine(ImVec2(p0.x, p1.y), ImVec2(p1.x, p1.y), faint);
  draw->AddLine(ImVec2(p0.x, p0.y), ImVec2(p0.x, p1.y), faint);
  const ImVec2 x_size = ImGui::CalcTextSize(x_label);
  draw->AddText(ImVec2((p0.x + p1.x - x_size.x) * 0.5f, p1.y + 5.0f + font * 1.2f), ink, x_label);
  drawLegend(draw, origin, unit, series);

  const bool dots = points.size() <= 60;
  std::vector<ImVec2> line(points.size());
  for (const Series& s : series) {
    for (std::size_t i = 0; i < points.size(); ++i)
      line[i] = ImVec2(xOf(static_cast<double>(points[i].value)), yOf(s.value(points[i].metrics)));
    draw->AddPolyline(line.data(), static_cast<int>(line.size()), s.color, 0, 2.0f);
    if (dots)
      for (const ImVec2& p : line) draw->AddCircleFilled(p, 3.0f, s.color);
  }

  if (!hovered) return;
  const double at = x0 + static_cast<double>((ImGui::GetIO().MousePos.x - p0.x) / (p1.x - p0.x)) * (x1 - x0);
  const auto nearest = std::min_element(points.begin(), points.end(), [&](const sim::SweepPoint& a, const sim::SweepPoint& b) {
    return std::abs(static_cast<double>(a.value) - at) < std::abs(static_cast<double>(b.value) - at);
  });
  const float x = xOf(static_cast<double>(nearest->value));
  draw->AddLine(ImVec2(x, p0.y), ImVec2(x, p1.y), IM_COL32(255, 220, 90, 160), 1.0f);
  ImGui::BeginTooltip();
  char title[128];
  ImGui::TextUnformatted(trf(title, sizeof title, Str::SweepValueFormat, x_label, static_cast<long long>(nearest->value)));
  for (const Series& s : series) {
    const double value = s.value(nearest->metrics);
    draw->AddCircle(ImVec2(x, yOf(value)), 5.0f, IM_COL32(255, 255, 255, 220), 0, 1.5f);
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(s.color), "%s: %s", tr(s.label), numberText(value).c_str());
  }
  ImGui::EndTooltip();
}

}  // namespace

void drawSweepSection(ViewContext& context) {
  Session& session = context.session;
  SweepState& sweep = context.state.sweep;
  syncSweep(sweep, session.scenario(), session.generation());
  sweep.job->poll();
  const std::vector<SweepKey> keys = sweepKeys(session.scenario());
  drawControls(sweep, keys, session.scenario());
  const std::vector<sim::SweepPoint>& points = sweep.job->points();
  if (sweep.job->running()) return;
  if (points.empty()) {
    ImGui::TextDisabled("%s", tr(Str::SweepEmpty));
    return;
  }
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr(Str::SweepShow));
  const Str charts[] = {Str::SweepTimes, Str::Utilization, Str::ContextSwitches};
  for (int i = 0; i < 3; ++i) {
    ImGui::SameLine();
    ImGui::RadioButton(tr(charts[i]), &sweep.chart, i);
  }
  const std::span<const Series> series = seriesOf(sweep.chart);
  const auto key = std::find_if(keys.begin(), keys.end(), [&](const SweepKey& k) { return k.name == sweep.job->range().key; });
  drawChart(points, series, key == keys.end() ? sweep.job->range().key.c_str() : keyLabel(*key), unitOf(sweep.chart));
}

}  // namespace gui
