#include "socket_io.hpp"

#include <arpa/inet.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <stdexcept>
#include <system_error>

namespace real::detail {

sockaddr_in toSockaddr(const Endpoint& endpoint) {
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(endpoint.port);
  const std::string host = endpoint.host == "localhost" ? "127.0.0.1" : endpoint.host;
  if (::inet_pton(AF_INET, host.c_str(), &address.sin_addr) != 1) {
    throw std::invalid_argument("'" + endpoint.host + "' is not an IPv4 address");
  }
  return address;
}

Endpoint fromSockaddr(const sockaddr_in& address) {
  char text[INET_ADDRSTRLEN] = {};
  ::inet_ntop(AF_INET, &address.sin_addr, text, sizeof text);
  return Endpoint{text, ntohs(address.sin_port)};
}

Endpoint localEndpoint(int fd) {
  sockaddr_in address{};
  socklen_t length = sizeof address;
  if (::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    throwErrno("getsockname");
  }
  return fromSockaddr(address);
}

UniqueFd bindSocket(int type, const Endpoint& endpoint) {
  const sockaddr_in address = toSockaddr(endpoint);
  UniqueFd fd(::socket(AF_INET, type | SOCK_CLOEXEC, 0));
  if (!fd.valid()) throwErrno("socket");
  if (type == SOCK_STREAM) {
    // Lets a closed server's port be bound again while old connections sit
    // in TIME_WAIT. A port another socket listens on still fails with
    // EADDRINUSE.
    const int on = 1;
    ::setsockopt(fd.get(), SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
  }
  if (::bind(fd.get(), reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
    const int error = errno;
    throw std::system_error(error, std::generic_category(), "bind " + endpoint.to_string());
  }
  return fd;
}

UniqueFd connectSocket(int type, const Endpoint& endpoint) {
  const sockaddr_in address = toSockaddr(endpoint);
  UniqueFd fd(::socket(AF_INET, type | SOCK_CLOEXEC, 0));
  if (!fd.valid()) throwErrno("socket");
  int error = 0;
  if (::connect(fd.get(), reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
    error = errno;
  }
  if (error == EINTR) {
    // The connection goes on in the background: wait for its outcome.
    pollfd descriptor{fd.get(), POLLOUT, 0};
    while (::poll(&descriptor, 1, -1) < 0 && errno == EINTR) {
    }
    socklen_t length = sizeof error;
    ::getsockopt(fd.get(), SOL_SOCKET, SO_ERROR, &error, &length);
  }
  if (error != 0) {
    throw std::system_error(error, std::generic_category(), "connect " + endpoint.to_string());
  }
  return fd;
}

bool sendAll(int fd, const char* data, std::size_t size) {
  while (size > 0) {
    const ssize_t sent = ::send(fd, data, size, MSG_NOSIGNAL);
    if (sent < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data += sent;
    size -= static_cast<std::size_t>(sent);
  }
  return true;
}

ssize_t receiveSome(int fd, char* buffer, std::size_t size) {
  for (;;) {
    const ssize_t got = ::recv(fd, buffer, size, 0);
    if (got >= 0 || errno != EINTR) return got;
  }
}

UniqueFd makeWakeFd() {
  UniqueFd fd(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK));
  if (!fd.valid()) throwErrno("eventfd");
  return fd;
}

void wake(int wake_fd) {
  const std::uint64_t one = 1;
  // Can only fail if the counter would overflow: it is then readable anyway.
  [[maybe_unused]] const ssize_t written = ::write(wake_fd, &one, sizeof one);
}

void drainWake(int wake_fd) {
  std::uint64_t count = 0;
  [[maybe_unused]] const ssize_t got = ::read(wake_fd, &count, sizeof count);
}

void setReceiveTimeout(int fd, std::chrono::milliseconds timeout) {
  timeval value{};
  value.tv_sec = static_cast<time_t>(timeout.count() / 1000);
  value.tv_usec = static_cast<suseconds_t>((timeout.count() % 1000) * 1000);
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &value, sizeof value);
}

}  // namespace real::detail
