// scheduler.py's jobs as a procsim scenario: one core, one CPU burst per
// job, all arriving at tick 0. The tool's times are real numbers; the
// engine's are whole ticks, so lengths with decimals are scaled by a power
// of ten (2.5 -> 25 ticks at scale 10, and the quantum with them).
#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "ostep/python_format.hpp"
#include "ostep/scheduler_tool.hpp"
#include "sim/engine.hpp"

namespace ostep {

namespace {

constexpr int kMaxDecimals = 6;

std::int64_t powerOfTen(int exponent) {
  std::int64_t value = 1;
  for (int i = 0; i < exponent; ++i) value *= 10;
  return value;
}

int decimalsOf(double length) { return std::max(0, -shortestDigits(length).exponent); }

// The length in ticks at `decimals` decimals (exact: from the shortest digits).
std::int64_t ticksOf(const SchedulerJob& job, int decimals) {
  const DecimalDigits d = shortestDigits(job.length);
  if (job.length * static_cast<double>(powerOfTen(decimals)) > static_cast<double>(sim::kMaxBurstLength)) {
    throw std::invalid_argument("job " + std::to_string(job.id) + " (length " + job.text +
                                ") is longer than the engine's longest burst");
  }
  std::int64_t ticks = 0;
  for (const char digit : d.digits) ticks = ticks * 10 + (digit - '0');
  return ticks * powerOfTen(d.exponent + decimals);
}

sim::Scenario scenarioFor(const std::vector<SchedulerJob>& jobs, SchedulerPolicy policy, std::int64_t quantum,
                          int decimals) {
  sim::Scenario scenario;
  scenario.name = "ostep scheduler";
  scenario.cores = 1;
  std::int64_t longest = 1;
  for (const SchedulerJob& job : jobs) {
    sim::ProcessSpec process;
    process.name = "job" + std::to_string(job.id);
    const std::int64_t ticks = ticksOf(job, decimals);
    process.bursts.push_back(sim::Burst{static_cast<std::uint32_t>(ticks)});
    longest = std::max(longest, ticks);
    scenario.processes.push_back(std::move(process));
  }
  switch (policy) {
    case SchedulerPolicy::Fifo: scenario.policy.name = "fcfs"; break;
    case SchedulerPolicy::Sjf: scenario.policy.name = "sjf"; break;
    case SchedulerPolicy::Rr: {
      // A quantum as long as the longest job already lets every job finish
      // in one slice: longer ones run the same.
      const std::int64_t scale = powerOfTen(decimals);
      const std::int64_t ticks = quantum >= longest / scale + 1 ? longest : quantum * scale;
      scenario.policy.name = "rr";
      scenario.policy.params["quantum"] = {std::min(ticks, sim::kMaxQuantum)};
      break;
    }
  }
  return scenario;
}

// Turns the engine's dispatches, preemptions and exits into slices.
class SliceCollector : public sim::Observer {
 public:
  explicit SliceCollector(sim::Tick slice_ticks) : slice_ticks_(slice_ticks) {}
  std::vector<SchedulerSlice> slices;

  void onTransition(const sim::Transition& t) override {
    if (t.kind == sim::TransitionKind::Dispatch) started_ = t.tick;
    if (t.kind != sim::TransitionKind::Preempt && t.kind != sim::TransitionKind::Exit) return;
    for (sim::Tick at = started_; at < t.tick; at += slice_ticks_) {
      const bool last = at + slice_ticks_ >= t.tick;
      slices.push_back({t.process, last && t.kind == sim::TransitionKind::Exit});
    }
  }

 private:
  sim::Tick slice_ticks_;
  sim::Tick started_ = 0;
};

}  // namespace

std::vector<SchedulerSlice> runSchedulerJobs(const std::vector<SchedulerJob>& jobs, SchedulerPolicy policy,
                                             std::int64_t quantum) {
  int decimals = 0;
  for (const SchedulerJob& job : jobs) decimals = std::max(decimals, decimalsOf(job.length));
  if (decimals > kMaxDecimals) {
    throw std::invalid_argument("a job length has more than " + std::to_string(kMaxDecimals) + " decimals");
  }
  const sim::Scenario scenario = scenarioFor(jobs, policy, quantum, decimals);
  const std::int64_t slice_ticks =
      policy == SchedulerPolicy::Rr ? scenario.policy.params.at("quantum").front() : sim::kMaxBurstLength;
  // The engine keeps a process running when its slice ends with nobody
  // waiting; the tool takes it off and puts it straight back. Both give it
  // the same time, so a longer stretch is cut into the tool's slices.
  SliceCollector collector(slice_ticks);
  sim::EngineOptions options;
  options.snapshots = false;
  options.record_trace = false;  // the collector keeps all it needs
  sim::Engine engine(scenario, options);
  engine.addObserver(&collector);
  engine.runToEnd();
  engine.removeObserver(&collector);
  std::vector<SchedulerSlice> slices = std::move(collector.slices);
  return slices;
}

}  // namespace ostep
