// Runs the built procsim binary and captures its exit status and output.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace test {

struct CommandResult {
  int status = -1;
  std::string out;
  std::string err;
};

inline std::string readFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// Runs `binary` with `arguments` (passed through the shell: quote anything
// with spaces).
inline CommandResult runBinary(const std::string& binary, const std::string& arguments,
                               const std::string& stdin_text = "") {
  const auto dir = std::filesystem::temp_directory_path();
  const std::string tag = std::to_string(::getpid());
  const auto err_path = dir / ("procsim-test-err-" + tag);
  const auto in_path = dir / ("procsim-test-in-" + tag);
  {
    std::ofstream in(in_path, std::ios::binary);
    in << stdin_text;
  }
  const std::string command = binary + " " + arguments + " <" + in_path.string() + " 2>" +
                              err_path.string();
  CommandResult result;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return result;
  std::array<char, 4096> buffer{};
  std::size_t got = 0;
  while ((got = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) result.out.append(buffer.data(), got);
  const int status = ::pclose(pipe);
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.err = readFile(err_path);
  std::filesystem::remove(err_path);
  std::filesystem::remove(in_path);
  return result;
}

inline CommandResult runProcsim(const std::string& arguments, const std::string& stdin_text = "") {
  return runBinary(PROCSIM_BIN, arguments, stdin_text);
}

inline std::string asset(const std::string& name) { return std::string(PROCSIM_ASSETS) + "/" + name; }

}  // namespace test
