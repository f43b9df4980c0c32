#include "fifo_policy.hpp"

namespace sim {

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
