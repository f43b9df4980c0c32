// Builds scenarios for tests from compact burst text ("c5 i3 c2").
#pragma once

#include <initializer_list>
#include <stdexcept>
#include <string>
#include <vector>

#include "sim/burst_text.hpp"
#include "sim/engine.hpp"
#include "sim/metrics.hpp"
#include "sim/scenario.hpp"

namespace test {

struct P {
  std::string name;
  sim::Tick arrival = 0;
  std::string bursts;
  int priority = 0;
  int nice = 0;  // cfs and eevdf
};

inline sim::Scenario makeScenario(const std::string& policy, int cores, const std::vector<P>& processes,
                                  sim::Tick quantum = 0) {
  sim::Scenario s;
  s.name = "test";
  s.cores = cores;
  s.policy.name = policy;
  if (quantum > 0) s.policy.params["quantum"] = {quantum};
  for (const P& p : processes) {
    sim::ProcessSpec spec;
    spec.name = p.name;
    spec.arrival = p.arrival;
    spec.priority = p.priority;
    spec.nice = p.nice;
    const sim::ParsedBursts parsed = sim::parseBurstText(p.bursts);
    if (!parsed.errors.empty()) throw std::invalid_argument(p.name + ": " + parsed.errors.front().message);
    sim::assignBursts(s, spec, parsed);
    s.processes.push_back(spec);
  }
  return s;
}

// Bursts alternate CPU and IO, starting with CPU: {3, 2, 1} is cpu 3, io 2, cpu 1.
inline sim::ProcessSpec process(std::string name, sim::Tick arrival, std::initializer_list<std::uint32_t> bursts) {
  sim::ProcessSpec spec;
  spec.name = std::move(name);
  spec.arrival = arrival;
  bool cpu = true;
  for (const std::uint32_t length : bursts) {
    spec.bursts.push_back({length, 0, cpu ? sim::BurstKind::Cpu : sim::BurstKind::Io});
    cpu = !cpu;
  }
  return spec;
}

inline sim::RunMetrics runToEnd(const sim::Scenario& scenario) {
  sim::Engine engine(scenario);
  engine.runToEnd();
  return sim::computeMetrics(engine);
}

// Steps `engine` one tick at a time: the name of the process core 0 runs in
// each of the next `ticks` ticks, '-' when it idles ("AABAB-").
inline std::string whoRuns(sim::Engine& engine, sim::Tick ticks) {
  std::string who;
  for (sim::Tick t = 0; t < ticks; ++t) {
    engine.stepTick();
    const sim::ProcessId id = engine.state().cores[0].running;
    who += id == sim::kNoProcess ? std::string("-") : engine.scenario().processes[static_cast<std::size_t>(id)].name;
  }
  return who;
}

}  // namespace test
