// command_runner.hpp: runs the built procsim binary for the CLI tests, with
// standard output and error captured and every wait bounded.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "test_support.hpp"

namespace real_test {

struct CommandResult {
  int status = -1;  // exit status, or 128 + signal, or -1 if it timed out
  std::string out;
  std::string err;
};

// Runs PROCSIM_BINARY with `args` and waits at most `timeout`.
CommandResult runProcsim(const std::vector<std::string>& args,
                         std::chrono::milliseconds timeout = std::chrono::seconds(30));

// Where a background procsim's standard error goes: the test's own, or a
// pipe read line by line with readErrorLine (only for a command that writes
// little there: an unread pipe fills up).
enum class ErrorStream { Inherited, Captured };

// procsim running in the background (e.g. `real serve`), killed and reaped
// at destruction if still running.
class BackgroundProcsim {
 public:
  explicit BackgroundProcsim(const std::vector<std::string>& args, ErrorStream error = ErrorStream::Inherited);
  ~BackgroundProcsim();
  BackgroundProcsim(const BackgroundProcsim&) = delete;
  BackgroundProcsim& operator=(const BackgroundProcsim&) = delete;

  pid_t pid() const { return pid_; }
  // The next line of its standard output (without '\n'); empty on timeout.
  std::string readLine(std::chrono::milliseconds timeout = std::chrono::seconds(10));
  // The next line of its standard error (ErrorStream::Captured); empty on timeout.
  std::string readErrorLine(std::chrono::milliseconds timeout = std::chrono::seconds(10));
  // Sends `signal_number` and waits for the exit; -1 on timeout.
  int stop(int signal_number, std::chrono::milliseconds timeout = std::chrono::seconds(10));

 private:
  pid_t pid_ = -1;
  int out_fd_ = -1;
  int err_fd_ = -1;
  std::optional<LineReader> lines_;
  std::optional<LineReader> error_lines_;
};

}  // namespace real_test
