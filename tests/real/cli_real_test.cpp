// `procsim real ...` as a user runs it: the built binary, its output and
// its exit status (issue 3, "The command line").
#include <signal.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <regex>

#include "command_runner.hpp"
#include "test_support.hpp"

using namespace std::chrono_literals;
using nlohmann::json;
using real_test::BackgroundProcsim;
using real_test::runProcsim;

namespace {

// "listening tcp 127.0.0.1:PORT pid PID" -> PORT, checking the whole line.
std::string portFrom(const std::string& line, const std::string& protocol, pid_t pid) {
  const std::regex pattern("listening " + protocol + " 127\\.0\\.0\\.1:([0-9]+) pid ([0-9]+)");
  std::smatch match;
  REQUIRE(std::regex_match(line, match, pattern));
  CHECK(std::stoi(match[2]) == pid);
  CHECK(std::stoi(match[1]) > 0);
  return match[1];
}

json demo(const std::string& name) {
  const auto result = runProcsim({"real", "demo", name, "--format", "json"});
  INFO(result.err);
  REQUIRE(result.status == 0);
  return json::parse(result.out);
}

}  // namespace

TEST_CASE("real serve prints its listening line first, serves, and exits 0 on SIGINT or SIGTERM",
          "[real][cli]") {
  for (const std::string protocol : {"tcp", "udp"}) {
    INFO(protocol);
    BackgroundProcsim server({"real", "serve", protocol});
    const std::string port = portFrom(server.readLine(), protocol, server.pid());
    const auto reply = runProcsim({"real", "client", protocol, "--port", port, "--message", "hello from the test"});
    CHECK(reply.status == 0);
    CHECK(reply.out == "HELLO FROM THE TEST\n");
    const auto start = std::chrono::steady_clock::now();
    CHECK(server.stop(protocol == "tcp" ? SIGINT : SIGTERM) == 0);
    CHECK(real_test::secondsSince(start) < 2.0);
  }
  CHECK(real_test::zombieChildren().empty());
}

TEST_CASE("real client's load run checks every reply and reports json messages, errors, seconds and rate",
          "[real][cli]") {
  for (const std::string protocol : {"tcp", "udp"}) {
    INFO(protocol);
    BackgroundProcsim server({"real", "serve", protocol, "--workers", "2"});
    const std::string port = portFrom(server.readLine(), protocol, server.pid());
    const auto result = runProcsim(
        {"real", "client", protocol, "--port", port, "--connections", "4", "--messages", "500", "--format", "json"});
    INFO(result.err);
    REQUIRE(result.status == 0);
    const json report = json::parse(result.out);
    CHECK(report.at("messages") == 2000);
    CHECK(report.at("errors") == 0);
    CHECK(report.at("seconds").get<double>() > 0);
    CHECK(report.at("rate").get<double>() > 0);
    CHECK(report.at("latency_us").at("p99").get<double>() >= report.at("latency_us").at("p50").get<double>());
    CHECK(server.stop(SIGTERM) == 0);
  }
}

TEST_CASE("real client reports a server that is not there as a failure", "[real][cli]") {
  // Bind then close a port so that nothing listens on it.
  BackgroundProcsim server({"real", "serve", "tcp"});
  const std::string port = portFrom(server.readLine(), "tcp", server.pid());
  REQUIRE(server.stop(SIGTERM) == 0);
  const auto result = runProcsim({"real", "client", "tcp", "--port", port, "--message", "anyone?"});
  CHECK(result.status == 1);
  CHECK_THAT(result.err, Catch::Contains("Connection refused"));
}

TEST_CASE("real demo isolation: the child sets the global to 0, the parent still reads 100", "[real][cli][demo]") {
  const json out = demo("isolation");
  CHECK(out.at("parent_value") == 100);
  CHECK(out.at("child_value") == 0);
  CHECK(out.at("child_pid") != out.at("parent_pid"));
}

TEST_CASE("real demo join: serial joins take the sum of the sleeps, concurrent ones the longest",
          "[real][cli][demo]") {
  const json out = demo("join");
  const double serial = out.at("serial_seconds");
  const double concurrent = out.at("concurrent_seconds");
  CHECK(serial >= 0.59);
  CHECK(concurrent >= 0.29);
  CHECK(concurrent < serial - 0.15);
}

