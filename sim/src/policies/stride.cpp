// stride: the deterministic lottery (Waldspurger, 1995; OSTEP chapter 9).
//
// The rules (docs/model.md says them for students):
//   stride = big / tickets, rounded down, at least 1;
//   each process has a pass, 0 at its arrival; the ready process with the
//   lowest pass runs next, ties to the lowest process id (scenario order);
//   when it leaves the core, or its slice is renewed, its pass grows by
//   stride x the CPU ticks it ran (a full slice: stride x quantum; a partial
//   one in proportion, so blocking early costs nothing extra);
//   a process that arrives or wakes from IO gets pass = max(its pass, the
//   lowest pass of the ready and running processes); when there are none,
//   that lowest pass as it was when the last of them left.
// Passes add up with saturation at 2^63 - 1 (reached only by absurd runs).
#include <algorithm>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "process_slots.hpp"
#include "sim/policy_registry.hpp"

namespace sim::detail {

namespace {

constexpr std::int64_t kMaxPass = std::numeric_limits<std::int64_t>::max();

std::int64_t saturatingAdd(std::int64_t pass, std::int64_t stride, Tick ticks) {
  std::int64_t charge = 0;
  if (__builtin_mul_overflow(stride, ticks, &charge)) return kMaxPass;
  std::int64_t sum = 0;
  if (__builtin_add_overflow(pass, charge, &sum)) return kMaxPass;
  return sum;
}

class StridePolicy final : public Policy {
 public:
  StridePolicy(Tick quantum, std::int64_t big) : quantum_(quantum), big_(big) {}

  std::unique_ptr<Policy> clone() const override { return std::make_unique<StridePolicy>(*this); }

  void enqueue(const ProcessView& process) override {
    const std::int32_t slot = entries_.acquire(process.id);
    Entry& p = entries_[slot];
    p.stride = static_cast<std::int32_t>(std::max<std::int64_t>(1, big_ / process.tickets));
    if (p.returning) lift(p);
    pushReady({p.pass, process.id, slot});
  }

  ProcessId pickNext(CoreId, const EngineState&) override {
    if (ready_.empty()) return kNoProcess;
    const ProcessId next = ready_.front().process;
    popReady();
    if (!ready_.empty()) __builtin_prefetch(entries_.address(ready_.front().slot));
    return next;
  }

  // Picked here, gone to another core's queue: new there, forgotten here.
  void onMigratedAway(ProcessId process) override { entries_.release(process); }
  void onExitedWhileAway(ProcessId process) override { entries_.release(process); }

  ProcessId peekNext(CoreId, const EngineState&) const override {
    return ready_.empty() ? kNoProcess : ready_.front().process;
  }

  std::size_t readyCount() const override { return ready_.size(); }

  std::vector<ProcessId> readyInOrder(const EngineState&) const override {
    std::vector<Key> sorted = ready_;
    std::sort(sorted.begin(), sorted.end(), [](const Key& a, const Key& b) { return runsLater(b, a); });
    std::vector<ProcessId> order;
    order.reserve(sorted.size());
    for (const Key& key : sorted) order.push_back(key.process);
    return order;
  }

  // One queue, lowest pass first; each process with its pass and stride.
  std::vector<QueueView> queues(const EngineState& state) const override {
    QueueView view;
    view.label = "lowest pass runs next";
    view.label_zh = "行程值最小者先运行";
    for (const ProcessId id : readyInOrder(state)) {
      const Entry& p = *entries_.find(id);
      view.entries.push_back({id, {{"pass", p.pass}, {"stride", p.stride}}});
    }
    return {view};
  }

  Tick timeSlice(ProcessId, const EngineState&) const override { return quantum_; }

  void onDispatched(ProcessId process, CoreId, Tick) override {
    const std::int32_t slot = entries_.acquire(process);
    Entry& p = entries_[slot];
    if (p.returning) lift(p);  // woken straight onto a core (wakeup_preempts, multiprogramming off)
    p.running = true;
    running_.push_back({p.pass, process, slot});
    std::push_heap(running_.begin(), running_.end(), runsLater);
  }

  void onSliceRenewed(ProcessId process, Tick cpu_ticks) override {
    const std::int32_t slot = entries_.slotOf(process);
    Entry& p = entries_[slot];
    p.pass = saturatingAdd(p.pass, p.stride, cpu_ticks);
    running_.push_back({p.pass, process, slot});  // the old key is stale now
    std::push_heap(running_.begin(), running_.end(), runsLater);
    dropStaleRunning();  // a process alone renews forever: its old keys must not pile up
  }

  void onDescheduled(ProcessId process, Tick cpu_ticks, Reason why) override {
    floor_ = lowestPass();  // before it leaves: the floor a later arrival is lifted to
    Entry& p = entries_[entries_.slotOf(process)];
    p.pass = saturatingAdd(p.pass, p.stride, cpu_ticks);
    p.running = false;
    p.returning = blocksOnLeaving(why);
    if (why == Reason::Finished) entries_.release(process);
    dropStaleRunning();
  }

  void setSoleQueue(bool sole) override { entries_.indexById(sole); }
  std::size_t processSlotCount() const override { return static_cast<std::size_t>(entries_.slotCount()); }

