#include "app/app.hpp"

#include <glad/glad.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <filesystem>

#include "app/stop_signals.hpp"
#include "model/presets.hpp"

namespace gui {
namespace {

App* g_app = nullptr;

void onDrop(GLFWwindow*, int count, const char** paths) {
  if (g_app != nullptr && count > 0) g_app->openScenario(paths[0]);
}

double threadCpuMs() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

}  // namespace

App::App(LaunchOptions options) : options_(std::move(options)) { g_app = this; }
App::~App() { g_app = nullptr; }

int App::run() {
  if (const int status = startUp(); status != kExitOk) return status;
  if (!options_.screenshot_path.empty() && options_.script_path.empty()) {
    script_.push_back({"screenshot", {options_.screenshot_path}, 0});
  }
  // A script with no action (empty, or only comments) runs nothing and exits.
  const bool scripted = !script_.empty() || !options_.script_path.empty();
  double last_time = glfwGetTime();
  int quiet_frames = 3;
  installStopSignals();
  while (true) {
    const bool real_busy = real_.busy();
    setCleanupPending(real_busy);
    if (stopRequested()) break;  // SIGINT/SIGTERM/SIGHUP: close as the close button does
    if (scripted) {
      glfwPollEvents();
      const ScriptProgress progress = advanceScript();
      if (progress == ScriptProgress::Failed) {
        std::fprintf(stderr, "procsim-gui: %s\n", exit_error_.c_str());
        closeRealPanel();
        return exit_error_.find("cannot write") != std::string::npos ? kExitFailure : kExitBadInput;
      }
      if (progress == ScriptProgress::Finished) break;
      renderOneFrame(1.0 / 60.0, false);
      continue;
    }
    if (options_.bench_frames > 0) break;
    // Sleep while nothing moves; keep drawing a few frames after input.
    if (session_.playing() || quiet_frames > 0) {
      glfwPollEvents();
    } else if (real_busy) {
      glfwWaitEventsTimeout(RealPanel::kPollPeriod.count() / 1000.0);  // live rows redraw at the poll rate
    } else {
      glfwWaitEvents();
      quiet_frames = 3;
    }
    if (window_.shouldClose()) break;
    const double now = glfwGetTime();
    renderOneFrame(now - last_time, false);
    last_time = now;
    if (!session_.playing()) --quiet_frames;
  }
  const int status = stopRequested() ? kExitOk : options_.bench_frames > 0 ? benchmark() : kExitOk;
  saveOnExit();
  closeRealPanel();
  return status;
}

int App::startUp() {
  config_dir_ = options_.config_dir.empty() ? defaultConfigDir() : options_.config_dir;
  persist_ = !config_dir_.empty() && (!options_.headless() || !options_.config_dir.empty());
  if (!config_dir_.empty()) settings_ = loadSettings(config_dir_);
  if (options_.language) settings_.language = *options_.language;
  if (!options_.script_path.empty()) {
    std::string text;
    std::string error;
    if (!readScriptFile(options_.script_path, text, error)) {
      std::fprintf(stderr, "procsim-gui: %s\n", error.c_str());
      return kExitBadInput;
    }
    auto parsed = parseScript(text, options_.script_path, error);
    if (!parsed) {
      std::fprintf(stderr, "procsim-gui: %s\n", error.c_str());
      return kExitBadInput;
    }
    script_ = std::move(*parsed);
  }
  if (!options_.scenario_path.empty() && !session_.loadFile(options_.scenario_path)) {
    std::fprintf(stderr, "procsim-gui: %s\n", session_.lastError().c_str());
    return kExitBadInput;
  }
  std::string error;
  if (!window_.open(options_.width, options_.height, "procsim - process scheduling", error)) {
    std::fprintf(stderr, "procsim-gui: %s; the terminal view is `procsim run FILE`\n", error.c_str());
    return kExitNoDisplay;
  }
  glfwSetDropCallback(window_.handle(), onDrop);
  setUpImGui();
  if (settings_.language == Language::Chinese && !fonts_.chinese) {
    std::fprintf(stderr, "procsim-gui: %s; using English\n", tr(Str::ChineseFontMissing));
    settings_.language = Language::English;
  }
  setLanguage(settings_.language);
  views_ = makeViews();
  state_.help_requested = !options_.headless() && !settings_.found;  // a newcomer's first start
  loadStartScenario();
  if (options_.tick) session_.seek(*options_.tick);
  return kExitOk;
}

void App::setUpImGui() {
  ImGuiIO& io = ImGui::GetIO();
  if (persist_) {
    ini_path_ = config_dir_ + "/imgui.ini";
    std::error_code ignored;
    std::filesystem::create_directories(config_dir_, ignored);
    io.IniFilename = ini_path_.c_str();
  } else {
    io.IniFilename = nullptr;
  }
  scale_ = window_.contentScale();
  ImGui::StyleColorsDark();
  ImGuiStyle& style = ImGui::GetStyle();
  style.WindowRounding = 0.0f;
  style.FrameRounding = 3.0f;
  style.GrabRounding = 3.0f;
  style.TabRounding = 3.0f;
  style.WindowBorderSize = 1.0f;
  style.ItemSpacing = ImVec2(8.0f, 5.0f);
  style.ScaleAllSizes(scale_);
  fonts_ = loadFonts(15.0f * scale_);
}

void App::loadStartScenario() {
  if (session_.hasScenario()) {
    if (!options_.scenario_path.empty()) {
      rememberFile(options_.scenario_path);
      state_.editor.path = options_.scenario_path;
    }
    return;
  }
  std::error_code ignored;
  if (!options_.headless() && !settings_.last_scenario.empty() &&
      std::filesystem::is_regular_file(settings_.last_scenario, ignored) && openScenario(settings_.last_scenario))
    return;
  const std::string preset = presetsDir() + "/default.json";
  if (std::filesystem::is_regular_file(preset, ignored)) openScenario(preset);
}

bool App::openScenario(const std::string& path) {
  if (!session_.loadFile(path)) {
    state_.editor.file_message = session_.lastError();
    state_.editor.file_error = true;
    // Show why, wherever the file came from (a drop, a preset, the path field).
    state_.panel = Panel::Scenario;
    state_.panel_requested = true;
    return false;
  }
  rememberFile(path);
  state_.editor.path = path;
  state_.editor.file_message.clear();
  state_.editor.dirty = false;
  state_.timeline.fit_pending = true;
  state_.compare.clear();
  state_.selected = sim::kNoProcess;
  return true;
}

void App::rememberFile(const std::string& path) {
  std::error_code ignored;
  const std::string absolute = std::filesystem::absolute(path, ignored).lexically_normal().string();
  settings_.addRecent(absolute);
  settings_.last_scenario = absolute;
  if (persist_) saveSettings(config_dir_, settings_);
}

void App::switchLanguage(Language language) {
  if (language == Language::Chinese && !fonts_.chinese) return;
  settings_.language = language;
  setLanguage(language);
  if (persist_) saveSettings(config_dir_, settings_);
}

void App::saveOnExit() {
  if (!persist_) return;
  ImGui::SaveIniSettingsToDisk(ini_path_.c_str());
  saveSettings(config_dir_, settings_);
}

void App::closeRealPanel() {
  // Nothing started from the window outlives it.
  glfwHideWindow(window_.handle());
  const std::string summary = real_.shutdown();
  if (!summary.empty() && (!real_.children.rows().empty() || !real_.servers.rows().empty()))
    std::fprintf(stderr, "procsim-gui: real panel closed: %s\n", summary.c_str());
}

void App::renderOneFrame(double seconds, bool timed) {
  real_.poll();
  const double step_start = timed ? threadCpuMs() : 0.0;
  session_.advance(seconds);
  if (timed) frame_step_ms_.push_back(threadCpuMs() - step_start);
  window_.beginFrame();
  if (!script_.empty() || options_.bench_frames > 0) injectInput();
  const double start = timed ? threadCpuMs() : 0.0;
  buildFrame();
  if (timed) frame_build_ms_.push_back(threadCpuMs() - start);
  window_.renderFrame();
  if (!capture_path_.empty() && capture_settle_ == 0) {
    std::string error;
    if (!window_.savePng(capture_path_, error)) exit_error_ = error;
    capture_path_.clear();
  }
  window_.present();
}

void App::buildFrame() {
  if (session_.generation() != titled_generation_) {
    const std::string title = session_.hasScenario() ? "procsim - " + session_.scenario().name : "procsim";
    glfwSetWindowTitle(window_.handle(), title.c_str());
    titled_generation_ = session_.generation();
  }
  ImGui::NewFrame();
  handleShortcuts();
  drawLayout();
  ImGui::Render();
}

void App::handleShortcuts() {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.WantTextInput || !session_.hasScenario()) return;
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Space), false)) session_.setPlaying(!session_.playing());
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow))) {
    if (io.KeyShift)
      session_.nextEvent();
    else
      session_.stepForward();
  }
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow))) {
    if (io.KeyShift)
      session_.previousEvent();
    else
      session_.stepBack();
  }
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Home), false)) session_.home();
}

