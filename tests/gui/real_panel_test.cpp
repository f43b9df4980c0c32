// The Real panel through the real window under Xvfb: children, servers and
// clients, an experiment, run-for-real, and nothing left behind on close.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>

#include "gui_runner.hpp"

using gui_test::runGui;
using gui_test::shellQuoted;
using gui_test::TempDir;

namespace {

std::string defaultScenario() { return gui_test::scenariosDir() + "/default.json"; }

// Runs a script on the default scenario; returns the "real" part of `dump`.
nlohmann::json runScript(const TempDir& dir, const std::string& script, const std::string& dump = "state.json") {
  const std::string path = dir.write("script.txt", script);
  const auto result = runGui("--scenario " + shellQuoted(defaultScenario()) + " --script " + shellQuoted(path));
  INFO(result.output);
  REQUIRE(result.status == 0);
  return gui_test::readJson(dir.path(dump))["real"];
}

nlohmann::json child(const nlohmann::json& real, const std::string& name) {
  for (const auto& row : real["children"])
    if (row["name"] == name) return row;
  FAIL("no child named " << name);
  return {};
}

// The kernel's state letter of `pid`, or 0 when there is no such process.
char stateOf(int pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string text;
  if (!std::getline(stat, text)) return 0;
  const auto close = text.rfind(')');
  return close == std::string::npos || close + 2 >= text.size() ? '?' : text[close + 2];
}

// Processes whose parent is this test process (orphans land here when the
// test is a child subreaper), other than `known`.
std::vector<int> childrenOfThisTest() {
  std::vector<int> found;
  const std::string me = std::to_string(::getpid());
  for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
    const std::string name = entry.path().filename().string();
    if (name.find_first_not_of("0123456789") != std::string::npos) continue;
    std::ifstream stat(entry.path() / "stat");
    std::string text;
    if (!std::getline(stat, text)) continue;
    const auto close = text.rfind(')');
    if (close == std::string::npos) continue;
    std::istringstream fields(text.substr(close + 2));
    std::string state, ppid;
    fields >> state >> ppid;
    if (ppid == me) found.push_back(std::stoi(name));
  }
  return found;
}

// Reads a FIFO opened with O_NONBLOCK until its writer closes it, waiting in
// poll at most `timeout` in all (a FIFO no writer has opened yet is not
// readable); what was read, possibly short on timeout.
std::string readFifoWhole(int fd, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  std::string text;
  for (auto now = std::chrono::steady_clock::now(); now < deadline; now = std::chrono::steady_clock::now()) {
    pollfd readable{fd, POLLIN, 0};
    const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - now).count();
    if (::poll(&readable, 1, static_cast<int>(left)) <= 0) continue;
    char buffer[4096];
    const ssize_t got = ::read(fd, buffer, sizeof buffer);
    if (got == 0) break;  // the writer closed it
    if (got > 0) text.append(buffer, static_cast<std::size_t>(got));
  }
  return text;
}

}  // namespace

TEST_CASE("a child started from the Real panel shows its pid in state S, and terminate then join gives exit code -15",
          "[gui][real]") {
  TempDir dir;
  const auto real = runScript(dir,
      "real.spawn sleep 20 name=sleeper\n"
      "wait-real state sleeper S\n"
      "dump-state " + dir.path("started.json").string() + "\n"
      "real.terminate sleeper\n"
      "wait-real state sleeper Z\n"
      "dump-state " + dir.path("zombie.json").string() + "\n"
      "real.join sleeper 1000\n"
      "wait-real exit sleeper -15\n"
      "dump-state " + dir.path("state.json").string() + "\n");
  const auto started = child(gui_test::readJson(dir.path("started.json"))["real"], "sleeper");
  CHECK(started["pid"].get<int>() > 0);
  CHECK(started["kernel_state"] == "S");
  CHECK(started["model_state"] == "blocked");
  CHECK(started["ppid"] == gui_test::readJson(dir.path("started.json"))["real"]["gui_pid"]);
  CHECK(started["alive"] == true);
  const auto zombie = child(gui_test::readJson(dir.path("zombie.json"))["real"], "sleeper");
  CHECK(zombie["observed"] == "zombie");
  CHECK(zombie["alive"] == false);   // it has ended, as is_alive() would say...
  CHECK(zombie["joined"] == false);  // ...but nobody reaped it behind the user's back
  const auto ended = child(real, "sleeper");
  CHECK(ended["exitcode"] == -15);
  CHECK(ended["exit_text"] == "-15 (SIGTERM)");
  CHECK(ended["alive"] == false);
  CHECK(ended["pid"] == started["pid"]);
  CHECK(ended["timeline_segments"].get<int>() >= 2);  // Blocked, then Zombie
}

