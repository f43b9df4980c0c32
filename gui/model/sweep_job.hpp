// gui/model/sweep_job.hpp: the Compare tab's sweep, one setting across a
// range of values (sim/sweep.hpp, as `procsim sweep`), run off the UI
// thread with its progress, for the line chart.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "sim/policy_registry.hpp"
#include "sim/scenario.hpp"
#include "sim/sweep.hpp"

namespace gui {

// A setting a sweep may vary on `scenario`, with the range it starts with.
struct SweepKey {
  std::string name;        // a policy parameter ("quantum"), "cores" or "context_switch"
  const sim::ParamSchema* param = nullptr;  // the registry's schema of a policy parameter; null for the other two
  std::int64_t min = 0, max = 0;      // the values the scenario accepts
  std::int64_t from = 0, to = 0;      // a first range: up to 20 values from the smallest sensible one
};

// The scenario's policy's whole-number parameters (from the registry's
// schema; on/off ones left out), then "cores" and "context_switch".
std::vector<SweepKey> sweepKeys(const sim::Scenario& scenario);

class SweepJob {
 public:
  SweepJob() = default;
  ~SweepJob();  // cancels a running sweep and joins its thread
  SweepJob(const SweepJob&) = delete;
  SweepJob& operator=(const SweepJob&) = delete;

  // Checks the range (sim::checkSweep; the message in `error`) and starts
  // the runs on a worker thread. A running sweep is cancelled first.
  bool start(const sim::Scenario& scenario, const sim::SweepRange& range, std::string& error);
  void cancel();  // stops after the current run and joins; keeps the points done so far
  void clear();   // cancels and forgets the points
  void wait();    // blocks until the sweep is done, then collects it
  // Joins a finished worker; call once a frame. True while it runs.
  bool poll();
  bool running() const { return running_; }
  std::size_t done() const { return done_; }    // runs finished
  std::size_t total() const { return total_; }  // runs planned
  bool cancelled() const { return cancelled_; }
  const sim::SweepRange& range() const { return range_; }
  const std::vector<sim::SweepPoint>& points() const { return points_; }  // when not running
  const std::string& error() const { return error_; }  // a failure inside the worker

 private:
  void collect();

  std::thread worker_;
  std::atomic<bool> stop_{false};
  std::atomic<bool> finished_{false};
  std::atomic<std::size_t> done_{0};
  std::size_t total_ = 0;
  bool running_ = false;
  bool cancelled_ = false;
  sim::SweepRange range_;
  std::mutex mutex_;                      // guards pending_ and pending_error_
  std::vector<sim::SweepPoint> pending_;  // filled by the worker
  std::string pending_error_;
  std::vector<sim::SweepPoint> points_;
  std::string error_;
};

// The Compare tab's sweep: the chosen setting and range, and its job.
// Shared by the tab's widgets and the script's `sweep` verb.
struct SweepState {
  std::string key;               // a name from sweepKeys(); empty until synced
  long long from = 0, to = 0, step = 1;
  int chart = 0;                 // 0: the average times, 1: CPU utilization, 2: context switches
  bool show_requested = false;   // open the Compare tab's sweep page on the next frame
  std::uint64_t generation = 0;  // the session generation the key and the points belong to
  std::string error;             // why the last start was refused
  std::unique_ptr<SweepJob> job = std::make_unique<SweepJob>();
};

// After the scenario changed (a new `generation`): drops the old points and
// keeps the key and range when the key still exists, else takes the first
// key with its first range.
void syncSweep(SweepState& sweep, const sim::Scenario& scenario, std::uint64_t generation);
// Chooses `key` (one of sweepKeys()) with its first range.
void chooseSweepKey(SweepState& sweep, const SweepKey& key);
// Starts the sweep of sweep.key over from..to by step; false with the
// reason in sweep.error.
bool startSweep(SweepState& sweep, const sim::Scenario& scenario);

}  // namespace gui
