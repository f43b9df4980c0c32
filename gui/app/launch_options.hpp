// gui/app/launch_options.hpp: the command line of procsim-gui.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/strings.hpp"
#include "sim/types.hpp"

namespace gui {

// Exit statuses of procsim-gui.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;   // e.g. a screenshot could not be written
inline constexpr int kExitBadInput = 2;  // bad flag, scenario or script
inline constexpr int kExitNoDisplay = 3; // no window could be opened (make run falls back to the CLI)

struct LaunchOptions {
  std::string scenario_path;              // empty: the last scenario, else the default preset
  std::optional<sim::Tick> tick;          // start at this tick
  int width = 1280;                       // window size in screen coordinates
  int height = 720;
  bool size_given = false;
  std::optional<Language> language;
  std::string screenshot_path;            // render, save, exit
  std::string script_path;                // run these UI actions, then exit
  int bench_frames = 0;                   // render N frames, print frame-build times, exit
  std::string config_dir;                 // overrides the settings directory
  bool show_help = false;

  bool headless() const { return !screenshot_path.empty() || !script_path.empty() || bench_frames > 0; }
};

// Parses argv; on bad input returns nullopt and sets `error` to one line.
std::optional<LaunchOptions> parseLaunchOptions(const std::vector<std::string>& args, std::string& error);
const char* usageText();

}  // namespace gui
