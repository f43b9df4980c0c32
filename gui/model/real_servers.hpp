// gui/model/real_servers.hpp: the echo servers started from the Real panel
// (the source's ThreadingTCPServer / ThreadingUDPServer, as threads of the
// GUI's own process), and the client processes sent against them.
#pragma once

#include <atomic>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "model/real_children.hpp"
#include "real/load_client.hpp"
#include "real/server.hpp"

namespace real {
class ThreadingTcpServer;
class ThreadingUdpServer;
}  // namespace real

namespace gui {

struct ServerRow {
  real::Transport transport = real::Transport::Tcp;
  real::Endpoint address;  // as bound: the port the kernel picked for port 0
  std::unique_ptr<real::ThreadingTcpServer> tcp;
  std::unique_ptr<real::ThreadingUdpServer> udp;
  std::thread loop;  // runs serve_forever()
  std::shared_ptr<std::atomic<std::uint64_t>> replies;  // requests answered
  bool stopped = false;
  real::ServerStats last_stats;  // as of the last stop, or polled
};

struct ClientRequest {
  int clients = 1;
  std::string message = "hello";  // one exchange each when `messages` is 0
  long messages = 0;              // > 0: a load run of this many messages per client
};

class RealServers {
 public:
  RealServers();
  ~RealServers();  // shuts every server down
  RealServers(const RealServers&) = delete;
  RealServers& operator=(const RealServers&) = delete;

  // Starts an echo server on 127.0.0.1 (or `host`) and `port` (0: a free
  // one). Returns its index, or -1 with `error` set (address in use, ...).
  int start(real::Transport transport, int port, const std::string& host, std::string& error);
  // Shuts it down (prompt: the server's shutdown takes well under 100 ms).
  void stop(std::size_t index);
  std::string shutdownAll();  // one-line summary

  // Starts request.clients client processes against server `index`; they
  // are children like any other (in `children`), and report one line each.
  bool launchClients(std::size_t index, const ClientRequest& request, RealChildren& children, std::string& error);

  real::ServerStats stats(const ServerRow& row) const;
  std::vector<ServerRow>& rows() { return rows_; }
  const std::vector<ServerRow>& rows() const { return rows_; }
  bool anyRunning() const;

 private:
  std::vector<ServerRow> rows_;
  int next_client_ = 1;
};

}  // namespace gui
