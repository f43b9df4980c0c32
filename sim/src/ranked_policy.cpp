#include "ranked_policy.hpp"

#include <algorithm>

namespace sim {

void RankedPolicy::enqueue(const ProcessView& process) {
  heap_.push_back({rankOf(process), process.ready_seq, process.id});
  std::push_heap(heap_.begin(), heap_.end(), runsLater);
}

ProcessId RankedPolicy::pickNext(CoreId, const EngineState&) {
  if (heap_.empty()) return kNoProcess;
  std::pop_heap(heap_.begin(), heap_.end(), runsLater);
  const ProcessId next = heap_.back().process;
  heap_.pop_back();
  return next;
}

ProcessId RankedPolicy::peekNext(CoreId, const EngineState&) const {
  return heap_.empty() ? kNoProcess : heap_.front().process;
}

std::vector<ProcessId> RankedPolicy::readyInOrder(const EngineState&) const {
  std::vector<Entry> sorted = heap_;
  std::sort(sorted.begin(), sorted.end(), [](const Entry& a, const Entry& b) { return runsLater(b, a); });
  std::vector<ProcessId> order;
  order.reserve(sorted.size());
  for (const Entry& entry : sorted) order.push_back(entry.process);
  return order;
}

}  // namespace sim
