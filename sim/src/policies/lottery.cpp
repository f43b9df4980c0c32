// lottery: each pick draws a winning ticket among the ready processes'
// tickets (Waldspurger and Weihl, 1994; OSTEP chapter 9).
//
// The draw, so that a student can check it by hand (docs/model.md):
//   r = the next number of std::mt19937_64 seeded with `seed` (one per pick);
//   total = the sum of the ready processes' tickets;
//   w = r mod total, the winning ticket, in [0, total);
//   walk the ready processes in scenario order adding up their tickets: the
//   winner is the first whose running sum exceeds w.
// The ready processes' tickets by id, with sums over ranges of ids
// (ticket_queue.hpp), make a draw, an entry and a removal O(log n), in
// memory that follows the ready processes of this queue.
#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "sim/policy_registry.hpp"
#include "ticket_queue.hpp"

namespace sim::detail {

namespace {

class LotteryPolicy final : public Policy {
 public:
  LotteryPolicy(Tick quantum, std::uint64_t seed) : quantum_(quantum), rng_(seed) { next_draw_ = rng_(); }

  std::unique_ptr<Policy> clone() const override { return std::make_unique<LotteryPolicy>(*this); }

  void enqueue(const ProcessView& process) override {
    tickets_.insert(process.id, process.tickets);
    winner_ = kNoProcess;
  }

  ProcessId pickNext(CoreId core, const EngineState& state) override {
    const ProcessId winner = peekNext(core, state);
    if (winner == kNoProcess) return kNoProcess;
    tickets_.eraseFound(winner, winner_spot_);
    next_draw_ = rng_();
    winner_ = kNoProcess;
    return winner;
  }

  // The winner of the draw pickNext would make now: its random number is
  // drawn in advance, so looking does not change the sequence. The answer
  // is kept until the ready processes or the number change.
  ProcessId peekNext(CoreId, const EngineState&) const override {
    if (tickets_.empty()) return kNoProcess;
    if (winner_ == kNoProcess) {
      const auto w = static_cast<std::int64_t>(next_draw_ % static_cast<std::uint64_t>(tickets_.total()));
      winner_ = tickets_.find(w, winner_spot_);
    }
    return winner_;
  }

  std::size_t readyCount() const override { return tickets_.size(); }

  // The next winner first, then the others in scenario order (the order
  // the draw counts tickets in); who runs after the next one is not known.
  std::vector<ProcessId> readyInOrder(const EngineState& state) const override {
    std::vector<ProcessId> order;
    if (tickets_.empty()) return order;
    order.reserve(tickets_.size());
    const ProcessId next = peekNext(kNoCore, state);
    order.push_back(next);
    tickets_.forEach([&](ProcessId id, std::int32_t) {
      if (id != next) order.push_back(id);
    });
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
      const std::int64_t tickets = tickets_.ticketsOf(id);
      view.entries.push_back({id, {{"tickets", tickets}, {"chance %", tickets * 100 / total}}});
    }
    return {view};
  }

  Tick timeSlice(ProcessId, const EngineState&) const override { return quantum_; }

 private:
  Tick quantum_;
  std::mt19937_64 rng_;
  std::uint64_t next_draw_ = 0;          // the random number of the next pick
  TicketQueue tickets_;                  // of the ready processes
  mutable ProcessId winner_ = kNoProcess;  // peekNext's answer, kNoProcess until asked
  mutable TicketTree::Spot winner_spot_;   // where tickets_ found winner_, while it is set
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
