// eevdf: earliest eligible virtual deadline first, Linux's fair scheduler
// since 6.6. A process is eligible when its vruntime is at most V, the
// weighted average vruntime of the runnable processes; the eligible one
// with the earliest virtual deadline runs, for `slice` ticks. Units and
// weights: sim/fair_share.hpp; the rules in words: docs/model.md, "eevdf".
#include <algorithm>
#include <cassert>
#include <cstdint>
#include <limits>

#include "deadline_tree.hpp"
#include "fair_common.hpp"
#include "process_slots.hpp"
#include "sim/policy_registry.hpp"

namespace sim::detail {

namespace {

// Sums of weight * vruntime over many processes outgrow 64 bits.
__extension__ using Wide = __int128;

// a / b rounded down; b > 0.
std::int64_t floorDiv(Wide a, std::int64_t b) {
  if (a >= INT64_MIN && a <= INT64_MAX) {  // the usual case, and a cheaper division
    const auto narrow = static_cast<std::int64_t>(a);
    return narrow / b - (narrow % b < 0 ? 1 : 0);
  }
  Wide q = a / b;
  if (a % b != 0 && (a < 0) != (b < 0)) --q;
  return static_cast<std::int64_t>(q);
}

class EevdfPolicy final : public FairSharePolicy {
 public:
  explicit EevdfPolicy(Tick slice) : slice_(slice) {}

  std::unique_ptr<Policy> clone() const override { return std::make_unique<EevdfPolicy>(*this); }

  // [Ready queue]
  void enqueue(const ProcessView& process) override;
  void putBack(const ProcessView& process) override;
  void onMigratedAway(ProcessId process) override;
  void onExitedWhileAway(ProcessId process) override { entities_.release(process); }
  ProcessId pickNext(CoreId core, const EngineState& state) override;
  ProcessId peekNext(CoreId core, const EngineState& state) const override;
  std::size_t readyCount() const override { return tree_.size(); }
  std::vector<ProcessId> readyInOrder(const EngineState& state) const override;
  std::vector<QueueView> queues(const EngineState& state) const override {
    return fairQueueView(*this, readyInOrder(state), true);
  }

  // [Slices and feedback]
  Tick timeSlice(ProcessId, const EngineState&) const override { return slice_; }
  void onDispatched(ProcessId process, CoreId core, Tick now) override;
  void onSliceRenewed(ProcessId process, Tick cpu_ticks) override { charge(entities_.slotOf(process), cpu_ticks); }
  void onDescheduled(ProcessId process, Tick cpu_ticks, Reason why) override;

  // [Inspection]
  FairEntity entity(ProcessId process) const override;
  FairQueue queue() const override;
  void setSoleQueue(bool sole) override { entities_.indexById(sole); }
  std::size_t processSlotCount() const override { return static_cast<std::size_t>(entities_.slotCount()); }

 private:
  struct Entity {
    std::int64_t vruntime = 0;
    std::int64_t deadline = 0;
    std::int64_t lag = 0;          // kept while asleep: V - vruntime when it left, clamped
    std::int32_t weight = kNiceZeroWeight;
    std::int32_t remainder = 0;    // of the last charge's division, carried into the next
    FairStatus status = FairStatus::Unknown;
  };

  using Slot = std::int32_t;  // a process's place in entities_ and in tree_
  Entity& at(Slot slot) { return entities_[slot]; }
  const Entity& at(Slot slot) const { return entities_[slot]; }
  std::int64_t virtualSlice(std::int32_t weight) const { return virtualTime(slice_, weight); }
  std::int64_t averageVruntime() const;  // V, rounded down; the last V when nothing is runnable
  void rebase();                         // moves zero_ to V: same V, small sums
  void join(Slot slot);                  // places an arriving or waking process and counts it
  void charge(Slot slot, Tick cpu_ticks);
  void leaveLoad(const Entity& e);       // takes a runnable process out of V's sums
  // The process to run next, cached (peekNext, then pickNext) while the
  // tree and the set of eligible processes stay the same.
  Slot best() const;
  void changed() { best_known_ = false; }
  void inserted(Slot slot);  // keeps the cached best in step with one insert

