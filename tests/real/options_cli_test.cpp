// Every option of `procsim real ...` that takes a number has a range; NaN,
// infinity and values outside the range are refused with exit 2 and a
// message that names the option; an unknown option is refused by every
// subcommand before anything runs.
#include <sys/resource.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "command_runner.hpp"

using real_test::runProcsim;

namespace {

std::string joined(const std::vector<std::string>& args) {
  std::string text;
  for (const auto& arg : args) text += arg + " ";
  return text;
}

}  // namespace

TEST_CASE("a numeric option outside its range, NaN or infinity is refused with exit 2 naming the option",
          "[real][cli][options]") {
  const std::string self = std::to_string(::getpid());
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases{
      {{"real", "serve", "tcp", "--workers", "1000000000"}, "--workers"},
      {{"real", "serve", "tcp", "--workers", "1e9"}, "--workers"},
      {{"real", "serve", "tcp", "--workers", "1025"}, "--workers"},
      {{"real", "serve", "tcp", "--workers", "-1"}, "--workers"},
      {{"real", "serve", "udp", "--max-connections", "0"}, "--max-connections"},
      {{"real", "serve", "tcp", "--idle-timeout", "nan"}, "--idle-timeout"},
      {{"real", "serve", "tcp", "--idle-timeout", "inf"}, "--idle-timeout"},
      {{"real", "client", "tcp", "--port", "5", "--messages", "10", "--timeout", "nan"}, "--timeout"},
      {{"real", "client", "tcp", "--port", "5", "--messages", "10", "--connections", "0"}, "--connections"},
      {{"real", "client", "tcp", "--port", "5", "--messages", "10", "--size", "70000"}, "--size"},
      {{"real", "client", "tcp", "--port", "5", "--messages", "-3"}, "--messages"},
      {{"real", "spawn", "--timeout", "nan", "--", "true"}, "--timeout"},
      {{"real", "spawn", "--timeout", "-1", "--", "true"}, "--timeout"},
      {{"real", "spawn", "--grace", "inf", "--", "true"}, "--grace"},
      {{"real", "watch", self, "--hz", "nan"}, "--hz"},
      {{"real", "watch", self, "--hz", "0"}, "--hz"},
      {{"real", "watch", self, "--seconds", "inf"}, "--seconds"},
      {{"real", "watch", self, "--seconds", "-inf"}, "--seconds"},
      {{"real", "replay", "missing.json", "--tick-ms", "nan"}, "--tick-ms"},
  };
  for (const auto& [args, option] : cases) {
    INFO(joined(args));
    const auto result = runProcsim(args, std::chrono::seconds(10));
    CHECK(result.status == 2);
    CHECK_THAT(result.err, Catch::Contains(option));
    CHECK(result.out.empty());
  }
}

TEST_CASE("serve --max-connections is capped by RLIMIT_NOFILE", "[real][cli][options]") {
  rlimit files{};
  REQUIRE(::getrlimit(RLIMIT_NOFILE, &files) == 0);
  REQUIRE(files.rlim_cur != RLIM_INFINITY);
  const std::string over = std::to_string(files.rlim_cur);
  const auto result = runProcsim({"real", "serve", "tcp", "--max-connections", over});
  CHECK(result.status == 2);
  CHECK_THAT(result.err, Catch::Contains("--max-connections") &&
                             Catch::Contains(std::to_string(files.rlim_cur - 64)));
}

TEST_CASE("every real subcommand refuses an unknown option with exit 2 before it runs", "[real][cli][options]") {
  const std::string self = std::to_string(::getpid());
  const std::vector<std::vector<std::string>> cases{
      {"real", "serve", "tcp", "--frobnicate"},
      {"real", "client", "tcp", "--port", "5", "--message", "hi", "--frobnicate"},
      {"real", "spawn", "--frobnicate", "--", "true"},
      {"real", "ps", "--frobnicate"},
      {"real", "ps", self, "--frobnicate"},
      {"real", "watch", self, "--frobnicate"},
      {"real", "demo", "isolation", "--frobnicate"},
      {"real", "replay", "missing.json", "--frobnicate"},
  };
  for (const auto& args : cases) {
    INFO(joined(args));
    const auto result = runProcsim(args, std::chrono::seconds(10));
    CHECK(result.status == 2);
    CHECK_THAT(result.err, Catch::Contains("--frobnicate"));
    CHECK(result.out.empty());
  }
}