TEST_CASE("a Real panel script number that is NaN, infinite or out of range fails its action and starts nothing",
          "[gui][real]") {
  TempDir dir;
  const auto real = runScript(dir,
      "real.spawn sleep 20 name=s\n"
      "real.join s 1e300\n"  // a join timeout of 0 to 3600000 ms
      "expect-error\n"
      "real.join s nan\n"
      "expect-error\n"
      "wait-real reaped timeout=nan\n"  // 0 to 86400 s
      "expect-error\n"
      "wait-real reaped timeout=1e300\n"
      "expect-error\n"
      "real.spawn burn inf name=t\n"  // 0 to 3600 s
      "expect-error\n"
      "real.serve tcp 1e20\n"  // a port
      "expect-error\n"
      "real.client nan\n"  // 1 to 64 clients
      "expect-error\n"
      "real.replay tick_ms=inf\n"  // 1 to 1000 ms
      "expect-error\n"
      "real.kill s\n"
      "real.join s 5000\n"
      "wait-real reaped\n"
      "dump-state " + dir.path("state.json").string() + "\n");
  REQUIRE(real["children"].size() == 1);
  CHECK(child(real, "s")["exitcode"] == -9);
  CHECK(real["servers"].empty());
  CHECK(real["replay"]["status"] == "idle");
}

TEST_CASE("a stopped child shows kernel state T, and continue makes it sleep again", "[gui][real]") {
  TempDir dir;
  const auto real = runScript(dir,
      "real.spawn subclass 20 name=paused\n"
      "wait-real state paused S\n"
      "real.stop paused\n"
      "wait-real state paused T\n"
      "dump-state " + dir.path("stopped.json").string() + "\n"
      "real.continue paused\n"
      "wait-real state paused S\n"
      "dump-state " + dir.path("state.json").string() + "\n");
  const auto stopped = child(gui_test::readJson(dir.path("stopped.json"))["real"], "paused");
  CHECK(stopped["observed"] == "stopped");
  CHECK(stopped["alive"] == true);
  CHECK(child(real, "paused")["observed"] == "blocked");
}

TEST_CASE("an echo server and client processes started from the panel: the replies and the load are in the log",
          "[gui][real]") {
  TempDir dir;
  const auto real = runScript(dir,
      "real.serve tcp\n"
      "real.serve udp\n"
      "real.client 2 message=hello procsim\n"
      "real.client 1 server=2 message=over udp\n"
      "real.client 1 load=500\n"
      "wait-real log reply \"HELLO PROCSIM\"\n"
      "wait-real log reply \"OVER UDP\"\n"
      "wait-real log 500 messages, 0 errors\n"
      "wait-real reaped\n"
      "dump-state " + dir.path("state.json").string() + "\n");
  REQUIRE(real["servers"].size() == 2);
  CHECK(real["servers"][0]["transport"] == "tcp");
  CHECK(real["servers"][0]["host"] == "127.0.0.1");
  CHECK(real["servers"][0]["port"].get<int>() > 0);
  CHECK(real["servers"][0]["pid"] == real["gui_pid"]);
  CHECK(real["servers"][0]["requests"].get<int>() == 2 + 500);
  CHECK(real["servers"][1]["requests"].get<int>() == 1);
  int replies = 0;
  for (const auto& line : real["log"]) replies += line.get<std::string>().find("reply \"HELLO PROCSIM\"") != std::string::npos;
  CHECK(replies == 2);
  int clients = 0;
  for (const auto& row : real["children"]) {
    if (row["kind"] != "client") continue;
    ++clients;
    CHECK(row["exitcode"] == 0);
  }
  CHECK(clients == 4);
}

TEST_CASE("the source's zombie experiment from the panel shows state Z before join and nothing after", "[gui][real]") {
  TempDir dir;
  const auto real = runScript(dir,
      "real.demo zombie\n"
      "wait-real demo zombie\n"
      "dump-state " + dir.path("state.json").string() + "\n");
  const auto result = real["experiments"]["results"]["zombie"];
  INFO(result.dump());
  CHECK(result["error"] == "");
  CHECK(result["facts"]["state_before_join"] == "Z");
  CHECK(result["facts"]["state_after_join"] == "gone");
  CHECK(result["facts"]["pid"].get<int>() > 0);
  CHECK(real["tab"] == "experiments");
}

TEST_CASE("run for real on a tiny scenario fills the comparison table and both timelines", "[gui][real]") {
  TempDir dir;
  const std::string scenario = dir.write("tiny.json", R"({
    "name": "tiny", "cores": 1, "policy": {"name": "fcfs"},
    "processes": [
      {"name": "a", "arrival": 0, "bursts": [{"cpu": 3}, {"io": 2}, {"cpu": 2}]},
      {"name": "b", "arrival": 1, "bursts": [{"cpu": 3}]}
    ]})");
  const std::string script = dir.write("script.txt",
      "real.replay tick_ms=5\n"
      "wait-real replay timeout=60\n"
      "frames 3\n"
      "dump-state " + dir.path("state.json").string() + "\n");
  const auto run = runGui("--scenario " + shellQuoted(scenario) + " --script " + shellQuoted(script));
  INFO(run.output);
  REQUIRE(run.status == 0);
  const auto replay = gui_test::readJson(dir.path("state.json"))["real"]["replay"];
  INFO(replay.dump());
  REQUIRE(replay["status"] == "done");
  REQUIRE(replay["processes"].size() == 2);
  REQUIRE(replay["worker_pids"].size() == 2);  // the pids the workers had, kept after the end
  CHECK(replay["worker_pids"][0].get<pid_t>() > 0);
  CHECK(replay["worker_pids"][1].get<pid_t>() != replay["worker_pids"][0].get<pid_t>());
  for (const auto& p : replay["processes"]) {
    CHECK(p["sim_turnaround"].get<double>() >= p["burst_total"].get<double>());
    CHECK(p["real_turnaround"].get<double>() >= 0.9 * p["burst_total"].get<double>());
    CHECK(p["real_waiting"].get<double>() >= 0);
    CHECK(p["real_response"].get<double>() >= 0);
  }
  CHECK(replay["processes"][1]["sim_waiting"] == 2);  // b waits for a's first burst under fcfs on one core
  CHECK(replay["sim_rows"] == 2);
  REQUIRE(replay["real_rows"] == 2);
  for (const auto& segments : replay["real_segments"]) CHECK(segments.get<int>() >= 1);
}

