// What cfs and eevdf show of their ready queue (Policy::queues).
#include <string>
#include <utility>

#include "fair_common.hpp"

namespace sim::detail {

std::vector<QueueView> fairQueueView(const FairSharePolicy& policy, const std::vector<ProcessId>& order, bool deadlines) {
  QueueView view;
  const FairQueue queue = policy.queue();
  if (deadlines) {
    view.label = "eligible when lag >= 0; V = " + std::to_string(queue.avg_vruntime);
    view.label_zh = "滞后量 >= 0 即合格；平均虚拟运行时间 V = " + std::to_string(queue.avg_vruntime);
  } else {
    view.label = "min_vruntime " + std::to_string(queue.min_vruntime);
    view.label_zh = "最小虚拟运行时间 " + std::to_string(queue.min_vruntime);
  }
  view.entries.reserve(order.size());
  for (const ProcessId id : order) {
    const FairEntity e = policy.entity(id);
    QueueEntry entry{id, {}};
    if (deadlines) {
      entry.facts.emplace_back("deadline", e.deadline);
      entry.facts.emplace_back("lag", e.lag);
    }
    entry.facts.emplace_back("vruntime", e.vruntime);
    entry.facts.emplace_back("nice", niceOfWeight(e.weight));
    entry.facts.emplace_back("weight", e.weight);
    view.entries.push_back(std::move(entry));
  }
  return {view};
}

}  // namespace sim::detail
