#include "model/real_replay_job.hpp"

#include <algorithm>
#include <cmath>

#include "model/procsim_command.hpp"

namespace gui {
namespace {

SegmentKind kindOf(real::ObservedState state) {
  switch (state) {
    case real::ObservedState::Running: return SegmentKind::Running;
    case real::ObservedState::Ready: return SegmentKind::Ready;
    case real::ObservedState::Blocked: return SegmentKind::Blocked;
    case real::ObservedState::Stopped: return SegmentKind::Stopped;
    default: return SegmentKind::Zombie;
  }
}

}  // namespace

const char* replayStatusKey(ReplayStatus status) {
  switch (status) {
    case ReplayStatus::Idle: return "idle";
    case ReplayStatus::Running: return "running";
    case ReplayStatus::Done: return "done";
    case ReplayStatus::Failed: return "failed";
    case ReplayStatus::Cancelled: return "cancelled";
  }
  return "?";
}

std::vector<SegmentRow> realRows(const real::ReplayResult& result) {
  const auto& readings = result.trace.readings;
  const auto& at = result.sample_ticks;
  // Sample i covers [at[i], at[i + 1]); positions in hundredths of a tick.
  auto position = [&](std::size_t i) {
    const double tick = i < at.size() ? at[i] : (at.empty() ? 0.0 : at.back() + (at.size() > 1 ? at.back() - at[at.size() - 2] : 1.0));
    return static_cast<sim::Tick>(std::llround(tick * kRealRowUnitsPerTick));
  };
  std::vector<SegmentRow> rows(result.processes.size());
  for (std::size_t p = 0; p < rows.size(); ++p) {
    const double arrival = static_cast<double>(result.processes[p].arrival);
    for (std::size_t t = 0; t < readings.size() && t < at.size(); ++t) {
      if (at[t] < arrival) continue;  // before its arrival the worker only sleeps
      if (p >= readings[t].size() || readings[t][p].state == real::ObservedState::Gone) break;
      const SegmentKind kind = kindOf(readings[t][p].state);
      const sim::Tick start = position(t), end = std::max(position(t + 1), start + 1);
      if (!rows[p].empty() && rows[p].back().kind == kind && rows[p].back().end == start)
        rows[p].back().end = end;
      else
        rows[p].push_back({start, end, static_cast<sim::ProcessId>(p), kind});
      if (kind == SegmentKind::Zombie) break;  // ended: the rest is bookkeeping
    }
  }
  return rows;
}

ReplayJob::ReplayJob() = default;

ReplayJob::~ReplayJob() { finish(); }

bool ReplayJob::start(const sim::Scenario& scenario, const TimelineModel& simulated, double tick_ms, std::string& error) {
  collect();
  {
    std::lock_guard lock(mutex_);
    if (status_ == ReplayStatus::Running) {
      error = "a replay is already running";
      return false;
    }
  }
  real::ReplayOptions options;
  options.tick_ms = tick_ms;
  real::ReplayPlan plan;
  try {
    // Workers as commands: no C++ after fork in this threaded process.
    options.worker_command = procsimChildCommand("replay-worker");
    plan = real::planReplay(scenario, options);
  } catch (const std::exception& e) {
    error = e.what();
    return false;
  }
  if (worker_.joinable()) worker_.join();
  std::lock_guard lock(mutex_);
  plan_ = plan;
  status_ = ReplayStatus::Running;
  error_.clear();
  view_.reset();
  pending_.reset();
  worker_pids_.clear();
  started_ = std::chrono::steady_clock::now();
  stop_ = false;
  ReplayView base;
  base.sim_rows = simulated.processes;
  base.sim_end = static_cast<double>(simulated.end);
  worker_ = std::thread([this, scenario, options, base = std::move(base)]() mutable {
    options.should_stop = [this] { return stop_.load(); };
    options.on_started = [this](const std::vector<pid_t>& pids) {
      std::lock_guard started(mutex_);
      worker_pids_ = pids;
      changed_.notify_all();
    };
    ReplayStatus status = ReplayStatus::Done;
    std::string failure;
    try {
      base.result = real::replay(scenario, options);
      base.real_rows = realRows(base.result);
      base.ticks_per_sample = 1.0 / kRealRowUnitsPerTick;
      for (const SegmentRow& row : base.real_rows)
        if (!row.empty()) base.real_end = std::max(base.real_end, static_cast<double>(row.back().end) * base.ticks_per_sample);
    } catch (const real::ReplayInterrupted&) {
      status = ReplayStatus::Cancelled;
    } catch (const std::exception& e) {
      status = ReplayStatus::Failed;
      failure = e.what();
    }
    std::lock_guard done(mutex_);
    if (status == ReplayStatus::Done) pending_ = std::move(base);
    error_ = failure;
    status_ = status;
    changed_.notify_all();
  });
  return true;
}

void ReplayJob::cancel() { stop_ = true; }

void ReplayJob::finish() {
  cancel();
  if (worker_.joinable()) worker_.join();
}

void ReplayJob::wait() {
  if (worker_.joinable()) worker_.join();
}

void ReplayJob::collect() {
  std::lock_guard lock(mutex_);
  if (status_ != ReplayStatus::Running && pending_) {
    view_ = std::move(pending_);
    pending_.reset();
  }
}

ReplayStatus ReplayJob::status() const {
  std::lock_guard lock(mutex_);
  return status_;
}

double ReplayJob::progress() const {
  std::lock_guard lock(mutex_);
  if (status_ == ReplayStatus::Done) return 1.0;
  if (status_ != ReplayStatus::Running || !plan_ || plan_->estimated_seconds <= 0) return 0.0;
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
  return std::min(0.99, elapsed / plan_->estimated_seconds);
}

std::optional<real::ReplayPlan> ReplayJob::plan() const {
  std::lock_guard lock(mutex_);
  return plan_;
}

std::string ReplayJob::error() const {
  std::lock_guard lock(mutex_);
  return error_;
}

std::vector<pid_t> ReplayJob::workerPids() const {
  std::lock_guard lock(mutex_);
  return worker_pids_;
}

std::vector<pid_t> ReplayJob::waitForWorkers(std::chrono::milliseconds timeout) const {
  std::unique_lock lock(mutex_);
  changed_.wait_for(lock, timeout, [this] { return !worker_pids_.empty() || status_ != ReplayStatus::Running; });
  return worker_pids_;
}

const ReplayView* ReplayJob::view() {
  collect();
  std::lock_guard lock(mutex_);
  return view_ ? &*view_ : nullptr;
}

}  // namespace gui
