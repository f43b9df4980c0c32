// `procsim real spawn`: it exits with the child's status, --timeout ends
// the child (SIGTERM, then SIGKILL after --grace), and SIGINT or SIGTERM to
// procsim ends and reaps the child instead of leaving it behind; SIGKILL to
// procsim kills the child too (PR_SET_PDEATHSIG) unless --detached.
#include <poll.h>
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cerrno>
#include <nlohmann/json.hpp>
#include <regex>

#include "command_runner.hpp"
#include "test_support.hpp"

using namespace std::chrono_literals;
using nlohmann::json;
using real_test::BackgroundProcsim;
using real_test::endsWithin;
using real_test::runProcsim;

namespace {

pid_t childPidFrom(const std::string& started_line) {
  std::smatch match;
  REQUIRE(std::regex_search(started_line, match, std::regex("^started .* pid ([0-9]+)")));
  return std::stoi(match[1]);
}

bool processExists(pid_t pid) { return ::kill(pid, 0) == 0 || errno != ESRCH; }

}  // namespace

TEST_CASE("real spawn exits with the child's exit code", "[real][cli][spawn]") {
  const auto result = runProcsim({"real", "spawn", "--format", "json", "--", "sh", "-c", "exit 3"});
  CHECK(result.status == 3);
  CHECK(json::parse(result.out).at("exitcode") == 3);
}

TEST_CASE("real spawn --timeout ends the child with SIGTERM and exits 128 + 15", "[real][cli][spawn]") {
  const auto start = std::chrono::steady_clock::now();
  const auto result = runProcsim({"real", "spawn", "--timeout", "0.2", "--format", "json", "--", "sleep", "30"}, 20s);
  CHECK(real_test::secondsSince(start) < 10);
  CHECK(result.status == 143);
  const json report = json::parse(result.out);
  CHECK(report.at("exitcode") == -15);
  CHECK(report.at("ended_by") == "timeout");
  CHECK_FALSE(processExists(report.at("pid").get<pid_t>()));
}

TEST_CASE("real spawn --timeout kills a child that ignores SIGTERM once the grace period is over",
          "[real][cli][spawn]") {
  const auto start = std::chrono::steady_clock::now();
  const auto result = runProcsim({"real", "spawn", "--timeout", "0.2", "--grace", "0.3", "--format", "json", "--",
                                  "sh", "-c", "trap '' TERM; exec sleep 30"},
                                 20s);
  const double elapsed = real_test::secondsSince(start);
  CHECK(elapsed >= 0.5);
  CHECK(elapsed < 10);
  CHECK(result.status == 137);
  const json report = json::parse(result.out);
  CHECK(report.at("exitcode") == -9);
  CHECK_FALSE(processExists(report.at("pid").get<pid_t>()));
}

TEST_CASE("real spawn --help says what --timeout and --grace do", "[real][cli][spawn]") {
  const auto result = runProcsim({"real", "spawn", "--help"});
  CHECK(result.status == 0);
  CHECK_THAT(result.out, Catch::Contains("send the child SIGTERM, then SIGKILL after --grace seconds"));
  CHECK_THAT(result.out, Catch::Contains("exit with its status"));
}

TEST_CASE("SIGINT or SIGTERM to real spawn ends and reaps the child", "[real][cli][spawn]") {
  const int signal_number = GENERATE(SIGINT, SIGTERM);
  BackgroundProcsim spawner({"real", "spawn", "--grace", "5", "--", "sleep", "30"});
  const pid_t child = childPidFrom(spawner.readLine());
  REQUIRE(processExists(child));
  const auto start = std::chrono::steady_clock::now();
  const int status = spawner.stop(signal_number, 20s);
  CHECK(real_test::secondsSince(start) < 5);
  CHECK(status == 143);  // the child's status: ended by SIGTERM
  const bool left_behind = processExists(child);
  if (left_behind) ::kill(child, SIGKILL);
  CHECK_FALSE(left_behind);
}

TEST_CASE("real spawn's child dies when procsim is killed by SIGKILL, unless --detached", "[real][cli][spawn]") {
  const bool detached = GENERATE(false, true);
  INFO("detached " << detached);
  std::vector<std::string> args{"real", "spawn"};
  if (detached) args.push_back("--detached");
  args.insert(args.end(), {"--", "sleep", "100"});
  BackgroundProcsim spawner(args);
  const pid_t child = childPidFrom(spawner.readLine());
  // A pidfd taken while procsim is alive names this very process for good.
  const int pidfd = static_cast<int>(::syscall(SYS_pidfd_open, child, 0));
  REQUIRE(pidfd >= 0);
  CHECK(spawner.stop(SIGKILL) == 128 + SIGKILL);
  if (detached) {
    CHECK_FALSE(endsWithin(pidfd, 200ms));
    ::syscall(SYS_pidfd_send_signal, pidfd, SIGKILL, nullptr, 0);
  }
  CHECK(endsWithin(pidfd, 10s));
  ::close(pidfd);
}
