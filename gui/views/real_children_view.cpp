#include <imgui.h>
#include <signal.h>

#include <chrono>
#include <cstdio>

#include "views/palette.hpp"
#include "views/real_views.hpp"

namespace gui {
namespace {

const char* observedName(real::ObservedState state) {
  switch (state) {
    case real::ObservedState::Running: return tr(sim::State::Running);
    case real::ObservedState::Ready: return tr(sim::State::Ready);
    case real::ObservedState::Blocked: return tr(sim::State::Blocked);
    case real::ObservedState::Stopped: return tr(Str::StateStopped);
    case real::ObservedState::Zombie: return tr(Str::StateZombie);
    case real::ObservedState::Gone: return tr(Str::RealReaped);
  }
  return "";
}

ImVec4 observedColor(real::ObservedState state) {
  switch (state) {
    case real::ObservedState::Running: return ImVec4(0.35f, 0.75f, 0.4f, 1);
    case real::ObservedState::Ready: return ImVec4(0.85f, 0.68f, 0.25f, 1);
    case real::ObservedState::Blocked: return ImVec4(0.85f, 0.4f, 0.35f, 1);
    case real::ObservedState::Stopped: return ImVec4(0.6f, 0.6f, 0.95f, 1);
    case real::ObservedState::Zombie: return ImVec4(0.95f, 0.3f, 0.3f, 1);
    case real::ObservedState::Gone: break;
  }
  return ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled);
}

double ms(std::chrono::nanoseconds time) { return static_cast<double>(time.count()) / 1e6; }

void tooltip(Str text) {
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", tr(text));
}

// The model's notes ("joined", "join timed out", "sent SIGTERM") in the current language.
std::string noteText(const std::string& note) {
  if (note == "joined") return tr(Str::NoteJoined);
  if (note == "join timed out") return tr(Str::NoteJoinTimedOut);
  if (note.rfind("sent ", 0) == 0) return std::string(tr(Str::NoteSent)) + " " + note.substr(5);
  return note;
}

}  // namespace

