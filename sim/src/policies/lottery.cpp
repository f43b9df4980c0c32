// lottery: each pick draws a winning ticket among the ready processes'
// tickets (Waldspurger and Weihl, 1994; OSTEP chapter 9).
//
// The draw, so that a student can check it by hand (docs/model.md):
//   r = the next number of std::mt19937_64 seeded with `seed` (one per pick);
//   total = the sum of the ready processes' tickets;
//   w = r mod total, the winning ticket, in [0, total);
//   walk the ready processes in scenario order adding up their tickets: the
//   winner is the first whose running sum exceeds w.
// A Fenwick tree over process ids holds the tickets of the ready processes,
// so a draw, an entry and a removal each cost O(log n).
#include <cstdint>
#include <limits>
#include <random>
#include <vector>

#include "sim/policy_registry.hpp"

namespace sim::detail {

namespace {

class LotteryPolicy final : public Policy {
 public:
  LotteryPolicy(Tick quantum, std::uint64_t seed) : quantum_(quantum), rng_(seed) { next_draw_ = rng_(); }

  std::unique_ptr<Policy> clone() const override { return std::make_unique<LotteryPolicy>(*this); }

  void enqueue(const ProcessView& process) override {
    reserve(process.id);
    const auto at = static_cast<std::size_t>(process.id);
    tickets_[at] = process.tickets;
    add(at, process.tickets);
    total_ += process.tickets;
    ++count_;
  }

  ProcessId pickNext(CoreId core, const EngineState& state) override {
    const ProcessId winner = peekNext(core, state);
    if (winner == kNoProcess) return kNoProcess;
    const auto at = static_cast<std::size_t>(winner);
    add(at, -tickets_[at]);
    total_ -= tickets_[at];
    tickets_[at] = 0;
    --count_;
    next_draw_ = rng_();
    return winner;
  }

  // The winner of the draw pickNext would make now: its random number is
  // drawn in advance, so looking does not change the sequence.
  ProcessId peekNext(CoreId, const EngineState&) const override {
    if (count_ == 0) return kNoProcess;
    return winnerOf(next_draw_ % static_cast<std::uint64_t>(total_));
  }

  std::size_t readyCount() const override { return count_; }

  // The next winner first, then the others in scenario order (the order
  // the draw counts tickets in); who runs after the next one is not known.
  std::vector<ProcessId> readyInOrder(const EngineState& state) const override {
    std::vector<ProcessId> order;
    if (count_ == 0) return order;
    order.reserve(count_);
    const ProcessId next = peekNext(kNoCore, state);
    order.push_back(next);
    for (std::size_t i = 0; i < tickets_.size(); ++i) {
      if (tickets_[i] > 0 && static_cast<ProcessId>(i) != next) order.push_back(static_cast<ProcessId>(i));
    }
    return order;
  }

  Tick timeSlice(ProcessId, const EngineState&) const override { return quantum_; }

 private:
  // Grows the tree to a power of two above `id`, rebuilt in O(size).
  void reserve(ProcessId id) {
    const auto needed = static_cast<std::size_t>(id) + 1;
    if (needed <= tickets_.size()) return;
    std::size_t size = tickets_.empty() ? 64 : tickets_.size();
    while (size < needed) size *= 2;
    tickets_.resize(size, 0);
    tree_.assign(size + 1, 0);
    for (std::size_t i = 1; i <= size; ++i) {
      tree_[i] += tickets_[i - 1];
      const std::size_t parent = i + (i & (~i + 1));
      if (parent <= size) tree_[parent] += tree_[i];
    }
  }

  void add(std::size_t at, std::int64_t delta) {
    for (std::size_t i = at + 1; i < tree_.size(); i += i & (~i + 1)) tree_[i] += delta;
  }

  // The process holding ticket `w` (0 <= w < total_): the lowest id whose
  // running sum of tickets exceeds w.
  ProcessId winnerOf(std::uint64_t w) const {
    auto remaining = static_cast<std::int64_t>(w);
    std::size_t position = 0;  // ids below `position` hold tickets <= remaining
    for (std::size_t step = tickets_.size(); step > 0; step /= 2) {
      const std::size_t next = position + step;
      if (next < tree_.size() && tree_[next] <= remaining) {
        position = next;
        remaining -= tree_[next];
      }
    }
    return static_cast<ProcessId>(position);
  }

  Tick quantum_;
  std::mt19937_64 rng_;
  std::uint64_t next_draw_ = 0;     // the random number of the next pick
  std::vector<std::int32_t> tickets_;  // by process id: its tickets while ready, else 0
  std::vector<std::int64_t> tree_;     // Fenwick tree over tickets_, 1-based
  std::int64_t total_ = 0;             // tickets of the ready processes
  std::size_t count_ = 0;              // ready processes
};

}  // namespace

PolicyInfo lotteryPolicyInfo() {
  PolicyInfo info;
  info.name = "lottery";
  info.description = "Lottery: each quantum goes to a ready process drawn at random with probability tickets / total";
  info.description_zh = "彩票调度：每个时间片随机抽给一个就绪进程，概率为其彩票数 / 总彩票数";
  info.parameters = {
      {"quantum", ParamType::Integer, 1, kMaxQuantum, 1, "Time slice in ticks; a draw is made at every slice's end",
       "时间片长度（tick）；每个时间片结束时重新抽签", "时间片"},
      {"seed", ParamType::Integer, 0, std::numeric_limits<std::int64_t>::max(), 0,
       "Seed of the random draws (std::mt19937_64): the same seed gives the same run on every machine",
       "抽签的随机数种子（std::mt19937_64）：相同种子在任何机器上给出相同结果", "种子"},
  };
  info.process_keys = {"tickets"};
  info.versus_linux = "Lottery shares the CPU by tickets only on average, with random unfairness over short runs; Linux's CFS is deterministic: it runs the task with the least weighted CPU time (vruntime), so shares follow the nice weights closely at every moment.";
  info.versus_linux_zh = "彩票调度只在平均意义上按彩票数分配 CPU，短时间内会因随机而不公平；Linux 的 CFS 是确定性的：总是运行加权 CPU 时间（vruntime）最少的任务，因此每时每刻的份额都紧跟 nice 权重。";
  info.make = [](const PolicyArgs& args) {
    return std::make_unique<LotteryPolicy>(args.integer("quantum"), static_cast<std::uint64_t>(args.integer("seed")));
  };
  return info;
}

}  // namespace sim::detail