int App::benchmark() {
  frame_build_ms_.clear();
  frame_step_ms_.clear();
  const double wall_start = glfwGetTime();
  for (int i = 0; i < options_.bench_frames; ++i) {
    glfwPollEvents();
    renderOneFrame(1.0 / 60.0, true);
  }
  const double wall_ms = (glfwGetTime() - wall_start) * 1000.0 / options_.bench_frames;
  std::vector<double> sorted = frame_build_ms_;
  std::sort(sorted.begin(), sorted.end());
  double sum = 0;
  for (const double ms : sorted) sum += ms;
  const std::size_t p99 = std::min(sorted.size() - 1, static_cast<std::size_t>(0.99 * static_cast<double>(sorted.size())));
  double step_sum = 0;
  for (const double ms : frame_step_ms_) step_sum += ms;
  std::printf("frames %zu  frame-build CPU mean %.3f ms  p99 %.3f ms  max %.3f ms  simulation step mean %.3f ms"
              "  whole frame wall mean %.1f ms  (%zu segments, %zu transitions)\n",
              sorted.size(), sum / static_cast<double>(sorted.size()), sorted[p99], sorted.back(),
              step_sum / static_cast<double>(std::max<std::size_t>(1, frame_step_ms_.size())), wall_ms,
              session_.hasScenario() ? session_.timeline().segment_count : 0,
              session_.hasScenario() ? session_.run().trace().size() : 0);
  return kExitOk;
}

}  // namespace gui
