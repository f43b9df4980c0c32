// The guarantees of real::ThreadingTcpServer, one test each (issue 3,
// "Servers"). Every server binds 127.0.0.1 port 0.
#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <cerrno>
#include <stdexcept>
#include <system_error>

#include "real/echo.hpp"
#include "real/load_client.hpp"
#include "real/process.hpp"
#include "real/tcp_server.hpp"
#include "server_support.hpp"
#include "test_support.hpp"

using namespace std::chrono_literals;
using real::ThreadingTcpServer;
using real_test::Client;
using real_test::LeakCheck;
using real_test::threadCount;
using Serving = real_test::Serving<ThreadingTcpServer>;

namespace {

// Echoes like the bundled handler but throws on a message containing "boom".
class FragileEcho : public real::StreamHandler {
 public:
  void handle(real::StreamConnection& connection) override {
    char buffer[4096];
    for (;;) {
      const std::size_t got = connection.receive(buffer);
      if (got == 0) return;
      const std::string text(buffer, got);
      if (text.find("boom") != std::string::npos) throw std::runtime_error("the handler hit a boom");
      if (!connection.send_all(real::upper_ascii(text))) return;
    }
  }
};

}  // namespace

TEST_CASE("a TCP server binds 127.0.0.1 by default, port 0 picks a free port, and it echoes upper case",
          "[real][tcp]") {
  LeakCheck leaks;
  {
    Serving serving(real::ServerOptions{}, real::make_echo_stream_handler);
    const real::Endpoint address = serving.server.server_address();
    CHECK(address.host == "127.0.0.1");
    CHECK(address.port != 0);
    Client client(SOCK_STREAM, address);
    const std::string message = "hello, w\xc3\xb6rld 123";
    client.send(message);
    CHECK(client.receive(message.size()) == "HELLO, W\xc3\xb6RLD 123");
  }
  leaks.check();
}

TEST_CASE("a TCP server binds another address only when asked", "[real][tcp]") {
  LeakCheck leaks;
  {
    real::ServerOptions options;
    options.address.host = "127.0.0.2";
    Serving serving(options, real::make_echo_stream_handler);
    const real::Endpoint address = serving.server.server_address();
    CHECK(address.host == "127.0.0.2");
    CHECK(real::exchange_once(real::Transport::Tcp, address, "abc") == "ABC");
    CHECK_THROWS_AS(real::exchange_once(real::Transport::Tcp, {"127.0.0.1", address.port}, "abc"),
                    std::system_error);
  }
  leaks.check();
}

TEST_CASE("a TCP address already in use or a bad host is a clear error, not a crash", "[real][tcp]") {
  LeakCheck leaks;
  {
    ThreadingTcpServer first({}, real::make_echo_stream_handler);
    real::ServerOptions same;
    same.address.port = first.server_address().port;
    try {
      ThreadingTcpServer second(same, real::make_echo_stream_handler);
      FAIL("a second server bound a port in use");
    } catch (const std::system_error& error) {
      CHECK(error.code().value() == EADDRINUSE);
      CHECK_THAT(error.what(), Catch::Contains("127.0.0.1:" + std::to_string(same.address.port)));
    }
    real::ServerOptions bad;
    bad.address.host = "not-an-address";
    CHECK_THROWS_AS(ThreadingTcpServer(bad, real::make_echo_stream_handler), std::invalid_argument);
  }
  leaks.check();
}

TEST_CASE("TCP shutdown returns at once, idle or with idle clients connected", "[real][tcp]") {
  LeakCheck leaks;
  {
    Serving serving(real::ServerOptions{}, real::make_echo_stream_handler);
    // An answered exchange shows the loop is serving (a shutdown before
    // serve_forever would make it return at once, testing nothing).
    REQUIRE(real::exchange_once(real::Transport::Tcp, serving.server.server_address(), "up") == "UP");
    SECTION("no client") {
      const auto start = std::chrono::steady_clock::now();
      serving.stop();
      CHECK(real_test::secondsSince(start) < 0.5);  // loose: the failure is a wait without end
    }
    SECTION("a connected client that says nothing") {
      Client idle(SOCK_STREAM, serving.server.server_address());
      idle.send("x");
      CHECK(idle.receive(1) == "X");
      const auto start = std::chrono::steady_clock::now();
      serving.stop();
      CHECK(real_test::secondsSince(start) < 0.5);  // loose: the failure is a wait without end
      CHECK(idle.closedByPeer(1000));
    }
  }
  leaks.check();
}

TEST_CASE("shutdown before serve_forever makes it return at once", "[real][tcp]") {
  LeakCheck leaks;
  {
    ThreadingTcpServer server({}, real::make_echo_stream_handler);
    server.shutdown();
    const auto start = std::chrono::steady_clock::now();
    server.serve_forever();
    CHECK(real_test::secondsSince(start) < 1.0);
  }
  leaks.check();
}

