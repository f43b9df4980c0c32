#include "model/real_experiments.hpp"

#include <chrono>

#include "real/demos.hpp"

namespace gui {
namespace {

ExperimentResult runExperiment(const std::string& name) {
  ExperimentResult result;
  try {
    auto report = real::realDemos().at(name)();
    result.lines = std::move(report.lines);
    result.facts = std::move(report.json);
  } catch (const std::exception& e) {
    result.error = e.what();
  }
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
