#include "real/sampler.hpp"

#include <poll.h>

#include <algorithm>
#include <cerrno>
#include <system_error>

#include "state_walk.hpp"

namespace real {

using sim::State;
using sim::TransitionKind;
using detail::nextStep;
using detail::observedReason;
using detail::stateAfter;

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
                                                 kind, observedReason(kind)});
    state = stateAfter(kind);
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

int Sampler::run(std::chrono::nanoseconds duration, int wake_fd) {
  const auto start = std::chrono::steady_clock::now();
  int taken = 0;
  for (auto next = start;; next += trace_.tick_length) {
    if (wait_for_sample(next, wake_fd)) break;
    sample();
    ++taken;
    if (all_ended() || std::chrono::steady_clock::now() - start + trace_.tick_length > duration) break;
  }
  return taken;
}

bool wait_for_sample(std::chrono::steady_clock::time_point deadline, int wake_fd) {
  for (auto now = std::chrono::steady_clock::now(); now < deadline; now = std::chrono::steady_clock::now()) {
    pollfd wake{wake_fd, POLLIN, 0};  // a negative fd is ignored by poll: a plain timed wait
    const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - now).count();
    const int ready = ::poll(&wake, 1, static_cast<int>(std::min<long long>(left, 1'000'000'000)));
    if (ready > 0) return true;
    if (ready < 0 && errno != EINTR) throw std::system_error(errno, std::generic_category(), "poll");
  }
  return false;
}

}  // namespace real
