#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <string>

#include "model/compare.hpp"
#include "sim/policy_registry.hpp"
#include "sim/scenario_json.hpp"
#include "views/all_views.hpp"
#include "views/layout.hpp"

namespace gui {
namespace {

void helpTooltip(Str text) {
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(text));
}

// The page switch: the Real panel, or back to the simulator.
float realToggleWidth(const RealPageState& real) {
  return ImGui::CalcTextSize(real.open ? tr(Str::RealBack) : tr(Str::RealOpen)).x + ImGui::GetStyle().FramePadding.x * 2.0f;
}

void drawRealToggle(RealPageState& real) {
  ImGui::PushStyleColor(ImGuiCol_Button, real.open ? ImVec4(0.25f, 0.45f, 0.3f, 1.0f) : ImVec4(0.45f, 0.3f, 0.15f, 1.0f));
  if (ImGui::Button(real.open ? tr(Str::RealBack) : tr(Str::RealOpen))) real.open = !real.open;
  ImGui::PopStyleColor();
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Str::RealOpenTooltip));
}

// Starts the next item on this line when `width` pixels fit, else on a new
// one; counts the new lines so that the toolbar can grow to hold them.
int g_option_wraps = 0;
void optionSameLine(float width) {
  if (sameLineIfFits(width)) ++g_option_wraps;
}

float labelledFieldWidth(const char* label, float field) {
  return ImGui::CalcTextSize(label).x + field + ImGui::GetStyle().ItemSpacing.x * 2.0f;
}
float checkboxWidth(const char* label) {
  return ImGui::CalcTextSize(label).x + ImGui::GetFrameHeight() + ImGui::GetStyle().ItemSpacing.x * 2.0f;
}

// One widget per parameter of the policy, built from its schema: a number
// field, a checkbox, or a text field for a list ("10/20/40").
void drawPolicyParameters(const sim::PolicyInfo& info, const sim::PolicySpec& spec, bool chinese,
                          const std::function<void(const std::function<void(sim::Scenario&)>&)>& modify) {
  const float scale = ImGui::GetFontSize() / 15.0f;
  for (const sim::ParamSchema& param : info.parameters) {
    const std::string label = chinese && !param.label_zh.empty() ? param.label_zh : param.name;
    const char* description = (chinese ? param.description_zh : param.description).c_str();
    const sim::ParamValue values = sim::resolvedParam(spec, param.name);
    ImGui::PushID(param.name.c_str());
    if (param.type == sim::ParamType::Boolean) {
      optionSameLine(ImGui::CalcTextSize(label.c_str()).x + ImGui::GetFrameHeight() + 8.0f);
      bool on = values.front() != 0;
      if (ImGui::Checkbox(label.c_str(), &on))
        modify([&](sim::Scenario& s) { s.policy.params[param.name] = {on ? 1 : 0}; });
    } else {
      const float field = (param.type == sim::ParamType::IntegerList ? 95.0f : 85.0f) * scale;
      optionSameLine(ImGui::CalcTextSize(label.c_str()).x + field + 8.0f);
      ImGui::AlignTextToFramePadding();
      ImGui::TextUnformatted(label.c_str());
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", description);
      ImGui::SameLine();
      ImGui::SetNextItemWidth(field);
      if (param.type == sim::ParamType::Integer) {
        long long value = values.front();
        const long long step = 1;
        if (ImGui::InputScalar("##value", ImGuiDataType_S64, &value, &step, nullptr, "%lld") && value >= param.min &&
            value <= param.max)
          modify([&](sim::Scenario& s) { s.policy.params[param.name] = {value}; });
      } else {
        std::string text;
        for (std::size_t i = 0; i < values.size(); ++i) {
          if (i > 0) text.push_back('/');
          text.append(std::to_string(values[i]));
        }
        char buffer[256];
        std::snprintf(buffer, sizeof buffer, "%s", text.c_str());
        if (ImGui::InputText("##value", buffer, sizeof buffer, ImGuiInputTextFlags_EnterReturnsTrue)) {
          std::string error;
          const auto parsed = sim::parsePolicySpec(spec.name + ":" + param.name + "=" + buffer, spec, error);
          if (parsed) modify([&](sim::Scenario& s) { s.policy.params = parsed->params; });
        }
      }
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", description);
    ImGui::PopID();
  }
}

void drawTransport(Session& session, RealPageState& real) {
  const float scale = ImGui::GetFontSize() / 15.0f;
  if (ImGui::Button(session.playing() ? tr(Str::Pause) : tr(Str::Play), ImVec2(70.0f * scale, 0)))
    session.setPlaying(!session.playing());
  ImGui::SameLine();
  if (ImGui::Button(tr(Str::Home))) session.home();
  ImGui::SameLine();
  if (ImGui::Button(tr(Str::StepBack))) session.stepBack();
  ImGui::SameLine();
  if (ImGui::Button(tr(Str::StepForward))) session.stepForward();
  ImGui::SameLine();
  if (ImGui::Button(tr(Str::NextEvent))) session.nextEvent();
  ImGui::SameLine();
  if (ImGui::Button(tr(Str::Reset))) {
    // Back to the file's own options, at the start.
    if (!session.path().empty()) {
      session.loadFile(session.path());
    } else {
      session.home();
    }
    session.setPlaying(false);
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Str::ShortcutsHint));
  ImGui::SameLine();
  ImGui::TextUnformatted(tr(Str::Speed));
  ImGui::SameLine();
  float speed = static_cast<float>(session.speed());
  ImGui::SetNextItemWidth(150.0f * scale);
  if (ImGui::SliderFloat("##speed", &speed, 0.5f, 1000.0f, tr(Str::TicksPerSecondFormat),
                         ImGuiSliderFlags_Logarithmic))
    session.setSpeed(speed);
  ImGui::SameLine();
  char label[96];
  if (session.tick() < 0) {
    std::snprintf(label, sizeof label, "%s", tr(Str::BeforeStart));
  } else {
    trf(label, sizeof label, Str::TickOfFormat, static_cast<long long>(session.tick()),
                  static_cast<long long>(session.endTick()));
  }
  ImGui::TextUnformatted(label);
  ImGui::SameLine();
  long long tick = session.tick();
  const long long low = -1, high = session.endTick();
  ImGui::SetNextItemWidth(-(realToggleWidth(real) + ImGui::GetStyle().ItemSpacing.x));
  if (ImGui::SliderScalar("##tick", ImGuiDataType_S64, &tick, &low, &high, "%lld")) session.seek(tick);
  ImGui::SameLine();
  drawRealToggle(real);
}

