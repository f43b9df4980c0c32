// cfs: Linux's completely fair scheduler (2.6.23 to 6.5): the ready process
// with the smallest vruntime runs, for a slice that is its weight's share
// of the scheduling latency. Units and weights: sim/fair_share.hpp; the
// rules in words: docs/model.md, "cfs".
#include <algorithm>
#include <cassert>
#include <string>

#include "fair_common.hpp"
#include "process_slots.hpp"
#include "vruntime_heap.hpp"
#include "sim/policy_registry.hpp"
#include "sim/scenario_json.hpp"

namespace sim::detail {

namespace {

class CfsPolicy final : public FairSharePolicy {
 public:
  CfsPolicy(Tick latency, Tick min_granularity) : latency_(latency), min_granularity_(min_granularity) {}

  std::unique_ptr<Policy> clone() const override { return std::make_unique<CfsPolicy>(*this); }

  // [Ready queue]
  void enqueue(const ProcessView& process) override;
  void putBack(const ProcessView& process) override;
  void onMigratedAway(ProcessId process) override;
  void onExitedWhileAway(ProcessId process) override { entities_.release(process); }
  ProcessId pickNext(CoreId core, const EngineState& state) override;
  ProcessId peekNext(CoreId, const EngineState&) const override {
    return ready_.empty() ? kNoProcess : ready_.top().process;
  }
  std::size_t readyCount() const override { return ready_.size(); }
  std::vector<ProcessId> readyInOrder(const EngineState& state) const override;
  std::vector<QueueView> queues(const EngineState& state) const override {
    return fairQueueView(*this, readyInOrder(state), false);
  }

  // [Slices and feedback]
  Tick timeSlice(ProcessId process, const EngineState& state) const override;
  void onDispatched(ProcessId process, CoreId core, Tick now) override;
  void onSliceRenewed(ProcessId process, Tick cpu_ticks) override;
  void onDescheduled(ProcessId process, Tick cpu_ticks, Reason why) override;

  // [Inspection]
  FairEntity entity(ProcessId process) const override;
  FairQueue queue() const override;
  void setSoleQueue(bool sole) override { entities_.indexById(sole); }
  std::size_t processSlotCount() const override { return static_cast<std::size_t>(entities_.slotCount()); }

 private:
  struct Entity {
    std::int64_t vruntime = 0;
    std::int32_t weight = kNiceZeroWeight;
    std::int32_t remainder = 0;     // of the last charge's division, carried into the next
    std::int32_t running_index = -1; // Running: its index in running_
    FairStatus status = FairStatus::Unknown;
  };

  using Slot = std::int32_t;           // a process's place in entities_
  Entity& at(Slot slot) { return entities_[slot]; }
  const Entity& at(Slot slot) const { return entities_[slot]; }
  void place(Entity& e) const;          // an arriving or waking process's vruntime
  void becomeRunnable(Slot slot, FairStatus status);
  void charge(Slot slot, Tick cpu_ticks);
  void updateMinVruntime();
  // The running processes: a binary heap by (vruntime, id), as small as the cores.
  bool runsBefore(Slot a, Slot b) const;
  void startRunning(Slot slot);
  void stopRunning(Slot slot);
  void moveRunning(std::size_t index);  // restores the heap order around running_[index]

