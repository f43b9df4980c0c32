// procsim real spawn [--name N] [--daemon] [--detached] [--timeout S] [--grace G] -- COMMAND ...:
// start a child, show its pid, wait for it, show how it ended, and exit
// with its status. The child dies with procsim (PR_SET_PDEATHSIG) unless
// --detached.
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <system_error>

#include "commands.hpp"
#include "option_ranges.hpp"
#include "real/process.hpp"
#include "real_commands.hpp"
#include "stop_signals.hpp"

namespace cli {

namespace {

constexpr double kMaxTimeoutSeconds = 31'536'000;  // a year
constexpr double kMaxGraceSeconds = 3600;

struct SpawnOptions {
  std::vector<std::string> command;
  std::string name;
  bool daemon = false;
  bool detached = false;
  double timeout = 0;
  double grace = 5;
  std::string format = "text";
};

double seconds(const timeval& time) { return static_cast<double>(time.tv_sec) + static_cast<double>(time.tv_usec) / 1e6; }

// The exit status of procsim for a child's exitcode: the code itself, or
// 128 + N after death by signal N (as a shell reports it).
int shellStatus(int exitcode) { return exitcode >= 0 ? exitcode : 128 - exitcode; }

enum class Wake { ChildEnded, Signal, Timeout };

// Waits for the child's pidfd, a stop signal or `timeout_ms` (-1: none).
Wake waitFor(int pidfd, const StopSignals& signals, int timeout_ms, int& signal_number) {
  pollfd fds[2] = {{pidfd, POLLIN, 0}, {signals.fd(), POLLIN, 0}};
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  for (;;) {
    int left = timeout_ms;
    if (timeout_ms >= 0) {
      const auto now = std::chrono::steady_clock::now();
      left = now >= deadline ? 0
                             : static_cast<int>(std::chrono::ceil<std::chrono::milliseconds>(deadline - now).count());
    }
    const int ready = ::poll(fds, 2, left);
    if (ready < 0 && errno == EINTR) continue;
    if (ready < 0) throw std::system_error(errno, std::generic_category(), "poll");
    if (fds[0].revents != 0) return Wake::ChildEnded;
    if (fds[1].revents != 0 && (signal_number = signals.take()) != 0) return Wake::Signal;
    if (ready == 0) return Wake::Timeout;
  }
}

int toMilliseconds(double seconds_value) {
  return static_cast<int>(std::min(std::ceil(seconds_value * 1000), 2'000'000'000.0));
}

int spawn(const SpawnOptions& options) {
  StopSignals signals;  // blocked while the child runs; it starts with an empty mask
  auto child = real::Process::command(options.command, options.name);
  child->set_daemon(options.daemon);
  child->set_die_with_parent(!options.detached);
  rusage before{};
  ::getrusage(RUSAGE_CHILDREN, &before);
  const auto start = std::chrono::steady_clock::now();
  try {
    child->start();
  } catch (const std::system_error& error) {
    std::cerr << "procsim: real spawn: " << error.what() << "\n";
    return kExitBadInput;
  }
  const int pidfd = static_cast<int>(::syscall(SYS_pidfd_open, child->pid(), 0));
  if (pidfd < 0) {
    const int error = errno;
    child->kill();
    child->join();
    std::cerr << "procsim: real spawn: pidfd_open: " << std::strerror(error) << "\n";
    return kExitFailure;
  }
  const bool json = options.format == "json";
  if (!json) {
    std::printf("started %s pid %d%s: %s\n", child->name().c_str(), static_cast<int>(child->pid()),
                options.daemon ? " (daemon)" : "", options.command[0].c_str());
    std::fflush(stdout);
  }
  std::string ended_by = "exit";
  int signal_number = 0;
  const Wake first = waitFor(pidfd, signals, options.timeout > 0 ? toMilliseconds(options.timeout) : -1, signal_number);
  if (first != Wake::ChildEnded) {
    ended_by = first == Wake::Timeout ? "timeout" : stopSignalName(signal_number);
    if (!json) {
      if (first == Wake::Timeout) {
        std::printf("timeout after %.3f s: ", options.timeout);
      } else {
        std::printf("%s: ", ended_by.c_str());
      }
      std::printf("sending SIGTERM to pid %d (SIGKILL if it still runs after %.3f s)\n",
                  static_cast<int>(child->pid()), options.grace);
      std::fflush(stdout);
    }
    child->terminate();
    // A second SIGINT/SIGTERM cuts the grace period short.
    if (waitFor(pidfd, signals, toMilliseconds(options.grace), signal_number) != Wake::ChildEnded) child->kill();
  }
  child->join();
  ::close(pidfd);
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  rusage after{};
  ::getrusage(RUSAGE_CHILDREN, &after);
  const double user = seconds(after.ru_utime) - seconds(before.ru_utime);
  const double system = seconds(after.ru_stime) - seconds(before.ru_stime);
  const int code = *child->exitcode();
  if (json) {
    std::cout << nlohmann::json{{"name", child->name()},     {"pid", child->pid()},   {"daemon", options.daemon},
                                {"command", options.command}, {"exitcode", code},      {"ended_by", ended_by},
                                {"seconds", wall},            {"user_seconds", user}, {"system_seconds", system}}
                     .dump()
              << "\n";
  } else if (code >= 0) {
    std::printf("%s pid %d exited with code %d after %.3f s (user %.3f s, system %.3f s)\n", child->name().c_str(),
                static_cast<int>(child->pid()), code, wall, user, system);
  } else {
    std::printf("%s pid %d was killed by signal %d (%s) after %.3f s (user %.3f s, system %.3f s)\n",
                child->name().c_str(), static_cast<int>(child->pid()), -code, ::strsignal(-code), wall, user, system);
  }
  return shellStatus(code);
}

}  // namespace

void addRealSpawnCommand(CLI::App& real, int& status) {
  auto options = std::make_shared<SpawnOptions>();
  CLI::App* cmd = real.add_subcommand(
      "spawn",
      "Start a command as a child process, show its pid and how it ended; exit with its status "
      "(its exit code, or 128 + N if signal N ended it). SIGINT or SIGTERM to procsim ends the child "
      "the way --timeout does");
  cmd->add_option("COMMAND", options->command, "The program and its arguments, after --")->required();
  cmd->add_option("--name", options->name, "Name of the child (default Process-N)");
  cmd->add_flag("--daemon", options->daemon, "Mark the child a daemon (real::Process::set_daemon); shown in the report");
  cmd->add_flag("--detached", options->detached,
                "Let the child outlive procsim if procsim is killed (by default it gets SIGKILL when procsim dies)");
  cmd->add_option("--timeout", options->timeout,
                  "After this many seconds send the child SIGTERM, then SIGKILL after --grace seconds; reap it and "
                  "exit with its status (0 = wait as long as it runs)")
      ->check(finiteRange(0, kMaxTimeoutSeconds))
      ->capture_default_str();
  cmd->add_option("--grace", options->grace,
                  "Seconds between SIGTERM and SIGKILL when --timeout, SIGINT or SIGTERM ends the child")
      ->check(finiteRange(0, kMaxGraceSeconds))
      ->capture_default_str();
  cmd->add_option("--format", options->format, "text or json")->check(CLI::IsMember({"text", "json"}))->capture_default_str();
  refuseUnknownOptions(*cmd);
  cmd->callback([options, &status] { status = spawn(*options); });
}

}  // namespace cli
