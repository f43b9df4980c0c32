// real::ThreadingTcpServer against the descriptor limit (issue 11): the
// default connection cap follows RLIMIT_NOFILE, and a server whose accept
// runs out of descriptors pauses instead of spinning, then serves again.
#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <sstream>
#include <thread>
#include <memory>
#include <string>
#include <vector>

#include "real/process.hpp"
#include "real/tcp_server.hpp"
#include "server_support.hpp"
#include "test_support.hpp"

using namespace std::chrono_literals;
using real_test::Client;
using real_test::LeakCheck;

namespace {

// Sets the soft RLIMIT_NOFILE for the life of the object.
class SoftDescriptorLimit {
 public:
  explicit SoftDescriptorLimit(rlim_t soft) {
    REQUIRE(::getrlimit(RLIMIT_NOFILE, &saved_) == 0);
    rlimit lowered = saved_;
    lowered.rlim_cur = soft;
    REQUIRE(::setrlimit(RLIMIT_NOFILE, &lowered) == 0);
  }
  ~SoftDescriptorLimit() { ::setrlimit(RLIMIT_NOFILE, &saved_); }
  SoftDescriptorLimit(const SoftDescriptorLimit&) = delete;
  SoftDescriptorLimit& operator=(const SoftDescriptorLimit&) = delete;

 private:
  rlimit saved_{};
};

// One line to the parent: written whole (a pipe write of under PIPE_BUF
// bytes is atomic), so lines from several threads never mix.
void tell(int fd, const std::string& line) {
  const std::string text = line + "\n";
  if (::write(fd, text.data(), text.size()) != static_cast<ssize_t>(text.size())) std::abort();
}

// Echoes in upper case like the bundled handler, and tells the parent
// "served MESSAGE" when the first message of its connection arrives.
class ReportingEcho : public real::StreamHandler {
 public:
  explicit ReportingEcho(int events_fd) : events_fd_(events_fd) {}
  void handle(real::StreamConnection& connection) override {
    char buffer[256];
    for (bool first = true;; first = false) {
      const std::size_t got = connection.receive(buffer);
      if (got == 0) return;
      std::string text(buffer, got);
      if (first) tell(events_fd_, "served " + text);
      for (char& c : text) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
      if (!connection.send_all(text)) return;
    }
  }

 private:
  int events_fd_;
};

int highestOpenDescriptor() {
  int highest = -1;
  for (const int fd : real_test::openDescriptors()) highest = std::max(highest, fd);
  return highest;
}

// The child: a server allowed a few descriptors more than it holds, which
// tells the parent "port N", "served ..." per connection and "pause" each
// time accept fails for want of a descriptor; it serves until `control_fd`
// is closed.
int serveShortOfDescriptors(int events_fd, int control_fd) {
  real::ServerOptions options;
  options.max_connections = 1000;  // far above what the descriptors allow
  options.log = [events_fd](std::string_view line) {
    if (line.find("pausing") != std::string_view::npos) tell(events_fd, "pause");
  };
  real::ThreadingTcpServer server(options, [events_fd] { return std::make_unique<ReportingEcho>(events_fd); });
  rlimit lowered{};
  ::getrlimit(RLIMIT_NOFILE, &lowered);
  lowered.rlim_cur = static_cast<rlim_t>(highestOpenDescriptor() + 4);  // room for three connections, or a few more
  if (::setrlimit(RLIMIT_NOFILE, &lowered) != 0) return 3;
  tell(events_fd, "port " + std::to_string(server.server_address().port));
  std::thread loop([&server] { server.serve_forever(); });
  char ignored = 0;
  while (::read(control_fd, &ignored, 1) > 0) {
  }
  server.shutdown();
  loop.join();
  return 0;
}

// User plus system CPU time of the whole process `pid` (all its threads),
// in clock ticks, from /proc/PID/stat.
long cpuTicks(pid_t pid) {
  const std::string text = real_test::readFile("/proc/" + std::to_string(pid) + "/stat");
  std::istringstream fields(text.substr(text.rfind(')') + 2));
  std::string field;
  long utime = 0;
  long stime = 0;
  for (int index = 3; fields >> field; ++index) {  // field 3 is the state
    if (index == 14) utime = std::stol(field);
    if (index == 15) {
      stime = std::stol(field);
      break;
    }
  }
  return utime + stime;
}

// The sanitizers' runtimes need descriptors of their own (reports, the
// symbolizer): a server squeezed to its last descriptors fails inside them
// (UBSan reports a bad vptr in the thread that accept's connection starts),
// so the EMFILE test runs in plain builds only.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

}  // namespace

