// gui/model/real_replay_job.hpp: "Simulate, then run it for real" off the UI
// thread. real::replay() runs the scenario's processes as real workers on
// a worker thread, each worker `procsim real child replay-worker ...` (no
// C++ after fork in the GUI: real/process.hpp); the panel polls progress() and, when done, the result
// with both timelines as rows the timeline drawing understands. The workers'
// pids are known once they all run (real::ReplayOptions::on_started), and a
// caller can wait for that moment instead of looking in /proc.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "model/timeline_model.hpp"
#include "real/replay.hpp"
#include "sim/scenario.hpp"

namespace gui {

enum class ReplayStatus { Idle, Running, Done, Failed, Cancelled };
const char* replayStatusKey(ReplayStatus status);  // "idle", "running", ...

struct ReplayView {
  real::ReplayResult result;
  std::vector<SegmentRow> sim_rows;   // per process, in ticks
  std::vector<SegmentRow> real_rows;  // per process, from its arrival on, in hundredths of a tick
  double ticks_per_sample = 1;        // real rows' unit, in ticks (1 / kRealRowUnitsPerTick)
  double sim_end = 0;                 // ticks
  double real_end = 0;                // ticks
};

inline constexpr double kRealRowUnitsPerTick = 100.0;

// The real rows of a replay: each worker's observed states from the sample
// at its arrival on, in samples (Zombie and Stopped kept apart).
std::vector<SegmentRow> realRows(const real::ReplayResult& result);

class ReplayJob {
 public:
  ReplayJob();
  ~ReplayJob();  // cancels a running replay and waits (the workers are killed and reaped)
  ReplayJob(const ReplayJob&) = delete;
  ReplayJob& operator=(const ReplayJob&) = delete;

  // Plans (refusals come back at once in `error`) and starts the replay.
  bool start(const sim::Scenario& scenario, const TimelineModel& simulated, double tick_ms, std::string& error);
  void cancel();
  void finish();  // cancels and waits until the workers are reaped
  void wait();    // waits until the replay ends by itself (scripts, tests)
  ReplayStatus status() const;
  double progress() const;  // 0..1, by elapsed time against the plan's estimate
  std::optional<real::ReplayPlan> plan() const;
  std::string error() const;
  const ReplayView* view();  // when Done; owned by the job, stable until the next start()

  // The workers' pids in the scenario's order, set once every worker runs
  // (exec'd, before the first sample) and kept after the replay ends; empty
  // before that and from the next start() on. Safe from any thread.
  std::vector<pid_t> workerPids() const;
  // Waits at most `timeout` until the workers run, or the replay ended
  // without them (a failure, a cancel); then workerPids().
  std::vector<pid_t> waitForWorkers(std::chrono::milliseconds timeout) const;

 private:
  void collect();  // joins a finished worker

  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;  // the workers started, or the replay ended
  std::thread worker_;
  std::atomic<bool> stop_{false};
  ReplayStatus status_ = ReplayStatus::Idle;
  std::optional<real::ReplayPlan> plan_;
  std::chrono::steady_clock::time_point started_;
  std::string error_;
  std::optional<ReplayView> view_;
  std::optional<ReplayView> pending_;  // filled by the worker
  std::vector<pid_t> worker_pids_;     // set by the worker through on_started
};

}  // namespace gui
