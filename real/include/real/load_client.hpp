// real/load_client.hpp: clients for the echo servers: one exchange, or a
// load run of many connections each sending many request/response messages
// and checking every reply (used by `procsim real client`, the tests and
// the benchmarks).
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

#include "real/endpoint.hpp"

namespace real {

enum class Transport { Tcp, Udp };
std::string_view name(Transport transport);

// Sends `message` once and returns the reply (for TCP: as many bytes as were
// sent, the echo protocol). Throws std::system_error if the server cannot be
// reached, std::runtime_error if no reply comes within `timeout`.
std::string exchange_once(Transport transport, const Endpoint& server, std::string_view message,
                          std::chrono::milliseconds timeout = std::chrono::seconds(5));

struct LoadOptions {
  Transport transport = Transport::Tcp;
  Endpoint server;
  int connections = 8;      // concurrent clients, one thread each
  long messages = 1000;     // per connection
  std::size_t message_size = 32;  // bytes per message (at least 24)
  // A reply missing this long is an error (TCP: the rest of that
  // connection's messages count as errors too; UDP: the next one is sent).
  std::chrono::milliseconds reply_timeout{5000};
};

struct LoadReport {
  long messages = 0;   // replies received and equal to the expected echo
  long errors = 0;     // messages without a correct reply
  double seconds = 0;  // wall time of the whole run
  double rate = 0;     // messages / seconds
  // Round-trip latency of the correct replies, in microseconds.
  double p50_us = 0;
  double p90_us = 0;
  double p99_us = 0;
  double max_us = 0;
  std::string first_error;  // what went wrong first, if anything
};

// Runs the load; the echo reply of every message is checked byte for byte,
// so a lost, duplicated, reordered or corrupted reply is an error.
LoadReport run_load(const LoadOptions& options);

}  // namespace real
