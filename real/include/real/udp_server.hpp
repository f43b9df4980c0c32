// real/udp_server.hpp: socketserver.ThreadingUDPServer in C++, with one
// difference: Python starts a thread per datagram; here a fixed number of
// worker threads (options.workers, default 1) each receive and handle
// datagrams, so a flood of datagrams cannot create a flood of threads
// (docs/real.md compares the two).
//
// Guarantees (tests/real/udp_server_test.cpp): binds 127.0.0.1 unless asked
// otherwise; port 0 picks a free port; an address in use throws
// std::system_error; the socket is close-on-exec; datagrams longer than
// options.max_datagram are dropped and counted; a handler that throws is
// logged and the server keeps serving.
#pragma once

#include <netinet/in.h>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>

#include "real/server.hpp"

namespace real {

class ThreadingUdpServer {
 public:
  // Binds at once. Throws std::system_error if the address cannot be bound,
  // std::invalid_argument for a bad host.
  ThreadingUdpServer(ServerOptions options, DatagramHandlerFactory factory);
  ~ThreadingUdpServer();
  ThreadingUdpServer(const ThreadingUdpServer&) = delete;
  ThreadingUdpServer& operator=(const ThreadingUdpServer&) = delete;

  Endpoint server_address() const { return address_; }

  // Receives and handles datagrams on the workers until shutdown(); the
  // calling thread is one of them. Joins the others before returning.
  void serve_forever();
  // As for ThreadingTcpServer::shutdown().
  void shutdown();
  // Closes the socket: the port is free again.
  void server_close();

  ServerStats stats() const;

 private:
  void work();
  void log(std::string_view message) const;

  ServerOptions options_;
  DatagramHandlerFactory factory_;
  Endpoint address_;
  int socket_fd_ = -1;
  int wake_fd_ = -1;             // a UDP socket connected to ours, to wake workers
  sockaddr_in wake_address_{};  // its address, to recognise its datagrams

  std::atomic<bool> stop_requested_{false};
  std::mutex serving_mutex_;
  std::condition_variable serving_changed_;
  bool serving_ = false;

  std::atomic<std::uint64_t> workers_running_{0};
  std::atomic<std::uint64_t> handled_{0};
  std::atomic<std::uint64_t> dropped_{0};
  std::atomic<std::uint64_t> handler_errors_{0};
};

}  // namespace real
