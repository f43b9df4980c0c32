#include "model/real_experiments.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <stdexcept>

#include "model/procsim_command.hpp"
#include "real/process.hpp"

namespace gui {
namespace {

// The experiment runs in `procsim real demo NAME --format json`: it forks
// children that run C++, which only a single-threaded process may do
// (real/process.hpp), so not in the GUI itself. Its pids are that
// process's and its children's.
ExperimentResult runExperiment(const std::string& name) {
  ExperimentResult result;
  int fds[2] = {-1, -1};
  try {
    if (::pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error("cannot create a pipe");
    auto demo = real::Process::command({procsimExecutable(), "real", "demo", name, "--format", "json"}, name);
    demo->set_stdout(fds[1]);
    demo->set_die_with_parent(true);
    demo->start();
    ::close(fds[1]);
    fds[1] = -1;
    std::string text;
    char buffer[4096];
    ssize_t got = 0;
    while ((got = ::read(fds[0], buffer, sizeof buffer)) > 0 || (got < 0 && errno == EINTR))
      if (got > 0) text.append(buffer, static_cast<std::size_t>(got));
    demo->join();
    if (demo->exitcode() != 0)
      throw std::runtime_error("procsim real demo " + name + " ended with exit code " + std::to_string(*demo->exitcode()));
    nlohmann::json facts = nlohmann::json::parse(text);
    result.lines = facts.at("lines").get<std::vector<std::string>>();
    facts.erase("lines");
    facts.erase("demo");
    result.facts = std::move(facts);
  } catch (const std::exception& e) {
    result.error = e.what();
  }
  for (const int fd : fds)
    if (fd >= 0) ::close(fd);
  return result;
}

}  // namespace

const std::vector<std::string>& experimentNames() {
  static const std::vector<std::string> names{"isolation", "join", "terminate", "zombie", "two-ways", "daemon"};
  return names;
}

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