TEST_CASE("clients that disconnect mid-message, reset or send nothing do not disturb others",
          "[real][tcp]") {
  LeakCheck leaks;
  {
    Serving serving(real::ServerOptions{}, real::make_echo_stream_handler);
    const real::Endpoint address = serving.server.server_address();
    Client silent(SOCK_STREAM, address);
    {
      Client half(SOCK_STREAM, address);
      half.send("half a mess");
    }
    {
      Client resetting(SOCK_STREAM, address);
      resetting.send(std::string(100000, 'r'));
      resetting.reset();
    }
    real::LoadOptions load;
    load.server = address;
    load.connections = 4;
    load.messages = 500;
    load.reply_timeout = 10s;
    const real::LoadReport report = real::run_load(load);
    CHECK(report.errors == 0);
    CHECK(report.messages == 2000);
    INFO(report.first_error);
    silent.send("still here");
    CHECK(silent.receive(10) == "STILL HERE");
  }
  leaks.check();
}

TEST_CASE("a peer gone while the server sends does not kill the server with SIGPIPE", "[real][tcp]") {
  LeakCheck leaks;
  struct sigaction current {};
  REQUIRE(::sigaction(SIGPIPE, nullptr, &current) == 0);
  REQUIRE(current.sa_handler == SIG_DFL);  // so a SIGPIPE would end this test process
  {
    Serving serving(real::ServerOptions{}, real::make_echo_stream_handler);
    const real::Endpoint address = serving.server.server_address();
    for (int round = 0; round < 20; ++round) {
      Client flooding(SOCK_STREAM, address);
      flooding.send(std::string(512 * 1024, 'p'));  // echo replies pile up unread
      flooding.reset();
    }
    CHECK(real::exchange_once(real::Transport::Tcp, address, "alive?") == "ALIVE?");
  }
  leaks.check();
}

TEST_CASE("partial sends and EINTR are handled: large transfers survive a storm of signals",
          "[real][tcp]") {
  LeakCheck leaks;
  struct sigaction interrupting {};
  struct sigaction previous {};
  interrupting.sa_handler = [](int) {};
  interrupting.sa_flags = 0;  // no SA_RESTART: blocking calls fail with EINTR
  REQUIRE(::sigaction(SIGUSR1, &interrupting, &previous) == 0);
  {
    Serving serving(real::ServerOptions{}, real::make_echo_stream_handler);
    const real::Endpoint address = serving.server.server_address();
    Client big(SOCK_STREAM, address);
    std::atomic<bool> stop{false};
    std::thread storm([&stop] {
      while (!stop) {
        ::kill(::getpid(), SIGUSR1);
        std::this_thread::sleep_for(100us);
      }
    });
    std::string payload(4 * 1024 * 1024, 'q');
    for (std::size_t i = 0; i < payload.size(); i += 7) payload[i] = static_cast<char>('a' + i % 26);
    std::thread sender([&] { big.send(payload); });
    const std::string echoed = big.receive(payload.size(), 30000);
    sender.join();
    real::LoadOptions load;
    load.server = address;
    load.connections = 4;
    load.messages = real_test::scaledLoad(2000, 100);
    load.reply_timeout = 10s;
    const real::LoadReport report = real::run_load(load);
    stop = true;
    storm.join();
    CHECK(echoed.size() == payload.size());
    CHECK(echoed == real::upper_ascii(payload));
    CHECK(report.errors == 0);
    CHECK(report.messages == 4 * load.messages);
  }
  ::sigaction(SIGUSR1, &previous, nullptr);
  leaks.check();
}

TEST_CASE("a handler that throws is logged, its connection closed, and the server keeps serving",
          "[real][tcp]") {
  LeakCheck leaks;
  {
    real_test::LogLines log;
    real::ServerOptions options;
    options.log = log.sink();
    Serving serving(options, [] { return std::make_unique<FragileEcho>(); });
    const real::Endpoint address = serving.server.server_address();
    Client bystander(SOCK_STREAM, address);
    Client victim(SOCK_STREAM, address);
    victim.send("boom");
    CHECK(victim.closedByPeer(5000));
    CHECK(serving.server.stats().handler_errors == 1);  // counted before the connection is closed
    CHECK_THAT(log.joined(), Catch::Contains("the handler hit a boom"));
    bystander.send("fine");
    CHECK(bystander.receive(4) == "FINE");
    CHECK(real::exchange_once(real::Transport::Tcp, address, "next") == "NEXT");
  }
  leaks.check();
}

TEST_CASE("finished connection threads are joined, not left behind", "[real][tcp]") {
  LeakCheck leaks;
  {
    Serving serving(real::ServerOptions{}, real::make_echo_stream_handler);
    const std::size_t baseline = threadCount();
    const real::Endpoint address = serving.server.server_address();
    for (int i = 0; i < 200; ++i) {
      REQUIRE(real::exchange_once(real::Transport::Tcp, address, "once") == "ONCE");
    }
    CHECK(real_test::waitUntil([&] { return serving.server.stats().handler_threads == 0; }));
    CHECK(real_test::waitUntil([&] { return threadCount() == baseline; }));
    CHECK(serving.server.stats().connections_accepted == 200);
  }
  leaks.check();
}