TEST_CASE("closing the window ends every child and server: nothing outlives it, no zombie is left", "[gui][real]") {
  // Orphans of the GUI would be re-parented to this process: a subreaper.
  REQUIRE(::prctl(PR_SET_CHILD_SUBREAPER, 1) == 0);
  TempDir dir;
  const std::string script = dir.write("script.txt",
      "real.spawn sleep 60 name=plain\n"
      "real.spawn burn 60 name=daemon daemon=on\n"
      "real.spawn command sh -c \"trap '' TERM; sleep 60\" name=stubborn\n"
      "real.spawn alternate 60 name=stopped\n"
      "wait-real state plain S\n"
      "wait-real state stubborn S\n"
      "real.stop stopped\n"
      "wait-real state stopped T\n"
      "real.spawn sleep 0 name=zombie\n"
      "wait-real state zombie Z\n"
      "real.serve tcp\n"
      "real.client 1 message=bye\n"
      "wait-real log BYE\n"
      "dump-state " + dir.path("state.json").string() + "\n");
  const auto result = runGui("--scenario " + shellQuoted(defaultScenario()) + " --script " + shellQuoted(script));
  ::prctl(PR_SET_CHILD_SUBREAPER, 0);
  INFO(result.output);
  REQUIRE(result.status == 0);
  CHECK(result.output.find("every child reaped") != std::string::npos);
  CHECK(result.output.find("1 server(s) shut down") != std::string::npos);
  const auto real = gui_test::readJson(dir.path("state.json"))["real"];
  REQUIRE(real["children"].size() == 6);
  for (const auto& row : real["children"]) {
    INFO(row.dump());
    CHECK(stateOf(row["pid"].get<int>()) == 0);
  }
  // xvfb-run ends its Xvfb without waiting for it: that one is the harness's.
  std::vector<int> orphans;
  std::string names;
  for (const int pid : childrenOfThisTest()) {
    std::ifstream cmdline("/proc/" + std::to_string(pid) + "/cmdline");
    std::string text;
    std::getline(cmdline, text);
    if (text.rfind("Xvfb", 0) == 0) {
      ::waitpid(pid, nullptr, 0);
      continue;
    }
    orphans.push_back(pid);
    names += std::to_string(pid) + " " + stateOf(pid) + " " + text + "; ";
    ::kill(pid, SIGKILL);  // leave nothing behind either way
    ::waitpid(pid, nullptr, 0);
  }
  INFO(names);
  CHECK(orphans.empty());
}

TEST_CASE("SIGTERM to the window with a live child closes it like the close button: the child is ended and reaped",
          "[gui][real]") {
  TempDir dir;
  // The state is dumped into a FIFO: the test reads it as it is written, so
  // the dump itself says when the child is up.
  const auto dump = dir.path("state.fifo");
  REQUIRE(::mkfifo(dump.c_str(), 0600) == 0);
  const int fifo = ::open(dump.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  REQUIRE(fifo >= 0);
  const std::string script = dir.write("script.txt",
      "real.spawn sleep 60 name=left\n"
      "wait-real state left S\n"
      "dump-state " + dump.string() + "\n"
      "wait-real log never-appears timeout=60\n");
  gui_test::RunResult result;
  std::thread gui([&] {
    result = runGui("--scenario " + shellQuoted(defaultScenario()) + " --script " + shellQuoted(script));
  });
  const std::string text = readFifoWhole(fifo, std::chrono::seconds(30));
  ::close(fifo);
  nlohmann::json real;
  try {
    real = nlohmann::json::parse(text)["real"];
  } catch (const std::exception&) {
    real = nullptr;  // not dumped within 30 s: the GUI is ended below either way
  }
  const int gui_pid = real.is_null() ? 0 : real["gui_pid"].get<int>();
  if (gui_pid > 0) ::kill(gui_pid, SIGTERM);
  gui.join();
  REQUIRE(gui_pid > 0);
  INFO(result.output);
  CHECK(result.status == 0);
  CHECK(result.output.find("every child reaped") != std::string::npos);
  CHECK(stateOf(child(real, "left")["pid"].get<int>()) == 0);
}
