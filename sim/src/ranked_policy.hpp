// sjf, srtf and priority: the ready queue is a heap ordered by a rank
// (lower runs first), then by order of entry.
#pragma once

#include <cstdint>
#include <limits>
#include <vector>

#include "four_ary_heap.hpp"
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
  std::size_t readyCount() const override { return wide_ ? wide_heap_.size() : heap_.size(); }
  std::vector<ProcessId> readyInOrder(const EngineState& state) const override;

  bool preemptive() const override { return preemptive_; }
  bool moreUrgent(const ProcessView& a, const ProcessView& b) const override {
    return rankOf(a) < rankOf(b);
  }
  std::optional<bool> headMoreUrgent(const ProcessView& running) const override;

 private:
  // 16 bytes, compared as one 128-bit number: (rank, ready_seq, process).
  // Holds a rank in [kMinNarrow, kMaxNarrow]: every priority, and every
  // burst_remaining below 2^31 ticks (a single burst is at most 10^9).
  struct Entry {
    std::uint64_t high;  // rank - kMinNarrow, then the upper half of ready_seq
    std::uint64_t low;   // the lower half of ready_seq, then the process id
    static bool before(const Entry& a, const Entry& b);
  };
  // Any rank: what the heap becomes once a rank does not fit an Entry
  // (a chain of asynchronous IO can leave more than 2^31 ticks of CPU).
  struct WideEntry {
    std::int64_t rank;
    std::uint64_t seq;
    ProcessId process;
    static bool before(const WideEntry& a, const WideEntry& b) {
      return a.rank != b.rank ? a.rank < b.rank : a.seq < b.seq;
    }
  };
  static constexpr std::int64_t kMinNarrow = std::numeric_limits<std::int32_t>::min();
  static constexpr std::int64_t kMaxNarrow = std::numeric_limits<std::int32_t>::max();

  std::int64_t rankOf(const ProcessView& process) const {
    return rank_ == Rank::Priority ? process.priority : process.burst_remaining;
  }
  static WideEntry widen(const Entry& entry);
  std::int64_t headRank() const;

  Rank rank_;
  bool preemptive_;
  bool wide_ = false;  // wide_heap_ holds the queue, heap_ is empty
  detail::FourAryHeap<Entry> heap_;
  detail::FourAryHeap<WideEntry> wide_heap_;
};

}  // namespace sim