TEST_CASE("real demo terminate: dead after a short wait with exit code -15", "[real][cli][demo]") {
  const json out = demo("terminate");
  CHECK(out.at("alive_immediately").is_boolean());
  CHECK(out.at("alive_after_wait") == false);
  CHECK(out.at("exitcode") == -15);
}

TEST_CASE("real demo zombie: state Z before join, gone after", "[real][cli][demo]") {
  const json out = demo("zombie");
  CHECK(out.at("state_before_join") == "Z");
  CHECK(out.at("state_after_join") == "gone");
}

TEST_CASE("real demo two-ways: a callable and a subclass both run in children of procsim", "[real][cli][demo]") {
  const json out = demo("two-ways");
  CHECK(out.at("callable").at("ppid") == out.at("parent_pid"));
  CHECK(out.at("subclass").at("ppid") == out.at("parent_pid"));
  CHECK(out.at("callable").at("pid") != out.at("subclass").at("pid"));
  CHECK(out.at("callable").at("exitcode") == 0);
  CHECK(out.at("subclass").at("exitcode") == 0);
}

TEST_CASE("real demo daemon: the daemon child is terminated, the other joined", "[real][cli][demo]") {
  const json out = demo("daemon");
  CHECK(out.at("daemon_exitcode") == -15);
  CHECK(out.at("child_exitcode") == 0);
  CHECK(out.at("parent_waited_seconds").get<double>() >= 0.15);
}

TEST_CASE("real demo text output names the pids involved", "[real][cli][demo]") {
  const auto result = runProcsim({"real", "demo", "isolation"});
  REQUIRE(result.status == 0);
  CHECK_THAT(result.out, Catch::Contains("child  pid "));
  CHECK_THAT(result.out, Catch::Contains("still reads count = 100"));
}

TEST_CASE("real spawn shows the child's pid and exit code, and --timeout terminates the child", "[real][cli]") {
  const auto exits = runProcsim({"real", "spawn", "--format", "json", "--", "sh", "-c", "exit 3"});
  REQUIRE(exits.status == 3);
  const json first = json::parse(exits.out);
  CHECK(first.at("exitcode") == 3);
  CHECK(first.at("pid").get<int>() > 0);
  const auto daemon = runProcsim({"real", "spawn", "--daemon", "--timeout", "0.2", "--format", "json", "--", "sleep", "10"});
  REQUIRE(daemon.status == 128 + 15);
  const json second = json::parse(daemon.out);
  CHECK(second.at("exitcode") == -15);
  CHECK(second.at("ended_by") == "timeout");
  CHECK(second.at("seconds").get<double>() < 5);
  const auto text = runProcsim({"real", "spawn", "--name", "worker", "--", "true"});
  CHECK_THAT(text.out, Catch::Contains("started worker pid "));
  CHECK_THAT(text.out, Catch::Contains("exited with code 0"));
}

TEST_CASE("real ps shows a process's kernel state and the simulator's state", "[real][cli]") {
  const auto result = runProcsim({"real", "ps", std::to_string(::getpid()), "--format", "json"});
  REQUIRE(result.status == 0);
  const json rows = json::parse(result.out);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].at("pid") == ::getpid());
  CHECK(rows[0].at("name") == "real_cli_tests");
  CHECK(rows[0].at("ppid") == ::getppid());
  CHECK(rows[0].at("threads").get<int>() >= 1);
  const std::string state = rows[0].at("state");
  CHECK(std::string("RSD").find(state) != std::string::npos);
}

TEST_CASE("real watch samples a process until it ends, as a trace from admit to exit", "[real][cli]") {
  BackgroundProcsim sleeper({"real", "spawn", "--", "sleep", "0.4"});
  const std::string started = sleeper.readLine();
  std::smatch match;
  REQUIRE(std::regex_search(started, match, std::regex("pid ([0-9]+)")));
  const auto result = runProcsim({"real", "watch", match[1], "--hz", "20", "--seconds", "5", "--format", "json"});
  REQUIRE(result.status == 0);
  const json trace = json::parse(result.out);
  const auto& transitions = trace.at("transitions");
  REQUIRE(transitions.size() >= 2);
  CHECK(transitions.front().at("kind") == "admit");
  CHECK(transitions.back().at("kind") == "exit");
  CHECK(trace.at("samples").size() >= 3);
  CHECK(sleeper.stop(0, 5s) == 0);
  CHECK(real_test::zombieChildren().empty());
}

