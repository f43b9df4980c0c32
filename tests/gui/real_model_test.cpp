// The Real panel's window-free model: command lines, exit codes, the
// children table driven by polls, and a replay's real rows.
#include <catch2/catch.hpp>

#include <signal.h>

#include <chrono>
#include <string>
#include <thread>

#include "model/real_children.hpp"
#include "model/real_replay_job.hpp"
#include "model/real_targets.hpp"
#include "test_support.hpp"

using namespace std::chrono_literals;

namespace {
// True if `pid` ignores SIGTERM (the SigIgn mask of /proc/PID/status).
bool ignoresTerm(pid_t pid) {
  const std::string mask = real_test::statusField(pid, "SigIgn");
  return !mask.empty() && (std::stoull(mask, nullptr, 16) >> (SIGTERM - 1)) & 1;
}
}  // namespace

TEST_CASE("a typed command line splits on blanks and keeps quoted blanks", "[gui][real]") {
  std::vector<std::string> words;
  REQUIRE(gui::splitCommandLine("  sh -c \"echo hi; sleep 2\"  'a b'", words));
  CHECK(words == std::vector<std::string>{"sh", "-c", "echo hi; sleep 2", "a b"});
  REQUIRE(gui::splitCommandLine("x \"\"", words));
  CHECK(words == std::vector<std::string>{"x", ""});
  CHECK_FALSE(gui::splitCommandLine("sh -c \"unclosed", words));
}

TEST_CASE("an exit code names its signal when it is negative", "[gui][real]") {
  CHECK(gui::describeExitCode(std::nullopt).empty());
  CHECK(gui::describeExitCode(0) == "0");
  CHECK(gui::describeExitCode(3) == "3");
  CHECK(gui::describeExitCode(-15) == "-15 (SIGTERM)");
  CHECK(gui::describeExitCode(-9) == "-9 (SIGKILL)");
}

TEST_CASE("a bad recipe is refused before anything starts", "[gui][real]") {
  gui::RealChildren children;
  std::string error;
  gui::ChildRecipe recipe;
  recipe.kind = gui::ChildKind::Command;
  recipe.command_line = "   ";
  CHECK(children.spawn(recipe, error) == -1);
  CHECK(error == "the command line is empty");
  recipe.command_line = "/nonexistent/program";
  CHECK(children.spawn(recipe, error) == -1);
  CHECK_FALSE(error.empty());
  recipe.kind = gui::ChildKind::Sleep;
  recipe.seconds = -1;
  CHECK(children.spawn(recipe, error) == -1);
  CHECK(children.rows().empty());
}

TEST_CASE("a terminated child stays a zombie until joined, then shows -15 and its row greys out", "[gui][real]") {
  gui::RealChildren children;
  std::string error;
  gui::ChildRecipe recipe;
  recipe.kind = gui::ChildKind::Sleep;
  recipe.seconds = 30;
  recipe.name = "sleeper";
  REQUIRE(children.spawn(recipe, error) == 0);
  std::vector<std::string> lines;
  long long now = 0;
  auto pollUntil = [&](auto condition) {
    for (int i = 0; i < 300 && !condition(); ++i) {
      std::this_thread::sleep_for(10ms);
      children.poll(now += 10, lines);
    }
    return condition();
  };
  const gui::ChildRow& row = children.rows()[0];
  // Asleep is a kernel state that no event announces: polled, as the window does.
  REQUIRE(pollUntil([&] { return row.info && row.info->state == 'S'; }));
  CHECK(row.observed == real::ObservedState::Blocked);
  REQUIRE(children.signal(0, SIGTERM, error));
  // Its end is an event (its pidfd); the next poll shows the zombie.
  REQUIRE(real_test::waitForExit(row.pid, 10s));
  children.poll(now += 10, lines);
  CHECK(row.observed == real::ObservedState::Zombie);
  CHECK_FALSE(row.joined);  // nobody reaped it behind the user's back
  CHECK(row.timeline.back().kind == gui::SegmentKind::Zombie);
  REQUIRE(children.join(0, 1000ms, error));
  children.poll(now += 10, lines);  // an ended child is joined at the first poll
  REQUIRE(row.joined);
  CHECK(*row.exitcode == -15);
  CHECK_FALSE(children.signal(0, SIGKILL, error));  // never signals a reaped pid
  CHECK(children.find("sleeper") == 0);
  children.clearEnded();
  CHECK(row.cleared);
  CHECK_FALSE(children.anyUnreaped());
}

TEST_CASE("shutdown ends daemons and stubborn children and reaps them all", "[gui][real]") {
  gui::RealChildren children;
  std::string error;
  gui::ChildRecipe daemon;
  daemon.kind = gui::ChildKind::Burn;
  daemon.seconds = 30;
  daemon.daemon = true;
  REQUIRE(children.spawn(daemon, error) == 0);
  gui::ChildRecipe stubborn;
  stubborn.kind = gui::ChildKind::Command;
  // It stops itself once its trap is set (no grandchild to orphan).
  stubborn.command_line = "sh -c \"trap '' TERM; kill -STOP $$; while :; do :; done\"";
  REQUIRE(children.spawn(stubborn, error) == 1);
  REQUIRE(real_test::waitForStop(children.rows()[1].pid));
  CHECK(ignoresTerm(children.rows()[1].pid));
  ::kill(children.rows()[1].pid, SIGCONT);
  std::vector<std::string> lines;
  children.poll(0, lines);
  const auto start = std::chrono::steady_clock::now();
  const std::string summary = children.shutdown(300ms);
  CHECK(std::chrono::steady_clock::now() - start < 3s);
  CHECK(summary.find("1 daemon(s) terminated") != std::string::npos);
  CHECK(summary.find("1 killed") != std::string::npos);
  CHECK(*children.rows()[0].exitcode == -15);
  CHECK(*children.rows()[1].exitcode == -9);
}

TEST_CASE("a replay's real rows start at each worker's arrival and keep Zombie apart", "[gui][real]") {
  real::ReplayResult result;
  result.processes.resize(2);
  result.processes[1].arrival = 2;
  result.sample_ticks = {0, 1, 2, 3, 4};
  using S = real::ObservedState;
  const S states[5][2] = {{S::Running, S::Blocked}, {S::Ready, S::Blocked}, {S::Ready, S::Running},
                          {S::Zombie, S::Running}, {S::Gone, S::Zombie}};
  for (const auto& sample : states) {
    result.trace.readings.emplace_back();
    for (const S state : sample) result.trace.readings.back().push_back({state, std::nullopt});
  }
  const auto rows = gui::realRows(result);
  REQUIRE(rows.size() == 2);
  REQUIRE(rows[0].size() == 3);
  CHECK(rows[0][0].kind == gui::SegmentKind::Running);
  CHECK(rows[0][1].kind == gui::SegmentKind::Ready);
  CHECK(rows[0][1].start == 100);  // hundredths of a tick
  CHECK(rows[0][1].end == 300);
  CHECK(rows[0][2].kind == gui::SegmentKind::Zombie);
  REQUIRE(rows[1].size() == 2);  // nothing before its arrival at tick 2
  CHECK(rows[1][0].start == 200);
  CHECK(rows[1][0].kind == gui::SegmentKind::Running);
  CHECK(rows[1][1].kind == gui::SegmentKind::Zombie);
}
