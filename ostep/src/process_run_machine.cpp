// process-run's clock, rule for rule. The order of the steps inside a tick
// decides what the table shows, so it follows the tool's exactly:
//   1. an IO due now ends: its process is ready, and runs at once
//      (IO_RUN_IMMEDIATE), or when nothing else can run or the switch rule
//      is SWITCH_ON_END (IO_RUN_LATER);
//   2. the running process executes its next instruction (the row);
//   3. an "io" instruction blocks it until tick + io_length + 1, and under
//      SWITCH_ON_IO the next ready process by number takes the CPU;
//   4. a running process without instructions left is done, and the next
//      ready one by number takes the CPU.
#include <stdexcept>
#include <utility>

#include "ostep/process_run.hpp"

namespace ostep {

std::string_view processStateName(ProcessState state) {
  switch (state) {
    case ProcessState::Ready: return "READY";
    case ProcessState::Running: return "RUNNING";
    case ProcessState::Blocked: return "BLOCKED";
    case ProcessState::Done: return "DONE";
  }
  return "?";
}

ProcessRunMachine::ProcessRunMachine(ProcessRunSetup setup)
    : setup_(std::move(setup)),
      next_instruction_(setup_.programs.size(), 0),
      states_(setup_.programs.size(), ProcessState::Ready) {
  if (states_.empty()) throw std::invalid_argument("process-run needs at least one process");
  run(0);
}

void ProcessRunMachine::run(int process) {
  current_ = process;
  states_[static_cast<std::size_t>(process)] = ProcessState::Running;
}

void ProcessRunMachine::runNext() {
  const int count = static_cast<int>(states_.size());
  for (int offset = 1; offset <= count; ++offset) {
    const int candidate = (current_ + offset) % count;
    if (states_[static_cast<std::size_t>(candidate)] == ProcessState::Ready) {
      run(candidate);
      return;
    }
  }
}

void ProcessRunMachine::finishIfDone() {
  const auto current = static_cast<std::size_t>(current_);
  if (next_instruction_[current] < setup_.programs[current].size()) return;
  if (states_[current] != ProcessState::Running) return;
  states_[current] = ProcessState::Done;
  ++done_;
  runNext();
}

std::int64_t ProcessRunMachine::runnable() const {
  std::int64_t count = 0;
  for (const ProcessState state : states_) count += state == ProcessState::Ready || state == ProcessState::Running;
  return count;
}

void ProcessRunMachine::step(ProcessRunTick& row) {
  ++clock_;
  row.tick = clock_;
  row.io_done = false;
  if (!pending_.empty() && pending_.front().ends == clock_) {
    const int woken = pending_.front().process;
    pending_.pop_front();
    row.io_done = true;
    states_[static_cast<std::size_t>(woken)] = ProcessState::Ready;
    if (setup_.io_done_rule == IoDoneRule::RunImmediate) {
      auto& current = states_[static_cast<std::size_t>(current_)];
      if (current_ != woken && current == ProcessState::Running) current = ProcessState::Ready;
      run(woken);
    } else {
      if (setup_.switch_rule == SwitchRule::OnEnd && runnable() > 1) run(woken);
      if (runnable() == 1) run(woken);
    }
    finishIfDone();
  }

  const auto current = static_cast<std::size_t>(current_);
  row.executed_by = -1;
  if (states_[current] == ProcessState::Running && next_instruction_[current] < setup_.programs[current].size()) {
    row.executed = setup_.programs[current][next_instruction_[current]++];
    row.executed_by = current_;
    ++cpu_busy_;
  }
  row.states = states_;
  row.ios_in_flight = static_cast<std::int64_t>(pending_.size());
  if (row.ios_in_flight > 0) ++io_busy_;

  if (row.executed_by >= 0 && row.executed == Instruction::Io) {
    states_[current] = ProcessState::Blocked;
    pending_.push_back({clock_ + setup_.io_length + 1, current_});
    if (setup_.switch_rule == SwitchRule::OnIo) runNext();
  }
  finishIfDone();
}

}  // namespace ostep
