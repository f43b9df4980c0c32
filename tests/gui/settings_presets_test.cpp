#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>

#include "app/settings.hpp"
#include "model/presets.hpp"

namespace {

std::filesystem::path freshDir(const char* stem) {
  std::random_device seed;
  const auto dir = std::filesystem::temp_directory_path() / (std::string(stem) + std::to_string(seed()));
  std::filesystem::create_directories(dir);
  return dir;
}

}  // namespace

TEST_CASE("settings survive a save and a load, and a missing file gives the defaults", "[gui][settings]") {
  const auto dir = freshDir("procsim-settings-");
  const gui::Settings missing = gui::loadSettings((dir / "nowhere").string());
  CHECK_FALSE(missing.found);
  CHECK(missing.language == gui::Language::English);
  CHECK(missing.recent_files.empty());

  gui::Settings settings;
  settings.language = gui::Language::Chinese;
  for (int i = 0; i < 12; ++i) settings.addRecent("/scenarios/" + std::to_string(i) + ".json");
  settings.addRecent("/scenarios/3.json");  // already there: moves to the front
  settings.last_scenario = "/scenarios/3.json";
  REQUIRE(gui::saveSettings(dir.string(), settings));
  const gui::Settings loaded = gui::loadSettings(dir.string());
  CHECK(loaded.found);
  CHECK(loaded.language == gui::Language::Chinese);
  CHECK(loaded.last_scenario == "/scenarios/3.json");
  REQUIRE(loaded.recent_files.size() == gui::Settings::kMaxRecent);
  CHECK(loaded.recent_files.front() == "/scenarios/3.json");
  CHECK(loaded.recent_files[1] == "/scenarios/11.json");
  std::filesystem::remove_all(dir);
}

TEST_CASE("presets list every loadable scenario in file order and leave out broken files", "[gui][presets]") {
  const auto dir = freshDir("procsim-presets-");
  std::ofstream(dir / "b.json") << R"({"name": "Second", "description": "two", "cores": 1, "policy": {"name": "fcfs"},
                                      "processes": [{"name": "p", "bursts": [{"cpu": 1}]}]})";
  std::ofstream(dir / "a.json") << R"({"cores": 1, "policy": {"name": "fcfs"},
                                      "processes": [{"name": "p", "bursts": [{"cpu": 1}]}]})";
  std::ofstream(dir / "broken.json") << R"({"cores": 0)";
  std::ofstream(dir / "notes.txt") << "not a scenario";
  const auto presets = gui::listPresets(dir.string());
  REQUIRE(presets.size() == 2);
  CHECK(presets[0].name == "a");  // no name: the file's stem
  CHECK(presets[1].name == "Second");
  CHECK(presets[1].description == "two");
  std::filesystem::remove_all(dir);
}
