#include "model/procsim_command.hpp"

#include <unistd.h>

#include <filesystem>
#include <stdexcept>
#include <system_error>

namespace gui {

namespace {

bool executable(const std::filesystem::path& path) {
  std::error_code error;
  return std::filesystem::is_regular_file(path, error) && ::access(path.c_str(), X_OK) == 0;
}

}  // namespace

std::string procsimExecutable() {
  std::error_code error;
  const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", error);
  const std::filesystem::path beside = error ? std::filesystem::path("procsim") : self.parent_path() / "procsim";
  if (!error && executable(beside)) return beside.string();
#ifdef PROCSIM_BUILD_CLI_PATH
  if (executable(PROCSIM_BUILD_CLI_PATH)) return PROCSIM_BUILD_CLI_PATH;
#endif
  throw std::runtime_error("cannot start children: procsim-gui runs them through the procsim command, which is not at " +
                           beside.string() + " (install procsim next to procsim-gui)");
}

std::vector<std::string> procsimChildCommand(const std::string& kind) {
  return {procsimExecutable(), "real", "child", kind, "--"};
}

}  // namespace gui
