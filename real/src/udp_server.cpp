#include "real/udp_server.hpp"

#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <exception>
#include <string>
#include <thread>
#include <vector>

#include "socket_io.hpp"

namespace real {

namespace {

class UdpReply final : public DatagramReply {
 public:
  UdpReply(int fd, const sockaddr_in& address) : fd_(fd), address_(address) {}

  bool send(std::string_view data) override {
    for (;;) {
      const ssize_t sent = ::sendto(fd_, data.data(), data.size(), MSG_NOSIGNAL,
                                    reinterpret_cast<const sockaddr*>(&address_), sizeof address_);
      if (sent >= 0) return true;
      if (errno != EINTR) return false;
    }
  }

  const Endpoint& client() const override {
    if (!client_) client_ = detail::fromSockaddr(address_);
    return *client_;
  }

 private:
  int fd_;
  const sockaddr_in& address_;
  mutable std::optional<Endpoint> client_;  // formatted only when asked for
};

}  // namespace

ThreadingUdpServer::ThreadingUdpServer(ServerOptions options, DatagramHandlerFactory factory)
    : options_(std::move(options)), factory_(std::move(factory)) {
  if (!factory_) throw std::invalid_argument("ThreadingUdpServer: no handler factory");
  if (options_.workers < 1) options_.workers = 1;
  detail::UniqueFd socket = detail::bindSocket(SOCK_DGRAM, options_.address);
  address_ = detail::localEndpoint(socket.get());
  // A blocked worker is woken by a datagram from this socket; a safety
  // timeout bounds the wait should a wake-up datagram ever be lost.
  detail::setReceiveTimeout(socket.get(), std::chrono::seconds(1));
  Endpoint wake_target = address_;
  if (wake_target.host == "0.0.0.0") wake_target.host = "127.0.0.1";
  detail::UniqueFd wake = detail::connectSocket(SOCK_DGRAM, wake_target);
  wake_address_ = detail::toSockaddr(detail::localEndpoint(wake.get()));
  socket_fd_ = socket.release();
  wake_fd_ = wake.release();
}

ThreadingUdpServer::~ThreadingUdpServer() {
  shutdown();
  server_close();
  if (wake_fd_ >= 0) ::close(wake_fd_);
}

void ThreadingUdpServer::log(std::string_view message) const {
  if (options_.log) {
    options_.log(message);
  } else {
    std::fprintf(stderr, "udp server %s: %.*s\n", address_.to_string().c_str(),
                 static_cast<int>(message.size()), message.data());
  }
}

void ThreadingUdpServer::serve_forever() {
  {
    std::lock_guard lock(serving_mutex_);
    if (serving_) throw std::logic_error("serve_forever: already serving");
    if (socket_fd_ < 0) throw std::logic_error("serve_forever: server is closed");
    serving_ = true;
  }
  std::vector<std::thread> others;
  for (int i = 1; i < options_.workers; ++i) others.emplace_back([this] { work(); });
  work();
  for (std::thread& worker : others) worker.join();
  stop_requested_ = false;
  {
    std::lock_guard lock(serving_mutex_);
    serving_ = false;
  }
  serving_changed_.notify_all();
}

void ThreadingUdpServer::work() {
  ++workers_running_;
  std::unique_ptr<DatagramHandler> handler;
  try {
    handler = factory_();
  } catch (const std::exception& error) {
    log(std::string("handler factory threw: ") + error.what());
  }
  // One byte more than allowed, so that an oversized datagram is noticed.
  std::vector<char> buffer(options_.max_datagram + 1);
  while (handler && !stop_requested_) {
    sockaddr_in client{};
    socklen_t length = sizeof client;
    // Blocking, like the minimal C server: no poll per datagram. shutdown()
    // wakes a blocked worker with an empty datagram from wake_fd_.
    const ssize_t got = ::recvfrom(socket_fd_, buffer.data(), buffer.size(), MSG_TRUNC,
                                   reinterpret_cast<sockaddr*>(&client), &length);
    if (got < 0) continue;  // EINTR, the safety timeout, or an ICMP error
    if (stop_requested_) break;
    if (got == 0 && client.sin_port == wake_address_.sin_port &&
        client.sin_addr.s_addr == wake_address_.sin_addr.s_addr) {
      continue;  // a stale wake-up from an earlier shutdown
    }
    if (static_cast<std::size_t>(got) > options_.max_datagram) {
      ++dropped_;
      log("dropped a datagram of " + std::to_string(got) + " bytes from " +
          detail::fromSockaddr(client).to_string() + " (limit " +
          std::to_string(options_.max_datagram) + ")");
      continue;
    }
    UdpReply reply(socket_fd_, client);
    try {
      handler->handle(std::string_view(buffer.data(), static_cast<std::size_t>(got)), reply);
      ++handled_;
    } catch (const std::exception& error) {
      ++handler_errors_;
      log("handler for " + reply.client().to_string() + " threw: " + error.what());
    } catch (...) {
      ++handler_errors_;
      log("handler for " + reply.client().to_string() + " threw");
    }
  }
  --workers_running_;
}

void ThreadingUdpServer::shutdown() {
  std::unique_lock lock(serving_mutex_);
  stop_requested_ = true;
  if (!serving_) return;
  // One empty datagram per blocked worker; resent until all have left,
  // since a datagram can be dropped when the socket's queue is full (then
  // the workers are busy and see the flag anyway).
  while (serving_) {
    for (int i = 0; i < options_.workers; ++i) ::send(wake_fd_, "", 0, MSG_DONTWAIT);
    serving_changed_.wait_for(lock, std::chrono::milliseconds(20));
  }
}

void ThreadingUdpServer::server_close() {
  shutdown();
  std::lock_guard lock(serving_mutex_);
  if (socket_fd_ >= 0) ::close(socket_fd_);
  socket_fd_ = -1;
}

ServerStats ThreadingUdpServer::stats() const {
  ServerStats stats;
  stats.handler_threads = workers_running_;
  stats.datagrams_handled = handled_;
  stats.datagrams_dropped = dropped_;
  stats.handler_errors = handler_errors_;
  return stats;
}

}  // namespace real