// One shared queue or one per core; per core, load balancing and stealing.
void drawRunQueueOptions(const sim::Scenario& scenario,
                         const std::function<void(const std::function<void(sim::Scenario&)>&)>& modify) {
  const float scale = ImGui::GetFontSize() / 15.0f;
  const bool per_core = scenario.run_queues == sim::RunQueues::PerCore;
  const char* kinds[] = {tr(Str::RunQueuesGlobal), tr(Str::RunQueuesPerCore)};
  const float combo = std::max(ImGui::CalcTextSize(kinds[0]).x, ImGui::CalcTextSize(kinds[1]).x) + ImGui::GetFrameHeight() +
                      ImGui::GetStyle().FramePadding.x * 2.0f;
  optionSameLine(labelledFieldWidth(tr(Str::RunQueues), combo));
  ImGui::TextUnformatted(tr(Str::RunQueues));
  helpTooltip(Str::TooltipRunQueues);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(combo);
  int kind = per_core ? 1 : 0;
  if (ImGui::Combo("##run_queues", &kind, kinds, 2) && (kind == 1) != per_core) {
    modify([&](sim::Scenario& s) {
      s.run_queues = kind == 1 ? sim::RunQueues::PerCore : sim::RunQueues::Global;
      if (kind == 0) s.balance = {};
    });
  }
  helpTooltip(Str::TooltipRunQueues);
  if (!per_core) return;
  optionSameLine(labelledFieldWidth(tr(Str::BalanceEvery), 85.0f * scale));
  ImGui::TextUnformatted(tr(Str::BalanceEvery));
  helpTooltip(Str::TooltipBalance);
  ImGui::SameLine();
  int interval = static_cast<int>(scenario.balance.interval);
  ImGui::SetNextItemWidth(85.0f * scale);
  if (ImGui::InputInt("##balance", &interval) && interval >= 0 && interval <= sim::kMaxQuantum)
    modify([&](sim::Scenario& s) { s.balance.interval = interval; });
  helpTooltip(Str::TooltipBalance);
  optionSameLine(checkboxWidth(tr(Str::Steal)));
  bool steal = scenario.balance.steal;
  if (ImGui::Checkbox(tr(Str::Steal), &steal)) modify([&](sim::Scenario& s) { s.balance.steal = steal; });
  helpTooltip(Str::TooltipSteal);
}

