// socket_io.hpp: the few socket calls the servers and the load client share,
// with EINTR, partial sends and SIGPIPE taken care of. IPv4 only.
#pragma once

#include <netinet/in.h>
#include <sys/types.h>

#include <chrono>
#include <cstddef>
#include <string_view>

#include "fd.hpp"
#include "real/endpoint.hpp"

namespace real::detail {

// Throws std::invalid_argument for a host that is not dotted IPv4/localhost.
sockaddr_in toSockaddr(const Endpoint& endpoint);
Endpoint fromSockaddr(const sockaddr_in& address);
Endpoint localEndpoint(int fd);

// A close-on-exec socket of `type` (SOCK_STREAM or SOCK_DGRAM) bound to
// `endpoint`. Throws std::system_error naming the address, e.g.
// "bind 127.0.0.1:8080: Address already in use".
UniqueFd bindSocket(int type, const Endpoint& endpoint);
// A close-on-exec socket of `type` connected to `endpoint`.
UniqueFd connectSocket(int type, const Endpoint& endpoint);

// Sends all `size` bytes; false if the peer is gone. MSG_NOSIGNAL: never
// SIGPIPE.
bool sendAll(int fd, const char* data, std::size_t size);
// recv() retried after EINTR. -1 with errno for other errors.
ssize_t receiveSome(int fd, char* buffer, std::size_t size);

// An eventfd used to wake a poll() from another thread.
UniqueFd makeWakeFd();
void wake(int wake_fd);
void drainWake(int wake_fd);

// Sets SO_RCVTIMEO; zero means no timeout.
void setReceiveTimeout(int fd, std::chrono::milliseconds timeout);

}  // namespace real::detail
