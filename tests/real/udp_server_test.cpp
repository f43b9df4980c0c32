// The guarantees of real::ThreadingUdpServer, one test each (issue 3,
// "Servers"). Every server binds 127.0.0.1 port 0.
#include <signal.h>

#include <catch2/catch.hpp>
#include <cerrno>
#include <stdexcept>
#include <system_error>

#include "real/echo.hpp"
#include "real/load_client.hpp"
#include "real/process.hpp"
#include "real/udp_server.hpp"
#include "server_support.hpp"
#include "test_support.hpp"

using namespace std::chrono_literals;
using real::ThreadingUdpServer;
using real_test::Client;
using real_test::LeakCheck;
using Serving = real_test::Serving<ThreadingUdpServer>;

namespace {

class FragileEcho : public real::DatagramHandler {
 public:
  void handle(std::string_view request, real::DatagramReply& reply) override {
    if (request == "boom") throw std::runtime_error("the datagram handler hit a boom");
    reply.send(real::upper_ascii(request));
  }
};

}  // namespace

TEST_CASE("a UDP server binds 127.0.0.1 by default, port 0 picks a free port, and it echoes upper case",
          "[real][udp]") {
  LeakCheck leaks;
  {
    Serving serving(real::ServerOptions{}, real::make_echo_datagram_handler);
    const real::Endpoint address = serving.server.server_address();
    CHECK(address.host == "127.0.0.1");
    CHECK(address.port != 0);
    CHECK(real::exchange_once(real::Transport::Udp, address, "hello udp 42") == "HELLO UDP 42");
  }
  leaks.check();
}

TEST_CASE("a UDP address already in use is a clear error, not a crash", "[real][udp]") {
  LeakCheck leaks;
  {
    ThreadingUdpServer first({}, real::make_echo_datagram_handler);
    real::ServerOptions same;
    same.address.port = first.server_address().port;
    try {
      ThreadingUdpServer second(same, real::make_echo_datagram_handler);
      FAIL("a second server bound a port in use");
    } catch (const std::system_error& error) {
      CHECK(error.code().value() == EADDRINUSE);
      CHECK_THAT(error.what(), Catch::Contains("127.0.0.1:" + std::to_string(same.address.port)));
    }
  }
  leaks.check();
}

// The bound only tells a woken worker from one left to its 1 s receive
// timeout; it is loose so that a loaded machine does not fail it.
TEST_CASE("UDP shutdown wakes idle workers at once, not at their 1 s receive timeout", "[real][udp]") {
  LeakCheck leaks;
  {
    real::ServerOptions options;
    options.workers = 3;
    Serving serving(options, real::make_echo_datagram_handler);
    // An answered datagram shows the workers are serving.
    REQUIRE(real::exchange_once(real::Transport::Udp, serving.server.server_address(), "up") == "UP");
    const auto start = std::chrono::steady_clock::now();
    serving.stop();
    CHECK(real_test::secondsSince(start) < 0.5);
  }
  leaks.check();
}

TEST_CASE("a datagram over the size limit is dropped and counted, and serving goes on", "[real][udp]") {
  LeakCheck leaks;
  {
    real_test::LogLines log;
    real::ServerOptions options;
    options.max_datagram = 512;
    options.log = log.sink();
    Serving serving(options, real::make_echo_datagram_handler);
    Client client(SOCK_DGRAM, serving.server.server_address());
    client.send(std::string(1000, 'x'));
    REQUIRE(log.waitFor("1000 bytes"));
    CHECK(serving.server.stats().datagrams_dropped == 1);
    // The first answer is to the next datagram: the long one got none.
    client.send(std::string(512, 'y'));
    CHECK(client.receive(0) == std::string(512, 'Y'));
  }
  leaks.check();
}

TEST_CASE("a UDP handler that throws is logged and the server keeps serving", "[real][udp]") {
  LeakCheck leaks;
  {
    real_test::LogLines log;
    real::ServerOptions options;
    options.log = log.sink();
    Serving serving(options, [] { return std::make_unique<FragileEcho>(); });
    Client client(SOCK_DGRAM, serving.server.server_address());
    client.send("boom");
    REQUIRE(log.waitFor("the datagram handler hit a boom"));
    CHECK(serving.server.stats().handler_errors == 1);
    client.send("after");
    CHECK(client.receive(0) == "AFTER");
  }
  leaks.check();
}

TEST_CASE("the UDP socket never reaches a child", "[real][udp]") {
  LeakCheck leaks;
  {
    Serving serving(real::ServerOptions{}, real::make_echo_datagram_handler);
    real::Process forked([] {
      ::raise(SIGSTOP);  // once its target runs, after the descriptors are closed
      std::this_thread::sleep_for(30s);
    });
    auto command = real::Process::command({"sleep", "30"});
    forked.start();
    command->start();
    REQUIRE(real_test::waitForStop(forked.pid()));
    const std::set<int> standard{0, 1, 2};
    CHECK(real_test::openDescriptors(std::to_string(forked.pid())) == standard);
    // sleep opens files of its own while it starts (locale): no event says
    // when it is done, so this one is polled.
    CHECK(real_test::waitUntil([&] { return real_test::openDescriptors(std::to_string(command->pid())) == standard; }));
    forked.kill();
    command->kill();
    forked.join();
    command->join();
  }
  leaks.check();
}

TEST_CASE("after server_close the UDP port can be bound again", "[real][udp]") {
  LeakCheck leaks;
  {
    Serving serving(real::ServerOptions{}, real::make_echo_datagram_handler);
    const std::uint16_t port = serving.server.server_address().port;
    REQUIRE(real::exchange_once(real::Transport::Udp, serving.server.server_address(), "x") == "X");
    serving.stop();
    serving.server.server_close();
    real::ServerOptions again;
    again.address.port = port;
    ThreadingUdpServer rebound(again, real::make_echo_datagram_handler);
    CHECK(rebound.server_address().port == port);
  }
  leaks.check();
}

TEST_CASE("64 concurrent UDP clients get every reply on two workers", "[real][udp][load]") {
  LeakCheck leaks;
  {
    real::ServerOptions options;
    options.workers = 2;
    Serving serving(options, real::make_echo_datagram_handler);
    real::LoadOptions load;
    load.transport = real::Transport::Udp;
    load.server = serving.server.server_address();
    load.connections = 64;
    load.messages = real_test::scaledLoad(2000, 100);
    load.reply_timeout = 5s;
    const real::LoadReport report = real::run_load(load);
    INFO(report.first_error);
    CHECK(report.errors == 0);
    CHECK(report.messages == 64 * load.messages);
    CHECK(serving.server.stats().datagrams_handled == static_cast<std::uint64_t>(64 * load.messages));
  }
  leaks.check();
}
