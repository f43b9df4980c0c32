// Helpers for the cfs and eevdf tests: the policy's state, dispatch ticks,
// CPU shares and waits.
#pragma once

#include <algorithm>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "scenario_builder.hpp"
#include "sim/fair_share.hpp"
#include "sim/policy_registry.hpp"

namespace test {

// A scenario under a policy spec string ("cfs:sched_latency=48").
inline sim::Scenario fairScenario(const std::string& spec, int cores, const std::vector<P>& processes) {
  sim::Scenario s = makeScenario("fcfs", cores, processes);
  std::string error;
  const auto parsed = sim::parsePolicySpec(spec, s.policy, error);
  if (!parsed) throw std::invalid_argument(error);
  s.policy = *parsed;
  return s;
}

inline const sim::FairSharePolicy& fair(const sim::Engine& engine) {
  return dynamic_cast<const sim::FairSharePolicy&>(engine.policy());
}

// Ticks at which `process` was dispatched.
inline std::vector<sim::Tick> dispatchTicks(const sim::Trace& trace, sim::ProcessId process) {
  std::vector<sim::Tick> ticks;
  for (const sim::Transition& t : trace) {
    if (t.process == process && t.kind == sim::TransitionKind::Dispatch) ticks.push_back(t.tick);
  }
  return ticks;
}

// CPU ticks each process has worked through tick `last` (a run stopped there).
inline std::vector<sim::Tick> cpuThrough(const sim::Scenario& s, sim::Tick last) {
  sim::Engine engine(s, {.snapshots = false});
  engine.runTo(last);
  std::vector<sim::Tick> cpu;
  for (std::size_t i = 0; i < s.processes.size(); ++i) {
    cpu.push_back(engine.state().ticksIn(static_cast<sim::ProcessId>(i), sim::State::Running));
  }
  return cpu;
}

// The longest stretch each process spent Ready without a break.
inline std::vector<sim::Tick> longestWaits(const sim::Engine& engine) {
  std::vector<sim::Tick> longest(engine.scenario().processes.size(), 0);
  std::map<sim::ProcessId, sim::Tick> ready_since;
  for (const sim::Transition& t : engine.trace()) {
    if (sim::toState(t.kind) == sim::State::Ready && t.kind != sim::TransitionKind::Requeue) ready_since[t.process] = t.tick;
    if (t.kind == sim::TransitionKind::Dispatch) {
      auto& worst = longest[static_cast<std::size_t>(t.process)];
      worst = std::max(worst, t.tick - ready_since[t.process]);
    }
  }
  return longest;
}

}  // namespace test
