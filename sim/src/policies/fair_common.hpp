// Internal: what cfs and eevdf share: where a process is, and its virtual clock.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sim/fair_share.hpp"

namespace sim::detail {

// Where a process is, as a fair policy sees it.
enum class FairStatus : std::uint8_t {
  Unknown,    // never entered the queue: placed as a new process
  Asleep,     // blocked or exited: placed again as a waking process
  Ready,      // in the ready queue
  Running,    // picked (or dispatched straight from its IO)
  Preempted,  // left its core still runnable; enqueue() puts it back unplaced
};

// Reasons that take a process out of the runnable set.
inline bool leavesQueue(Reason why) { return blocksOnLeaving(why) || why == Reason::Finished; }

// Adds the virtual time of `ticks` at `weight` to `vruntime` and returns it.
// The remainder of the division is carried in `remainder` (0 <= remainder <
// weight), so that charges in pieces add up to one charge of the whole.
inline std::int64_t chargeVirtual(std::int64_t& vruntime, std::int32_t& remainder, Tick ticks, std::int32_t weight) {
  const std::int64_t scaled = ticks * kVirtualUnitsPerTick * kNiceZeroWeight + remainder;
  const std::int64_t added = scaled / weight;
  remainder = static_cast<std::int32_t>(scaled % weight);
  vruntime += added;
  return added;
}

// The nice value whose weight is `weight` (kNiceWeights), or the nearest
// one above it when no nice has exactly that weight.
inline int niceOfWeight(std::int32_t weight) {
  for (int nice = -20; nice < 19; ++nice) {
    if (niceWeight(nice) <= weight) return nice;
  }
  return 19;
}

// The queues() view of a fair policy: the processes of `order` with their
// vruntime, nice and weight; with `deadlines` (eevdf) their virtual
// deadline and lag first. The label names the queue's reference point:
// min_vruntime (cfs) or the average V (eevdf).
std::vector<QueueView> fairQueueView(const FairSharePolicy& policy, const std::vector<ProcessId>& order, bool deadlines);

}  // namespace sim::detail