void drawOptions(ViewContext& context) {
  Session& session = context.session;
  const sim::Scenario& scenario = session.scenario();
  const float scale = ImGui::GetFontSize() / 15.0f;
  auto modify = [&](const std::function<void(sim::Scenario&)>& change) {
    context.state.notice = session.modify(change) ? std::string() : session.lastError();
    session.clearError();
  };
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr(Str::Policy));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(90.0f * scale);
  const bool chinese = language() == Language::Chinese;
  if (ImGui::BeginCombo("##policy", scenario.policy.name.c_str())) {
    for (const sim::PolicyInfo& info : sim::policies()) {
      if (ImGui::Selectable(info.name.c_str(), info.name == scenario.policy.name) && info.name != scenario.policy.name)
        modify([&](sim::Scenario& s) { choosePolicy(s, info.name); });
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", (chinese ? info.description_zh : info.description).c_str());
    }
    ImGui::EndCombo();
  }
  if (const sim::PolicyInfo* info = sim::findPolicy(scenario.policy.name)) {
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", (chinese ? info->description_zh : info->description).c_str());
    drawPolicyParameters(*info, scenario.policy, chinese, modify);
  }
  optionSameLine(labelledFieldWidth(tr(Str::CoreCount), 85.0f * scale));
  ImGui::TextUnformatted(tr(Str::CoreCount));
  ImGui::SameLine();
  int cores = scenario.cores;
  ImGui::SetNextItemWidth(85.0f * scale);
  if (ImGui::InputInt("##cores", &cores) && cores >= 1 && cores <= sim::kMaxCores)
    modify([&](sim::Scenario& s) { s.cores = cores; });
  optionSameLine(labelledFieldWidth(tr(Str::ContextSwitch), 85.0f * scale));
  ImGui::TextUnformatted(tr(Str::ContextSwitch));
  helpTooltip(Str::TooltipContextSwitch);
  ImGui::SameLine();
  int cost = static_cast<int>(scenario.context_switch);
  ImGui::SetNextItemWidth(85.0f * scale);
  if (ImGui::InputInt("##switch", &cost) && cost >= 0)
    modify([&](sim::Scenario& s) { s.context_switch = cost; });
  helpTooltip(Str::TooltipContextSwitch);
  optionSameLine(checkboxWidth(tr(Str::Multiprogramming)));
  bool multiprogramming = scenario.policy.multiprogramming;
  if (ImGui::Checkbox(tr(Str::Multiprogramming), &multiprogramming))
    modify([&](sim::Scenario& s) { s.policy.multiprogramming = multiprogramming; });
  helpTooltip(Str::TooltipMultiprogramming);
  optionSameLine(checkboxWidth(tr(Str::WakeupPreempts)));
  bool wakeup = scenario.policy.wakeup_preempts;
  if (ImGui::Checkbox(tr(Str::WakeupPreempts), &wakeup))
    modify([&](sim::Scenario& s) { s.policy.wakeup_preempts = wakeup; });
  helpTooltip(Str::TooltipWakeupPreempts);
  drawRunQueueOptions(scenario, modify);
}

void drawHelp(const Session& session, bool& open_request) {
  if (ImGui::Button(tr(Str::Help)) || open_request) ImGui::OpenPopup("help");
  open_request = false;
  if (!ImGui::BeginPopup("help")) return;
  const float scale = ImGui::GetFontSize() / 15.0f;
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + 520.0f * scale);
  ImGui::TextUnformatted(tr(Str::HelpTitle));
  ImGui::Separator();
  if (session.hasScenario()) {
    ImGui::Text("%s: %s", tr(Str::ScenarioLabel), session.scenario().name.c_str());
    if (!session.scenario().description.empty()) ImGui::TextDisabled("%s", session.scenario().description.c_str());
    ImGui::Separator();
  }
  for (const Str line : {Str::HelpCores, Str::HelpQueues, Str::HelpStates, Str::HelpTimeline}) {
    ImGui::Bullet();
    ImGui::TextWrapped("%s", tr(line));
  }
  ImGui::Separator();
  ImGui::TextUnformatted(tr(Str::ShortcutsHint));
  ImGui::TextUnformatted(tr(Str::HelpTry));
  ImGui::PopTextWrapPos();
  ImGui::EndPopup();
}

void drawLanguage(AppCommands& app, const Session& session, bool& help_request, int& toolbar_rows) {
  const float scale = ImGui::GetFontSize() / 15.0f;
  const float width = 95.0f * scale;
  const float help_width = ImGui::CalcTextSize(tr(Str::Help)).x + ImGui::GetStyle().FramePadding.x * 2.0f;
  // Right-aligned, never over the last option: when the window is too
  // narrow the group goes on a third row (the layout follows next frame).
  const float after_last = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + ImGui::GetStyle().ItemSpacing.x;
  const float right = ImGui::GetWindowContentRegionMax().x - width - help_width - ImGui::GetStyle().ItemSpacing.x;
  const bool fits = right >= after_last;
  toolbar_rows = (fits ? 2 : 3) + g_option_wraps;
  if (fits) ImGui::SameLine(right);
  else ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), right));
  drawHelp(session, help_request);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(width);
  const char* names[] = {"English", "简体中文"};
  const int current = static_cast<int>(language());
  if (ImGui::BeginCombo("##language", names[current])) {
    if (ImGui::Selectable(names[0], current == 0)) app.switchLanguage(Language::English);
    ImGui::BeginDisabled(!app.chineseAvailable());
    if (ImGui::Selectable(names[1], current == 1)) app.switchLanguage(Language::Chinese);
    ImGui::EndDisabled();
    if (!app.chineseAvailable()) ImGui::TextDisabled("%s", tr(Str::ChineseFontMissing));
    ImGui::EndCombo();
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Str::Language));
}

}  // namespace

void ControlsView::draw(ViewContext& context) {
  if (!context.session.hasScenario()) {
    ImGui::TextUnformatted(tr(Str::NoScenario));
    ImGui::SameLine();
    drawRealToggle(context.state.real);
    drawLanguage(context.app, context.session, context.state.help_requested, context.state.toolbar_rows);
    return;
  }
  drawTransport(context.session, context.state.real);
  g_option_wraps = 0;
  drawOptions(context);
  drawLanguage(context.app, context.session, context.state.help_requested, context.state.toolbar_rows);
}

}  // namespace gui
