// procsim-gui: the desktop face of the simulator (docs/gui.md).
#include <cstdio>
#include <string>
#include <vector>

#include "app/app.hpp"
#include "app/launch_options.hpp"

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  std::string error;
  auto options = gui::parseLaunchOptions(args, error);
  if (!options) {
    std::fprintf(stderr, "procsim-gui: %s\n%s", error.c_str(), gui::usageText());
    return gui::kExitBadInput;
  }
  if (options->show_help) {
    std::fputs(gui::usageText(), stdout);
    return gui::kExitOk;
  }
  gui::App app(std::move(*options));
  return app.run();
}
