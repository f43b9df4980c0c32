// server_support.hpp: a server serving on its own thread for the length of
// a test, and raw client sockets.
#pragma once

#include <sys/socket.h>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "real/endpoint.hpp"
#include "real/server.hpp"

namespace real_test {

template <class Server>
class Serving {
 public:
  template <class... Args>
  explicit Serving(Args&&... args) : server(std::forward<Args>(args)...), loop_([this] { server.serve_forever(); }) {}
  ~Serving() { stop(); }
  void stop() {
    if (loop_.joinable()) {
      server.shutdown();
      loop_.join();
    }
  }
  Server server;

 private:
  std::thread loop_;
};

// Log lines collected from a server's options.log.
struct LogLines {
  std::mutex mutex;
  std::condition_variable added;
  std::vector<std::string> lines;
  std::function<void(std::string_view)> sink() {
    return [this](std::string_view line) {
      {
        std::lock_guard lock(mutex);
        lines.emplace_back(line);
      }
      added.notify_all();
    };
  }
  // Waits until a line containing `text` is logged; false after `timeout`.
  bool waitFor(std::string_view text, std::chrono::milliseconds timeout = std::chrono::seconds(5)) {
    std::unique_lock lock(mutex);
    return added.wait_for(lock, timeout, [&] {
      for (const auto& line : lines) {
        if (line.find(text) != std::string::npos) return true;
      }
      return false;
    });
  }
  std::string joined() {
    std::lock_guard lock(mutex);
    std::string all;
    for (const auto& line : lines) all += line + "\n";
    return all;
  }
};

// A connected client socket (TCP or UDP), closed at destruction.
class Client {
 public:
  Client(int type, const real::Endpoint& server);
  ~Client();
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;
  int fd() const { return fd_; }
  void send(const std::string& data);
  // Reads exactly `size` bytes (TCP) or one datagram (UDP, size ignored)
  // within `timeout_ms`; empty on timeout or close.
  std::string receive(std::size_t size, int timeout_ms = 5000);
  // True if the peer closes (recv returns 0 or reset) within `timeout_ms`.
  bool closedByPeer(int timeout_ms = 5000);
  // Closes with a reset (RST) instead of an orderly close.
  void reset();
  void close();

 private:
  int type_;
  int fd_ = -1;
};

}  // namespace real_test