TEST_CASE("the default connection cap follows RLIMIT_NOFILE, 64 descriptors kept free, at most 1024",
          "[real][tcp]") {
  rlimit limit{};
  REQUIRE(::getrlimit(RLIMIT_NOFILE, &limit) == 0);
  {
    SoftDescriptorLimit low(200);
    CHECK(real::default_max_connections() == 136);
    CHECK(real::ServerOptions{}.max_connections == 136);
  }
  {
    SoftDescriptorLimit tiny(50);
    CHECK(real::ServerOptions{}.max_connections == 1);
  }
  if (limit.rlim_max == RLIM_INFINITY || limit.rlim_max >= 4096) {
    SoftDescriptorLimit high(4096);
    CHECK(real::ServerOptions{}.max_connections == 1024);
    CHECK(real::max_connections_for_descriptor_limit() == 4032);
  }
}

TEST_CASE("a TCP server out of descriptors pauses instead of spinning and serves again once a connection ends",
          "[real][tcp]") {
  if (kSanitized) {
    WARN("skipped in a sanitizer build: its runtime needs the descriptors this test takes away");
    return;
  }
  LeakCheck leaks;
  {
    int events[2];
    int control[2];
    REQUIRE(::pipe2(events, O_CLOEXEC) == 0);
    REQUIRE(::pipe2(control, O_CLOEXEC) == 0);
    real::Process child([&] { return serveShortOfDescriptors(events[1], control[0]); });
    child.keep_fd(events[1]);
    child.keep_fd(control[0]);
    child.start();
    ::close(events[1]);
    ::close(control[0]);
    real_test::LineReader said(events[0]);

    const std::string port_line = said.next();
    REQUIRE(port_line.rfind("port ", 0) == 0);
    const real::Endpoint address{"127.0.0.1", static_cast<std::uint16_t>(std::stoi(port_line.substr(5)))};

    // Clients one at a time until the server runs out of descriptors: each
    // is either served or left in the backlog while the server pauses.
    std::vector<std::unique_ptr<Client>> clients;
    std::size_t waiting = 0;
    for (std::size_t i = 0; i < 64 && waiting == 0; ++i) {
      clients.push_back(std::make_unique<Client>(SOCK_STREAM, address));
      clients.back()->send(std::string("c").append(std::to_string(i)));
      const std::string line = said.next();
      if (line == "pause") {
        waiting = i;
      } else {
        REQUIRE(line == "served c" + std::to_string(i));
      }
    }
    REQUIRE(waiting >= 1);

    // Five more pauses: at least 100 ms apart, with the CPU nearly idle.
    const auto start = std::chrono::steady_clock::now();
    const long ticks_before = cpuTicks(child.pid());
    for (int pause = 0; pause < 5; ++pause) REQUIRE(said.next() == "pause");
    const double seconds = real_test::secondsSince(start);
    const double cpu_seconds = static_cast<double>(cpuTicks(child.pid()) - ticks_before) / ::sysconf(_SC_CLK_TCK);
    INFO("5 pauses in " << seconds << " s, " << cpu_seconds << " s of CPU");
    CHECK(seconds >= 0.3);  // a spinning server would say pause five times at once
    CHECK(cpu_seconds <= 0.1 * seconds + 0.02);

    // One connection ends: its descriptor frees the waiting client's turn.
    const auto freed = std::chrono::steady_clock::now();
    clients.front()->close();
    std::string line;
    while ((line = said.next()) == "pause") {
    }
    CHECK(line == std::string("served c").append(std::to_string(waiting)));
    CHECK(real_test::secondsSince(freed) < 1.0);
    const std::string expected = std::string("C").append(std::to_string(waiting));
    CHECK(clients[waiting]->receive(expected.size()) == expected);

    ::close(control[1]);
    child.join();
    CHECK(child.exitcode() == 0);
    clients.clear();
    ::close(events[0]);
  }
  leaks.check();
}