void RealChildrenView::draw(ViewContext& context) {
  RealPanel& real = context.real;
  RealPageState& page = context.state.real;
  const float scale = ImGui::GetFontSize() / 15.0f;

  // [Launch] the three ways.
  const Str kinds[] = {Str::KindSleep, Str::KindBurn, Str::KindAlternate, Str::KindSubclass, Str::KindCommand};
  ImGui::TextUnformatted(tr(Str::RealStartChild));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(190.0f * scale);
  if (ImGui::BeginCombo("##kind", tr(kinds[kind_]))) {
    for (int i = 0; i < 5; ++i)
      if (ImGui::Selectable(tr(kinds[i]), kind_ == i)) kind_ = i;
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  if (static_cast<ChildKind>(kind_) == ChildKind::Command) {
    ImGui::SetNextItemWidth(220.0f * scale);
    ImGui::InputText("##command", command_, sizeof command_);
  } else {
    ImGui::SetNextItemWidth(110.0f * scale);
    ImGui::InputFloat("##seconds", &seconds_, 1.0f, 5.0f, tr(Str::SecondsFormat));
  }
  ImGui::SameLine();
  ImGui::TextUnformatted(tr(Str::RealName));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(110.0f * scale);
  ImGui::InputTextWithHint("##name", "Process-N", name_, sizeof name_);
  ImGui::SameLine();
  ImGui::Checkbox(tr(Str::RealDaemon), &daemon_);
  ImGui::SameLine();
  if (ImGui::Button(tr(Str::RealStart))) {
    ChildRecipe recipe;
    recipe.kind = static_cast<ChildKind>(kind_);
    recipe.seconds = seconds_;
    recipe.command_line = command_;
    recipe.name = name_;
    recipe.daemon = daemon_;
    std::string error;
    if (real.children.spawn(recipe, error) < 0) page.message = error;
    else page.message.clear();
    real.poll(true);
  }
  const Str ways[] = {Str::WayTarget, Str::WayTarget, Str::WayTarget, Str::WaySubclass, Str::WayCommand};
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("%s", tr(ways[kind_]));
  ImGui::PopStyleColor();

  // [Actions] for every row.
  ImGui::TextUnformatted(tr(Str::RealJoinTimeout));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(100.0f * scale);
  ImGui::InputInt("##join-timeout", &join_timeout_ms_, 100, 1000);
  if (join_timeout_ms_ < 0) join_timeout_ms_ = 0;
  ImGui::SameLine();
  if (ImGui::Button(tr(Str::RealClearEnded))) real.children.clearEnded();
  ImGui::SameLine();
  ImGui::TextDisabled("%s", tr(Str::RealTableHint));

  // [Table] one row per child, greyed once joined.
  constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollY |
                                     ImGuiTableFlags_ScrollX | ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_Resizable;
  int drawn = 0;
  ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(3.0f * scale, ImGui::GetStyle().CellPadding.y));
  if (ImGui::BeginTable("children", 15, kFlags)) {
    ImGui::TableSetupScrollFreeze(1, 1);
    const Str headers[] = {Str::ColumnName,   Str::ColumnPid,     Str::ColumnPpid,   Str::ColumnKernelState,
                           Str::ColumnModel,  Str::ColumnAlive,   Str::ColumnExit,   Str::ColumnDaemon,
                           Str::ColumnCpu,    Str::ColumnRss,     Str::ColumnRun,    Str::ColumnWait,
                           Str::ColumnSlices, Str::ColumnWatch,   Str::ColumnActions};
    const float widths[] = {80, 48, 48, 92, 142, 36, 92, 44, 60, 62, 55, 78, 45, 30, 0};
    for (std::size_t c = 0; c < std::size(headers); ++c)
      ImGui::TableSetupColumn(tr(headers[c]), widths[c] > 0 ? ImGuiTableColumnFlags_WidthFixed : 0, widths[c] * scale);
    ImGui::TableHeadersRow();
    auto& rows = real.children.rows();
    for (std::size_t i = 0; i < rows.size(); ++i) {
      ChildRow& row = rows[i];
      if (row.cleared) continue;
      ++drawn;
      ImGui::PushID(static_cast<int>(i));
      ImGui::TableNextRow();
      const bool ended = row.joined;
      if (ended) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
      const auto& info = row.info ? row.info : row.previous;
      ImGui::TableNextColumn();
      ImDrawList* draw = ImGui::GetWindowDrawList();
      const ImVec2 p = ImGui::GetCursorScreenPos();
      draw->AddRectFilled(ImVec2(p.x, p.y + 2), ImVec2(p.x + 4, p.y + ImGui::GetFontSize() - 2),
                          processColor(static_cast<sim::ProcessId>(i)));
      ImGui::SetCursorScreenPos(ImVec2(p.x + 7, p.y));
      ImGui::TextUnformatted(row.name.c_str());
      ImGui::TableNextColumn();
      ImGui::Text("%d", static_cast<int>(row.pid));
      ImGui::TableNextColumn();
      if (info) ImGui::Text("%d", static_cast<int>(info->ppid));
      ImGui::TableNextColumn();
      if (row.info)
        ImGui::Text("%c %s", row.info->state, std::string(real::describe_kernel_state(row.info->state)).c_str());
      else
        ImGui::TextUnformatted("-");
      ImGui::TableNextColumn();
      ImGui::PushStyleColor(ImGuiCol_Text, ended ? ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled) : observedColor(row.observed));
      const sim::State mapped = real::to_sim_state(row.observed);
      const char* observed = observedName(row.observed);
      if (std::string(observed) != tr(mapped))
        ImGui::Text("%s (%s)", observed, tr(mapped));
      else
        ImGui::TextUnformatted(observed);
      ImGui::PopStyleColor();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(childAlive(row) ? tr(Str::Yes) : tr(Str::No));
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(describeExitCode(row.exitcode).c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(row.daemon ? tr(Str::Yes) : "");
      ImGui::TableNextColumn();
      if (info) ImGui::Text("%.0f ms", ms(info->cpu_time()));
      ImGui::TableNextColumn();
      if (info) ImGui::Text("%.1f MiB", static_cast<double>(info->rss_bytes) / (1024.0 * 1024.0));
      ImGui::TableNextColumn();
      if (info) ImGui::Text("%.0f ms", ms(info->run_time));
      ImGui::TableNextColumn();
      if (info) ImGui::Text("%.1f ms", ms(info->wait_time));
      ImGui::TableNextColumn();
      if (info) ImGui::Text("%llu", static_cast<unsigned long long>(info->timeslices));
      ImGui::TableNextColumn();
      ImGui::Checkbox("##watch", &row.watch);
      ImGui::TableNextColumn();
      if (ended) ImGui::PopStyleColor();
      ImGui::BeginDisabled(row.joined);
      std::string error;
      if (ImGui::SmallButton(tr(Str::ActionJoin)))
        real.children.join(i, std::chrono::milliseconds(join_timeout_ms_), error);
      tooltip(Str::TipJoin);
      const struct {
        Str label, tip;
        int signal_number;
      } signals[] = {{Str::ActionTerminate, Str::TipTerminate, SIGTERM},
                     {Str::ActionKill, Str::TipKill, SIGKILL},
                     {Str::ActionStop, Str::TipStop, SIGSTOP},
                     {Str::ActionContinue, Str::TipContinue, SIGCONT}};
      for (const auto& action : signals) {
        ImGui::SameLine();
        if (ImGui::SmallButton(tr(action.label))) real.children.signal(i, action.signal_number, error);
        tooltip(action.tip);
      }
      ImGui::EndDisabled();
      if (!row.note.empty()) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", noteText(row.note).c_str());
      }
      if (!error.empty()) page.message = error;
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  ImGui::PopStyleVar();
  page.table_rows = drawn;
}

}  // namespace gui