TEST_CASE("at most max_connections are served at once and the next client waits until one ends",
          "[real][tcp]") {
  LeakCheck leaks;
  for (const int workers : {0, 2}) {
    INFO("workers " << workers);
    real::ServerOptions options;
    options.max_connections = 2;
    options.workers = workers;
    Serving serving(options, real::make_echo_stream_handler);
    const real::Endpoint address = serving.server.server_address();
    auto first = std::make_unique<Client>(SOCK_STREAM, address);
    Client second(SOCK_STREAM, address);
    first->send("a");
    second.send("b");
    CHECK(first->receive(1) == "A");
    CHECK(second.receive(1) == "B");
    Client third(SOCK_STREAM, address);
    third.send("c");
    CHECK(third.receive(1, 300).empty());
    CHECK(serving.server.stats().active_connections == 2);
    first.reset();
    CHECK(third.receive(1, 5000) == "C");
  }
  leaks.check();
}

TEST_CASE("a connection idle longer than the idle timeout is closed", "[real][tcp]") {
  LeakCheck leaks;
  {
    real::ServerOptions options;
    options.idle_timeout = 200ms;
    Serving serving(options, real::make_echo_stream_handler);
    Client idle(SOCK_STREAM, serving.server.server_address());
    const auto start = std::chrono::steady_clock::now();
    CHECK(idle.closedByPeer(5000));
    const double waited = real_test::secondsSince(start);
    CHECK(waited >= 0.15);
    CHECK(waited < 3.0);
    CHECK(serving.server.stats().idle_closed == 1);  // counted before the connection is closed
  }
  leaks.check();
}

TEST_CASE("the server's sockets are close-on-exec and never reach a child", "[real][tcp]") {
  LeakCheck leaks;
  {
    Serving serving(real::ServerOptions{}, real::make_echo_stream_handler);
    Client connected(SOCK_STREAM, serving.server.server_address());
    connected.send("x");
    REQUIRE(connected.receive(1) == "X");
    for (const int fd : real_test::openDescriptors()) {
      if (fd <= 2) continue;
      char link[256] = {};
      const std::string path = "/proc/self/fd/" + std::to_string(fd);
      if (::readlink(path.c_str(), link, sizeof link - 1) <= 0) continue;
      if (std::string(link).rfind("socket:", 0) != 0 && std::string(link).rfind("anon_inode:", 0) != 0) continue;
      INFO("fd " << fd << " " << link);
      CHECK((::fcntl(fd, F_GETFD) & FD_CLOEXEC) != 0);
    }
    auto command = real::Process::command({"sleep", "30"});
    command->start();
    const std::set<int> standard{0, 1, 2};
    // sleep opens files of its own while it starts (locale): no event says
    // when it is done, so this one is polled.
    CHECK(real_test::waitUntil([&] { return real_test::openDescriptors(std::to_string(command->pid())) == standard; }));
    command->kill();
    command->join();
  }
  leaks.check();
}

TEST_CASE("after server_close the TCP port can be bound again", "[real][tcp]") {
  LeakCheck leaks;
  {
    std::uint16_t port = 0;
    {
      Serving serving(real::ServerOptions{}, real::make_echo_stream_handler);
      port = serving.server.server_address().port;
      for (int i = 0; i < 5; ++i) {
        REQUIRE(real::exchange_once(real::Transport::Tcp, serving.server.server_address(), "x") == "X");
      }
      serving.stop();
      serving.server.server_close();
      real::ServerOptions again;
      again.address.port = port;
      ThreadingTcpServer rebound(again, real::make_echo_stream_handler);
      CHECK(rebound.server_address().port == port);
    }
  }
  leaks.check();
}

TEST_CASE("64 concurrent TCP clients each sending 10,000 messages get every reply, in order",
          "[real][tcp][load]") {
  LeakCheck leaks;
  {
    Serving serving(real::ServerOptions{}, real::make_echo_stream_handler);
    real::LoadOptions load;
    load.server = serving.server.server_address();
    load.connections = 64;
    load.messages = real_test::scaledLoad(10000, 200);
    load.reply_timeout = 20s;  // a lost reply fails the test instead of hanging it
    const real::LoadReport report = real::run_load(load);
    INFO(report.first_error);
    CHECK(report.errors == 0);
    CHECK(report.messages == 64 * load.messages);
    CHECK(serving.server.stats().connections_accepted == 64);
  }
  leaks.check();
}

TEST_CASE("a bounded pool of 4 threads serves 16 clients in turn, every reply correct",
          "[real][tcp][load]") {
  LeakCheck leaks;
  {
    real::ServerOptions options;
    options.workers = 4;
    Serving serving(options, real::make_echo_stream_handler);
    real::LoadOptions load;
    load.server = serving.server.server_address();
    load.connections = 16;
    load.messages = real_test::scaledLoad(1000, 50);
    load.reply_timeout = 20s;
    const real::LoadReport report = real::run_load(load);
    INFO(report.first_error);
    CHECK(report.errors == 0);
    CHECK(report.messages == 16 * load.messages);
    CHECK(serving.server.stats().handler_threads == 4);
  }
  leaks.check();
}
