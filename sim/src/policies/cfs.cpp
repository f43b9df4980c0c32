// cfs: Linux's completely fair scheduler (2.6.23 to 6.5): the ready process
// with the smallest vruntime runs, for a slice that is its weight's share
// of the scheduling latency. Units and weights: sim/fair_share.hpp; the
// rules in words: docs/model.md, "cfs".
#include <algorithm>
#include <cassert>
#include <string>

#include "fair_common.hpp"
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
  ProcessId pickNext(CoreId core, const EngineState& state) override;
  ProcessId peekNext(CoreId, const EngineState&) const override {
    return ready_.empty() ? kNoProcess : ready_.front().process;
  }
  std::size_t readyCount() const override { return ready_.size(); }
  std::vector<ProcessId> readyInOrder(const EngineState& state) const override;

  // [Slices and feedback]
  Tick timeSlice(ProcessId process, const EngineState& state) const override;
  void onDispatched(ProcessId process, CoreId core, Tick now) override;
  void onSliceRenewed(ProcessId process, Tick cpu_ticks) override;
  void onDescheduled(ProcessId process, Tick cpu_ticks, Reason why) override;

  // [Inspection]
  FairEntity entity(ProcessId process) const override;
  FairQueue queue() const override;

 private:
  struct Entity {
    std::int64_t vruntime = 0;
    std::int32_t weight = kNiceZeroWeight;
    std::int32_t remainder = 0;  // of the last charge's division, carried into the next
    FairStatus status = FairStatus::Unknown;
  };
  struct Entry {  // a ready process, or a running one as of its last charge
    std::int64_t vruntime;
    ProcessId process;
  };
  // std heaps are max-heaps: "less" here means "runs later".
  static bool runsLater(const Entry& a, const Entry& b) {
    return a.vruntime != b.vruntime ? a.vruntime > b.vruntime : a.process > b.process;
  }

  void place(Entity& e) const;         // an arriving or waking process's vruntime
  void becomeRunnable(Entity& e, FairStatus status);
  void charge(ProcessId process, Tick cpu_ticks);
  void noteRunning(ProcessId process);  // its vruntime changed or it started running
  void updateMinVruntime();

  Tick latency_;
  Tick min_granularity_;
  std::vector<Entity> entities_;       // by process id
  std::vector<Entry> ready_;           // heap: smallest (vruntime, id) on top
  std::vector<Entry> running_;         // heap of running processes; stale entries are dropped lazily
  std::int64_t ready_weight_ = 0;
  std::int64_t running_weight_ = 0;
  std::int64_t running_count_ = 0;
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

void CfsPolicy::becomeRunnable(Entity& e, FairStatus status) {
  place(e);
  e.status = status;
  if (status == FairStatus::Ready) {
    ready_weight_ += e.weight;
  } else {
    running_weight_ += e.weight;
    ++running_count_;
  }
}

void CfsPolicy::enqueue(const ProcessView& process) {
  Entity& e = slotFor(entities_, process.id);
  assert(e.status != FairStatus::Ready && e.status != FairStatus::Running);
  if (e.status == FairStatus::Preempted) {
    e.status = FairStatus::Ready;
    ready_weight_ += e.weight;
  } else {
    e.weight = niceWeight(process.nice);
    becomeRunnable(e, FairStatus::Ready);
  }
  ready_.push_back({e.vruntime, process.id});
  std::push_heap(ready_.begin(), ready_.end(), runsLater);
  updateMinVruntime();
}

ProcessId CfsPolicy::pickNext(CoreId, const EngineState&) {
  if (ready_.empty()) return kNoProcess;
  std::pop_heap(ready_.begin(), ready_.end(), runsLater);
  const ProcessId next = ready_.back().process;
  ready_.pop_back();
  Entity& e = entities_[static_cast<std::size_t>(next)];
  ready_weight_ -= e.weight;
  running_weight_ += e.weight;
  ++running_count_;
  e.status = FairStatus::Running;
  noteRunning(next);
  return next;
}

std::vector<ProcessId> CfsPolicy::readyInOrder(const EngineState&) const {
  std::vector<Entry> sorted = ready_;
  std::sort(sorted.begin(), sorted.end(), [](const Entry& a, const Entry& b) { return runsLater(b, a); });
  std::vector<ProcessId> order;
  order.reserve(sorted.size());
  for (const Entry& entry : sorted) order.push_back(entry.process);
  return order;
}

// max(min_granularity, sched_latency * weight / total weight of the runnable).
Tick CfsPolicy::timeSlice(ProcessId process, const EngineState&) const {
  const Entity& e = entities_[static_cast<std::size_t>(process)];
  const std::int64_t total = std::max<std::int64_t>(ready_weight_ + running_weight_, e.weight);
  return std::max(min_granularity_, latency_ * e.weight / total);
}

// A process dispatched without passing through the queue (its IO ended on
// the core it held, or wakeup_preempts) becomes runnable here.
void CfsPolicy::onDispatched(ProcessId process, CoreId, Tick) {
  Entity& e = slotFor(entities_, process);
  if (e.status == FairStatus::Running) return;
  becomeRunnable(e, FairStatus::Running);
  noteRunning(process);
  updateMinVruntime();
}

void CfsPolicy::charge(ProcessId process, Tick cpu_ticks) {
  Entity& e = entities_[static_cast<std::size_t>(process)];
  chargeVirtual(e.vruntime, e.remainder, cpu_ticks, e.weight);
  noteRunning(process);
  updateMinVruntime();
}

void CfsPolicy::onSliceRenewed(ProcessId process, Tick cpu_ticks) { charge(process, cpu_ticks); }

void CfsPolicy::onDescheduled(ProcessId process, Tick cpu_ticks, Reason why) {
  charge(process, cpu_ticks);
  Entity& e = entities_[static_cast<std::size_t>(process)];
  running_weight_ -= e.weight;
  --running_count_;
  if (leavesQueue(why)) {
    e.status = FairStatus::Asleep;
    updateMinVruntime();
  } else {
    e.status = FairStatus::Preempted;  // enqueue() follows at once
  }
}

void CfsPolicy::noteRunning(ProcessId process) {
  running_.push_back({entities_[static_cast<std::size_t>(process)].vruntime, process});
  std::push_heap(running_.begin(), running_.end(), runsLater);
}

// min_vruntime = max(min_vruntime, the smallest vruntime of a ready or
// running process); unchanged when none is runnable.
void CfsPolicy::updateMinVruntime() {
  while (!running_.empty()) {
    const Entry& top = running_.front();
    const Entity& e = entities_[static_cast<std::size_t>(top.process)];
    if (e.status == FairStatus::Running && e.vruntime == top.vruntime) break;
    std::pop_heap(running_.begin(), running_.end(), runsLater);
    running_.pop_back();
  }
  const bool any_ready = !ready_.empty();
  const bool any_running = !running_.empty();
  if (!any_ready && !any_running) return;
  std::int64_t smallest = any_ready ? ready_.front().vruntime : running_.front().vruntime;
  if (any_ready && any_running) smallest = std::min(smallest, running_.front().vruntime);
  min_vruntime_ = std::max(min_vruntime_, smallest);
}

FairEntity CfsPolicy::entity(ProcessId process) const {
  FairEntity view;
  if (process < 0 || static_cast<std::size_t>(process) >= entities_.size()) return view;
  const Entity& e = entities_[static_cast<std::size_t>(process)];
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
  view.runnable = static_cast<std::int64_t>(ready_.size()) + running_count_;
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