 private:
  struct Entry {  // 16 bytes: snapshots copy one per process
    std::int64_t pass = 0;
    std::int32_t stride = 1;  // <= big <= 10^9
    bool running = false;
    bool returning = true;  // arriving, or back from IO: lift() applies at its next entry
  };
  struct Key {
    std::int64_t pass;
    ProcessId process;
    std::int32_t slot;  // where its Entry is (in the padding: still 16 bytes)
  };
  // std heaps are max-heaps: "less" means "runs later".
  static bool runsLater(const Key& a, const Key& b) {
    return a.pass != b.pass ? a.pass > b.pass : a.process > b.process;
  }

  // The ready queue is a 4-ary heap: four 16-byte keys fill a cache line,
  // half the levels of a binary heap for a million processes.
  static constexpr std::size_t kArity = 4;
  void pushReady(Key key) {
    std::size_t i = ready_.size();
    ready_.push_back(key);
    while (i > 0) {
      const std::size_t parent = (i - 1) / kArity;
      if (!runsLater(ready_[parent], key)) break;
      ready_[i] = ready_[parent];
      i = parent;
    }
    ready_[i] = key;
  }
  void popReady() {
    const Key last = ready_.back();
    ready_.pop_back();
    const std::size_t size = ready_.size();
    if (size == 0) return;
    std::size_t i = 0;
    while (true) {
      const std::size_t first = i * kArity + 1;
      if (first >= size) break;
      std::size_t best = first;
      const std::size_t end = std::min(first + kArity, size);
      for (std::size_t c = first + 1; c < end; ++c) {
        if (runsLater(ready_[best], ready_[c])) best = c;
      }
      if (!runsLater(last, ready_[best])) break;
      ready_[i] = ready_[best];
      i = best;
    }
    ready_[i] = last;
  }

  // A key's slot may have passed to another process since it was pushed.
  bool live(const Key& key) const {
    if (entries_.idAt(key.slot) != key.process) return false;
    const Entry& p = entries_[key.slot];
    return p.running && p.pass == key.pass;
  }

  // Running keys are removed lazily: a key is stale once its process left
  // the core or was charged, and is dropped when it reaches the top.
  void dropStaleRunning() {
    while (!running_.empty() && !live(running_.front())) {
      std::pop_heap(running_.begin(), running_.end(), runsLater);
      running_.pop_back();
    }
  }

  // The lowest pass of the ready and running processes, or floor_ when there are none.
  std::int64_t lowestPass() {
    dropStaleRunning();
    std::int64_t lowest = kMaxPass;
    bool any = false;
    if (!ready_.empty()) lowest = ready_.front().pass, any = true;
    if (!running_.empty()) lowest = std::min(lowest, running_.front().pass), any = true;
    return any ? lowest : floor_;
  }

  void lift(Entry& p) {
    p.pass = std::max(p.pass, lowestPass());
    p.returning = false;
  }

  Tick quantum_;
  std::int64_t big_;
  ProcessTable<Entry> entries_;  // the processes of this queue, ready, running or blocked
  std::vector<Key> ready_;      // 4-ary heap: lowest pass, then lowest id, on top
  std::vector<Key> running_;    // heap of the running processes' passes, with stale keys
  std::int64_t floor_ = 0;      // the lowest pass when the last process left
};

}  // namespace

PolicyInfo stridePolicyInfo() {
  PolicyInfo info;
  info.name = "stride";
  info.description = "Stride: the ready process with the lowest pass runs; running adds stride = big / tickets per tick to its pass";
  info.description_zh = "步长调度：行程值（pass）最小的就绪进程运行；每运行一个 tick，行程值增加步长 = big / 彩票数";
  info.parameters = {
      {"quantum", ParamType::Integer, 1, kMaxQuantum, 1, "Time slice in ticks; the lowest pass is chosen again at every slice's end",
       "时间片长度（tick）；每个时间片结束时重新选择行程值最小的进程", "时间片"},
      {"big", ParamType::Integer, 1, 1'000'000'000, 10'000,
       "The stride constant: a process's stride is big / its tickets, rounded down (at least 1)",
       "步长常数：进程的步长为 big / 彩票数，向下取整（至少为 1）", "步长常数"},
  };
  info.process_keys = {"tickets"};
  info.versus_linux = "Stride is CFS's ancestor: both run the task that has had the least CPU weighted by its share. CFS measures it in nanoseconds as vruntime with nice weights, gives a waking task the queue's minimum vruntime minus half the latency, and sizes slices from the number of runnable tasks rather than a fixed quantum.";
  info.versus_linux_zh = "步长调度是 CFS 的前身：两者都运行按份额加权后用 CPU 最少的任务。CFS 以纳秒计的 vruntime 和 nice 权重衡量，唤醒的任务得到队列最小 vruntime 减去半个调度周期，时间片按可运行任务数计算而不是固定的时间片。";
  info.make = [](const PolicyArgs& args) {
    return std::make_unique<StridePolicy>(args.integer("quantum"), args.integer("big"));
  };
  return info;
}

}  // namespace sim::detail
