#include "model/session.hpp"

#include <algorithm>
#include <exception>

#include "sim/scenario_json.hpp"

namespace gui {

bool Session::loadFile(const std::string& path) {
  try {
    sim::Scenario scenario = sim::loadScenario(path);
    rebuild(std::move(scenario), -1);
    path_ = path;
    error_.clear();
    return true;
  } catch (const std::exception& e) {
    error_ = e.what();
    return false;
  }
}

bool Session::setScenario(sim::Scenario scenario) {
  try {
    sim::validateScenario(scenario);
    rebuild(std::move(scenario), hasScenario() ? tick() : -1);
    error_.clear();
    return true;
  } catch (const std::exception& e) {
    error_ = e.what();
    return false;
  }
}

bool Session::modify(const std::function<void(sim::Scenario&)>& change) {
  if (!hasScenario()) return false;
  sim::Scenario copy = scenario_;
  change(copy);
  return setScenario(std::move(copy));
}

void Session::rebuild(sim::Scenario scenario, sim::Tick keep_tick) {
  sim::EngineOptions run_options;
  run_options.trace_budget_bytes = trace_budget_bytes_;
  auto run = std::make_unique<sim::Engine>(scenario, run_options);
  AdmissionQueues admissions(*run);
  const bool per_core = scenario.run_queues == sim::RunQueues::PerCore;
  if (per_core) run->addObserver(&admissions);
  run->runToEnd();
  if (per_core) run->removeObserver(&admissions);
  admissions.finish();
  sim::EngineOptions cursor_options;
  cursor_options.record_trace = false;
  auto cursor = std::make_unique<sim::Engine>(scenario, cursor_options);
  end_tick_ = run->now();
  timeline_ = buildTimeline(scenario, run->trace(), end_tick_, admissions.queues());
  scenario_ = std::move(scenario);
  run_ = std::move(run);
  cursor_ = std::move(cursor);
  fraction_ = 0.0;
  metrics_.reset();
  ++generation_;
  seek(keep_tick);
}

sim::Tick Session::tick() const { return cursor_ ? cursor_->now() : -1; }

void Session::seek(sim::Tick target) {
  if (!cursor_) return;
  target = std::clamp<sim::Tick>(target, -1, end_tick_);
  if (target == cursor_->now()) return;
  if (target > cursor_->now())
    cursor_->runTo(target);
  else
    cursor_->rewindTo(target);
  if (target >= end_tick_) playing_ = false;
}

void Session::nextEvent() {
  const auto& trace = run_->trace();
  const auto it = std::upper_bound(trace.begin(), trace.end(), tick(),
                                   [](sim::Tick t, const sim::Transition& tr) { return t < tr.tick; });
  seek(it == trace.end() ? end_tick_ : it->tick);
}

void Session::previousEvent() {
  const auto& trace = run_->trace();
  const auto it = std::lower_bound(trace.begin(), trace.end(), tick(),
                                   [](const sim::Transition& tr, sim::Tick t) { return tr.tick < t; });
  seek(it == trace.begin() ? -1 : std::prev(it)->tick);
}

void Session::setPlaying(bool playing) {
  if (!cursor_) return;
  if (playing && tick() >= end_tick_) seek(-1);
  playing_ = playing;
  fraction_ = 0.0;
}

void Session::setSpeed(double ticks_per_second) { speed_ = std::clamp(ticks_per_second, 0.5, 1000.0); }

bool Session::advance(double seconds) {
  if (!playing_ || !cursor_) return false;
  fraction_ += std::max(0.0, seconds) * speed_;
  const auto whole = static_cast<sim::Tick>(fraction_);
  if (whole == 0) return false;
  fraction_ -= static_cast<double>(whole);
  seek(tick() + whole);
  if (!playing_) fraction_ = 0.0;
  return true;
}

const sim::RunMetrics& Session::metrics() const {
  if (!metrics_ || metrics_tick_ != tick()) {
    metrics_ = sim::computeMetrics(*cursor_, false);  // run-wide figures only; rows come from processMetrics
    metrics_tick_ = tick();
  }
  return *metrics_;
}

const std::vector<sim::ProcessId>& Session::readyQueue() const {
  if (ready_tick_ != tick() || ready_generation_ != generation_) {
    ready_ = cursor_->readyQueue();
    ready_tick_ = tick();
    ready_generation_ = generation_;
  }
  return ready_;
}

std::pair<std::size_t, std::size_t> Session::transitionsAtTick() const {
  const auto& trace = run_->trace();
  const sim::Tick t = tick();
  const auto first = std::lower_bound(trace.begin(), trace.end(), t,
                                      [](const sim::Transition& tr, sim::Tick x) { return tr.tick < x; });
  const auto last = std::upper_bound(first, trace.end(), t,
                                     [](sim::Tick x, const sim::Transition& tr) { return x < tr.tick; });
  return {static_cast<std::size_t>(first - trace.begin()), static_cast<std::size_t>(last - trace.begin())};
}

}  // namespace gui
