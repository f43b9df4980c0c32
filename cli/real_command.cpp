// procsim real ...: the real thing beside the simulator: child processes
// and concurrent socket servers (the library real/, docs/real.md).
#include <charconv>
#include <iostream>

#include "commands.hpp"
#include "real/endpoint.hpp"
#include "real_commands.hpp"

namespace cli {

CLI::Validator realPortValidator() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        return real::parse_port(text) ? std::string() : "port must be a number from 0 to 65535, not '" + text + "'";
      },
      "PORT");
}

CLI::Validator realPidValidator() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        int pid = 0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), pid);
        const bool ok = !text.empty() && error == std::errc() && end == text.data() + text.size() && pid > 0;
        return ok ? std::string() : "a PID must be a positive whole number, not '" + text + "'";
      },
      "PID");
}

CLI::Validator realHostValidator() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        return real::is_valid_host(text) ? std::string() : "host must be an IPv4 address such as 127.0.0.1, not '" + text + "'";
      },
      "IPV4");
}

void addRealCommand(CLI::App& app, int& status) {
  CLI::App* real = app.add_subcommand(
      "real", "Run the real thing: child processes you can start, watch and stop, and concurrent TCP/UDP servers");
  // Not require_subcommand(1): its message would not name the unknown word.
  real->require_subcommand(0, 1);
  real->allow_extras();
  addRealServeCommand(*real, status);
  addRealClientCommand(*real, status);
  addRealSpawnCommand(*real, status);
  addRealPsCommand(*real, status);
  addRealWatchCommand(*real, status);
  addRealDemoCommand(*real, status);
  addRealReplayCommand(*real, status);
  addRealChildCommand(*real, status);
  // An unknown option or stray word after a subcommand passes up to `real`
  // (which keeps extras to name an unknown subcommand): refuse it before
  // any subcommand runs.
  real->parse_complete_callback([real] {
    if (real->get_subcommands().empty()) return;
    std::vector<std::string> extras = real->remaining(true);
    std::erase(extras, "--");  // the separator before a command's own arguments
    if (!extras.empty()) throw CLI::ExtrasError(real->get_subcommands().front()->get_name(), extras);
  });
  real->callback([real, &status] {
    if (!real->get_subcommands().empty()) return;
    const std::vector<std::string> extras = real->remaining();
    std::cerr << "procsim: real: "
              << (extras.empty() ? std::string("a subcommand is required")
                                 : "unknown subcommand '" + extras.front() + "'")
              << "; choose serve, client, spawn, ps, watch, demo or replay\n";
    status = kExitBadInput;
  });
}

}  // namespace cli
