// gui/app/app.hpp: the application: window, session, views, the frame
// loop, the script runner and the settings that persist between runs.
#pragma once

#include <chrono>
#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "app/fonts.hpp"
#include "app/launch_options.hpp"
#include "app/script.hpp"
#include "app/settings.hpp"
#include "app/window.hpp"
#include "model/real_panel.hpp"
#include "model/session.hpp"
#include "views/view.hpp"

namespace gui {

class App final : public AppCommands {
 public:
  explicit App(LaunchOptions options);
  ~App() override;
  // Runs until the window closes, or the headless task ends; returns the
  // exit status (launch_options.hpp).
  int run();

  // [AppCommands]
  bool openScenario(const std::string& path) override;
  void switchLanguage(Language language) override;
  bool chineseAvailable() const override { return fonts_.chinese; }
  const std::vector<std::string>& recentFiles() const override { return settings_.recent_files; }
  void rememberFile(const std::string& path) override;
  float uiScale() const override { return scale_; }

 private:
  int startUp();
  void setUpImGui();
  void loadStartScenario();
  void renderOneFrame(double seconds, bool timed);
  void buildFrame();
  void drawLayout();
  void handleShortcuts();
  void saveOnExit();
  void closeRealPanel();
  int benchmark();

  // [Script] app_script.cpp
  enum class ScriptProgress { Running, Finished, Failed };
  ScriptProgress advanceScript();
  bool executeAction(const ScriptAction& action, std::string& error);
  void injectInput();
  // [Real panel script actions] real_script.cpp
  bool executeRealAction(const ScriptAction& action, std::string& error);
  bool realConditionHolds(std::string& error);  // the pending wait-real condition  // the script's keys and pointer, between the backend's NewFrame and ImGui's

  LaunchOptions options_;
  Window window_;
  Session session_;
  RealPanel real_;  // children, servers, experiments, replay: ended when the window closes
  ViewState state_;
  Settings settings_;
  std::string config_dir_;
  std::string ini_path_;
  bool persist_ = false;
  FontReport fonts_;
  float scale_ = 1.0f;
  std::vector<std::unique_ptr<View>> views_;
  std::uint64_t titled_generation_ = ~0ULL;  // the session generation the window title shows
  std::vector<double> frame_build_ms_;  // --bench-frames: NewFrame .. Render, per frame
  std::vector<double> frame_step_ms_;   // --bench-frames: the simulator's step, per frame

  std::vector<ScriptAction> script_;
  std::size_t script_next_ = 0;
  int wait_frames_ = 0;
  std::string pending_key_;   // pressed during the next frame
  std::string held_key_;      // released on the frame after
  struct PointerFrame {
    float x = -1, y = -1;     // window coordinates; negative: outside the window
    bool down = false;        // left button
    float wheel = 0;          // notches, positive away from the user
  };
  std::deque<PointerFrame> pointer_frames_;  // one per coming frame
  PointerFrame pointer_;                     // the pointer as the last frame left it
  std::string capture_path_;  // saved after this many settle frames
  int capture_settle_ = 0;
  bool last_action_failed_ = false;
  std::vector<std::string> waiting_real_;  // a wait-real condition, words; empty when none
  std::chrono::steady_clock::time_point wait_real_deadline_;
  int wait_real_line_ = 0;
  std::string exit_error_;
};

}  // namespace gui
