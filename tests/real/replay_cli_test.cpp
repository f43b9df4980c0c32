// `procsim real replay FILE` as a user runs it (issue 5).
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "command_runner.hpp"
#include "test_support.hpp"

using namespace std::chrono_literals;
using nlohmann::json;
using real_test::childrenOf;
using real_test::runProcsim;

namespace {

// A scenario file in a temporary directory, removed at the end of the test.
class ScenarioFile {
 public:
  explicit ScenarioFile(const std::string& text) {
    char pattern[] = "/tmp/procsim-replay-XXXXXX";
    REQUIRE(::mkdtemp(pattern) != nullptr);
    directory_ = pattern;
    path_ = directory_ + "/scenario.json";
    std::ofstream(path_) << text;
  }
  ~ScenarioFile() { std::filesystem::remove_all(directory_); }
  ScenarioFile(const ScenarioFile&) = delete;
  ScenarioFile& operator=(const ScenarioFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string directory_;
  std::string path_;
};

const char* const kSmall = R"({
  "name": "replay cli test", "cores": 2, "policy": {"name": "fcfs"},
  "processes": [
    {"name": "A", "arrival": 0, "bursts": [{"cpu": 3}, {"io": 2}, {"cpu": 2}]},
    {"name": "B", "arrival": 1, "bursts": [{"cpu": 4}]},
    {"name": "C", "arrival": 2, "bursts": [{"cpu": 2}, {"io": 3}, {"cpu": 1}]}
  ]})";

// The two workers of a replay (its standard error captured), from the line
// it writes once they run: "running 2 workers for about S s (pids A B) ...".
std::set<pid_t> startedWorkers(real_test::BackgroundProcsim& replay) {
  const std::string line = replay.readErrorLine();
  INFO(line);
  const auto open = line.find("(pids ");
  REQUIRE(line.rfind("running 2 workers for about ", 0) == 0);
  REQUIRE(open != std::string::npos);
  std::istringstream pids(line.substr(open + 6));
  std::set<pid_t> workers;
  for (pid_t pid = 0; pids >> pid;) workers.insert(pid);
  CHECK(workers.size() == 2);
  return workers;
}

}  // namespace

TEST_CASE("real replay --format json gives, for every process, exactly the simulated and real metrics",
          "[real][replay][cli]") {
  const ScenarioFile file(kSmall);
  const auto result = runProcsim({"real", "replay", file.path(), "--tick-ms", "5", "--format", "json"});
  INFO(result.err);
  REQUIRE(result.status == 0);
  const json report = json::parse(result.out);
  CHECK(report.at("tick_ms") == 5.0);
  CHECK(report.at("cpus").get<int>() >= 1);
  CHECK(report.at("cpus").get<int>() <= 2);
  CHECK(report.at("capped") == false);
  const std::set<std::string> keys{"name",        "sim_turnaround", "real_turnaround", "sim_waiting", "real_waiting",
                                   "sim_response", "real_response",  "sim_cpu",         "real_cpu"};
  const json& processes = report.at("processes");
  REQUIRE(processes.size() == 3);
  const std::string names[] = {"A", "B", "C"};
  const double bursts[] = {7, 4, 6};
  for (std::size_t i = 0; i < 3; ++i) {
    const json& row = processes[i];
    std::set<std::string> found;
    for (const auto& item : row.items()) found.insert(item.key());
    CHECK(found == keys);
    CHECK(row.at("name") == names[i]);
    // Values are rounded to 0.01 tick in the output.
    CHECK(row.at("real_turnaround").get<double>() >= bursts[i] - 0.01);
    CHECK(row.at("real_waiting").get<double>() >= 0);
    CHECK(row.at("real_response").get<double>() >= 0);
    CHECK(row.at("sim_turnaround").get<long>() >= static_cast<long>(bursts[i]));
  }
  // FCFS on two cores: A and B start at once, C waits for A's IO to free a core.
  CHECK(processes[2].at("sim_waiting") == 1);
}

TEST_CASE("real replay's text table lists every process with simulated and real columns and explains CFS",
          "[real][replay][cli]") {
  const ScenarioFile file(kSmall);
  const auto result = runProcsim({"real", "replay", file.path(), "--tick-ms", "5", "--cores", "3"});
  INFO(result.err);
  REQUIRE(result.status == 0);
  CHECK(result.out.find("turnaround") != std::string::npos);
  CHECK(result.out.find("waiting") != std::string::npos);
  CHECK(result.out.find("response") != std::string::npos);
  CHECK(result.out.find("CFS") != std::string::npos);
  CHECK(result.out.find("CPU cap: the scenario has 3 cores") != std::string::npos);
  std::istringstream lines(result.out);
  std::string line;
  int rows = 0;
  int simulated_strips = 0;
  int real_strips = 0;
  while (std::getline(lines, line)) {
    if (line.find(" sim  |") != std::string::npos) ++simulated_strips;
    if (line.find(" real |") != std::string::npos) ++real_strips;
    if (line.find('|') != std::string::npos) continue;
    std::istringstream fields(line);
    std::string name;
    fields >> name;
    if (name != "A" && name != "B" && name != "C") continue;
    ++rows;
    int columns = 0;
    double value = 0;
    while (fields >> value) ++columns;
    CHECK(columns == 9);  // sim and real for 4 metrics, then slices
  }
  CHECK(rows == 3);
  // The simulated and the real timeline of each process, one above the other.
  CHECK(simulated_strips == 3);
  CHECK(real_strips == 3);
}

