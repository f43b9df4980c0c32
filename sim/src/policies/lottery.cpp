// lottery: each pick draws a winning ticket among the ready processes'
// tickets (Waldspurger and Weihl, 1994; OSTEP chapter 9).
//
// The draw, so that a student can check it by hand (docs/model.md):
//   r = the next number of std::mt19937_64 seeded with `seed` (one per pick);
//   total = the sum of the ready processes' tickets;
//   w = r mod total, the winning ticket, in [0, total);
//   walk the ready processes in scenario order adding up their tickets: the
//   winner is the first whose running sum exceeds w.
// A tree of partial sums over process ids holds the tickets of the ready
// processes, so a draw, an entry and a removal each cost O(log n).
#include <algorithm>
#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "sim/policy_registry.hpp"

namespace sim::detail {

namespace {

// The tickets of the ready processes by id, with the sum of every 16
// consecutive entries one level up, and so on to the total: an entry, a
// removal and a search each touch one cache line or two per level (five
// levels for a million ids), where a Fenwick tree touches twenty scattered ones.
class TicketTree {
 public:
  static constexpr std::size_t kFanout = 16;

  std::int64_t total() const { return sums_.empty() ? 0 : sums_.back().front(); }
  std::int32_t at(ProcessId id) const {
    const auto i = static_cast<std::size_t>(id);
    return i < tickets_.size() ? tickets_[i] : 0;
  }
  std::size_t size() const { return tickets_.size(); }

  void set(ProcessId id, std::int32_t tickets) {
    auto i = static_cast<std::size_t>(id);
    if (i >= tickets_.size()) grow(i + 1);
    const std::int64_t delta = tickets - tickets_[i];
    tickets_[i] = tickets;
    for (std::vector<std::int64_t>& level : sums_) {
      i /= kFanout;
      level[i] += delta;
    }
  }

  // The id holding ticket w (0 <= w < total()): the lowest id whose running
  // sum of tickets exceeds w.
  ProcessId find(std::int64_t w) const {
    std::size_t node = 0;
    for (std::size_t level = sums_.size() - 1; level-- > 0;) {
      node *= kFanout;
      while (sums_[level][node] <= w) w -= sums_[level][node++];
    }
    node *= kFanout;
    while (tickets_[node] <= w) w -= tickets_[node++];
    return static_cast<ProcessId>(node);
  }

 private:
  // Room for at least twice the old ids, a multiple of 16; each level has
  // one sum per 16 entries of the level below (the last group may be
  // short) up to a single total. Rebuilt in O(capacity).
  void grow(std::size_t needed) {
    std::size_t capacity = std::max(needed, 2 * tickets_.size());
    capacity = (capacity + kFanout - 1) / kFanout * kFanout;
    tickets_.resize(capacity, 0);
    sums_.clear();
    std::size_t below = capacity;
    do {
      const std::size_t width = (below + kFanout - 1) / kFanout;
      std::vector<std::int64_t> level(width, 0);
      for (std::size_t i = 0; i < below; ++i) {
        level[i / kFanout] += sums_.empty() ? tickets_[i] : sums_.back()[i];
      }
      sums_.push_back(std::move(level));
      below = width;
    } while (below > 1);
  }

  std::vector<std::int32_t> tickets_;             // by process id: its tickets while ready, else 0
  std::vector<std::vector<std::int64_t>> sums_;   // [0]: sums of 16 ids, ..., back(): {total}
};

class LotteryPolicy final : public Policy {
 public:
  LotteryPolicy(Tick quantum, std::uint64_t seed) : quantum_(quantum), rng_(seed) { next_draw_ = rng_(); }

  std::unique_ptr<Policy> clone() const override { return std::make_unique<LotteryPolicy>(*this); }

  void enqueue(const ProcessView& process) override {
    tickets_.set(process.id, process.tickets);
    ++count_;
    winner_ = kNoProcess;
  }

  ProcessId pickNext(CoreId core, const EngineState& state) override {
    const ProcessId winner = peekNext(core, state);
    if (winner == kNoProcess) return kNoProcess;
    tickets_.set(winner, 0);
    --count_;
    next_draw_ = rng_();
    winner_ = kNoProcess;
    return winner;
  }

  // The winner of the draw pickNext would make now: its random number is
  // drawn in advance, so looking does not change the sequence. The answer
  // is kept until the ready processes or the number change.
  ProcessId peekNext(CoreId, const EngineState&) const override {
    if (count_ == 0) return kNoProcess;
    if (winner_ == kNoProcess) {
      winner_ = tickets_.find(static_cast<std::int64_t>(next_draw_ % static_cast<std::uint64_t>(tickets_.total())));
    }
    return winner_;
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
      const auto id = static_cast<ProcessId>(i);
      if (tickets_.at(id) > 0 && id != next) order.push_back(id);
    }
    return order;
  }

  // One queue in readyInOrder()'s order; each process with its tickets and
  // its chance to win the next draw, in whole percent (rounded down).
  std::vector<QueueView> queues(const EngineState& state) const override {
    QueueView view;
    const std::int64_t total = tickets_.total();
    view.label = "draw among " + std::to_string(total) + " tickets";
    view.label_zh = "从 " + std::to_string(total) + " 张彩票中抽签";
    for (const ProcessId id : readyInOrder(state)) {
      const std::int64_t tickets = tickets_.at(id);
      view.entries.push_back({id, {{"tickets", tickets}, {"chance %", tickets * 100 / total}}});
    }
    return {view};
  }

  Tick timeSlice(ProcessId, const EngineState&) const override { return quantum_; }

 private:
  Tick quantum_;
  std::mt19937_64 rng_;
  std::uint64_t next_draw_ = 0;          // the random number of the next pick
  TicketTree tickets_;                   // of the ready processes
  std::size_t count_ = 0;                // ready processes
  mutable ProcessId winner_ = kNoProcess;  // peekNext's answer, kNoProcess until asked
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
