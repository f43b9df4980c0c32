// real/server.hpp: what the TCP and UDP servers share, in the shape of
// Python's socketserver: options, handler interfaces and counters.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "real/endpoint.hpp"

namespace real {

// The most TCP connections the descriptor limit leaves room for: the soft
// RLIMIT_NOFILE less 64 descriptors kept for everything else, at least 1
// (1,000,000 when unlimited). Read at each call.
int max_connections_for_descriptor_limit() noexcept;
// ServerOptions::max_connections' default: min(1024, the above).
int default_max_connections() noexcept;

struct ServerOptions {
  // Where to listen. 127.0.0.1 unless another address is asked for; port 0
  // lets the kernel pick a free port (server_address() reports it).
  Endpoint address;
  // TCP: 0 starts a thread per connection (socketserver's ThreadingMixIn);
  // N > 0 serves connections on a bounded pool of N threads, one connection
  // per thread at a time. UDP: the number of worker threads receiving and
  // handling datagrams (0 means 1).
  int workers = 0;
  // TCP: connections served at once. Further clients wait in the listen
  // backlog until one ends, so no client can exhaust the process's threads.
  // The default follows RLIMIT_NOFILE as it is when the options are made.
  // Should accept still run out of descriptors (EMFILE, ENFILE, ENOBUFS,
  // ENOMEM), the server pauses 100 ms (or until a connection ends) before it
  // tries again, instead of spinning.
  int max_connections = default_max_connections();
  // TCP: a connection silent this long is closed. Zero means never.
  std::chrono::milliseconds idle_timeout{60'000};
  // UDP: datagrams longer than this many bytes are dropped and counted.
  std::size_t max_datagram = 65507;
  int backlog = 128;
  // Where errors (a throwing handler, a dropped datagram) are reported.
  // Default: one line on stderr. Called from server threads.
  std::function<void(std::string_view)> log;
};

// Counters since the server was created. Safe to read from any thread.
struct ServerStats {
  std::uint64_t connections_accepted = 0;  // TCP
  std::uint64_t active_connections = 0;    // TCP: being served or queued now
  std::uint64_t handler_threads = 0;       // threads that exist now, finished or not
  std::uint64_t handler_errors = 0;        // handle() threw
  std::uint64_t idle_closed = 0;           // TCP: closed for idleness
  std::uint64_t datagrams_handled = 0;     // UDP
  std::uint64_t datagrams_dropped = 0;     // UDP: longer than max_datagram
};

// A connected TCP stream, handed to StreamHandler::handle().
class StreamConnection {
 public:
  virtual ~StreamConnection() = default;
  // Receives up to buffer.size() bytes. 0 means the conversation is over:
  // the peer closed or reset, the connection was idle too long, or the
  // server is shutting down. Retries after EINTR.
  virtual std::size_t receive(std::span<char> buffer) = 0;
  // Sends every byte (partial sends and EINTR are retried); false if the
  // peer is gone. Never raises SIGPIPE.
  virtual bool send_all(std::string_view data) = 0;
  virtual const Endpoint& peer() const = 0;
};

// socketserver.BaseRequestHandler for TCP: handle() holds the
// communication loop and returns when the peer is done.
class StreamHandler {
 public:
  virtual ~StreamHandler() = default;
  virtual void handle(StreamConnection& connection) = 0;
};
using StreamHandlerFactory = std::function<std::unique_ptr<StreamHandler>()>;

// Sends the answer to one datagram back to whoever sent it.
class DatagramReply {
 public:
  virtual ~DatagramReply() = default;
  virtual bool send(std::string_view data) = 0;
  virtual const Endpoint& client() const = 0;
};

// socketserver.BaseRequestHandler for UDP: one datagram per call.
class DatagramHandler {
 public:
  virtual ~DatagramHandler() = default;
  virtual void handle(std::string_view request, DatagramReply& reply) = 0;
};
// Called once per worker thread; its handler serves that worker's datagrams.
using DatagramHandlerFactory = std::function<std::unique_ptr<DatagramHandler>()>;

}  // namespace real
