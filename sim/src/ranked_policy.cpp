#include "ranked_policy.hpp"

#include <algorithm>

namespace sim {

namespace {
__extension__ using Key = unsigned __int128;
Key keyOf(std::uint64_t high, std::uint64_t low) { return (static_cast<Key>(high) << 64) | low; }
}  // namespace

bool RankedPolicy::Entry::before(const Entry& a, const Entry& b) {
  return keyOf(a.high, a.low) < keyOf(b.high, b.low);
}

RankedPolicy::WideEntry RankedPolicy::widen(const Entry& entry) {
  return {static_cast<std::int64_t>(entry.high >> 32) + kMinNarrow, (entry.high << 32) | (entry.low >> 32),
          static_cast<ProcessId>(static_cast<std::uint32_t>(entry.low))};
}

void RankedPolicy::enqueue(const ProcessView& process) {
  const std::int64_t rank = rankOf(process);
  if (!wide_ && rank >= kMinNarrow && rank <= kMaxNarrow) {
    const auto biased = static_cast<std::uint64_t>(rank - kMinNarrow);
    heap_.push({(biased << 32) | (process.ready_seq >> 32),
                (process.ready_seq << 32) | static_cast<std::uint32_t>(process.id)});
    return;
  }
  if (!wide_) {  // the order of the entries is the same, so heap order carries over
    std::vector<WideEntry> entries;
    entries.reserve(heap_.size());
    for (const Entry& entry : heap_) entries.push_back(widen(entry));
    wide_heap_ = detail::FourAryHeap<WideEntry>::inHeapOrder(entries);
    heap_.clear();
    wide_ = true;
  }
  wide_heap_.push({rank, process.ready_seq, process.id});
}

ProcessId RankedPolicy::pickNext(CoreId, const EngineState&) {
  if (wide_) return wide_heap_.empty() ? kNoProcess : wide_heap_.pop().process;
  return heap_.empty() ? kNoProcess : widen(heap_.pop()).process;
}

ProcessId RankedPolicy::peekNext(CoreId, const EngineState&) const {
  if (wide_) return wide_heap_.empty() ? kNoProcess : wide_heap_.top().process;
  return heap_.empty() ? kNoProcess : widen(heap_.top()).process;
}

std::int64_t RankedPolicy::headRank() const {
  return wide_ ? wide_heap_.top().rank : widen(heap_.top()).rank;
}

// The head's rank is the one it was enqueued with: a ready process's
// priority and remaining burst do not change while it waits.
std::optional<bool> RankedPolicy::headMoreUrgent(const ProcessView& running) const {
  if (readyCount() == 0) return false;
  return headRank() < rankOf(running);
}

std::vector<ProcessId> RankedPolicy::readyInOrder(const EngineState&) const {
  std::vector<WideEntry> sorted;
  if (wide_) {
    sorted.assign(wide_heap_.begin(), wide_heap_.end());
  } else {
    sorted.reserve(heap_.size());
    for (const Entry& entry : heap_) sorted.push_back(widen(entry));
  }
  std::sort(sorted.begin(), sorted.end(), WideEntry::before);
  std::vector<ProcessId> order;
  order.reserve(sorted.size());
  for (const WideEntry& entry : sorted) order.push_back(entry.process);
  return order;
}

}  // namespace sim
