// procsim real spawn [--name N] [--daemon] [--timeout S] -- COMMAND ...:
// start a child, show its pid, wait for it, show how it ended.
#include <sys/resource.h>

#include <cstdio>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <system_error>

#include "commands.hpp"
#include "real/process.hpp"
#include "real_commands.hpp"

namespace cli {

namespace {

struct SpawnOptions {
  std::vector<std::string> command;
  std::string name;
  bool daemon = false;
  double timeout = 0;
  std::string format = "text";
};

double seconds(const timeval& time) { return static_cast<double>(time.tv_sec) + static_cast<double>(time.tv_usec) / 1e6; }

int spawn(const SpawnOptions& options) {
  if (options.timeout < 0) {
    std::cerr << "procsim: real spawn: --timeout must be >= 0\n";
    return kExitBadInput;
  }
  auto child = real::Process::command(options.command, options.name);
  child->set_daemon(options.daemon);
  rusage before{};
  ::getrusage(RUSAGE_CHILDREN, &before);
  const auto start = std::chrono::steady_clock::now();
  try {
    child->start();
  } catch (const std::system_error& error) {
    std::cerr << "procsim: real spawn: " << error.what() << "\n";
    return kExitBadInput;
  }
  const bool json = options.format == "json";
  if (!json) {
    std::printf("started %s pid %d%s: %s\n", child->name().c_str(), static_cast<int>(child->pid()),
                options.daemon ? " (daemon)" : "", options.command[0].c_str());
    std::fflush(stdout);
  }
  std::string ended_by = "exit";
  if (options.timeout > 0 && !child->join(std::chrono::milliseconds(static_cast<long long>(options.timeout * 1000)))) {
    // The parent ends here: a daemon child is terminated, any other joined,
    // exactly what a normal exit would do.
    ended_by = options.daemon ? "terminated at parent exit" : "joined at parent exit";
    if (!json) {
      std::printf("procsim ends after %.3f s: %s child %s\n", options.timeout, options.daemon ? "daemon" : "non-daemon",
                  options.daemon ? "is terminated" : "is joined (waiting for it)");
      std::fflush(stdout);
    }
    real::end_children_at_exit();
  }
  child->join();
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
  } else {
    std::printf("%s pid %d exited with code %d after %.3f s (user %.3f s, system %.3f s)\n", child->name().c_str(),
                static_cast<int>(child->pid()), code, wall, user, system);
  }
  return kExitOk;
}

}  // namespace

void addRealSpawnCommand(CLI::App& real, int& status) {
  auto options = std::make_shared<SpawnOptions>();
  CLI::App* cmd = real.add_subcommand("spawn", "Start a command as a child process, show its pid and how it ended");
  cmd->add_option("COMMAND", options->command, "The program and its arguments, after --")->required();
  cmd->add_option("--name", options->name, "Name of the child (default Process-N)");
  cmd->add_flag("--daemon", options->daemon, "A daemon child is terminated when procsim ends; others are joined");
  cmd->add_option("--timeout", options->timeout, "End procsim after this many seconds (0 = wait for the child)");
  cmd->add_option("--format", options->format, "text or json")->check(CLI::IsMember({"text", "json"}))->capture_default_str();
  cmd->callback([options, &status] { status = spawn(*options); });
}

}  // namespace cli
