#include "real/load_client.hpp"

#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

#include "real/echo.hpp"
#include "socket_io.hpp"

namespace real {

std::string_view name(Transport transport) {
  return transport == Transport::Tcp ? "tcp" : "udp";
}

namespace {

using Clock = std::chrono::steady_clock;

// Reads exactly `size` bytes from a stream. The socket's SO_RCVTIMEO bounds
// each wait; `deadline` bounds the whole.
bool receiveExactly(int fd, char* buffer, std::size_t size, Clock::time_point deadline) {
  std::size_t have = 0;
  while (have < size) {
    const ssize_t got = ::recv(fd, buffer + have, size - have, 0);
    if (got > 0) {
      have += static_cast<std::size_t>(got);
      continue;
    }
    if (got == 0) return false;
    if (errno != EINTR && errno != EAGAIN) return false;
    if (Clock::now() >= deadline) return false;
  }
  return true;
}

// "c<connection> m<number> " padded with lower-case letters to `size`.
void fillMessage(std::string& message, int connection, long number, std::size_t size) {
  char head[48];
  const int length = std::snprintf(head, sizeof head, "c%d m%ld ", connection, number);
  message.assign(head, static_cast<std::size_t>(length));
  for (std::size_t i = message.size(); i < size; ++i) message.push_back(static_cast<char>('a' + i % 26));
}

struct ConnectionResult {
  long messages = 0;
  long errors = 0;
  std::vector<std::int64_t> latencies_ns;
  std::string first_error;
};

void runConnection(const LoadOptions& options, int index, ConnectionResult& result) {
  auto fail = [&](const std::string& what, long count) {
    result.errors += count;
    if (result.first_error.empty()) result.first_error = "connection " + std::to_string(index) + ": " + what;
  };
  detail::UniqueFd fd;
  try {
    fd = detail::connectSocket(options.transport == Transport::Tcp ? SOCK_STREAM : SOCK_DGRAM, options.server);
  } catch (const std::exception& error) {
    fail(error.what(), options.messages);
    return;
  }
  // Blocking receives with a timeout: no poll() per message.
  detail::setReceiveTimeout(fd.get(), options.reply_timeout);
  result.latencies_ns.reserve(static_cast<std::size_t>(options.messages));
  const std::size_t size = std::max<std::size_t>(options.message_size, 24);
  std::string message;
  std::string expected;
  std::string reply(size + 1, '\0');
  for (long number = 0; number < options.messages; ++number) {
    fillMessage(message, index, number, size);
    expected = upper_ascii(message);
    const auto sent_at = Clock::now();
    const auto deadline = sent_at + options.reply_timeout;
    if (options.transport == Transport::Tcp) {
      if (!detail::sendAll(fd.get(), message.data(), message.size())) {
        fail("send failed at message " + std::to_string(number), options.messages - number);
        return;
      }
      if (!receiveExactly(fd.get(), reply.data(), message.size(), deadline)) {
        fail("no full reply to message " + std::to_string(number), options.messages - number);
        return;
      }
      if (std::string_view(reply.data(), message.size()) != expected) {
        // The stream is out of step: nothing after this can be trusted.
        fail("wrong reply to message " + std::to_string(number), options.messages - number);
        return;
      }
    } else {
      if (::send(fd.get(), message.data(), message.size(), MSG_NOSIGNAL) < 0) {
        fail("send failed at message " + std::to_string(number), 1);
        continue;
      }
      bool answered = false;
      // Skips stale replies to earlier messages that arrived late.
      while (!answered && Clock::now() < deadline) {
        const ssize_t got = ::recv(fd.get(), reply.data(), reply.size(), 0);
        if (got < 0) {
          if (errno == EINTR) continue;
          break;  // EAGAIN: timed out; ECONNREFUSED: nobody listens
        }
        answered = std::string_view(reply.data(), static_cast<std::size_t>(got)) == expected;
      }
      if (!answered) {
        fail("no reply to message " + std::to_string(number), 1);
        continue;
      }
    }
    ++result.messages;
    result.latencies_ns.push_back(std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - sent_at).count());
  }
}

double percentileUs(std::vector<std::int64_t>& sorted, double fraction) {
  if (sorted.empty()) return 0;
  const auto index = static_cast<std::size_t>(fraction * static_cast<double>(sorted.size() - 1));
  return static_cast<double>(sorted[index]) / 1000.0;
}

}  // namespace

std::string exchange_once(Transport transport, const Endpoint& server, std::string_view message,
                          std::chrono::milliseconds timeout) {
  detail::UniqueFd fd = detail::connectSocket(transport == Transport::Tcp ? SOCK_STREAM : SOCK_DGRAM, server);
  const auto deadline = Clock::now() + timeout;
  detail::setReceiveTimeout(fd.get(), timeout);
  if (transport == Transport::Tcp) {
    if (!detail::sendAll(fd.get(), message.data(), message.size())) detail::throwErrno("send");
    std::string reply(message.size(), '\0');
    if (!receiveExactly(fd.get(), reply.data(), reply.size(), deadline)) {
      throw std::runtime_error("no full reply from " + server.to_string());
    }
    return reply;
  }
  if (::send(fd.get(), message.data(), message.size(), MSG_NOSIGNAL) < 0) detail::throwErrno("send");
  std::string reply(65536, '\0');
  while (Clock::now() < deadline) {
    const ssize_t got = ::recv(fd.get(), reply.data(), reply.size(), 0);
    if (got >= 0) {
      reply.resize(static_cast<std::size_t>(got));
      return reply;
    }
    if (errno == EAGAIN) break;
    if (errno != EINTR) detail::throwErrno("recv");
  }
  throw std::runtime_error("no reply from " + server.to_string());
}

LoadReport run_load(const LoadOptions& options) {
  std::vector<ConnectionResult> results(static_cast<std::size_t>(std::max(options.connections, 0)));
  const auto start = Clock::now();
  std::vector<std::thread> threads;
  threads.reserve(results.size());
  for (std::size_t i = 0; i < results.size(); ++i) {
    threads.emplace_back([&options, &results, i] { runConnection(options, static_cast<int>(i), results[i]); });
  }
  for (std::thread& thread : threads) thread.join();
  LoadReport report;
  report.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  std::vector<std::int64_t> latencies;
  for (ConnectionResult& result : results) {
    report.messages += result.messages;
    report.errors += result.errors;
    if (report.first_error.empty()) report.first_error = result.first_error;
    latencies.insert(latencies.end(), result.latencies_ns.begin(), result.latencies_ns.end());
  }
  report.rate = report.seconds > 0 ? static_cast<double>(report.messages) / report.seconds : 0;
  std::sort(latencies.begin(), latencies.end());
  report.p50_us = percentileUs(latencies, 0.50);
  report.p90_us = percentileUs(latencies, 0.90);
  report.p99_us = percentileUs(latencies, 0.99);
  report.max_us = percentileUs(latencies, 1.0);
  return report;
}

}  // namespace real
