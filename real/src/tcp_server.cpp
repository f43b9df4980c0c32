#include "real/tcp_server.hpp"

#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <string>

#include "socket_io.hpp"

namespace real {

namespace {

// The connection a StreamHandler talks through.
class TcpConnection final : public StreamConnection {
 public:
  TcpConnection(int fd, Endpoint peer, bool has_idle_timeout)
      : fd_(fd), peer_(std::move(peer)), has_idle_timeout_(has_idle_timeout) {}

  std::size_t receive(std::span<char> buffer) override {
    const ssize_t got = detail::receiveSome(fd_, buffer.data(), buffer.size());
    if (got > 0) return static_cast<std::size_t>(got);
    if (got < 0 && has_idle_timeout_ && errno == EAGAIN) idle_ = true;
    return 0;  // closed, reset, idle or shut down: the conversation is over
  }

  bool send_all(std::string_view data) override {
    return detail::sendAll(fd_, data.data(), data.size());
  }

  const Endpoint& peer() const override { return peer_; }
  bool wentIdle() const { return idle_; }

 private:
  int fd_;
  Endpoint peer_;
  bool has_idle_timeout_;
  bool idle_ = false;
};

}  // namespace

ThreadingTcpServer::ThreadingTcpServer(ServerOptions options, StreamHandlerFactory factory)
    : options_(std::move(options)), factory_(std::move(factory)) {
  if (!factory_) throw std::invalid_argument("ThreadingTcpServer: no handler factory");
  if (options_.max_connections < 1) options_.max_connections = 1;
  detail::UniqueFd listen = detail::bindSocket(SOCK_STREAM, options_.address);
  if (::listen(listen.get(), options_.backlog) != 0) detail::throwErrno("listen");
  address_ = detail::localEndpoint(listen.get());
  detail::UniqueFd wake = detail::makeWakeFd();
  listen_fd_ = listen.release();
  wake_fd_ = wake.release();
}

ThreadingTcpServer::~ThreadingTcpServer() {
  shutdown();
  server_close();
  if (wake_fd_ >= 0) ::close(wake_fd_);
}

void ThreadingTcpServer::log(std::string_view message) const {
  if (options_.log) {
    options_.log(message);
  } else {
    std::fprintf(stderr, "tcp server %s: %.*s\n", address_.to_string().c_str(),
                 static_cast<int>(message.size()), message.data());
  }
}

void ThreadingTcpServer::serve_forever() {
  {
    std::lock_guard lock(serving_mutex_);
    if (serving_) throw std::logic_error("serve_forever: already serving");
    if (listen_fd_ < 0) throw std::logic_error("serve_forever: server is closed");
    serving_ = true;
  }
  for (int i = 0; i < options_.workers; ++i) pool_.emplace_back([this] { poolWorker(); });
  pool_threads_ = pool_.size();

  while (!stop_requested_) {
    reapFinishedThreads();
    bool at_capacity = false;
    {
      std::lock_guard lock(connections_mutex_);
      at_capacity = connections_.size() >= static_cast<std::size_t>(options_.max_connections);
    }
    // At capacity the listening socket is not polled: new clients wait in
    // the backlog until a connection ends (its thread wakes us).
    pollfd fds[2] = {{wake_fd_, POLLIN, 0}, {listen_fd_, static_cast<short>(at_capacity ? 0 : POLLIN), 0}};
    const int ready = ::poll(fds, 2, -1);
    if (ready < 0) continue;  // EINTR
    if (fds[0].revents != 0) detail::drainWake(wake_fd_);
    if (!stop_requested_ && (fds[1].revents & POLLIN) != 0) acceptOne();
  }

  endAllConnections();
  stop_requested_ = false;
  {
    std::lock_guard lock(serving_mutex_);
    serving_ = false;
  }
  serving_changed_.notify_all();
}

void ThreadingTcpServer::acceptOne() {
  sockaddr_in address{};
  socklen_t length = sizeof address;
  const int fd = ::accept4(listen_fd_, reinterpret_cast<sockaddr*>(&address), &length, SOCK_CLOEXEC);
  if (fd < 0) {
    if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM) {
      log(std::string("accept: ") + std::strerror(errno) + "; pausing 100 ms");
      pollfd wait{wake_fd_, POLLIN, 0};
      ::poll(&wait, 1, 100);
    }
    return;  // EINTR, ECONNABORTED, EAGAIN: nothing to do
  }
  ++accepted_;
  if (options_.idle_timeout.count() > 0) detail::setReceiveTimeout(fd, options_.idle_timeout);
  startConnection(fd, detail::fromSockaddr(address));
}