  Tick slice_;
  ProcessTable<Entity> entities_;  // the processes of this queue, ready, running or asleep
  DeadlineTree tree_;              // the ready processes, by slot
  // V = zero_ + weighted_ / load_, over the runnable (ready and running) processes.
  std::int64_t zero_ = 0;
  Wide weighted_ = 0;             // sum of weight * (vruntime - zero_)
  std::int64_t load_ = 0;         // sum of weight
  std::int64_t runnable_ = 0;
  mutable Slot best_ = DeadlineTree::kNoSlot;
  mutable bool best_known_ = false;
  mutable bool best_eligible_ = false;  // false: none is eligible, best_ is the leftmost
  // best_ holds while V is in [best_below_, best_above_): no ready
  // process's vruntime lies between, so the same ones are eligible.
  mutable std::int64_t best_below_ = 0;
  mutable std::int64_t best_above_ = 0;
};

std::int64_t EevdfPolicy::averageVruntime() const {
  return load_ == 0 ? zero_ : zero_ + floorDiv(weighted_, load_);
}

void EevdfPolicy::rebase() {
  const std::int64_t v = averageVruntime();
  weighted_ -= static_cast<Wide>(load_) * (v - zero_);
  zero_ = v;
}

// A new process starts at V with no lag. A waking one comes back with the
// lag it left with, stretched by (load + w) / load so that it still has that
// lag once its own weight has moved V (Linux's place_entity); alone, at V.
// Either way its deadline is its vruntime plus its virtual slice.
void EevdfPolicy::join(Slot slot) {
  Entity& e = at(slot);
  rebase();
  const std::int64_t v = averageVruntime();
  std::int64_t lag = 0;
  if (e.status == FairStatus::Asleep && load_ > 0) {
    lag = static_cast<std::int64_t>(static_cast<Wide>(e.lag) * (load_ + e.weight) / load_);
  }
  e.vruntime = v - lag;
  e.deadline = e.vruntime + virtualSlice(e.weight);
  weighted_ += static_cast<Wide>(e.weight) * (e.vruntime - zero_);
  load_ += e.weight;
  ++runnable_;
}

void EevdfPolicy::enqueue(const ProcessView& process) {
  const Slot slot = entities_.acquire(process.id);
  Entity& e = at(slot);
  assert(e.status != FairStatus::Ready && e.status != FairStatus::Running);
  if (e.status != FairStatus::Preempted) {
    if (e.status == FairStatus::Unknown) e.weight = niceWeight(process.nice);
    join(slot);
  }
  e.status = FairStatus::Ready;
  tree_.insert(slot, process.id, e.vruntime, e.deadline);
  inserted(slot);
}

// Undoes pickNext: a picked process stayed runnable, so it only rejoins the tree.
void EevdfPolicy::putBack(const ProcessView& process) {
  const Slot slot = entities_.slotOf(process.id);
  Entity& e = at(slot);
  e.status = FairStatus::Ready;
  tree_.insert(slot, process.id, e.vruntime, e.deadline);
  inserted(slot);
}

// V's sums without a runnable process (rebased first).
void EevdfPolicy::leaveLoad(const Entity& e) {
  weighted_ -= static_cast<Wide>(e.weight) * (e.vruntime - zero_);
  load_ -= e.weight;
  --runnable_;
}

// Picked here, gone to another core's queue: it leaves this queue's load,
// and is new if it comes back.
void EevdfPolicy::onMigratedAway(ProcessId process) {
  rebase();
  leaveLoad(at(entities_.slotOf(process)));
  entities_.release(process);
}

// The eligible process with the earliest deadline. If none is eligible
// (possible on several cores, where running processes hold V back), the one
// with the smallest vruntime, as Linux falls back to the leftmost.
//
// The answer depends only on the ready processes and on which of them are
// eligible, so it is kept while V moves (a charge, a join, a leave) without
// passing a ready process's vruntime: with 1024 per-core queues each walk
// of a cold tree misses the cache at every level.
EevdfPolicy::Slot EevdfPolicy::best() const {
  const std::int64_t v = averageVruntime();
  if (best_known_ && v >= best_below_ && v < best_above_) return best_;
  best_ = DeadlineTree::kNoSlot;
  best_eligible_ = false;
  best_below_ = std::numeric_limits<std::int64_t>::min();
  best_above_ = std::numeric_limits<std::int64_t>::max();
  if (!tree_.empty()) {
    const Slot eligible = tree_.earliestEligible(v, best_below_, best_above_);
    best_eligible_ = eligible != DeadlineTree::kNoSlot;
    best_ = best_eligible_ ? eligible : tree_.leftmost();
  }
  best_known_ = true;
  return best_;
}

// A process joined the tree: the cached best, if it still holds for the
// current V, is the better of it and the newcomer.
void EevdfPolicy::inserted(Slot slot) {
  const std::int64_t v = averageVruntime();
  if (!best_known_ || best_ == DeadlineTree::kNoSlot || v < best_below_ || v >= best_above_) {
    changed();
    return;
  }
  const Entity& added = at(slot);
  const ProcessId id = tree_.idAt(slot);
  const ProcessId best_id = tree_.idAt(best_);
  const Entity& current = at(best_);
  if (added.vruntime <= v) {
    best_below_ = std::max(best_below_, added.vruntime);
    const bool earlier = added.deadline != current.deadline ? added.deadline < current.deadline : id < best_id;
    if (!best_eligible_ || earlier) best_ = slot;
    best_eligible_ = true;
  } else {
    best_above_ = std::min(best_above_, added.vruntime);
    const bool before = added.vruntime != current.vruntime ? added.vruntime < current.vruntime : id < best_id;
    if (!best_eligible_ && before) best_ = slot;
  }
}

ProcessId EevdfPolicy::peekNext(CoreId, const EngineState&) const {
  const Slot slot = best();
  return slot == DeadlineTree::kNoSlot ? kNoProcess : tree_.idAt(slot);
}

ProcessId EevdfPolicy::pickNext(CoreId, const EngineState&) {
  rebase();
  const Slot next = best();
  if (next == DeadlineTree::kNoSlot) return kNoProcess;
  const ProcessId id = tree_.idAt(next);
  tree_.erase(next);
  changed();
  at(next).status = FairStatus::Running;
  return id;
}

// Successive picks keep V (a picked process stays runnable): the eligible
// processes by deadline, then the others by vruntime.
std::vector<ProcessId> EevdfPolicy::readyInOrder(const EngineState&) const {
  struct Item {
    std::int64_t key;
    ProcessId process;
  };
  const std::int64_t v = averageVruntime();
  std::vector<Item> eligible;
  std::vector<Item> later;
  tree_.forEach([&](ProcessId id, std::int64_t vruntime, std::int64_t deadline) {
    if (vruntime <= v) {
      eligible.push_back({deadline, id});
    } else {
      later.push_back({vruntime, id});
    }
  });
  auto before = [](const Item& a, const Item& b) { return a.key != b.key ? a.key < b.key : a.process < b.process; };
  std::sort(eligible.begin(), eligible.end(), before);
  std::vector<ProcessId> order;
  order.reserve(eligible.size() + later.size());
  for (const Item& item : eligible) order.push_back(item.process);
  for (const Item& item : later) order.push_back(item.process);  // forEach gave them by vruntime
  return order;
}

// A process dispatched without passing through the queue (its IO ended on
// the core it held, or wakeup_preempts) joins the runnable here.
void EevdfPolicy::onDispatched(ProcessId process, CoreId, Tick) {
  const Slot slot = entities_.acquire(process);
  Entity& e = at(slot);
  if (e.status == FairStatus::Running) return;
  join(slot);
  e.status = FairStatus::Running;
}

// Charges the CPU work; a process whose vruntime reached its deadline has
// served its request and gets the next: deadline = vruntime + virtual slice.
// Only a running process is charged: the tree is unchanged, V moves.
void EevdfPolicy::charge(Slot slot, Tick cpu_ticks) {
  Entity& e = at(slot);
  assert(e.status == FairStatus::Running);
  const std::int64_t added = chargeVirtual(e.vruntime, e.remainder, cpu_ticks, e.weight);
  weighted_ += static_cast<Wide>(e.weight) * added;
  if (e.vruntime >= e.deadline) e.deadline = e.vruntime + virtualSlice(e.weight);
}

// A process that blocks or exits leaves with its lag V - vruntime (V still
// counting it), clamped to two slices' worth of its virtual time.
// An exited process's state goes; a blocked one keeps its lag for its wakeup.
void EevdfPolicy::onDescheduled(ProcessId process, Tick cpu_ticks, Reason why) {
  const Slot slot = entities_.slotOf(process);
  charge(slot, cpu_ticks);
  Entity& e = at(slot);
  if (!leavesQueue(why)) {
    e.status = FairStatus::Preempted;  // enqueue() follows at once; it stays runnable
    return;
  }
  rebase();
  const std::int64_t limit = virtualTime(2 * slice_, e.weight);
  e.lag = std::clamp(averageVruntime() - e.vruntime, -limit, limit);
  leaveLoad(e);
  e.status = FairStatus::Asleep;
  if (why == Reason::Finished) entities_.release(process);
}

FairEntity EevdfPolicy::entity(ProcessId process) const {
  FairEntity view;
  const Entity* found = entities_.find(process);
  if (found == nullptr) return view;
  const Entity& e = *found;
  view.known = e.status != FairStatus::Unknown;
  view.runnable = view.known && e.status != FairStatus::Asleep;
  view.weight = e.weight;
  view.vruntime = e.vruntime;
  view.deadline = e.deadline;
  view.lag = view.runnable ? averageVruntime() - e.vruntime : e.lag;
  return view;
}

FairQueue EevdfPolicy::queue() const {
  FairQueue view;
  view.avg_vruntime = averageVruntime();
  view.total_weight = load_;
  view.runnable = runnable_;
  return view;
}

}  // namespace

PolicyInfo eevdfPolicyInfo() {
  PolicyInfo info;
  info.name = "eevdf";
  info.description =
      "Earliest eligible virtual deadline first (Linux 6.6 on): among processes not ahead of the weighted average "
      "vruntime, the one with the earliest virtual deadline runs for one slice";
  info.description_zh = "最早合格虚拟截止时间优先（Linux 6.6 起）：在 vruntime 不超过加权平均值的进程中，虚拟截止时间最早的运行一个时间片";
  info.parameters = {
      {"slice", ParamType::Integer, 1, 1'000'000, 3,
       "Ticks a process asks for each time (its request); its virtual deadline is that much virtual time ahead",
       "进程每次请求的运行时间（tick）；其虚拟截止时间在这么多虚拟时间之后", "时间片"},
  };
  info.process_keys = {"nice"};
  info.versus_linux =
      "Like Linux's EEVDF, procsim runs the eligible process with the earliest virtual deadline and keeps lag across "
      "sleeps, but it charges vruntime only when a slice ends or the process leaves its core (Linux does at every timer "
      "tick), a waking process never preempts the running one before its slice ends (Linux preempts if the woken one is "
      "eligible with an earlier deadline), a new process gets a whole slice's deadline (Linux gives half), there is no "
      "delayed dequeue of sleepers with negative lag (Linux 6.12), and on several cores one global queue is shared "
      "instead of one per CPU.";
  info.versus_linux_zh =
      "与 Linux 的 EEVDF 一样，procsim 运行虚拟截止时间最早的合格进程，并在睡眠前后保留滞后量（lag）；但它只在时间片结束或进程离开处理器时累计 "
      "vruntime（Linux 在每个时钟中断都累计），被唤醒的进程不会在当前时间片结束前抢占正在运行的进程（Linux 在被唤醒者合格且截止时间更早时抢占），"
      "新进程的截止时间是一个完整时间片之后（Linux 是半个），没有对滞后为负的睡眠者延迟出队（Linux 6.12），多核时所有核心共用一个全局队列，"
      "而不是每个 CPU 一个队列。";
  info.make = [](const PolicyArgs& args) { return std::make_unique<EevdfPolicy>(args.integer("slice")); };
  return info;
}

}  // namespace sim::detail
