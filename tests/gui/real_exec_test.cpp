// The Real panel starts no child that runs C++ after fork (the GUI has
// threads; real/process.hpp): its built-in children, clients, experiments
// and replay workers are `procsim real ...` processes, exec'd, whose pids,
// states and exit codes appear as before.
#include <signal.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>

#include "model/procsim_command.hpp"
#include "model/real_children.hpp"
#include "model/real_experiments.hpp"
#include "model/real_replay_job.hpp"
#include "model/real_servers.hpp"
#include "model/real_targets.hpp"
#include "sim/engine.hpp"
#include "sim/scenario_json.hpp"
#include "test_support.hpp"

using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

// The program `pid` runs and its arguments (NULs as blanks).
fs::path programOf(pid_t pid) {
  std::error_code error;
  return fs::read_symlink("/proc/" + std::to_string(pid) + "/exe", error);
}

std::string commandLineOf(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/cmdline");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  for (char& c : text)
    if (c == '\0') c = ' ';
  return text;
}

fs::path procsimProgram() { return fs::canonical(gui::procsimExecutable()); }

// Every child of this process right now.
std::set<pid_t> ourChildren() {
  std::set<pid_t> pids;
  for (const auto& task : fs::directory_iterator("/proc/self/task")) {
    std::ifstream in(task.path() / "children");
    for (pid_t pid = 0; in >> pid;) pids.insert(pid);
  }
  return pids;
}

}  // namespace

TEST_CASE("the panel's built-in children are exec'd procsim real child processes with their pid, state and exit code",
          "[gui][real][exec]") {
  const auto [kind, key] = GENERATE(table<gui::ChildKind, std::string>({{gui::ChildKind::Sleep, "sleep"},
                                                                        {gui::ChildKind::Burn, "burn"},
                                                                        {gui::ChildKind::Alternate, "alternate"},
                                                                        {gui::ChildKind::Subclass, "subclass"}}));
  INFO(key);
  gui::RealChildren children;
  std::string error;
  gui::ChildRecipe recipe;
  recipe.kind = kind;
  recipe.seconds = 0.3;
  recipe.name = "worker";
  REQUIRE(children.spawn(recipe, error) == 0);
  const gui::ChildRow& row = children.rows()[0];
  REQUIRE(row.pid > 0);
  CHECK(programOf(row.pid) == procsimProgram());
  CHECK(commandLineOf(row.pid) == gui::procsimExecutable() + " real child " + key + " -- 0.300 ");
  CHECK(row.name == "worker");
  CHECK(row.info.has_value());
  std::vector<std::string> lines;
  // Its end is an event (its pidfd); the next poll shows the zombie, and
  // the poll after a join reaps it.
  REQUIRE(real_test::waitForExit(row.pid, 10s));
  children.poll(300, lines);
  CHECK(row.observed == real::ObservedState::Zombie);
  CHECK_FALSE(row.timeline.empty());
  REQUIRE(children.join(0, 1000ms, error));
  children.poll(310, lines);
  REQUIRE(row.joined);
  CHECK(row.exitcode == 0);
  CHECK_FALSE(children.anyUnreaped());
}

TEST_CASE("a typed command and a client are exec'd too, and the client's report line appears", "[gui][real][exec]") {
  gui::RealChildren children;
  gui::RealServers servers;
  std::string error;
  gui::ChildRecipe recipe;
  recipe.kind = gui::ChildKind::Command;
  recipe.command_line = "sleep 30";
  REQUIRE(children.spawn(recipe, error) == 0);
  CHECK(programOf(children.rows()[0].pid).filename() == "sleep");
  REQUIRE(servers.start(real::Transport::Tcp, 0, "", error) == 0);
  gui::ClientRequest request;
  request.message = "hi there";
  REQUIRE(servers.launchClients(0, request, children, error));
  const gui::ChildRow& client = children.rows()[1];
  CHECK(client.name == "client-1");
  CHECK(programOf(client.pid) == procsimProgram());
  std::vector<std::string> lines;
  // Once it has ended (its pidfd), one poll reads its report to the end of
  // the pipe and reaps it.
  REQUIRE(real_test::waitForExit(client.pid, 10s));
  children.poll(10, lines);
  REQUIRE(client.joined);
  REQUIRE(lines.size() == 1);
  CHECK_THAT(lines[0], Catch::StartsWith("client-1 (pid " + std::to_string(client.pid) +
                                         "): sent \"hi there\", reply \"HI THERE\" in "));
  CHECK(client.exitcode == 0);
  REQUIRE(children.signal(0, SIGTERM, error));
  children.shutdown(1000ms);
  CHECK(children.rows()[0].exitcode == -SIGTERM);
}

TEST_CASE("an experiment runs in a procsim real demo process of its own", "[gui][real][exec]") {
  gui::RealExperiments experiments;
  std::string error;
  REQUIRE(experiments.start("isolation", error));
  experiments.finish();
  const gui::ExperimentResult result = experiments.result("isolation");
  INFO(result.error);
  REQUIRE(result.done);
  CHECK(result.error.empty());
  REQUIRE(result.lines.size() == 4);
  CHECK_THAT(result.lines[0], Catch::StartsWith("parent pid "));
  // The experiment's parent is that procsim process, not the GUI.
  CHECK(result.facts.at("parent_pid").get<pid_t>() != ::getpid());
  CHECK(result.facts.at("parent_value") == 100);
  CHECK(result.facts.at("child_value") == 0);
  CHECK_FALSE(result.facts.contains("lines"));
  CHECK(ourChildren().empty());
}

TEST_CASE("a replay from the panel runs its workers as procsim real child replay-worker", "[gui][real][exec]") {
  const sim::Scenario scenario = sim::parseScenario(R"({"name": "exec", "cores": 1, "processes": [
    {"name": "A", "bursts": [{"cpu": 20}]}, {"name": "B", "arrival": 2, "bursts": [{"cpu": 2}, {"io": 20}, {"cpu": 1}]}]})");
  gui::TimelineModel simulated;
  gui::ReplayJob job;
  std::string error;
  // Before start() there is nothing to wait for: empty, at once.
  const auto asked = std::chrono::steady_clock::now();
  CHECK(job.waitForWorkers(10s).empty());
  CHECK(real_test::secondsSince(asked) < 5);
  REQUIRE(job.start(scenario, simulated, 10, error));
  // The job gives the workers' pids once both run, exec'd (on_started; B
  // sleeps until its arrival, A runs 0.2 s of CPU): an event, no polling.
  const std::vector<pid_t> workers = job.waitForWorkers(10s);
  REQUIRE(workers.size() == 2);
  CHECK(ourChildren() == std::set<pid_t>(workers.begin(), workers.end()));
  for (const pid_t pid : workers) {
    INFO(pid);
    CHECK(programOf(pid) == procsimProgram());
    // exec closes the descriptor that announces it a moment before the
    // kernel records the new arguments: those are polled, at most 1 s.
    std::string command_line;
    CHECK(real_test::waitUntil([&] { return !(command_line = commandLineOf(pid)).empty(); }, 1s));
    CHECK_THAT(command_line, Catch::Contains(" real child replay-worker -- "));
  }
  job.wait();
  INFO(job.error());
  REQUIRE(job.status() == gui::ReplayStatus::Done);
  const gui::ReplayView* view = job.view();
  REQUIRE(view != nullptr);
  REQUIRE(view->result.processes.size() == 2);
  CHECK(view->result.processes[0].real_cpu >= 20 - 1e-6);
  CHECK(view->real_rows.size() == 2);
  CHECK(job.workerPids() == workers);
  CHECK(ourChildren().empty());
}
