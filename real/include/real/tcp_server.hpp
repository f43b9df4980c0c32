// real/tcp_server.hpp: socketserver.ThreadingTCPServer in C++. The server
// object holds the connection loop (accept), a handler per connection holds
// the communication loop.
//
//   real::ThreadingTcpServer server({}, real::make_echo_stream_handler);
//   std::thread loop([&] { server.serve_forever(); });
//   ... server.server_address().port ...
//   server.shutdown();  // from another thread; prompt even when idle
//   loop.join();
//
// Guarantees (tests/real/tcp_server_test.cpp): binds 127.0.0.1 unless asked
// otherwise; port 0 picks a free port; an address in use throws
// std::system_error; every socket is close-on-exec; a handler that throws
// is logged and only its connection closes; finished connection threads
// are joined by the serving loop; limits bound connections and idle time.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <vector>

#include "real/server.hpp"

namespace real {

namespace detail {
class UniqueFd;
}

class ThreadingTcpServer {
 public:
  // Binds and listens at once (bind_and_activate). Throws std::system_error
  // if the address cannot be bound, std::invalid_argument for a bad host.
  ThreadingTcpServer(ServerOptions options, StreamHandlerFactory factory);
  // Shuts down (if serving) and closes.
  ~ThreadingTcpServer();
  ThreadingTcpServer(const ThreadingTcpServer&) = delete;
  ThreadingTcpServer& operator=(const ThreadingTcpServer&) = delete;

  // The address actually bound, with the port the kernel picked for port 0.
  Endpoint server_address() const { return address_; }

  // Accepts and serves connections until shutdown(). Before returning it
  // ends every connection (the peers see the stream close) and joins every
  // handler thread.
  void serve_forever();
  // Asks serve_forever() to stop and waits until it has returned. Call it
  // from another thread, never from a handler (serve_forever joins the
  // handler threads before returning, so that would wait for itself). If the
  // server is not serving yet, the next serve_forever() returns at once (as
  // in socketserver).
  void shutdown();
  // Closes the listening socket: the port is free again.
  void server_close();

  ServerStats stats() const;

 private:
  struct Slot {
    int fd = -1;  // -1 once the connection is closed
    std::thread thread;
  };

  void acceptOne();
  void startConnection(int fd, const Endpoint& peer);
  void serveConnection(std::uint64_t id, int fd, Endpoint peer);
  void finishConnection(std::uint64_t id);
  void poolWorker();
  void reapFinishedThreads();
  void endAllConnections();
  void log(std::string_view message) const;

  ServerOptions options_;
  StreamHandlerFactory factory_;
  Endpoint address_;
  int listen_fd_ = -1;
  int wake_fd_ = -1;

  std::atomic<bool> stop_requested_{false};
  std::mutex serving_mutex_;
  std::condition_variable serving_changed_;
  bool serving_ = false;

  mutable std::mutex connections_mutex_;
  std::condition_variable pool_ready_;
  std::unordered_map<std::uint64_t, Slot> connections_;
  std::vector<std::uint64_t> finished_;
  std::deque<std::pair<std::uint64_t, Endpoint>> pool_queue_;
  std::vector<std::thread> pool_;  // touched only by the serving thread
  std::atomic<std::uint64_t> pool_threads_{0};
  std::uint64_t next_id_ = 1;

  std::atomic<std::uint64_t> accepted_{0};
  std::atomic<std::uint64_t> handler_errors_{0};
  std::atomic<std::uint64_t> idle_closed_{0};
};

}  // namespace real
