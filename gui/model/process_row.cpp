#include "model/process_row.hpp"

namespace gui {

ProcessRow processRowAt(const sim::EngineState& state, const sim::ProcessSpec& spec, sim::ProcessId process) {
  const sim::ProcessRuntime& p = state.processes[static_cast<std::size_t>(process)];
  ProcessRow row;
  row.waiting = state.ticksIn(process, sim::State::Ready);
  row.cpu = state.ticksIn(process, sim::State::Running);
  row.response = p.first_dispatch >= 0 ? p.first_dispatch - spec.arrival : -1;
  if (p.state == sim::State::Terminated)
    row.turnaround = p.completion - spec.arrival;
  else if (p.state != sim::State::New)
    row.turnaround = state.now + 1 - spec.arrival;
  return row;
}

}  // namespace gui
