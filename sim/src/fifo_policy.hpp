// fcfs and rr: one global FIFO ready queue; rr adds a time slice.
#pragma once

#include <deque>

#include "sim/policy.hpp"

namespace sim {

class FifoPolicy final : public Policy {
 public:
  explicit FifoPolicy(Tick quantum) : quantum_(quantum) {}  // quantum 0: fcfs

  std::unique_ptr<Policy> clone() const override { return std::make_unique<FifoPolicy>(*this); }

  void enqueue(const ProcessView& process) override { queue_.push_back(process.id); }
  void putBack(const ProcessView& process) override { queue_.push_front(process.id); }
  ProcessId pickNext(CoreId core, const EngineState& state) override;
  ProcessId peekNext(CoreId core, const EngineState& state) const override;
  std::size_t readyCount() const override { return queue_.size(); }
  std::vector<ProcessId> readyInOrder(const EngineState& state) const override;
  Tick timeSlice(ProcessId process, const EngineState& state) const override;

 private:
  Tick quantum_;
  std::deque<ProcessId> queue_;
};

}  // namespace sim
