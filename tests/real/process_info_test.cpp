// real::ProcessInfo, the kernel-state mapping, and the Sampler's trace.
#include <signal.h>
#include <unistd.h>

#include <future>
#include <catch2/catch.hpp>
#include <thread>

#include "real/process.hpp"
#include "real/process_info.hpp"
#include "real/sampler.hpp"
#include "test_support.hpp"

using namespace std::chrono_literals;
using real::ObservedState;
using real_test::waitUntil;

namespace {

void spin() {
  volatile unsigned long counter = 0;
  for (;;) counter = counter + 1;
}

// The textbook's six transitions (docs/model.md), as (from, to).
std::pair<sim::State, sim::State> endsOf(sim::TransitionKind kind) {
  using sim::State;
  switch (kind) {
    case sim::TransitionKind::Admit: return {State::New, State::Ready};
    case sim::TransitionKind::Dispatch: return {State::Ready, State::Running};
    case sim::TransitionKind::Preempt: return {State::Running, State::Ready};
    case sim::TransitionKind::Block: return {State::Running, State::Blocked};
    case sim::TransitionKind::Wakeup: return {State::Blocked, State::Ready};
    case sim::TransitionKind::Exit: return {State::Running, State::Terminated};
    case sim::TransitionKind::Requeue: return {State::Ready, State::Ready};
  }
  return {State::Terminated, State::Terminated};
}

char stateOf(pid_t pid) {
  const auto info = real::read_process_info(pid);
  return info ? info->state : '-';
}

}  // namespace

TEST_CASE("process info reads this process: running, its parent, threads, time and memory",
          "[real][info]") {
  std::promise<void> stop;
  std::thread helper([ended = stop.get_future()] { ended.wait(); });
  // Run on the CPU for 30 ms of run time (bounded by 10 s of wall time).
  const auto give_up = std::chrono::steady_clock::now() + 10s;
  std::optional<real::ProcessInfo> info;
  do {
    info = real::read_process_info(::getpid());
  } while (info && info->run_time < 30ms && std::chrono::steady_clock::now() < give_up);
  stop.set_value();
  helper.join();
  REQUIRE(info.has_value());
  CHECK(info->pid == ::getpid());
  CHECK(info->state == 'R');
  CHECK(info->ppid == ::getppid());
  CHECK(info->threads >= 2);
  CHECK(info->name == "real_tests");
  CHECK(info->cpu_time() > 0ns);
  CHECK(info->rss_bytes > 1024 * 1024);
  CHECK(info->run_time >= 30ms);
  CHECK(info->timeslices > 0);
  CHECK(info->start_ticks > 0);
  CHECK(real::observe(info) == ObservedState::Running);
}

TEST_CASE("kernel states map onto the simulator's: S blocked, T stopped, Z zombie, reaped gone",
          "[real][info]") {
  real_test::LeakCheck leaks;
  {
    real::Process child([] { std::this_thread::sleep_for(30s); });
    child.start();
    REQUIRE(waitUntil([&] { return stateOf(child.pid()) == 'S'; }));
    CHECK(real::observe(real::read_process_info(child.pid())) == ObservedState::Blocked);
    CHECK(real::to_sim_state(ObservedState::Blocked) == sim::State::Blocked);

    child.send_signal(SIGSTOP);
    REQUIRE(real_test::waitForStop(child.pid()));
    CHECK(stateOf(child.pid()) == 'T');
    CHECK(real::observe(real::read_process_info(child.pid())) == ObservedState::Stopped);
    CHECK(real::to_sim_state(ObservedState::Stopped) == sim::State::Blocked);

    child.send_signal(SIGKILL);
    REQUIRE(real_test::waitForExit(child.pid()));
    CHECK(stateOf(child.pid()) == 'Z');
    const auto zombie = real::read_process_info(child.pid());
    CHECK(real::observe(zombie) == ObservedState::Zombie);
    CHECK(zombie->ppid == ::getpid());
    CHECK(real::to_sim_state(ObservedState::Zombie) == sim::State::Terminated);

    child.join();
    CHECK_FALSE(real::read_process_info(child.pid()).has_value());
    CHECK(real::observe(std::nullopt) == ObservedState::Gone);
    CHECK(real::describe_kernel_state('D') == "disk sleep");
  }
  leaks.check();
}