TEST_CASE("SIGINT or SIGTERM ends real watch at once in the middle of a long interval, with what it sampled",
          "[real][cli]") {
  const int signal_number = GENERATE(SIGINT, SIGTERM);
  INFO("signal " << signal_number);
  // --hz 0.1: the second sample would come 10 s after the first.
  BackgroundProcsim watch({"real", "watch", std::to_string(::getpid()), "--hz", "0.1", "--seconds", "60"});
  CHECK_THAT(watch.readLine(), Catch::StartsWith("   TIME_S      PID S"));
  const std::string first = watch.readLine();
  CHECK(std::regex_search(first, std::regex("^    0\\.000 +" + std::to_string(::getpid()) + " ")));
  const auto start = std::chrono::steady_clock::now();
  CHECK(watch.stop(signal_number, 2s) == 128 + signal_number);  // -1 if it still waits for the 10 s
  CHECK(real_test::secondsSince(start) < 2.0);
  // It stopped in order: the summary of the one sample is printed.
  CHECK_THAT(watch.readLine(), Catch::Matches("1 samples, [0-9]+ transitions in the simulator's trace form"));
}

TEST_CASE("real rejects bad input with a clear message and exit status 2", "[real][cli]") {
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases{
      {{"real", "bogus"}, "unknown subcommand 'bogus'"},
      {{"real", "serve", "tcp", "--port", "70000"}, "70000"},
      {{"real", "serve", "tcp", "--port", "http"}, "http"},
      {{"real", "serve", "sctp"}, "sctp"},
      {{"real", "serve", "tcp", "--host", "example.com"}, "example.com"},
      {{"real", "client", "tcp", "--port", "5"}, "--message"},
      {{"real", "spawn"}, "COMMAND"},
      {{"real", "spawn", "--", "/nonexistent/procsim-program"}, "No such file or directory"},
      {{"real", "ps", "abc"}, "abc"},
      {{"real", "ps", "999999999"}, "no process with pid 999999999"},
      {{"real", "watch", "999999999"}, "no process with pid 999999999"},
      {{"real", "demo", "nope"}, "nope"},
  };
  for (const auto& [args, message] : cases) {
    std::string command;
    for (const auto& arg : args) command += arg + " ";
    INFO(command);
    const auto result = runProcsim(args);
    CHECK(result.status == 2);
    CHECK_THAT(result.err, Catch::Contains(message));
  }
}

TEST_CASE("real child, the body of procsim-gui's children, is hidden from help and refuses bad words with exit 2",
          "[real][cli][child]") {
  const auto help = runProcsim({"real", "--help"});
  CHECK(help.status == 0);
  CHECK(help.out.find("spawn") != std::string::npos);
  CHECK(help.out.find("\n  child ") == std::string::npos);
  const auto slept = runProcsim({"real", "child", "sleep", "--", "0.01"});
  CHECK(slept.status == 0);
  CHECK(slept.out.empty());
  const std::vector<std::pair<std::vector<std::string>, std::string>> bad{
      {{"real", "child", "sleep", "--", "nan"}, "SECONDS"},
      {{"real", "child", "burn", "--", "3601"}, "SECONDS"},
      {{"real", "child", "sleep"}, "SECONDS"},
      {{"real", "child", "fork-bomb"}, "fork-bomb"},
      {{"real", "child", "client", "--", "tcp", "127.0.0.1", "0", "0", "hi"}, "PORT"},
      {{"real", "child", "client", "--", "tcp", "127.0.0.1", "9", "1.5", "hi"}, "MESSAGES"},
      {{"real", "child", "replay-worker", "--", "0", "1", "2", "0"}, "INDEX"},
      {{"real", "child", "replay-worker", "--", "0", "1", "2", "x", "P1"}, "CPUS"},
      {{"real", "child", "replay-worker", "--", "0", "1", "2", "0", "P1", "z5"}, "burst 'z5'"},
  };
  for (const auto& [args, named] : bad) {
    const auto result = runProcsim(args);
    INFO(args.back() << ": " << result.err);
    CHECK(result.status == 2);
    CHECK(result.err.find(named) != std::string::npos);
  }
}

TEST_CASE("real demo --format json carries the text lines too", "[real][cli][demo]") {
  const json facts = demo("zombie");
  REQUIRE(facts.at("lines").size() == 3);
  CHECK(facts["lines"][0].get<std::string>().find("child pid " + std::to_string(facts["pid"].get<int>())) == 0);
}
