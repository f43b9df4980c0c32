// tests/gui/gui_runner.hpp: runs the real procsim-gui under Xvfb and reads
// what it leaves behind (PNG screenshots, JSON state dumps).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace gui_test {

struct RunResult {
  int status = -1;     // the exit status of procsim-gui
  std::string output;  // its stdout and stderr
};

// procsim-gui ARGS inside `xvfb-run -a` with a 1920x1080 screen. When
// `display` is false it runs with no DISPLAY at all.
RunResult runGui(const std::string& args, bool display = true);

// A fresh directory under the system temp dir, removed by the destructor.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::filesystem::path path(const std::string& name) const { return dir_ / name; }
  std::string write(const std::string& name, const std::string& text) const;  // returns the path

 private:
  std::filesystem::path dir_;
};

struct Image {
  int width = 0, height = 0;
  std::vector<unsigned char> rgba;  // width * height * 4
  bool load(const std::string& path);
  // Distinct colors (quantized to 5 bits per channel) in a rectangle.
  std::size_t distinctColors(int x0, int y0, int x1, int y1) const;
  // Fraction of pixels in a rectangle that differ from `other`'s.
  double differingFraction(const Image& other, int x0, int y0, int x1, int y1) const;
};

nlohmann::json readJson(const std::filesystem::path& path);
std::string shellQuoted(const std::filesystem::path& path);
std::string scenariosDir();
std::vector<std::string> presetFiles();

}  // namespace gui_test