TEST_CASE("real replay refuses bad input with a message and exit status 2", "[real][replay][cli]") {
  const ScenarioFile small(kSmall);
  const ScenarioFile invalid(R"({"cores": 1, "policy": {"name": "fcfs"}, "processes": []})");
  const ScenarioFile too_long(R"({"cores": 1, "processes": [{"name": "A", "bursts": [{"cpu": 100000}]}]})");
  const std::vector<std::vector<std::string>> cases{
      {"real", "replay", "/nonexistent/scenario.json"},
      {"real", "replay", invalid.path()},
      {"real", "replay", small.path(), "--tick-ms", "0"},
      {"real", "replay", small.path(), "--tick-ms", "5000"},
      {"real", "replay", small.path(), "--tick-ms", "fast"},
      {"real", "replay", small.path(), "--format", "xml"},
      {"real", "replay", too_long.path(), "--tick-ms", "10"},
      {"real", "replay"},
  };
  for (const auto& args : cases) {
    INFO(args.back());
    const auto result = runProcsim(args);
    CHECK(result.status == 2);
    CHECK_FALSE(result.err.empty());
    CHECK(result.out.empty());
  }
  CHECK(runProcsim({"real", "replay", too_long.path(), "--tick-ms", "10"}).err.find("about 1000 s") !=
        std::string::npos);
}

TEST_CASE("real replay interrupted by SIGINT kills and reaps its workers, then exits 130", "[real][replay][cli]") {
  const ScenarioFile file(R"({"cores": 2, "processes": [
    {"name": "A", "bursts": [{"cpu": 300}]},
    {"name": "B", "bursts": [{"cpu": 1}, {"io": 300}, {"cpu": 1}]}]})");
  real_test::BackgroundProcsim replay({"real", "replay", file.path(), "--tick-ms", "10"},
                                    real_test::ErrorStream::Captured);
  const std::set<pid_t> workers = startedWorkers(replay);
  CHECK(childrenOf(replay.pid()) == workers);
  CHECK(replay.stop(SIGINT) == 130);
  for (const pid_t pid : workers) {
    INFO(pid);
    CHECK(real_test::waitForExit(pid, 5s));  // the replay reaped it: gone at once
    CHECK_FALSE(std::filesystem::exists("/proc/" + std::to_string(pid)));
  }
}

TEST_CASE("a replay's workers die with procsim when it is killed by SIGKILL", "[real][replay][cli]") {
  const ScenarioFile file(R"({"cores": 2, "processes": [
    {"name": "A", "bursts": [{"cpu": 3000}]},
    {"name": "B", "bursts": [{"cpu": 1}, {"io": 3000}, {"cpu": 1}]}]})");  // 30 s each
  real_test::BackgroundProcsim replay({"real", "replay", file.path(), "--tick-ms", "10"},
                                    real_test::ErrorStream::Captured);
  const std::set<pid_t> workers = startedWorkers(replay);
  CHECK(childrenOf(replay.pid()) == workers);
  CHECK(replay.stop(SIGKILL) == 128 + SIGKILL);
  for (const pid_t pid : workers) {
    INFO(pid);
    // Gone, or a zombie waiting for init: either way no longer running.
    const bool ended = real_test::waitForExit(pid, 5s);
    if (!ended) ::kill(pid, SIGKILL);
    CHECK(ended);
  }
}

TEST_CASE("real replay ends at once on SIGINT even while it waits a whole second between samples",
          "[real][replay][cli]") {
  const ScenarioFile file(R"({"cores": 2, "processes": [
    {"name": "A", "bursts": [{"cpu": 100}]},
    {"name": "B", "bursts": [{"cpu": 100}]}]})");
  // --tick-ms 1000: one sample a second.
  real_test::BackgroundProcsim replay({"real", "replay", file.path(), "--tick-ms", "1000"},
                                    real_test::ErrorStream::Captured);
  const std::set<pid_t> workers = startedWorkers(replay);
  CHECK(childrenOf(replay.pid()) == workers);
  const auto start = std::chrono::steady_clock::now();
  CHECK(replay.stop(SIGINT, 10s) == 130);
  CHECK(real_test::secondsSince(start) < 0.6);  // a missed wake-up waits up to the 1 s sample
}
