#include "real/sampler.hpp"

#include <thread>

namespace real {

namespace {

using sim::State;
using sim::TransitionKind;

// The one textbook transition that leaves `from` on the way to `to`.
TransitionKind nextStep(State from, State to) {
  switch (from) {
    case State::New: return TransitionKind::Admit;
    case State::Ready: return TransitionKind::Dispatch;
    case State::Blocked: return TransitionKind::Wakeup;
    case State::Running:
      if (to == State::Ready) return TransitionKind::Preempt;
      if (to == State::Blocked) return TransitionKind::Block;
      return TransitionKind::Exit;
    case State::Terminated: break;
  }
  return TransitionKind::Exit;
}

State after(TransitionKind kind) {
  switch (kind) {
    case TransitionKind::Admit:
    case TransitionKind::Preempt:
    case TransitionKind::Wakeup: return State::Ready;
    case TransitionKind::Dispatch: return State::Running;
    case TransitionKind::Block: return State::Blocked;
    case TransitionKind::Exit: return State::Terminated;
  }
  return State::Terminated;
}

sim::Reason reasonFor(TransitionKind kind) {
  switch (kind) {
    case TransitionKind::Admit: return sim::Reason::Arrival;
    case TransitionKind::Dispatch: return sim::Reason::Scheduled;
    case TransitionKind::Preempt: return sim::Reason::QuantumExpired;
    case TransitionKind::Block: return sim::Reason::IoStart;
    case TransitionKind::Wakeup: return sim::Reason::IoDone;
    case TransitionKind::Exit: return sim::Reason::Finished;
  }
  return sim::Reason::Finished;
}

}  // namespace

Sampler::Sampler(std::vector<pid_t> pids, std::chrono::nanoseconds tick_length) {
  trace_.tick_length = tick_length;
  trace_.pids = std::move(pids);
  trace_.names.resize(trace_.pids.size());
  current_.assign(trace_.pids.size(), State::New);
  previous_.resize(trace_.pids.size());
}

void Sampler::record(sim::ProcessId process, State to, int core) {
  State& state = current_[static_cast<std::size_t>(process)];
  const auto tick = static_cast<sim::Tick>(trace_.readings.size() - 1);
  while (state != to && state != State::Terminated) {
    const TransitionKind kind = nextStep(state, to);
    const bool on_core = kind != TransitionKind::Admit && kind != TransitionKind::Wakeup;
    trace_.transitions.push_back(sim::Transition{tick, process, static_cast<std::int16_t>(on_core ? core : -1),
                                                 kind, reasonFor(kind)});
    state = after(kind);
  }
}

void Sampler::sample() {
  std::vector<Reading> readings(trace_.pids.size());
  trace_.readings.push_back({});
  for (std::size_t i = 0; i < trace_.pids.size(); ++i) {
    Reading& reading = readings[i];
    reading.info = read_process_info(trace_.pids[i]);
    // A pid reused by another process is the old process gone.
    if (reading.info && previous_[i] && reading.info->start_ticks != previous_[i]->start_ticks) {
      reading.info.reset();
    }
    reading.state = observe(reading.info, previous_[i]);
    if (reading.info && trace_.names[i].empty()) trace_.names[i] = reading.info->name;
    const bool never_seen = current_[i] == State::New;
    if (!(never_seen && !reading.info)) {
      record(static_cast<sim::ProcessId>(i), to_sim_state(reading.state),
             reading.info ? reading.info->processor : (previous_[i] ? previous_[i]->processor : -1));
    }
    if (reading.info) previous_[i] = reading.info;
  }
  trace_.readings.back() = std::move(readings);
}

bool Sampler::all_ended() const {
  if (trace_.readings.empty()) return false;
  for (const Reading& reading : trace_.readings.back()) {
    if (reading.state != ObservedState::Gone && reading.state != ObservedState::Zombie) return false;
  }
  return true;
}

int Sampler::run(std::chrono::nanoseconds duration) {
  const auto start = std::chrono::steady_clock::now();
  int taken = 0;
  for (auto next = start;; next += trace_.tick_length) {
    std::this_thread::sleep_until(next);
    sample();
    ++taken;
    if (all_ended() || std::chrono::steady_clock::now() - start + trace_.tick_length > duration) break;
  }
  return taken;
}

}  // namespace real
