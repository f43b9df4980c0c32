#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "views/all_views.hpp"
#include "views/palette.hpp"

namespace gui {
namespace {

std::size_t at(std::int32_t index) { return static_cast<std::size_t>(index); }

// Draws tokens left to right, wrapping, within `rows` lines; a note says
// how many did not fit. `caption(i)` gives an optional number under each.
template <typename Caption>
void drawTokenRow(ViewContext& context, const std::vector<sim::ProcessId>& processes, int rows, bool captions,
                  Caption caption) {
  const sim::Scenario& scenario = context.session.scenario();
  if (processes.empty()) {
    ImGui::TextDisabled("  %s", tr(Str::Empty));
    return;
  }
  const float radius = ImGui::GetFontSize() * 0.7f;
  const float cell = radius * 2.0f + 6.0f;
  const float cell_height = cell + (captions ? ImGui::GetFontSize() : 0.0f);
  const float width = ImGui::GetContentRegionAvail().x;
  const int per_row = std::max(1, static_cast<int>(width / cell));
  const int capacity = per_row * rows;
  const int shown = std::min<int>(static_cast<int>(processes.size()), capacity - (static_cast<int>(processes.size()) > capacity ? 1 : 0));
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const int used_rows = (shown + per_row - 1) / per_row;
  for (int i = 0; i < shown; ++i) {
    const sim::ProcessId id = processes[at(i)];
    const ImVec2 center(origin.x + static_cast<float>(i % per_row) * cell + cell * 0.5f,
                        origin.y + static_cast<float>(i / per_row) * cell_height + cell * 0.5f);
    char label[16];
    drawToken(draw, center, radius, id, shortLabel(scenario.processes[at(id)].name.c_str(), id, label, sizeof label),
              context.state.selected == id);
    char under[32] = "";
    caption(i, under, sizeof under);
    if (under[0] != '\0') {
      const ImVec2 size = ImGui::CalcTextSize(under);
        draw->AddText(ImVec2(center.x - size.x * 0.5f, center.y + radius), ImGui::GetColorU32(ImGuiCol_Text), under);
    }
    ImGui::SetCursorScreenPos(ImVec2(center.x - radius, center.y - radius));
    ImGui::PushID(i);
    if (ImGui::InvisibleButton("token", ImVec2(radius * 2, radius * 2))) context.state.selected = id;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", scenario.processes[at(id)].name.c_str());
    ImGui::PopID();
  }
  ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + static_cast<float>(used_rows) * cell_height));
  if (static_cast<int>(processes.size()) > shown) {
    char more[96];
    ImGui::TextDisabled("%s", trf(more, sizeof more, Str::AndMoreFormat, static_cast<int>(processes.size()) - shown));
  }
}


// A fact's name in the current language; an unknown one as the policy named it.
const char* factLabel(const std::string& name) {
  static const std::pair<const char*, Str> kFacts[] = {
      {"ticks left", Str::FactTicksLeft}, {"allotment left", Str::FactAllotmentLeft},
      {"tickets", Str::FactTickets},      {"chance %", Str::FactChance},
      {"pass", Str::FactPass},            {"stride", Str::FactStride},
      {"vruntime", Str::FactVruntime},    {"nice", Str::FactNice},
      {"weight", Str::FactWeight},        {"lag", Str::FactLag},
      {"deadline", Str::FactDeadline},
  };
  for (const auto& [english, id] : kFacts) {
    if (name == english) return tr(id);
  }
  return name.c_str();
}

