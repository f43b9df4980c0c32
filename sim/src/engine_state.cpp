#include "sim/engine_state.hpp"

#include <algorithm>

namespace sim {

Tick EngineState::burstRemaining(ProcessId process) const {
  const ProcessRuntime& p = processes[static_cast<std::size_t>(process)];
  if (p.state != State::Running) return p.remaining;
  const Tick ran = std::max<Tick>(0, now - p.run_start);
  return p.remaining - (cache.on() ? std::min(p.remaining, cache.workIn(p.core, ran)) : ran);
}

std::vector<ProcessId> EngineState::warmOn(CoreId core) const {
  const ProcessId running = cores[static_cast<std::size_t>(core)].running;
  const Tick ran = running == kNoProcess ? 0 : std::max<Tick>(0, now - processes[static_cast<std::size_t>(running)].run_start);
  return cache.warmAt(core, running, ran);
}

Tick EngineState::ticksIn(ProcessId process, State state) const {
  const ProcessRuntime& p = processes[static_cast<std::size_t>(process)];
  const Tick end = now + 1;  // the open interval runs through tick `now`
  switch (state) {
    case State::Ready:
      return p.waiting + (p.state == State::Ready ? std::max<Tick>(0, end - p.since) : 0);
    case State::Blocked:
      return p.blocked + (p.state == State::Blocked ? std::max<Tick>(0, end - p.since) : 0);
    case State::Running:
      return p.cpu + (p.state == State::Running ? std::max<Tick>(0, end - p.run_start) : 0);
    case State::New:
    case State::Terminated:
      return 0;
  }
  return 0;
}

}  // namespace sim
