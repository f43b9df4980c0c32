// procsim real serve tcp|udp: an upper-case echo server until SIGINT/SIGTERM.
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <memory>
#include <system_error>
#include <thread>

#include "commands.hpp"
#include "real/echo.hpp"
#include "real/tcp_server.hpp"
#include "real/udp_server.hpp"
#include "option_ranges.hpp"
#include "real_commands.hpp"

namespace cli {

namespace {

constexpr double kMaxIdleTimeoutSeconds = 86'400;  // a day

struct ServeOptions {
  std::string protocol;
  std::string host = "127.0.0.1";
  std::string port = "0";
  int workers = 0;
  int max_connections = real::default_max_connections();
  double idle_timeout = 60;
};

// Serves on another thread while this one waits for SIGINT or SIGTERM; both
// are blocked in every thread, so no handler runs in the middle of a call.
template <class Server>
int serveUntilSignal(Server& server, const std::string& protocol, const sigset_t& stop_signals) {
  const real::Endpoint address = server.server_address();
  std::printf("listening %s %s pid %d\n", protocol.c_str(), address.to_string().c_str(),
              static_cast<int>(::getpid()));
  std::fflush(stdout);
  std::thread loop([&server] { server.serve_forever(); });
  int signal_number = 0;
  ::sigwait(&stop_signals, &signal_number);
  server.shutdown();
  loop.join();
  server.server_close();
  const real::ServerStats stats = server.stats();
  std::fprintf(stderr, "procsim: %s, closed %s %s (%llu connections, %llu datagrams, %llu handler errors)\n",
               signal_number == SIGINT ? "SIGINT" : "SIGTERM", protocol.c_str(), address.to_string().c_str(),
               static_cast<unsigned long long>(stats.connections_accepted),
               static_cast<unsigned long long>(stats.datagrams_handled),
               static_cast<unsigned long long>(stats.handler_errors));
  return kExitOk;
}

int serve(const ServeOptions& options) {
  real::ServerOptions server_options;
  server_options.address = real::Endpoint{options.host, *real::parse_port(options.port)};
  server_options.workers = options.workers;
  server_options.max_connections = options.max_connections;
  server_options.idle_timeout = std::chrono::milliseconds(static_cast<long long>(options.idle_timeout * 1000));

  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  ::pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  try {
    if (options.protocol == "tcp") {
      real::ThreadingTcpServer server(server_options, real::make_echo_stream_handler);
      return serveUntilSignal(server, options.protocol, stop_signals);
    }
    real::ThreadingUdpServer server(server_options, real::make_echo_datagram_handler);
    return serveUntilSignal(server, options.protocol, stop_signals);
  } catch (const std::system_error& error) {
    std::cerr << "procsim: real serve: " << error.what() << "\n";
    return kExitFailure;
  }
}

}  // namespace

void addRealServeCommand(CLI::App& real, int& status) {
  auto options = std::make_shared<ServeOptions>();
  CLI::App* cmd = real.add_subcommand(
      "serve", "Run an upper-case echo server (socketserver's ThreadingTCPServer/UDPServer) until SIGINT or SIGTERM");
  cmd->add_option("PROTOCOL", options->protocol, "tcp or udp")->required()->check(CLI::IsMember({"tcp", "udp"}));
  cmd->add_option("--host", options->host, "IPv4 address to bind")->check(realHostValidator())->capture_default_str();
  cmd->add_option("--port", options->port, "Port to bind; 0 picks a free one")->check(realPortValidator())->capture_default_str();
  const int max_workers = maxServeWorkers();
  const int max_connections = maxServeConnections();
  cmd->add_option("--workers", options->workers,
                  "TCP: 0 = a thread per connection, N = a pool of N threads; UDP: worker threads (0 = 1). "
                  "At most 1024 and RLIMIT_NPROC")
      ->check(wholeRange(0, max_workers))
      ->capture_default_str();
  cmd->add_option("--max-connections", options->max_connections,
                  "TCP: connections served at once (at most RLIMIT_NOFILE - 64)")
      ->check(wholeRange(1, max_connections))
      ->capture_default_str();
  cmd->add_option("--idle-timeout", options->idle_timeout, "TCP: seconds before a silent connection is closed; 0 = never")
      ->check(finiteRange(0, kMaxIdleTimeoutSeconds))
      ->capture_default_str();
  refuseUnknownOptions(*cmd);
  cmd->callback([options, &status] { status = serve(*options); });
}

}  // namespace cli
