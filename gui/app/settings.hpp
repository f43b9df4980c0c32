// gui/app/settings.hpp: what persists between runs besides imgui.ini:
// language, last scenario, recent files. Stored as `key = value` lines in
// settings.ini in the user's config directory ($XDG_CONFIG_HOME/procsim or
// ~/.config/procsim).
#pragma once

#include <string>
#include <vector>

#include "app/strings.hpp"

namespace gui {

struct Settings {
  Language language = Language::English;
  std::string last_scenario;
  std::vector<std::string> recent_files;  // most recent first, at most kMaxRecent
  bool found = false;                     // loaded from an existing file (false on the first start)
  static constexpr std::size_t kMaxRecent = 8;

  void addRecent(const std::string& path);
};

// The directory for settings.ini and imgui.ini; empty when there is no HOME.
std::string defaultConfigDir();
// Missing or unreadable files give the defaults; unknown keys are ignored.
Settings loadSettings(const std::string& dir);
// Creates `dir` when needed; returns false when the file cannot be written.
bool saveSettings(const std::string& dir, const Settings& settings);

}  // namespace gui
