#include "fifo_policy.hpp"

namespace sim {

std::string FifoPolicy::describe() const {
  return quantum_ > 0 ? "rr (quantum " + std::to_string(quantum_) + ")" : "fcfs";
}

ProcessId FifoPolicy::pickNext(CoreId, const EngineState&) {
  if (queue_.empty()) return kNoProcess;
  const ProcessId next = queue_.front();
  queue_.pop_front();
  return next;
}

ProcessId FifoPolicy::peekNext(CoreId, const EngineState&) const {
  return queue_.empty() ? kNoProcess : queue_.front();
}

std::vector<ProcessId> FifoPolicy::readyInOrder(const EngineState&) const {
  return {queue_.begin(), queue_.end()};
}

Tick FifoPolicy::timeSlice(ProcessId, const EngineState&) const { return quantum_; }

}  // namespace sim