// One queue as a small table: a row per process in dispatch order, a
// column per fact. At most `max_rows` rows; a note counts the rest.
void drawFactTable(ViewContext& context, const sim::QueueView& view, int max_rows) {
  const sim::Scenario& scenario = context.session.scenario();
  if (view.entries.empty()) {
    ImGui::TextDisabled("  %s", tr(Str::Empty));
    return;
  }
  const auto& columns = view.entries.front().facts;
  const int column_count = 1 + static_cast<int>(columns.size());
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingFixedFit |
                                ImGuiTableFlags_NoHostExtendX;
  if (!ImGui::BeginTable("facts", column_count, flags)) return;
  ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
  ImGui::TableNextColumn();
  ImGui::TableHeader(tr(Str::ColumnProcess));
  for (const auto& fact : columns) {
    ImGui::TableNextColumn();
    ImGui::TableHeader(factLabel(fact.first));
    const bool virtual_time = fact.first == "vruntime" || fact.first == "lag" || fact.first == "deadline";
    if (virtual_time && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Str::FactsTooltip));
  }
  const int shown = std::min<int>(static_cast<int>(view.entries.size()), max_rows);
  const float swatch = ImGui::GetFontSize() * 0.6f;
  for (int i = 0; i < shown; ++i) {
    const sim::QueueEntry& entry = view.entries[at(i)];
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float y = p.y + (ImGui::GetTextLineHeight() - swatch) * 0.5f;
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, y), ImVec2(p.x + swatch, y + swatch), processColor(entry.process), 2.0f);
    ImGui::SetCursorScreenPos(ImVec2(p.x + swatch + 4.0f, p.y));
    ImGui::PushID(i);
    const bool selected = context.state.selected == entry.process;
    if (ImGui::Selectable(scenario.processes[at(entry.process)].name.c_str(), selected, ImGuiSelectableFlags_SpanAllColumns))
      context.state.selected = selected ? sim::kNoProcess : entry.process;
    ImGui::PopID();
    for (const auto& fact : entry.facts) {
      ImGui::TableNextColumn();
      ImGui::Text("%lld", static_cast<long long>(fact.second));
    }
  }
  ImGui::EndTable();
  if (static_cast<int>(view.entries.size()) > shown) {
    char more[96];
    ImGui::TextDisabled("%s", trf(more, sizeof more, Str::AndMoreFormat, static_cast<int>(view.entries.size()) - shown));
  }
}

// The policy's own picture of its queue(s), one per core with per-core
// queues: MLFQ's levels as stacked rows of tokens with the ticks left
// under each; a policy's single queue with facts (tickets, passes,
// vruntimes, deadlines) as a table.
void drawPolicyQueues(ViewContext& context) {
  const sim::Engine& engine = context.session.cursor();
  const bool chinese = language() == Language::Chinese;
  const std::size_t queue_count = engine.runQueueCount();
  constexpr std::size_t kMaxQueuesShown = 8;
  const int table_rows = queue_count > 1 ? 4 : 8;
  for (std::size_t q = 0; q < std::min(queue_count, kMaxQueuesShown); ++q) {
    const std::vector<sim::QueueView> views = engine.runQueue(q).queues(engine.state());
    for (const sim::QueueView& view : views) {
      std::string label = tr(Str::ReadyQueue);
      if (queue_count > 1) {
        char core[64];
        label = trf(core, sizeof core, Str::CoreQueueFormat, static_cast<int>(q));
      }
      const std::string& detail = chinese ? view.label_zh : view.label;
      if (!detail.empty()) label += " · " + detail;
      std::vector<sim::ProcessId> processes;
      bool captions = false;
      for (const sim::QueueEntry& entry : view.entries) {
        processes.push_back(entry.process);
        captions = captions || !entry.facts.empty();
      }
      ImGui::TextWrapped("%s", label.c_str());
      ImGui::PushID(static_cast<int>(q * 64 + static_cast<std::size_t>(&view - views.data())));
      if (captions && views.size() == 1) {
        drawFactTable(context, view, table_rows);
        ImGui::PopID();
        continue;
      }
      if (captions && ImGui::IsItemHovered() && !view.entries.empty()) {
        std::string names;
        for (const auto& fact : view.entries.front().facts) names.append(names.empty() ? "" : ", ").append(factLabel(fact.first));
        ImGui::SetTooltip("%s", names.c_str());
      }
      drawTokenRow(context, processes, 1, captions, [&](int i, char* buffer, std::size_t size) {
        const auto& facts = view.entries[at(i)].facts;
        if (facts.empty()) {
          buffer[0] = '\0';
        } else {
          std::snprintf(buffer, size, "%lld", static_cast<long long>(facts.front().second));
        }
      });
      ImGui::PopID();
    }
  }
  if (queue_count > kMaxQueuesShown) {
    char more[96];
    ImGui::TextDisabled("%s", trf(more, sizeof more, Str::AndMoreFormat, static_cast<int>(queue_count - kMaxQueuesShown)));
  }
}

