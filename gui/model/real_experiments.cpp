#include "model/real_experiments.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>

#include "real/process.hpp"

#if __has_include("real/demos.hpp")
#include "real/demos.hpp"
#define PROCSIM_GUI_HAS_REAL_DEMOS 1
#else
#define PROCSIM_GUI_HAS_REAL_DEMOS 0
#endif

namespace gui {
namespace {

#if !PROCSIM_GUI_HAS_REAL_DEMOS
// The procsim CLI: beside this program (an install), in the build tree, or on PATH.
std::string cliPath() {
  std::error_code ignored;
  const auto self = std::filesystem::read_symlink("/proc/self/exe", ignored);
  for (const auto& candidate : {self.parent_path() / "procsim", self.parent_path().parent_path() / "cli" / "procsim"})
    if (std::filesystem::is_regular_file(candidate, ignored)) return candidate.string();
#ifdef PROCSIM_CLI_PATH
  if (std::filesystem::is_regular_file(PROCSIM_CLI_PATH, ignored)) return PROCSIM_CLI_PATH;
#endif
  return "procsim";
}

// Runs `procsim real demo NAME --format json` with its stdout on a pipe.
ExperimentResult runThroughCli(const std::string& name) {
  ExperimentResult result;
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) {
    result.error = "cannot create a pipe";
    return result;
  }
  const int out = fds[1];
  const std::string program = cliPath();
  real::Process child([out, program, name] {
    ::dup2(out, 1);
    const char* argv[] = {program.c_str(), "real", "demo", name.c_str(), "--format", "json", nullptr};
    ::execvp(argv[0], const_cast<char* const*>(argv));
    return 127;
  }, "demo-" + name);
  child.keep_fd(out);
  try {
    child.start();
  } catch (const std::exception& e) {
    ::close(fds[0]);
    ::close(fds[1]);
    result.error = e.what();
    return result;
  }
  ::close(out);
  std::string text;
  char buffer[1024];
  for (ssize_t got; (got = ::read(fds[0], buffer, sizeof buffer)) > 0;) text.append(buffer, static_cast<std::size_t>(got));
  ::close(fds[0]);
  if (!child.join(std::chrono::seconds(20))) {
    child.kill();
    child.join();
  }
  if (child.exitcode() != 0) {
    result.error = program + " real demo " + name + " ended with exit code " + std::to_string(child.exitcode().value_or(-1));
    return result;
  }
  try {
    result.facts = nlohmann::json::parse(text);
    result.facts.erase("demo");
  } catch (const std::exception& e) {
    result.error = std::string("unreadable report: ") + e.what();
  }
  return result;
}
#endif

ExperimentResult runExperiment(const std::string& name) {
#if PROCSIM_GUI_HAS_REAL_DEMOS
  ExperimentResult result;
  try {
    auto report = real::realDemos().at(name)();
    result.lines = std::move(report.lines);
    result.facts = std::move(report.json);
  } catch (const std::exception& e) {
    result.error = e.what();
  }
  return result;
#else
  return runThroughCli(name);
#endif
}

}  // namespace

const std::vector<std::string>& experimentNames() {
  static const std::vector<std::string> names{"isolation", "join", "terminate", "zombie", "two-ways", "daemon"};
  return names;
}

const char* RealExperiments::source() { return PROCSIM_GUI_HAS_REAL_DEMOS ? "library" : "cli"; }

RealExperiments::RealExperiments() = default;

RealExperiments::~RealExperiments() { finish(); }

void RealExperiments::finish() {
  if (worker_.joinable()) worker_.join();
}

bool RealExperiments::start(const std::string& name, std::string& error) {
  bool known = false;
  for (const std::string& n : experimentNames()) known = known || n == name;
  if (!known) {
    error = "unknown experiment '" + name + "'";
    return false;
  }
  std::lock_guard lock(mutex_);
  if (busy_) {
    error = "another experiment is still running";
    return false;
  }
  if (worker_.joinable()) worker_.join();  // it has finished: busy_ is false
  busy_ = true;
  ExperimentResult& slot = results_[name];
  slot = ExperimentResult{};
  slot.running = true;
  worker_ = std::thread([this, name] {
    const auto start = std::chrono::steady_clock::now();
    ExperimentResult result = runExperiment(name);
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    result.done = true;
    std::lock_guard done_lock(mutex_);
    results_[name] = std::move(result);
    busy_ = false;
  });
  return true;
}

bool RealExperiments::running() const {
  std::lock_guard lock(mutex_);
  return busy_;
}

ExperimentResult RealExperiments::result(const std::string& name) const {
  std::lock_guard lock(mutex_);
  const auto it = results_.find(name);
  return it == results_.end() ? ExperimentResult{} : it->second;
}

}  // namespace gui