void ThreadingTcpServer::startConnection(int fd, const Endpoint& peer) {
  std::uint64_t id = 0;
  {
    std::lock_guard lock(connections_mutex_);
    id = next_id_++;
    connections_[id].fd = fd;
    if (options_.workers > 0) {
      pool_queue_.emplace_back(id, peer);
      pool_ready_.notify_one();
      return;
    }
  }
  try {
    std::thread thread([this, id, fd, peer] { serveConnection(id, fd, peer); });
    std::lock_guard lock(connections_mutex_);
    connections_[id].thread = std::move(thread);
  } catch (const std::system_error& error) {
    log(std::string("cannot start a connection thread: ") + error.what());
    finishConnection(id);
  }
}

void ThreadingTcpServer::serveConnection(std::uint64_t id, int fd, Endpoint peer) {
  TcpConnection connection(fd, std::move(peer), options_.idle_timeout.count() > 0);
  try {
    std::unique_ptr<StreamHandler> handler = factory_();
    handler->handle(connection);
  } catch (const std::exception& error) {
    ++handler_errors_;
    log("handler for " + connection.peer().to_string() + " threw: " + error.what() +
        "; connection closed");
  } catch (...) {
    ++handler_errors_;
    log("handler for " + connection.peer().to_string() + " threw; connection closed");
  }
  if (connection.wentIdle()) ++idle_closed_;
  finishConnection(id);
}

void ThreadingTcpServer::finishConnection(std::uint64_t id) {
  {
    std::lock_guard lock(connections_mutex_);
    auto slot = connections_.find(id);
    if (slot != connections_.end()) {
      if (slot->second.fd >= 0) ::close(slot->second.fd);
      slot->second.fd = -1;
      finished_.push_back(id);
    }
  }
  detail::wake(wake_fd_);  // the serving loop joins this thread
}

void ThreadingTcpServer::poolWorker() {
  for (;;) {
    std::pair<std::uint64_t, Endpoint> next;
    int fd = -1;
    {
      std::unique_lock lock(connections_mutex_);
      pool_ready_.wait(lock, [this] { return stop_requested_ || !pool_queue_.empty(); });
      if (pool_queue_.empty()) return;  // stopping
      next = std::move(pool_queue_.front());
      pool_queue_.pop_front();
      fd = connections_[next.first].fd;
    }
    serveConnection(next.first, fd, std::move(next.second));
  }
}

void ThreadingTcpServer::reapFinishedThreads() {
  std::vector<std::thread> done;
  {
    std::lock_guard lock(connections_mutex_);
    for (const std::uint64_t id : finished_) {
      auto slot = connections_.find(id);
      if (slot == connections_.end()) continue;
      if (slot->second.thread.joinable()) done.push_back(std::move(slot->second.thread));
      connections_.erase(slot);
    }
    finished_.clear();
  }
  for (std::thread& thread : done) thread.join();
}

void ThreadingTcpServer::endAllConnections() {
  {
    std::lock_guard lock(connections_mutex_);
    // Queued connections were never served: close them now.
    for (const auto& queued : pool_queue_) {
      Slot& slot = connections_[queued.first];
      if (slot.fd >= 0) ::close(slot.fd);
      slot.fd = -1;
      finished_.push_back(queued.first);
    }
    pool_queue_.clear();
    // A blocked receive() in a handler returns 0 at once.
    for (auto& [id, slot] : connections_) {
      if (slot.fd >= 0) ::shutdown(slot.fd, SHUT_RDWR);
    }
  }
  pool_ready_.notify_all();
  for (std::thread& worker : pool_) worker.join();
  pool_.clear();
  pool_threads_ = 0;
  std::vector<std::thread> remaining;
  {
    std::lock_guard lock(connections_mutex_);
    for (auto& [id, slot] : connections_) {
      if (slot.thread.joinable()) remaining.push_back(std::move(slot.thread));
    }
  }
  for (std::thread& thread : remaining) thread.join();
  std::lock_guard lock(connections_mutex_);
  connections_.clear();
  finished_.clear();
}

void ThreadingTcpServer::shutdown() {
  std::unique_lock lock(serving_mutex_);
  // Like socketserver: a shutdown() before serve_forever() makes it return
  // at once.
  stop_requested_ = true;
  if (!serving_) return;
  {
    // Under the pool's mutex so that no worker misses the wakeup.
    std::lock_guard pool_lock(connections_mutex_);
  }
  pool_ready_.notify_all();
  detail::wake(wake_fd_);
  serving_changed_.wait(lock, [this] { return !serving_; });
}

void ThreadingTcpServer::server_close() {
  shutdown();
  std::lock_guard lock(serving_mutex_);
  if (listen_fd_ >= 0) ::close(listen_fd_);
  listen_fd_ = -1;
}

ServerStats ThreadingTcpServer::stats() const {
  ServerStats stats;
  stats.connections_accepted = accepted_;
  stats.handler_errors = handler_errors_;
  stats.idle_closed = idle_closed_;
  std::lock_guard lock(connections_mutex_);
  stats.active_connections = connections_.size() - finished_.size();
  for (const auto& [id, slot] : connections_) {
    if (slot.thread.joinable()) ++stats.handler_threads;
  }
  stats.handler_threads += pool_threads_;
  return stats;
}

}  // namespace real
