#include "sim/metrics.hpp"

#include <algorithm>
#include <functional>
#include <utility>

#include "sim/engine.hpp"

namespace sim {

namespace {

// Ticks of context-switch overhead so far, including the open interval.
Tick overheadSoFar(const EngineState& state, const ProcessRuntime& p) {
  if (p.state != State::Running) return p.overhead;
  const Tick end = std::min(state.now + 1, p.run_start);
  return p.overhead + std::max<Tick>(0, end - p.since);
}

// Ticks of CPU burst done: the bursts behind it and the done part of its current one.
Tick workDone(const EngineState& state, const ProcessSpec& spec, const ProcessRuntime& p, ProcessId id) {
  if (p.state == State::Terminated) return totalCpu(spec);
  Tick done = 0;
  for (std::uint32_t b = 0; b < p.burst; ++b) {
    if (spec.bursts[b].kind == BurstKind::Cpu) done += spec.bursts[b].length;
  }
  if (spec.bursts[p.burst].kind == BurstKind::Cpu) done += spec.bursts[p.burst].length - state.burstRemaining(id);
  return done;
}

using RunGetter = std::function<double(const RunMetrics&)>;
using ProcessGetter = std::function<double(const ProcessMetrics&)>;

const std::vector<std::pair<std::string, RunGetter>>& runGetters() {
  static const std::vector<std::pair<std::string, RunGetter>> getters = {
      {"makespan", [](const RunMetrics& m) { return static_cast<double>(m.makespan); }},
      {"cpu_utilization", [](const RunMetrics& m) { return m.cpu_utilization; }},
      {"throughput", [](const RunMetrics& m) { return m.throughput; }},
      {"avg_turnaround", [](const RunMetrics& m) { return m.avg_turnaround; }},
      {"avg_waiting", [](const RunMetrics& m) { return m.avg_waiting; }},
      {"avg_response", [](const RunMetrics& m) { return m.avg_response; }},
      {"context_switches", [](const RunMetrics& m) { return static_cast<double>(m.context_switches); }},
      {"overhead", [](const RunMetrics& m) { return static_cast<double>(m.overhead_ticks); }},
      {"admit", [](const RunMetrics& m) { return static_cast<double>(m.transitions[0]); }},
      {"dispatch", [](const RunMetrics& m) { return static_cast<double>(m.transitions[1]); }},
      {"preempt", [](const RunMetrics& m) { return static_cast<double>(m.transitions[2]); }},
      {"block", [](const RunMetrics& m) { return static_cast<double>(m.transitions[3]); }},
      {"wakeup", [](const RunMetrics& m) { return static_cast<double>(m.transitions[4]); }},
      {"exit", [](const RunMetrics& m) { return static_cast<double>(m.transitions[5]); }},
      {"requeue", [](const RunMetrics& m) { return static_cast<double>(m.transitions[6]); }},
  };
  static_assert(kTransitionKindCount == 7, "a getter per transition kind");
  return getters;
}

const std::vector<std::pair<std::string, ProcessGetter>>& processGetters() {
  static const std::vector<std::pair<std::string, ProcessGetter>> getters = {
      {"arrival", [](const ProcessMetrics& m) { return static_cast<double>(m.arrival); }},
      {"completion", [](const ProcessMetrics& m) { return static_cast<double>(m.completion); }},
      {"turnaround", [](const ProcessMetrics& m) { return static_cast<double>(m.turnaround); }},
      {"waiting", [](const ProcessMetrics& m) { return static_cast<double>(m.waiting); }},
      {"response", [](const ProcessMetrics& m) { return static_cast<double>(m.response); }},
      {"blocked", [](const ProcessMetrics& m) { return static_cast<double>(m.blocked); }},
      {"cpu", [](const ProcessMetrics& m) { return static_cast<double>(m.cpu); }},
      {"overhead", [](const ProcessMetrics& m) { return static_cast<double>(m.overhead); }},
  };
  return getters;
}

template <typename Getters, typename Metrics>
bool lookUp(const Getters& getters, const Metrics& metrics, const std::string& name, double& value) {
  for (const auto& [key, get] : getters) {
    if (key == name) {
      value = get(metrics);
      return true;
    }
  }
  return false;
}

template <typename Getters>
std::vector<std::string> namesOf(const Getters& getters) {
  std::vector<std::string> names;
  for (const auto& entry : getters) names.push_back(entry.first);
  return names;
}

}  // namespace

ProcessMetrics processMetrics(const Engine& engine, ProcessId id) {
  const EngineState& state = engine.state();
  const auto index = static_cast<std::size_t>(id);
  const ProcessRuntime& p = state.processes[index];
  const ProcessSpec& spec = engine.scenario().processes[index];
  ProcessMetrics m;
  m.name = spec.name;
  m.arrival = spec.arrival;
  m.completion = p.completion;
  m.waiting = state.ticksIn(id, State::Ready);
  m.blocked = state.ticksIn(id, State::Blocked);
  m.cpu = state.ticksIn(id, State::Running);
  m.work = workDone(state, spec, p, id);
  m.overhead = overheadSoFar(state, p);
  m.response = p.first_dispatch >= 0 ? p.first_dispatch - m.arrival : -1;
  if (p.state == State::Terminated) {
    m.turnaround = p.completion - m.arrival;
  } else if (p.state != State::New) {
    m.turnaround = state.now + 1 - m.arrival;
  }
  return m;
}

RunMetrics computeMetrics(const Engine& engine, bool with_processes) {
  const EngineState& state = engine.state();
  const Scenario& scenario = engine.scenario();
  RunMetrics run;
  run.complete = engine.finished();
  run.elapsed = state.now + 1;
  run.makespan = run.complete ? state.last_exit : run.elapsed;
  run.context_switches = state.context_switches;
  std::copy(std::begin(state.transition_counts), std::end(state.transition_counts), run.transitions.begin());

  double turnaround_sum = 0, waiting_sum = 0, response_sum = 0;
  std::int64_t exited = 0, admitted = 0, responded = 0;
  if (with_processes) run.processes.reserve(scenario.processes.size());
  for (std::size_t i = 0; i < scenario.processes.size(); ++i) {
    const ProcessRuntime& p = state.processes[i];
    const auto id = static_cast<ProcessId>(i);
    const Tick arrival = scenario.processes[i].arrival;
    const Tick waiting = state.ticksIn(id, State::Ready);
    if (p.state == State::Terminated) {
      turnaround_sum += static_cast<double>(p.completion - arrival);
      ++exited;
    }
    if (p.state != State::New) {
      waiting_sum += static_cast<double>(waiting);
      ++admitted;
    }
    if (p.first_dispatch >= 0) {
      response_sum += static_cast<double>(p.first_dispatch - arrival);
      ++responded;
    }
    run.busy_ticks += state.ticksIn(id, State::Running);
    run.overhead_ticks += overheadSoFar(state, p);
    if (with_processes) run.processes.push_back(processMetrics(engine, id));
  }
  if (exited > 0) run.avg_turnaround = turnaround_sum / static_cast<double>(exited);
  if (admitted > 0) run.avg_waiting = waiting_sum / static_cast<double>(admitted);
  if (responded > 0) run.avg_response = response_sum / static_cast<double>(responded);
  if (run.makespan > 0) {
    const double core_ticks = static_cast<double>(scenario.cores) * static_cast<double>(run.makespan);
    run.cpu_utilization = static_cast<double>(run.busy_ticks) / core_ticks;
    run.throughput = static_cast<double>(exited) / static_cast<double>(run.makespan);
  }
  return run;
}

bool runMetricByName(const RunMetrics& metrics, const std::string& name, double& value) {
  return lookUp(runGetters(), metrics, name, value);
}
bool processMetricByName(const ProcessMetrics& metrics, const std::string& name, double& value) {
  return lookUp(processGetters(), metrics, name, value);
}
std::vector<std::string> runMetricNames() { return namesOf(runGetters()); }

std::vector<MetricField> runMetricFields(const RunMetrics& metrics) {
  static const std::vector<std::string> fractional = {"cpu_utilization", "throughput", "avg_turnaround",
                                                      "avg_waiting", "avg_response"};
  std::vector<MetricField> fields;
  for (const auto& [name, getter] : runGetters()) {
    if (parseTransitionKind(name)) continue;  // counts per kind: RunMetrics::transitions
    const bool integer = std::find(fractional.begin(), fractional.end(), name) == fractional.end();
    fields.push_back({name, getter(metrics), integer});
  }
  return fields;
}
std::vector<std::string> processMetricNames() { return namesOf(processGetters()); }

}  // namespace sim
