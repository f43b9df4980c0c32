#include "app/settings.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace gui {

void Settings::addRecent(const std::string& path) {
  recent_files.erase(std::remove(recent_files.begin(), recent_files.end(), path), recent_files.end());
  recent_files.insert(recent_files.begin(), path);
  if (recent_files.size() > kMaxRecent) recent_files.resize(kMaxRecent);
}

std::string defaultConfigDir() {
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg != nullptr && *xdg != '\0')
    return std::string(xdg) + "/procsim";
  if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0')
    return std::string(home) + "/.config/procsim";
  return {};
}

Settings loadSettings(const std::string& dir) {
  Settings settings;
  std::ifstream in(dir + "/settings.ini");
  settings.found = in.is_open();
  std::string line;
  while (std::getline(in, line)) {
    const auto equals = line.find('=');
    if (equals == std::string::npos) continue;
    auto trim = [](std::string text) {
      const auto first = text.find_first_not_of(" \t\r");
      const auto last = text.find_last_not_of(" \t\r");
      return first == std::string::npos ? std::string() : text.substr(first, last - first + 1);
    };
    const std::string key = trim(line.substr(0, equals));
    const std::string value = trim(line.substr(equals + 1));
    if (key == "language") {
      parseLanguage(value, settings.language);
    } else if (key == "last_scenario") {
      settings.last_scenario = value;
    } else if (key == "recent" && !value.empty() && settings.recent_files.size() < Settings::kMaxRecent) {
      settings.recent_files.push_back(value);
    }
  }
  return settings;
}

bool saveSettings(const std::string& dir, const Settings& settings) {
  std::error_code ignored;
  std::filesystem::create_directories(dir, ignored);
  std::ofstream out(dir + "/settings.ini");
  out << "# procsim-gui settings\n";
  out << "language = " << languageCode(settings.language) << "\n";
  out << "last_scenario = " << settings.last_scenario << "\n";
  for (const std::string& path : settings.recent_files) out << "recent = " << path << "\n";
  return static_cast<bool>(out);
}

}  // namespace gui
