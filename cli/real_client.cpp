// procsim real client tcp|udp: one message, or a load run that checks every
// reply and reports rate, latency percentiles and errors.
#include <cstdio>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <system_error>

#include "commands.hpp"
#include "real/load_client.hpp"
#include "option_ranges.hpp"
#include "real_commands.hpp"

namespace cli {

namespace {

struct ClientOptions {
  std::string protocol;
  std::string host = "127.0.0.1";
  std::string port;
  std::string message;
  int connections = 8;
  long messages = 0;
  int size = 32;
  double timeout = 5;
  std::string format = "text";
};

int sendOne(const ClientOptions& options, const real::LoadOptions& load) {
  try {
    const std::string reply = real::exchange_once(load.transport, load.server, options.message, load.reply_timeout);
    if (options.format == "json") {
      std::cout << nlohmann::json{{"sent", options.message}, {"reply", reply}}.dump() << "\n";
    } else {
      std::cout << reply << "\n";
    }
    return kExitOk;
  } catch (const std::exception& error) {
    std::cerr << "procsim: real client: " << error.what() << "\n";
    return kExitFailure;
  }
}

int runLoad(const ClientOptions& options, real::LoadOptions load) {
  load.connections = options.connections;
  load.messages = options.messages;
  load.message_size = static_cast<std::size_t>(options.size);
  const real::LoadReport report = real::run_load(load);
  if (options.format == "json") {
    nlohmann::json out{{"protocol", options.protocol},
                       {"server", load.server.to_string()},
                       {"connections", load.connections},
                       {"messages", report.messages},
                       {"errors", report.errors},
                       {"seconds", report.seconds},
                       {"rate", report.rate},
                       {"latency_us", {{"p50", report.p50_us}, {"p90", report.p90_us}, {"p99", report.p99_us}, {"max", report.max_us}}}};
    if (!report.first_error.empty()) out["first_error"] = report.first_error;
    std::cout << out.dump() << "\n";
  } else {
    std::printf("%s %s: %d connections x %ld messages of %d bytes\n", options.protocol.c_str(),
                load.server.to_string().c_str(), load.connections, load.messages, options.size);
    std::printf("messages %ld  errors %ld  seconds %.3f  rate %.0f msg/s\n", report.messages, report.errors,
                report.seconds, report.rate);
    std::printf("round trip: p50 %.1f us  p90 %.1f us  p99 %.1f us  max %.1f us\n", report.p50_us, report.p90_us,
                report.p99_us, report.max_us);
    if (!report.first_error.empty()) std::printf("first error: %s\n", report.first_error.c_str());
  }
  return report.errors == 0 ? kExitOk : kExitFailure;
}

int client(const ClientOptions& options) {
  const bool one = !options.message.empty();
  if (one == (options.messages > 0)) {
    std::cerr << "procsim: real client: give either --message TEXT or --messages N (with --connections C)\n";
    return kExitBadInput;
  }
  real::LoadOptions load;
  load.transport = options.protocol == "tcp" ? real::Transport::Tcp : real::Transport::Udp;
  load.server = real::Endpoint{options.host, *real::parse_port(options.port)};
  if (load.server.port == 0) {
    std::cerr << "procsim: real client: --port 0 names no server; give the port the server reported\n";
    return kExitBadInput;
  }
  load.reply_timeout = std::chrono::milliseconds(static_cast<long long>(options.timeout * 1000));
  return one ? sendOne(options, load) : runLoad(options, load);
}

}  // namespace

void addRealClientCommand(CLI::App& real, int& status) {
  auto options = std::make_shared<ClientOptions>();
  CLI::App* cmd = real.add_subcommand("client", "Talk to an echo server: one message, or a checked load run");
  cmd->add_option("PROTOCOL", options->protocol, "tcp or udp")->required()->check(CLI::IsMember({"tcp", "udp"}));
  cmd->add_option("--port", options->port, "Server port")->required()->check(realPortValidator());
  cmd->add_option("--host", options->host, "Server IPv4 address")->check(realHostValidator())->capture_default_str();
  cmd->add_option("--message", options->message, "Send this one message and print the reply");
  cmd->add_option("--connections", options->connections, "Load run: concurrent connections")
      ->check(wholeRange(1, 10'000))
      ->capture_default_str();
  cmd->add_option("--messages", options->messages, "Load run: messages per connection")
      ->check(wholeRange(1, 1'000'000'000));
  cmd->add_option("--size", options->size, "Load run: bytes per message")
      ->check(wholeRange(24, 65'000))
      ->capture_default_str();
  cmd->add_option("--timeout", options->timeout, "Seconds to wait for a reply")
      ->check(finiteRange(0.001, 3600))
      ->capture_default_str();
  refuseUnknownOptions(*cmd);
  cmd->add_option("--format", options->format, "text or json")->check(CLI::IsMember({"text", "json"}))->capture_default_str();
  cmd->callback([options, &status] { status = client(*options); });
}

}  // namespace cli
