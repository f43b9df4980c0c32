// sjf, srtf and priority: the ready queue is a heap ordered by a rank
// (lower runs first), then by order of entry.
#pragma once

#include <cstdint>
#include <vector>

#include "sim/policy.hpp"

namespace sim {

class RankedPolicy final : public Policy {
 public:
  enum class Rank : std::uint8_t { BurstRemaining, Priority };

  RankedPolicy(Rank rank, bool preemptive) : rank_(rank), preemptive_(preemptive) {}

  std::unique_ptr<Policy> clone() const override { return std::make_unique<RankedPolicy>(*this); }

  void enqueue(const ProcessView& process) override;
  ProcessId pickNext(CoreId core, const EngineState& state) override;
  ProcessId peekNext(CoreId core, const EngineState& state) const override;
  std::size_t readyCount() const override { return heap_.size(); }
  std::vector<ProcessId> readyInOrder(const EngineState& state) const override;

  bool preemptive() const override { return preemptive_; }
  bool moreUrgent(const ProcessView& a, const ProcessView& b) const override {
    return rankOf(a) < rankOf(b);
  }

 private:
  struct Entry {
    std::int64_t rank;
    std::uint64_t seq;
    ProcessId process;
  };
  // std heaps are max-heaps: "less" here means "runs later".
  static bool runsLater(const Entry& a, const Entry& b) {
    return a.rank != b.rank ? a.rank > b.rank : a.seq > b.seq;
  }
  std::int64_t rankOf(const ProcessView& process) const {
    return rank_ == Rank::Priority ? process.priority : process.burst_remaining;
  }

  Rank rank_;
  bool preemptive_;
  std::vector<Entry> heap_;
};

}  // namespace sim
