// gui/model/real_experiments.hpp: the source material's multiprocessing
// experiments (isolation, join placement, terminate then is_alive, zombie,
// two ways to start, daemon), run one at a time on a worker thread so the
// window keeps drawing. Each runs as `procsim real demo NAME --format json`
// (the real library's real/demos.hpp): its children run C++ after fork,
// which a threaded process such as the GUI must not do (real/process.hpp).
#pragma once

#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

namespace gui {

struct ExperimentResult {
  bool running = false;
  bool done = false;
  std::string error;               // the experiment could not run
  std::vector<std::string> lines;  // the library's own text (English)
  nlohmann::json facts;            // the experiment's JSON: pids and values
  double seconds = 0;              // how long it took
};

// The experiments, in the source's order.
const std::vector<std::string>& experimentNames();

class RealExperiments {
 public:
  RealExperiments();
  ~RealExperiments();  // waits for a running experiment (each ends within a few seconds)
  RealExperiments(const RealExperiments&) = delete;
  RealExperiments& operator=(const RealExperiments&) = delete;

  // Starts `name` on the worker thread; false with `error` when unknown or
  // when another experiment is still running.
  bool start(const std::string& name, std::string& error);
  bool running() const;
  void finish();  // waits for a running experiment
  ExperimentResult result(const std::string& name) const;  // a copy

 private:
  mutable std::mutex mutex_;
  std::map<std::string, ExperimentResult> results_;
  std::thread worker_;
  bool busy_ = false;
};

}  // namespace gui
