#include "model/presets.hpp"

#include <algorithm>
#include <cstdlib>
#include <exception>
#include <filesystem>

#include "sim/scenario_json.hpp"

#ifndef PROCSIM_SOURCE_SCENARIOS_DIR
#define PROCSIM_SOURCE_SCENARIOS_DIR ""
#endif

namespace gui {

std::string presetsDir() {
  namespace fs = std::filesystem;
  if (const char* env = std::getenv("PROCSIM_SCENARIOS_DIR"); env != nullptr && *env != '\0') return env;
  std::error_code ignored;
  if (fs::is_directory(PROCSIM_SOURCE_SCENARIOS_DIR, ignored)) return PROCSIM_SOURCE_SCENARIOS_DIR;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ignored);
  const fs::path installed = exe.parent_path().parent_path() / "share" / "procsim" / "scenarios";
  if (fs::is_directory(installed, ignored)) return installed.string();
  return PROCSIM_SOURCE_SCENARIOS_DIR;
}

std::vector<Preset> listPresets(const std::string& dir) {
  namespace fs = std::filesystem;
  std::vector<Preset> presets;
  std::error_code error;
  for (fs::directory_iterator it(dir, error), end; !error && it != end; it.increment(error)) {
    if (it->path().extension() != ".json") continue;
    try {
      const sim::Scenario scenario = sim::loadScenario(it->path().string());
      presets.push_back({it->path().string(), scenario.name.empty() ? it->path().stem().string() : scenario.name,
                         scenario.description});
    } catch (const std::exception&) {
      // A broken preset is left out of the menu; opening it by path shows why.
    }
  }
  std::sort(presets.begin(), presets.end(), [](const Preset& a, const Preset& b) { return a.path < b.path; });
  return presets;
}

}  // namespace gui
