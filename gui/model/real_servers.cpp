#include "model/real_servers.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <stdexcept>

#include "model/procsim_command.hpp"
#include "real/echo.hpp"
#include "real/tcp_server.hpp"
#include "real/udp_server.hpp"

namespace gui {
namespace {

using Counter = std::shared_ptr<std::atomic<std::uint64_t>>;

// The echo handler, counting the replies it sends.
class CountingConnection final : public real::StreamConnection {
 public:
  CountingConnection(real::StreamConnection& inner, std::atomic<std::uint64_t>& replies) : inner_(inner), replies_(replies) {}
  std::size_t receive(std::span<char> buffer) override { return inner_.receive(buffer); }
  bool send_all(std::string_view data) override {
    replies_.fetch_add(1, std::memory_order_relaxed);
    return inner_.send_all(data);
  }
  const real::Endpoint& peer() const override { return inner_.peer(); }

 private:
  real::StreamConnection& inner_;
  std::atomic<std::uint64_t>& replies_;
};

class CountingStreamHandler final : public real::StreamHandler {
 public:
  explicit CountingStreamHandler(Counter replies) : echo_(real::make_echo_stream_handler()), replies_(std::move(replies)) {}
  void handle(real::StreamConnection& connection) override {
    CountingConnection counting(connection, *replies_);
    echo_->handle(counting);
  }

 private:
  std::unique_ptr<real::StreamHandler> echo_;
  Counter replies_;
};

class CountingReply final : public real::DatagramReply {
 public:
  CountingReply(real::DatagramReply& inner, std::atomic<std::uint64_t>& replies) : inner_(inner), replies_(replies) {}
  bool send(std::string_view data) override {
    replies_.fetch_add(1, std::memory_order_relaxed);
    return inner_.send(data);
  }
  const real::Endpoint& client() const override { return inner_.client(); }

 private:
  real::DatagramReply& inner_;
  std::atomic<std::uint64_t>& replies_;
};

class CountingDatagramHandler final : public real::DatagramHandler {
 public:
  explicit CountingDatagramHandler(Counter replies) : echo_(real::make_echo_datagram_handler()), replies_(std::move(replies)) {}
  void handle(std::string_view request, real::DatagramReply& reply) override {
    CountingReply counting(reply, *replies_);
    echo_->handle(request, counting);
  }

 private:
  std::unique_ptr<real::DatagramHandler> echo_;
  Counter replies_;
};

}  // namespace

RealServers::RealServers() = default;
RealServers::~RealServers() { shutdownAll(); }

int RealServers::start(real::Transport transport, int port, const std::string& host, std::string& error) {
  if (port < 0 || port > 65535) {
    error = "port must be 0..65535 (0: a free port)";
    return -1;
  }
  ServerRow row;
  row.transport = transport;
  row.replies = std::make_shared<std::atomic<std::uint64_t>>(0);
  real::ServerOptions options;
  options.address.host = host.empty() ? "127.0.0.1" : host;
  options.address.port = static_cast<std::uint16_t>(port);
  options.idle_timeout = std::chrono::seconds(30);
  options.log = [](std::string_view) {};  // handler errors are counted in the stats
  try {
    Counter replies = row.replies;
    if (transport == real::Transport::Tcp) {
      row.tcp = std::make_unique<real::ThreadingTcpServer>(
          options, [replies] { return std::make_unique<CountingStreamHandler>(replies); });
      row.address = row.tcp->server_address();
      row.loop = std::thread([server = row.tcp.get()] { server->serve_forever(); });
    } else {
      options.workers = 2;
      row.udp = std::make_unique<real::ThreadingUdpServer>(
          options, [replies] { return std::make_unique<CountingDatagramHandler>(replies); });
      row.address = row.udp->server_address();
      row.loop = std::thread([server = row.udp.get()] { server->serve_forever(); });
    }
  } catch (const std::exception& e) {
    error = e.what();
    return -1;
  }
  rows_.push_back(std::move(row));
  return static_cast<int>(rows_.size() - 1);
}

real::ServerStats RealServers::stats(const ServerRow& row) const {
  if (row.stopped) return row.last_stats;
  return row.tcp ? row.tcp->stats() : row.udp->stats();
}

void RealServers::stop(std::size_t index) {
  if (index >= rows_.size() || rows_[index].stopped) return;
  ServerRow& row = rows_[index];
  if (row.tcp) row.tcp->shutdown();
  if (row.udp) row.udp->shutdown();
  if (row.loop.joinable()) row.loop.join();
  row.last_stats = row.tcp ? row.tcp->stats() : row.udp->stats();
  if (row.tcp) row.tcp->server_close();
  if (row.udp) row.udp->server_close();
  row.stopped = true;
}

std::string RealServers::shutdownAll() {
  int stopped = 0;
  for (std::size_t i = 0; i < rows_.size(); ++i) {
    if (rows_[i].stopped) continue;
    stop(i);
    ++stopped;
  }
  return std::to_string(stopped) + " server(s) shut down";
}

bool RealServers::anyRunning() const {
  for (const ServerRow& row : rows_)
    if (!row.stopped) return true;
  return false;
}

bool RealServers::launchClients(std::size_t index, const ClientRequest& request, RealChildren& children,
                                std::string& error) {
  if (index >= rows_.size() || rows_[index].stopped) {
    error = "that server is not running";
    return false;
  }
  if (request.clients < 1 || request.clients > 64) {
    error = "clients must be 1..64";
    return false;
  }
  if (request.messages < 0 || request.messages > 1'000'000) {
    error = "messages per client must be 0..1000000";
    return false;
  }
  const real::Transport transport = rows_[index].transport;
  const real::Endpoint server = rows_[index].address;
  for (int i = 0; i < request.clients; ++i) {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) {
      error = "cannot create a pipe";
      return false;
    }
    const int report = fds[1];
    std::unique_ptr<real::Process> process;
    try {
      // A command, not a callable: no C++ runs after fork in this threaded
      // process (real/process.hpp). Its one line of report is its output.
      std::vector<std::string> argv = procsimChildCommand("client");
      argv.insert(argv.end(), {transport == real::Transport::Tcp ? "tcp" : "udp", server.host, std::to_string(server.port),
                               std::to_string(request.messages), request.message});
      process = real::Process::command(std::move(argv), "client-" + std::to_string(next_client_++));
      process->set_stdout(report);
      process->set_die_with_parent(true);
      process->start();
    } catch (const std::exception& e) {
      ::close(fds[0]);
      ::close(fds[1]);
      error = e.what();
      return false;
    }
    ::close(report);
    ::fcntl(fds[0], F_SETFL, O_NONBLOCK);
    children.adopt(std::move(process), ChildKind::Client, fds[0]);
  }
  return true;
}

}  // namespace gui