  Tick latency_;
  Tick min_granularity_;
  ProcessTable<Entity> entities_;      // the processes of this queue, ready, running or asleep
  VruntimeHeap ready_;                 // smallest (vruntime, id) on top
  std::vector<Slot> running_;          // heap: smallest (vruntime, id) first
  std::int64_t ready_weight_ = 0;
  std::int64_t running_weight_ = 0;
  std::int64_t min_vruntime_ = 0;      // monotonic: never decreases
};

// A new process starts at min_vruntime; a waking one keeps its own vruntime
// unless that is more than half a latency behind min_vruntime.
void CfsPolicy::place(Entity& e) const {
  if (e.status == FairStatus::Unknown) {
    e.vruntime = min_vruntime_;
  } else if (e.status == FairStatus::Asleep) {
    e.vruntime = std::max(e.vruntime, min_vruntime_ - latency_ * kVirtualUnitsPerTick / 2);
  }
}

void CfsPolicy::becomeRunnable(Slot slot, FairStatus status) {
  Entity& e = at(slot);
  place(e);
  e.status = status;
  if (status == FairStatus::Ready) {
    ready_weight_ += e.weight;
  } else {
    startRunning(slot);
  }
}

void CfsPolicy::enqueue(const ProcessView& process) {
  const Slot slot = entities_.acquire(process.id);
  Entity& e = at(slot);
  assert(e.status != FairStatus::Ready && e.status != FairStatus::Running);
  if (e.status == FairStatus::Preempted) {
    e.status = FairStatus::Ready;
    ready_weight_ += e.weight;
  } else {
    e.weight = niceWeight(process.nice);
    becomeRunnable(slot, FairStatus::Ready);
  }
  ready_.push({e.vruntime, process.id, slot});
  updateMinVruntime();
}

// Undoes pickNext: back among the ready, with its vruntime unchanged.
void CfsPolicy::putBack(const ProcessView& process) {
  const Slot slot = entities_.slotOf(process.id);
  Entity& e = at(slot);
  stopRunning(slot);
  e.status = FairStatus::Ready;
  ready_weight_ += e.weight;
  ready_.push({e.vruntime, process.id, slot});
  updateMinVruntime();
}

// Picked here, gone to another core's queue: no longer runnable here, and
// new if it comes back.
void CfsPolicy::onMigratedAway(ProcessId process) {
  stopRunning(entities_.slotOf(process));
  entities_.release(process);
}

ProcessId CfsPolicy::pickNext(CoreId, const EngineState&) {
  if (ready_.empty()) return kNoProcess;
  const VruntimeHeap::Entry next = ready_.pop();
  Entity& e = at(next.slot);
  ready_weight_ -= e.weight;
  e.status = FairStatus::Running;
  startRunning(next.slot);
  return next.process;
}

std::vector<ProcessId> CfsPolicy::readyInOrder(const EngineState&) const {
  std::vector<VruntimeHeap::Entry> sorted = ready_.entries();
  std::sort(sorted.begin(), sorted.end(), VruntimeHeap::before);
  std::vector<ProcessId> order;
  order.reserve(sorted.size());
  for (const VruntimeHeap::Entry& entry : sorted) order.push_back(entry.process);
  return order;
}

// max(min_granularity, sched_latency * weight / total weight of the runnable).
Tick CfsPolicy::timeSlice(ProcessId process, const EngineState&) const {
  const Entity& e = at(entities_.slotOf(process));
  const std::int64_t total = std::max<std::int64_t>(ready_weight_ + running_weight_, e.weight);
  return std::max(min_granularity_, latency_ * e.weight / total);
}

// A process dispatched without passing through the queue (its IO ended on
// the core it held, or wakeup_preempts) becomes runnable here.
void CfsPolicy::onDispatched(ProcessId process, CoreId, Tick) {
  const Slot slot = entities_.acquire(process);
  if (at(slot).status == FairStatus::Running) return;
  becomeRunnable(slot, FairStatus::Running);
  updateMinVruntime();
}

void CfsPolicy::charge(Slot slot, Tick cpu_ticks) {
  Entity& e = at(slot);
  chargeVirtual(e.vruntime, e.remainder, cpu_ticks, e.weight);
  moveRunning(static_cast<std::size_t>(e.running_index));
  updateMinVruntime();
}

void CfsPolicy::onSliceRenewed(ProcessId process, Tick cpu_ticks) { charge(entities_.slotOf(process), cpu_ticks); }

// An exited process's state goes; a blocked one's stays for its wakeup.
void CfsPolicy::onDescheduled(ProcessId process, Tick cpu_ticks, Reason why) {
  const Slot slot = entities_.slotOf(process);
  charge(slot, cpu_ticks);
  stopRunning(slot);
  Entity& e = at(slot);
  if (leavesQueue(why)) {
    e.status = FairStatus::Asleep;
    updateMinVruntime();
    if (why == Reason::Finished) entities_.release(process);
  } else {
    e.status = FairStatus::Preempted;  // enqueue() follows at once
  }
}

// min_vruntime = max(min_vruntime, the smallest vruntime of a ready or
// running process); unchanged when none is runnable.
void CfsPolicy::updateMinVruntime() {
  const bool any_ready = !ready_.empty();
  const bool any_running = !running_.empty();
  if (!any_ready && !any_running) return;
  const auto running_min = [this] { return at(running_.front()).vruntime; };
  std::int64_t smallest = any_ready ? ready_.top().key : running_min();
  if (any_ready && any_running) smallest = std::min(smallest, running_min());
  min_vruntime_ = std::max(min_vruntime_, smallest);
}

bool CfsPolicy::runsBefore(Slot a, Slot b) const {
  const std::int64_t va = at(a).vruntime;
  const std::int64_t vb = at(b).vruntime;
  return va != vb ? va < vb : entities_.idAt(a) < entities_.idAt(b);
}

void CfsPolicy::startRunning(Slot slot) {
  Entity& e = at(slot);
  running_weight_ += e.weight;
  e.running_index = static_cast<std::int32_t>(running_.size());
  running_.push_back(slot);
  moveRunning(running_.size() - 1);
}

void CfsPolicy::stopRunning(Slot slot) {
  Entity& e = at(slot);
  running_weight_ -= e.weight;
  const auto index = static_cast<std::size_t>(e.running_index);
  e.running_index = -1;
  const Slot last = running_.back();
  running_.pop_back();
  if (index == running_.size()) return;
  running_[index] = last;
  at(last).running_index = static_cast<std::int32_t>(index);
  moveRunning(index);
}

void CfsPolicy::moveRunning(std::size_t index) {
  auto swap = [this](std::size_t a, std::size_t b) {
    std::swap(running_[a], running_[b]);
    at(running_[a]).running_index = static_cast<std::int32_t>(a);
    at(running_[b]).running_index = static_cast<std::int32_t>(b);
  };
  while (index > 0 && runsBefore(running_[index], running_[(index - 1) / 2])) {
    swap(index, (index - 1) / 2);
    index = (index - 1) / 2;
  }
  for (;;) {
    std::size_t best = index;
    for (const std::size_t child : {2 * index + 1, 2 * index + 2}) {
      if (child < running_.size() && runsBefore(running_[child], running_[best])) best = child;
    }
    if (best == index) return;
    swap(index, best);
    index = best;
  }
}

FairEntity CfsPolicy::entity(ProcessId process) const {
  FairEntity view;
  const Entity* found = entities_.find(process);
  if (found == nullptr) return view;
  const Entity& e = *found;
  view.known = e.status != FairStatus::Unknown;
  view.runnable = e.status == FairStatus::Ready || e.status == FairStatus::Running || e.status == FairStatus::Preempted;
  view.weight = e.weight;
  view.vruntime = e.vruntime;
  return view;
}

FairQueue CfsPolicy::queue() const {
  FairQueue view;
  view.min_vruntime = min_vruntime_;
  view.total_weight = ready_weight_ + running_weight_;
  view.runnable = static_cast<std::int64_t>(ready_.size() + running_.size());
  return view;
}

}  // namespace

PolicyInfo cfsPolicyInfo() {
  PolicyInfo info;
  info.name = "cfs";
  info.description =
      "Completely fair scheduler (Linux 2.6.23-6.5): the ready process with the least weighted CPU time (vruntime) runs, "
      "for its weight's share of the latency";
  info.description_zh = "完全公平调度（Linux 2.6.23–6.5）：加权 CPU 时间（vruntime）最少的就绪进程运行，时间片是它的权重在调度周期中所占的份额";
  info.parameters = {
      {"sched_latency", ParamType::Integer, 1, 1'000'000, 24,
       "Ticks in which every runnable process should run once; slices divide it by weight",
       "每个可运行进程都应运行一次的周期（tick）；按权重分成各进程的时间片", "调度周期"},
      {"min_granularity", ParamType::Integer, 1, 1'000'000, 3,
       "Shortest slice in ticks, however many processes are runnable (at most sched_latency)",
       "最短时间片（tick），无论有多少可运行进程（不超过调度周期）", "最小粒度"},
  };
  info.process_keys = {"nice"};
  info.versus_linux =
      "Like Linux's CFS, procsim picks the smallest vruntime and slices sched_latency by weight, but it charges vruntime "
      "only when a slice ends or the process leaves its core (Linux does at every timer tick), a waking process never "
      "preempts the running one before its slice ends (Linux preempts when the waker is ahead by more than "
      "wakeup_granularity), a new process starts at min_vruntime without Linux's extra slice of debit, and on several "
      "cores one global queue is shared instead of one per CPU with load balancing.";
  info.versus_linux_zh =
      "与 Linux 的 CFS 一样，procsim 选择 vruntime 最小的进程，并按权重划分 sched_latency；但它只在时间片结束或进程离开处理器时累计 "
      "vruntime（Linux 在每个时钟中断都累计），被唤醒的进程不会在当前时间片结束前抢占正在运行的进程（Linux 在唤醒者领先超过 "
      "wakeup_granularity 时抢占），新进程从 min_vruntime 开始、没有 Linux 额外加上的一个时间片，多核时所有核心共用一个全局队列，"
      "而不是每个 CPU 一个队列再做负载均衡。";
  info.check = [](const PolicyArgs& args) {
    if (args.integer("min_granularity") > args.integer("sched_latency")) {
      throw ScenarioError("policy.min_granularity", "must be at most sched_latency (" +
                                                        std::to_string(args.integer("sched_latency")) + "), got " +
                                                        std::to_string(args.integer("min_granularity")));
    }
  };
  info.make = [](const PolicyArgs& args) {
    return std::make_unique<CfsPolicy>(args.integer("sched_latency"), args.integer("min_granularity"));
  };
  return info;
}

}  // namespace sim::detail
