// mlfq: the multi-level feedback queue with OSTEP's rules (see
// docs/model.md, "mlfq"). Level 0 is the highest priority.
#pragma once

#include <cstdint>
#include <deque>
#include <vector>

#include "process_slots.hpp"
#include "sim/policy.hpp"

namespace sim::detail {

struct MlfqOptions {
  std::vector<Tick> quantum;           // per level, ticks, >= 1
  std::vector<std::int64_t> allotment; // per level, quanta before a process drops a level, >= 1
  Tick boost = 0;                      // ticks between boosts; 0 = never
  bool io_keeps_level = false;         // a process that blocks gets a fresh quantum and allotment at its level
  bool io_to_front = false;            // a process whose IO ends enters the front of its level's queue
};

class MlfqPolicy final : public Policy {
 public:
  explicit MlfqPolicy(MlfqOptions options);

  std::unique_ptr<Policy> clone() const override { return std::make_unique<MlfqPolicy>(*this); }

  void enqueue(const ProcessView& process) override;
  void putBack(const ProcessView& process) override {
    track(process.id).front = true;
    enqueue(process);
  }
  ProcessId pickNext(CoreId core, const EngineState& state) override;
  ProcessId peekNext(CoreId core, const EngineState& state) const override;
  std::size_t readyCount() const override { return ready_; }
  std::vector<ProcessId> readyInOrder(const EngineState& state) const override;
  Tick timeSlice(ProcessId process, const EngineState& state) const override;

  bool preemptive() const override { return levels() > 1; }
  bool moreUrgent(const ProcessView& a, const ProcessView& b) const override;

  void onDescheduled(ProcessId process, Tick cpu_ticks, Reason why) override;
  void onSliceRenewed(ProcessId process, Tick cpu_ticks) override;
  void onDispatched(ProcessId process, CoreId core, Tick now) override;
  void onMigratedAway(ProcessId process) override { tracks_.release(process); }
  void onExitedWhileAway(ProcessId process) override { tracks_.release(process); }

  Tick nextTimer() const override { return next_boost_; }
  TimerResult onTimer(Tick now, const EngineState& state) override;

  std::vector<QueueView> queues(const EngineState& state) const override;
  void setSoleQueue(bool sole) override { tracks_.indexById(sole); }
  std::size_t processSlotCount() const override { return static_cast<std::size_t>(tracks_.slotCount()); }

  // For views and tests: where a process stands (level, ticks left in its
  // quantum, quanta left in its allotment).
  int levelOf(ProcessId process) const { return track(process).level; }
  Tick ticksLeft(ProcessId process) const { return track(process).ticks_left; }
  std::int64_t allotmentLeft(ProcessId process) const { return track(process).allot_left; }

 private:
  struct Track {
    std::int32_t level = 0;
    Tick ticks_left = 0;         // of the current quantum; 0 before the first enqueue
    std::int64_t allot_left = 0; // quanta left at this level
    bool known = false;
    bool front = false;          // its next enqueue goes to the front of its level
    bool boosted_running = false;// boosted while on a core: starts afresh at level 0 when it leaves or renews
  };

  int levels() const { return static_cast<int>(options_.quantum.size()); }
  Track& track(ProcessId process);
  const Track& track(ProcessId process) const;
  void startLevel(Track& t, std::int32_t level) const;
  void charge(Track& t, Tick cpu_ticks);  // uses up ticks; drops a level when the allotment is spent
  int highestReadyLevel() const;

  MlfqOptions options_;
  std::vector<std::deque<ProcessId>> queues_;  // per level
  ProcessTable<Track> tracks_;                 // the processes of this queue, ready, running or blocked
  std::size_t ready_ = 0;
  Tick next_boost_ = kNoTimer;
};

}  // namespace sim::detail
