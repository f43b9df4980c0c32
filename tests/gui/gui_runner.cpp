#include "gui_runner.hpp"

#include <stb_image.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <random>
#include <set>

namespace gui_test {

namespace {

RunResult runOnce(const std::string& command) {
  RunResult result;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return result;
  char buffer[4096];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) result.output.append(buffer, n);
  const int status = pclose(pipe);
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

}  // namespace

RunResult runGui(const std::string& args, bool display) {
  const std::string gui = PROCSIM_GUI_PATH;
  if (!display) return runOnce("env -u DISPLAY -u WAYLAND_DISPLAY " + gui + " " + args + " 2>&1");
  // Other programs on the machine may start an X server at the same moment
  // and take the display number xvfb-run chose: try again in that case.
  RunResult result;
  for (int attempt = 0; attempt < 4; ++attempt) {
    result = runOnce("xvfb-run -a -s '-screen 0 1920x1080x24' " + gui + " " + args + " 2>&1");
    if (result.output.find("Xvfb failed to start") == std::string::npos &&
        result.output.find("xvfb-run: error") == std::string::npos)
      break;
  }
  return result;
}

TempDir::TempDir() {
  std::random_device seed;
  dir_ = std::filesystem::temp_directory_path() / ("procsim-gui-test-" + std::to_string(seed()));
  std::filesystem::create_directories(dir_);
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
}

std::string TempDir::write(const std::string& name, const std::string& text) const {
  std::ofstream(path(name)) << text;
  return path(name).string();
}

bool Image::load(const std::string& path) {
  int channels = 0;
  unsigned char* data = stbi_load(path.c_str(), &width, &height, &channels, 4);
  if (data == nullptr) return false;
  rgba.assign(data, data + static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4);
  stbi_image_free(data);
  return true;
}

std::size_t Image::distinctColors(int x0, int y0, int x1, int y1) const {
  std::set<unsigned> colors;
  for (int y = std::max(0, y0); y < std::min(height, y1); ++y) {
    for (int x = std::max(0, x0); x < std::min(width, x1); ++x) {
      const unsigned char* p = &rgba[(static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)) * 4];
      colors.insert((static_cast<unsigned>(p[0] >> 3) << 10) | (static_cast<unsigned>(p[1] >> 3) << 5) | (p[2] >> 3U));
    }
  }
  return colors.size();
}

double Image::differingFraction(const Image& other, int x0, int y0, int x1, int y1) const {
  if (other.width != width || other.height != height) return 1.0;
  std::size_t differing = 0, total = 0;
  for (int y = std::max(0, y0); y < std::min(height, y1); ++y) {
    for (int x = std::max(0, x0); x < std::min(width, x1); ++x) {
      const std::size_t i = (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)) * 4;
      differing += (rgba[i] != other.rgba[i] || rgba[i + 1] != other.rgba[i + 1] || rgba[i + 2] != other.rgba[i + 2]) ? 1 : 0;
      ++total;
    }
  }
  return total == 0 ? 0.0 : static_cast<double>(differing) / static_cast<double>(total);
}

nlohmann::json readJson(const std::filesystem::path& path) {
  std::ifstream in(path);
  return nlohmann::json::parse(in);
}

std::string shellQuoted(const std::filesystem::path& path) {
  return std::string("'").append(path.string()).append("'");
}

std::string scenariosDir() { return PROCSIM_SCENARIOS_DIR; }

std::vector<std::string> presetFiles() {
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(scenariosDir()))
    if (entry.path().extension() == ".json") files.push_back(entry.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace gui_test
