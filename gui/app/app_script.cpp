// The script runner: executes UI actions between frames, through the same
// Session methods and view state the buttons and keys use.
#include <glad/glad.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <iterator>
#include <cstdio>
#include <fstream>

#include "app/app.hpp"
#include "app/real_state_dump.hpp"
#include "app/state_dump.hpp"
#include "model/compare.hpp"
#include "model/scenario_editor.hpp"
#include "sim/policy_registry.hpp"

namespace gui {
namespace {

bool keyIndex(const std::string& name, int& index) {
  if (name == "Space") index = ImGui::GetKeyIndex(ImGuiKey_Space);
  else if (name == "Right") index = ImGui::GetKeyIndex(ImGuiKey_RightArrow);
  else if (name == "Left") index = ImGui::GetKeyIndex(ImGuiKey_LeftArrow);
  else if (name == "Home") index = ImGui::GetKeyIndex(ImGuiKey_Home);
  else return false;
  return true;
}

}  // namespace

App::ScriptProgress App::advanceScript() {
  if (!exit_error_.empty()) return ScriptProgress::Failed;
  if (!pointer_frames_.empty()) return ScriptProgress::Running;
  if (!waiting_real_.empty()) {
    real_.poll();
    std::string error;
    const bool holds = realConditionHolds(error);
    const auto where = options_.script_path + ":" + std::to_string(wait_real_line_) + ": ";
    if (!error.empty()) {
      exit_error_ = where + error;
      return ScriptProgress::Failed;
    }
    if (!holds && std::chrono::steady_clock::now() > wait_real_deadline_) {
      std::string words;
      for (const std::string& w : waiting_real_) words += " " + w;
      exit_error_ = where + "wait-real" + words + ": timed out";
      return ScriptProgress::Failed;
    }
    if (!holds) return ScriptProgress::Running;
    waiting_real_.clear();
  }
  if (capture_settle_ > 0) {
    --capture_settle_;
    return ScriptProgress::Running;
  }
  if (!capture_path_.empty()) return ScriptProgress::Running;
  if (wait_frames_ > 0) {
    --wait_frames_;
    if (wait_frames_ == 0 && session_.playing() && script_next_ > 0 && script_[script_next_ - 1].verb == "play")
      session_.setPlaying(false);
    return ScriptProgress::Running;
  }
  while (script_next_ < script_.size()) {
    const ScriptAction& action = script_[script_next_++];
    std::string error;
    const bool ok = executeAction(action, error);
    const bool excused = script_next_ < script_.size() && script_[script_next_].verb == "expect-error";
    if (action.verb == "expect-error") {
      if (!last_action_failed_) {
        exit_error_ = options_.script_path + ":" + std::to_string(action.line) + ": the previous action did not fail";
        return ScriptProgress::Failed;
      }
      continue;
    }
    last_action_failed_ = !ok;
    if (!ok && !excused) {
      exit_error_ = options_.script_path + ":" + std::to_string(action.line) + ": " + error;
      return ScriptProgress::Failed;
    }
    if (!ok) std::fprintf(stderr, "procsim-gui: expected failure: %s\n", error.c_str());
    if (wait_frames_ > 0 || !capture_path_.empty() || !pending_key_.empty() || !pointer_frames_.empty() ||
        !waiting_real_.empty())
      return ScriptProgress::Running;
  }
  return ScriptProgress::Finished;
}

bool App::executeAction(const ScriptAction& action, std::string& error) {
  const std::string& verb = action.verb;
  auto count = [&](long long fallback) { return action.args.empty() ? fallback : action.number(0); };
  auto needScenario = [&]() {
    if (!session_.hasScenario()) error = "no scenario is loaded";
    return session_.hasScenario();
  };
  auto modify = [&](const std::function<void(sim::Scenario&)>& change) {
    if (!needScenario()) return false;
    if (session_.modify(change)) return true;
    error = session_.lastError();
    session_.clearError();
    return false;
  };
  if (verb == "load") {
    if (openScenario(action.args[0])) return true;
    error = session_.lastError();
    return false;
  }
  if (verb == "expect-error") return true;
  if (verb.rfind("real.", 0) == 0 || verb == "wait-real") return executeRealAction(action, error);
  if (verb == "lang") {
    Language language = Language::English;
    if (!parseLanguage(action.args[0], language)) {
      error = "lang: expected en or zh";
      return false;
    }
    if (language == Language::Chinese && !fonts_.chinese) {
      error = tr(Str::ChineseFontMissing);
      return false;
    }
    switchLanguage(language);
    return true;
  }
  if (verb == "panel") {
    state_.real.open = action.args[0] == "real";
    if (state_.real.open) return true;
    if (!parsePanel(action.args[0], state_.panel)) {
      error = "panel: unknown panel '" + action.args[0] + "'";
      return false;
    }
    state_.panel_requested = true;
    wait_frames_ = 2;
    return true;
  }
  if (verb == "frames") {
    wait_frames_ = static_cast<int>(count(1));
    return true;
  }
  if (verb == "screenshot") {
    capture_path_ = action.args[0];
    capture_settle_ = 2;  // let tables and auto-sized items settle
    return true;
  }
  if (verb == "dump-state") {
    std::ofstream out(action.args[0]);
    auto dump = nlohmann::json::parse(dumpState(session_, state_));
    dump["real"] = dumpRealState(real_, state_.real);
    out << dump.dump(2) << "\n";
    if (!out) error = action.args[0] + ": cannot write";
    return static_cast<bool>(out);
  }
  if (verb == "edit-bursts" || verb == "edit-name") {
    syncEditor(state_.editor, session_);
    const long long index = action.number(0);
    if (index < 0 || index >= static_cast<long long>(state_.editor.rows.size())) {
      error = verb + ": no process " + std::to_string(index) + " in the editor";
      return false;
    }
    EditorRow& row = state_.editor.rows[static_cast<std::size_t>(index)];
    (verb == "edit-bursts" ? row.bursts : row.name) = action.args[1];
    state_.editor.dirty = true;
    return true;
  }
  if (verb == "add-process") {
    syncEditor(state_.editor, session_);
    addEditorRow(state_.editor);
    return true;
  }
  if (verb == "apply") {
    if (!needScenario()) return false;
    if (applyEditor(state_.editor, session_)) return true;
    error = state_.editor.error;
    return false;
  }
  if (verb == "filter-process" || verb == "filter-kind") {
    if (!needScenario()) return false;
    const std::string& value = action.args[0];
    int& filter = verb == "filter-process" ? state_.event_log.process_filter : state_.event_log.kind_filter;
    if (value == "all") {
      filter = -1;
      return true;
    }
    if (verb == "filter-kind") {
      const auto kind = sim::parseTransitionKind(value);
      if (!kind) {
        error = "filter-kind: unknown transition kind '" + value + "'";
        return false;
      }
      filter = static_cast<int>(*kind);
      return true;
    }
    const auto& processes = session_.scenario().processes;
    for (std::size_t i = 0; i < processes.size(); ++i) {
      if (processes[i].name == value) {
        filter = static_cast<int>(i);
        return true;
      }
    }
    error = "filter-process: no process named '" + value + "'";
    return false;
  }
  if (verb == "save") {
    if (!needScenario()) return false;
    syncEditor(state_.editor, session_);
    state_.editor.path = action.args[0];
    if (saveEditor(state_.editor, session_, action.args[0])) {
      rememberFile(action.args[0]);
      return true;
    }
    error = state_.editor.file_message;
    return false;
  }
  if (verb == "zoom") {
    if (action.number(1) <= action.number(0)) {
      error = "zoom: LAST must be greater than FIRST";
      return false;
    }
    state_.timeline.first_tick = static_cast<double>(action.number(0));
    state_.timeline.last_tick = static_cast<double>(action.number(1));
    state_.timeline.fit_pending = false;
    return true;
  }
  if (verb == "mouse" || verb == "click" || verb == "wheel" || verb == "mouse-away") {
    PointerFrame at = pointer_;
    at.wheel = 0;
    at.down = false;
    if (verb == "mouse-away") {
      at.x = at.y = -1;
    } else {
      at.x = static_cast<float>(action.real(0));
      at.y = static_cast<float>(action.real(1));
    }
    pointer_frames_.push_back(at);  // arrive (hover starts)
    if (verb == "click") {
      at.down = true;
      pointer_frames_.push_back(at);
      at.down = false;
      pointer_frames_.push_back(at);
    } else if (verb == "wheel") {
      at.wheel = static_cast<float>(action.real(2));
      pointer_frames_.push_back(at);
      at.wheel = 0;
      pointer_frames_.push_back(at);
    } else {
      pointer_frames_.push_back(at);  // one more frame for hover tooltips to show
    }
    return true;
  }
  if (verb == "drag") {
    PointerFrame at{static_cast<float>(action.real(0)), static_cast<float>(action.real(1)), false, 0};
    pointer_frames_.push_back(at);
    at.down = true;
    pointer_frames_.push_back(at);
    const float x1 = static_cast<float>(action.real(2)), y1 = static_cast<float>(action.real(3));
    const float x0 = at.x, y0 = at.y;
    constexpr int kSteps = 6;
    for (int i = 1; i <= kSteps; ++i) {
      at.x = x0 + (x1 - x0) * static_cast<float>(i) / kSteps;
      at.y = y0 + (y1 - y0) * static_cast<float>(i) / kSteps;
      pointer_frames_.push_back(at);
    }
    at.down = false;
    pointer_frames_.push_back(at);
    return true;
  }
  if (verb == "zoom-all") {
    state_.timeline.fit_pending = true;
    return true;
  }
  if (!needScenario()) return false;
  if (verb == "step") {
    session_.seek(session_.tick() + count(1));
  } else if (verb == "back") {
    session_.seek(session_.tick() - count(1));
  } else if (verb == "next-event") {
    for (long long i = 0; i < count(1); ++i) session_.nextEvent();
  } else if (verb == "home") {
    session_.home();
  } else if (verb == "seek") {
    session_.seek(action.number(0));
  } else if (verb == "play") {
    session_.setPlaying(true);
    wait_frames_ = static_cast<int>(action.number(0));
  } else if (verb == "pause") {
    session_.setPlaying(false);
  } else if (verb == "speed") {
    session_.setSpeed(action.real(0));
  } else if (verb == "key") {
    std::string name = action.args[0];
    if (name.rfind("Shift+", 0) == 0) name = name.substr(6);
    int index = 0;
    if (!keyIndex(name, index)) {
      error = "key: expected Space, Right, Left, Home or Shift+Right, got '" + action.args[0] + "'";
      return false;
    }
    pending_key_ = action.args[0];
  } else if (verb == "policy" || verb == "param" || verb == "quantum" || verb == "preemptive") {
    std::string text = action.args[0];
    if (verb == "param") text = session_.scenario().policy.name + ":" + action.args[0] + "=" + action.args[1];
    if (verb == "quantum") text = session_.scenario().policy.name + ":quantum=" + std::to_string(action.number(0));
    if (verb == "preemptive") text = session_.scenario().policy.name + ":preemptive=" + (action.flag(0) ? "true" : "false");
    const auto spec = sim::parsePolicySpec(text, session_.scenario().policy, error);
    if (!spec) {
      error = verb + ": " + error;
      return false;
    }
    return modify([&](sim::Scenario& s) { s.policy = *spec; });
  } else if (verb == "cores") {
    return modify([&](sim::Scenario& s) { s.cores = static_cast<int>(action.number(0)); });
  } else if (verb == "context-switch") {
    return modify([&](sim::Scenario& s) { s.context_switch = action.number(0); });
  } else if (verb == "multiprogramming") {
    return modify([&](sim::Scenario& s) { s.policy.multiprogramming = action.flag(0); });
  } else if (verb == "wakeup-preempts") {
    return modify([&](sim::Scenario& s) { s.policy.wakeup_preempts = action.flag(0); });
  } else if (verb == "run-queues") {
    if (action.args[0] != "global" && action.args[0] != "per_core") {
      error = "run-queues: expected global or per_core";
      return false;
    }
    const bool per_core = action.args[0] == "per_core";
    return modify([&](sim::Scenario& s) {
      s.run_queues = per_core ? sim::RunQueues::PerCore : sim::RunQueues::Global;
      if (!per_core) s.balance = {};
    });
  } else if (verb == "balance") {
    return modify([&](sim::Scenario& s) { s.balance.interval = action.number(0); });
  } else if (verb == "steal") {
    return modify([&](sim::Scenario& s) { s.balance.steal = action.flag(0); });
  } else if (verb == "compare") {
    state_.compare = compareAllPolicies(session_.scenario());
    state_.compare_generation = session_.generation();
  } else if (verb == "sweep") {
    if (!needScenario()) return false;
    SweepState& sweep = state_.sweep;
    syncSweep(sweep, session_.scenario(), session_.generation());
    sweep.key = action.args[0];
    sweep.from = action.number(1);
    sweep.to = action.number(2);
    sweep.step = action.args.size() > 3 ? action.number(3) : 1;
    if (!startSweep(sweep, session_.scenario())) {
      error = "sweep: " + sweep.error;
      return false;
    }
    sweep.job->wait();
    sweep.show_requested = true;
    wait_frames_ = 2;
    if (!sweep.job->error().empty()) {
      error = "sweep: " + sweep.job->error();
      return false;
    }
  } else if (verb == "sweep-chart") {
    const char* charts[] = {"times", "utilization", "switches"};
    const auto found = std::find(std::begin(charts), std::end(charts), action.args[0]);
    if (found == std::end(charts)) {
      error = "sweep-chart: expected times, utilization or switches";
      return false;
    }
    state_.sweep.chart = static_cast<int>(found - std::begin(charts));
  } else {
    error = "action '" + verb + "' is not implemented";
    return false;
  }
  return true;
}

void App::injectInput() {
  ImGuiIO& io = ImGui::GetIO();
  // Scripted runs own the pointer: out of the window unless an action moved it.
  if (!pointer_frames_.empty()) {
    pointer_ = pointer_frames_.front();
    pointer_frames_.pop_front();
  }
  io.MousePos = pointer_.x < 0 ? ImVec2(-FLT_MAX, -FLT_MAX) : ImVec2(pointer_.x, pointer_.y);
  io.MouseDown[0] = pointer_.down;
  io.MouseWheel = pointer_.wheel;
  int index = 0;
  if (!held_key_.empty()) {
    std::string name = held_key_.rfind("Shift+", 0) == 0 ? held_key_.substr(6) : held_key_;
    if (keyIndex(name, index)) io.KeysDown[index] = false;
    io.KeyShift = false;
    held_key_.clear();
  }
  if (!pending_key_.empty()) {
    const bool shift = pending_key_.rfind("Shift+", 0) == 0;
    const std::string name = shift ? pending_key_.substr(6) : pending_key_;
    if (keyIndex(name, index)) io.KeysDown[index] = true;
    io.KeyShift = shift;
    held_key_ = pending_key_;
    pending_key_.clear();
    wait_frames_ = 1;
  }
}

}  // namespace gui
