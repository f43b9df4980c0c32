// gui/model/presets.hpp: the scenarios shipped in assets/scenarios/.
#pragma once

#include <string>
#include <vector>

namespace gui {

struct Preset {
  std::string path;
  std::string name;         // the scenario's name, else the file name
  std::string description;  // the scenario's description (may be empty)
};

// The directory holding the presets: $PROCSIM_SCENARIOS_DIR, else the
// source tree's assets/scenarios, else <exe>/../share/procsim/scenarios.
std::string presetsDir();
// The presets in file-name order; files that fail to load are skipped.
std::vector<Preset> listPresets(const std::string& dir);

}  // namespace gui
