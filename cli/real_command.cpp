// procsim real ...: the real thing beside the simulator: child processes
// and concurrent socket servers (the library real/, docs/real.md).
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
  real->require_subcommand(1);
  addRealServeCommand(*real, status);
  addRealClientCommand(*real, status);
  addRealSpawnCommand(*real, status);
  addRealPsCommand(*real, status);
  addRealWatchCommand(*real, status);
  addRealDemoCommand(*real, status);
}

}  // namespace cli
