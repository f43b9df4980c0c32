// Bad input gets a message that names the place, and exit status 2.
#include <catch2/catch.hpp>

#include "run_procsim.hpp"

using test::asset;
using test::runProcsim;

namespace {
void expectBadInput(const test::CommandResult& r, const std::string& fragment) {
  INFO("stderr: " << r.err);
  CHECK(r.status == 2);
  CHECK_THAT(r.err, Catch::Contains(fragment));
  CHECK(r.out.empty());
}
}  // namespace

TEST_CASE("a missing file is named in the error", "[cli][bad-input]") {
  expectBadInput(runProcsim("run /nonexistent/scenario.json"), "/nonexistent/scenario.json");
}

TEST_CASE("malformed JSON is reported with line and column", "[cli][bad-input]") {
  expectBadInput(runProcsim("run -", "{\n  \"cores\": 2,\n  \"processes\": [,]\n}"), "line 3");
}

TEST_CASE("a misspelt key does not pass silently", "[cli][bad-input]") {
  expectBadInput(runProcsim("validate -", R"({"cores": 1, "processes": [{"arival": 0, "bursts": [{"cpu": 1}]}]})"),
                 "arival");
}

TEST_CASE("a process that begins with IO is refused with its place", "[cli][bad-input]") {
  expectBadInput(
      runProcsim("run -", R"({"cores": 1, "processes": [{"bursts": [{"cpu": 1}]}, {"bursts": [{"io": 2}, {"cpu": 1}]}]})"),
      "processes[1].bursts[0]");
}

TEST_CASE("bad flag values are refused", "[cli][bad-input]") {
  expectBadInput(runProcsim("run " + asset("rr.json") + " --quantum 0"), "quantum");
  expectBadInput(runProcsim("run " + asset("rr.json") + " --policy lotto"), "policy");
  expectBadInput(runProcsim("run " + asset("rr.json") + " --cores 0"), "cores");
  expectBadInput(runProcsim("run " + asset("rr.json") + " --format xml"), "format");
  expectBadInput(runProcsim("run " + asset("fcfs-convoy.json") + " --policy rr:quantum=0"), "quantum");
  expectBadInput(runProcsim("run " + asset("fcfs-convoy.json") + " --policy rr:quantom=2"), "has no parameter \"quantom\"");
  expectBadInput(runProcsim("run " + asset("fcfs-convoy.json") + " --policy sjf --quantum 2"), "policy sjf has no parameter");
  expectBadInput(runProcsim("run " + asset("fcfs-convoy.json") + " --multiprogramming maybe"), "multiprogramming");
  expectBadInput(runProcsim("run " + asset("rr.json") + " --metrics-only --svg /tmp/x.svg"), "--metrics-only");
}

TEST_CASE("an unknown subcommand or no subcommand is bad input", "[cli][bad-input]") {
  CHECK(runProcsim("frobnicate").status == 2);
  CHECK(runProcsim("").status == 2);
}

TEST_CASE("an unwritable output path is named and leaves nothing behind", "[cli][bad-input]") {
  expectBadInput(runProcsim("run " + asset("rr.json") + " --format json --svg /nonexistent/dir/out.svg"),
                 "/nonexistent/dir/out.svg");
}

TEST_CASE("a run whose trace would exceed the trace budget stops with exit 2 naming the budget",
          "[cli][bad-input][budget]") {
  // 200 bytes that ask for two billion transitions under rr with quantum 1.
  const std::string scenario =
      R"({"cores": 1, "policy": {"name": "rr", "quantum": 1}, "processes": [)"
      R"({"name": "A", "arrival": 0, "bursts": [{"cpu": 1000000000}]}, {"name": "B", "arrival": 0, "bursts": [{"cpu": 1000000000}]}]})";
  const auto r = runProcsim("run - --trace-budget 8", scenario);
  INFO(r.err);
  CHECK(r.status == 2);
  CHECK_THAT(r.err, Catch::Contains("8 MiB, the trace memory budget") && Catch::Contains("--metrics-only"));
  CHECK(r.out.empty());
}