// Each device whose IO contends: servers in use and the processes waiting.
void drawDevices(ViewContext& context) {
  const sim::Scenario& scenario = context.session.scenario();
  const sim::EngineState& state = context.session.cursor().state();
  for (std::size_t d = 0; d < scenario.devices.size() && d < state.device_queues.size(); ++d) {
    const auto options = scenario.device_options.find(scenario.devices[d]);
    if (options == scenario.device_options.end()) continue;
    char label[160];
    ImGui::TextUnformatted(trf(label, sizeof label, Str::DeviceQueueFormat, scenario.devices[d].c_str(),
                               static_cast<int>(state.device_busy[d]), static_cast<int>(options->second.servers)));
    std::vector<sim::ProcessId> waiting;
    for (const sim::IoRequest& request : state.device_queues[d]) waiting.push_back(request.process);
    ImGui::PushID(static_cast<int>(d));
    drawTokenRow(context, waiting, 1, false, [](int, char* buffer, std::size_t) { buffer[0] = '\0'; });
    ImGui::PopID();
  }
}

// The cache model: the working sets each core's cache holds in this tick.
void drawCaches(ViewContext& context) {
  const sim::EngineState& state = context.session.cursor().state();
  if (!state.cache.on()) return;
  constexpr int kMaxCachesShown = 8;
  const int cores = static_cast<int>(state.cores.size());
  for (int c = 0; c < std::min(cores, kMaxCachesShown); ++c) {
    char label[96];
    ImGui::TextUnformatted(trf(label, sizeof label, Str::CacheWarmFormat, c));
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Str::CacheWarmHelp));
    ImGui::PushID(1000 + c);
    drawTokenRow(context, state.warmOn(c), 1, false, [](int, char* buffer, std::size_t) { buffer[0] = '\0'; });
    ImGui::PopID();
  }
  if (cores > kMaxCachesShown) {
    char more[96];
    ImGui::TextDisabled("%s", trf(more, sizeof more, Str::AndMoreFormat, cores - kMaxCachesShown));
  }
}

}  // namespace

void QueuesView::draw(ViewContext& context) {
  const Session& session = context.session;
  if (!session.hasScenario()) return;
  const sim::EngineState& state = session.cursor().state();
  const sim::Tick now = session.tick();
  drawPolicyQueues(context);
  drawDevices(context);
  drawCaches(context);

  std::vector<sim::ProcessId> blocked;
  std::vector<long long> io_left;
  for (std::size_t i = 0; i < state.processes.size() && blocked.size() < 4096; ++i) {
    const sim::ProcessRuntime& p = state.processes[i];
    if (p.state != sim::State::Blocked) continue;
    blocked.push_back(static_cast<sim::ProcessId>(i));
    const sim::Burst& burst = session.scenario().processes[i].bursts[p.burst];
    io_left.push_back(std::max<long long>(0, static_cast<long long>(p.since + burst.length - now)));
  }
  ImGui::TextUnformatted(tr(Str::BlockedList));
  drawTokenRow(context, blocked, 1, true, [&](int i, char* buffer, std::size_t size) {
    std::snprintf(buffer, size, "%lld", io_left[at(i)]);
  });
}

}  // namespace gui
