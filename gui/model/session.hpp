// gui/model/session.hpp: the scenario the window shows and the tick the
// user looks at. Every control of the GUI (buttons, keys, script actions)
// goes through these methods.
//
// Two engines run the same scenario: `run()` has been run to the end once
// and holds the full trace (timeline, event log); `cursor()` stands at the
// tick being looked at (queues, cores, metrics so far) and moves there by
// stepping forward or rewinding to a snapshot.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "model/timeline_model.hpp"
#include "sim/engine.hpp"
#include "sim/metrics.hpp"
#include "sim/scenario.hpp"

namespace gui {

class Session {
 public:
  // [Scenario] Each returns false and sets lastError() (the text the CLI
  // prints) when the scenario cannot run; the current one stays.
  bool loadFile(const std::string& path);
  bool setScenario(sim::Scenario scenario);  // keeps the current tick in view
  // Changes a copy of the scenario and runs it (policy, cores, options).
  bool modify(const std::function<void(sim::Scenario&)>& change);
  bool hasScenario() const { return run_ != nullptr; }
  const sim::Scenario& scenario() const { return scenario_; }
  const std::string& path() const { return path_; }
  const std::string& lastError() const { return error_; }
  void clearError() { error_.clear(); }
  std::uint64_t generation() const { return generation_; }  // bumped on every re-run
  // The run's trace memory budget (sim::EngineOptions::trace_budget_bytes,
  // 1 GiB by default): a scenario whose trace would outgrow it is refused
  // like any other, with the budget named in lastError().
  void setTraceBudget(std::size_t bytes) { trace_budget_bytes_ = bytes; }

  // [Cursor] Ticks run from -1 (before tick 0) to endTick() (the last exit).
  sim::Tick tick() const;
  sim::Tick endTick() const { return end_tick_; }
  void seek(sim::Tick tick);
  void stepForward() { seek(tick() + 1); }
  void stepBack() { seek(tick() - 1); }
  void nextEvent();     // to the next tick where some transition happens
  void previousEvent(); // to the previous such tick
  void home() { seek(-1); }

  // [Playing] speed in ticks per second, 0.5 .. 1000.
  bool playing() const { return playing_; }
  void setPlaying(bool playing);
  double speed() const { return speed_; }
  void setSpeed(double ticks_per_second);
  // Advances by elapsed wall time; returns true when the tick changed.
  bool advance(double seconds);
  double tickFraction() const { return fraction_; }  // 0..1 progress toward the next tick while playing

  // [Results]
  const sim::Engine& run() const { return *run_; }
  const sim::Engine& cursor() const { return *cursor_; }
  const TimelineModel& timeline() const { return timeline_; }
  const sim::RunMetrics& metrics() const;  // of the cursor, cached per tick; `processes` is left empty
  const std::vector<sim::ProcessId>& readyQueue() const;  // the cursor's, in dispatch order, cached per tick
  // Indices into run().trace() of the transitions at the cursor's tick.
  std::pair<std::size_t, std::size_t> transitionsAtTick() const;

 private:
  void rebuild(sim::Scenario scenario, sim::Tick keep_tick);

  sim::Scenario scenario_;
  std::string path_;
  std::string error_;
  std::unique_ptr<sim::Engine> run_;
  std::unique_ptr<sim::Engine> cursor_;
  TimelineModel timeline_;
  sim::Tick end_tick_ = -1;
  bool playing_ = false;
  double speed_ = 2.0;
  double fraction_ = 0.0;
  std::uint64_t generation_ = 0;
  std::size_t trace_budget_bytes_ = sim::kDefaultTraceBudgetBytes;
  mutable std::optional<sim::RunMetrics> metrics_;
  mutable sim::Tick metrics_tick_ = -2;
  mutable std::vector<sim::ProcessId> ready_;
  mutable sim::Tick ready_tick_ = -2;
  mutable std::uint64_t ready_generation_ = 0;
};

}  // namespace gui
