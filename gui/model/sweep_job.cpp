#include "model/sweep_job.hpp"

#include <algorithm>
#include <exception>
#include <optional>
#include <utility>


namespace gui {
namespace {

constexpr std::int64_t kFirstRangeValues = 20;

SweepKey keyOf(std::string name, std::int64_t min, std::int64_t max, std::int64_t from_at_least) {
  SweepKey key;
  key.name = std::move(name);
  key.min = min;
  key.max = max;
  key.from = std::clamp(from_at_least, min, max);
  key.to = std::min(max, key.from + kFirstRangeValues - 1);
  return key;
}

}  // namespace

std::vector<SweepKey> sweepKeys(const sim::Scenario& scenario) {
  std::vector<SweepKey> keys;
  if (const sim::PolicyInfo* info = sim::findPolicy(scenario.policy.name)) {
    for (const sim::ParamSchema& param : info->parameters) {
      if (param.type == sim::ParamType::Boolean) continue;
      SweepKey key = keyOf(param.name, param.min, param.max, 1);
      key.param = &param;
      keys.push_back(std::move(key));
    }
  }
  SweepKey cores = keyOf("cores", 1, sim::kMaxCores, 1);
  cores.to = std::min<std::int64_t>(cores.to, std::max(8, 2 * scenario.cores));
  keys.push_back(std::move(cores));
  SweepKey cost = keyOf("context_switch", 0, sim::kMaxQuantum, 0);
  cost.to = 10;
  keys.push_back(std::move(cost));
  return keys;
}

void chooseSweepKey(SweepState& sweep, const SweepKey& key) {
  sweep.key = key.name;
  sweep.from = key.from;
  sweep.to = key.to;
  sweep.step = 1;
}

void syncSweep(SweepState& sweep, const sim::Scenario& scenario, std::uint64_t generation) {
  if (sweep.generation == generation && !sweep.key.empty()) return;
  sweep.generation = generation;
  sweep.job->clear();
  sweep.error.clear();
  const std::vector<SweepKey> keys = sweepKeys(scenario);
  const bool known = std::any_of(keys.begin(), keys.end(), [&](const SweepKey& k) { return k.name == sweep.key; });
  if (!known) chooseSweepKey(sweep, keys.front());
}

bool startSweep(SweepState& sweep, const sim::Scenario& scenario) {
  sweep.error.clear();
  std::string text = sweep.key;
  text.append("=").append(std::to_string(sweep.from)).append("..").append(std::to_string(sweep.to));
  text.append(":").append(std::to_string(sweep.step));
  const std::optional<sim::SweepRange> range = sim::parseSweepRange(text, sweep.error);
  return range && sweep.job->start(scenario, *range, sweep.error);
}

SweepJob::~SweepJob() { cancel(); }

void SweepJob::clear() {
  cancel();
  points_.clear();
  error_.clear();
  done_ = 0;
  total_ = 0;
}

bool SweepJob::start(const sim::Scenario& scenario, const sim::SweepRange& range, std::string& error) {
  cancel();
  try {
    sim::checkSweep(scenario, range);
  } catch (const std::exception& e) {
    error = e.what();
    return false;
  }
  range_ = range;
  points_.clear();
  error_.clear();
  pending_.clear();
  pending_error_.clear();
  stop_ = false;
  finished_ = false;
  cancelled_ = false;
  done_ = 0;
  total_ = static_cast<std::size_t>((range.to - range.from) / range.step + 1);
  running_ = true;
  worker_ = std::thread([this, scenario, range] {
    std::vector<sim::SweepPoint> points;
    std::string failure;
    try {
      points = sim::sweep(scenario, range, [this](std::size_t done, std::size_t) {
        done_ = done;
        return !stop_;
      });
    } catch (const std::exception& e) {
      failure = e.what();
    }
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      pending_ = std::move(points);
      pending_error_ = std::move(failure);
    }
    finished_ = true;
  });
  return true;
}

void SweepJob::collect() {
  if (!worker_.joinable()) return;
  worker_.join();
  const std::lock_guard<std::mutex> lock(mutex_);
  points_ = std::move(pending_);
  error_ = std::move(pending_error_);
  running_ = false;
}

bool SweepJob::poll() {
  if (running_ && finished_) collect();
  return running_;
}

void SweepJob::wait() { collect(); }

void SweepJob::cancel() {
  if (!running_) return;
  cancelled_ = !finished_;
  stop_ = true;
  collect();
}

}  // namespace gui