TEST_CASE("a runnable process that only waited since the last reading is Ready, one that ran is Running",
          "[real][info]") {
  real::ProcessInfo earlier;
  earlier.state = 'R';
  earlier.start_ticks = 7;
  earlier.run_time = 100ms;
  earlier.wait_time = 50ms;
  real::ProcessInfo waited = earlier;
  waited.wait_time += 9ms;
  waited.run_time += 1ms;
  real::ProcessInfo ran = earlier;
  ran.run_time += 9ms;
  ran.wait_time += 1ms;
  CHECK(real::observe(waited, earlier) == ObservedState::Ready);
  CHECK(real::observe(ran, earlier) == ObservedState::Running);
  CHECK(real::to_sim_state(ObservedState::Ready) == sim::State::Ready);
  CHECK(real::to_sim_state(ObservedState::Running) == sim::State::Running);
}

TEST_CASE("a busy child accumulates run time and timeslices in schedstat", "[real][info]") {
  real_test::LeakCheck leaks;
  {
    real::Process busy([] { spin(); });
    busy.start();
    std::optional<real::ProcessInfo> info;
    // On a loaded machine the child may get little CPU: wait for it, boundedly.
    CHECK(waitUntil([&] {
      info = real::read_process_info(busy.pid());
      return info && info->run_time > 50ms && info->user_time > 0ns;
    }, 10s));
    busy.kill();
    busy.join();
    REQUIRE(info.has_value());
    CHECK(info->state == 'R');
    CHECK(info->timeslices >= 1);
  }
  leaks.check();
}

TEST_CASE("the sampler records real processes as a valid trace of textbook transitions",
          "[real][sampler]") {
  real_test::LeakCheck leaks;
  {
    real::Process sleeper([] { std::this_thread::sleep_for(30s); });
    real::Process busy([] { spin(); });
    sleeper.start();
    busy.start();
    REQUIRE(waitUntil([&] { return stateOf(sleeper.pid()) == 'S'; }));
    real::Sampler sampler({sleeper.pid(), busy.pid(), 999999999}, 20ms);
    sampler.run(200ms);
    sleeper.kill();
    busy.kill();
    sleeper.join();
    busy.join();
    sampler.sample();

    const real::SampledTrace& trace = sampler.trace();
    REQUIRE(trace.readings.size() >= 5);
    CHECK(trace.names[0] == "real_tests");
    CHECK(trace.readings[0][0].state == ObservedState::Blocked);
    CHECK(trace.readings.back()[0].state == ObservedState::Gone);
    CHECK(trace.readings.back()[2].state == ObservedState::Gone);

    // Each process's transitions chain from New to Terminated, ticks never
    // go back, and the pid that never existed has none.
    std::vector<sim::State> state(3, sim::State::New);
    sim::Tick last_tick = 0;
    bool busy_dispatched = false;
    for (const sim::Transition& transition : trace.transitions) {
      REQUIRE(transition.process >= 0);
      REQUIRE(transition.process < 2);
      CHECK(transition.tick >= last_tick);
      last_tick = transition.tick;
      auto& current = state[static_cast<std::size_t>(transition.process)];
      CHECK(endsOf(transition.kind).first == current);
      current = endsOf(transition.kind).second;
      if (transition.process == 1 && transition.kind == sim::TransitionKind::Dispatch) busy_dispatched = true;
    }
    CHECK(state[0] == sim::State::Terminated);
    CHECK(state[1] == sim::State::Terminated);
    CHECK(state[2] == sim::State::New);
    CHECK(busy_dispatched);
    CHECK(trace.transitions.front().kind == sim::TransitionKind::Admit);
    CHECK(trace.transitions.front().tick == 0);
  }
  leaks.check();
}

TEST_CASE("the wait between samples ends at its deadline, or at once when the wake descriptor is readable",
          "[real][sampler]") {
  real_test::LeakCheck leaks;
  int wake[2];
  REQUIRE(::pipe(wake) == 0);
  auto start = std::chrono::steady_clock::now();
  CHECK_FALSE(real::wait_for_sample(start + 50ms, wake[0]));
  CHECK(std::chrono::steady_clock::now() - start >= 50ms);
  CHECK_FALSE(real::wait_for_sample(start, wake[0]));  // a deadline passed: no wait at all
  REQUIRE(::write(wake[1], "x", 1) == 1);
  start = std::chrono::steady_clock::now();
  CHECK(real::wait_for_sample(start + 60s, wake[0]));
  CHECK(real_test::secondsSince(start) < 1.0);
  // Sampler::run: the first sample at once, then the wake-up ends the wait
  // for the second, 10 s later.
  real::Sampler sampler({::getpid()}, 10s);
  CHECK(sampler.run(60s, wake[0]) == 1);
  CHECK(real_test::secondsSince(start) < 1.0);
  ::close(wake[0]);
  ::close(wake[1]);
  leaks.check();
}
