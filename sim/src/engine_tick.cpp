// The tick semantics of docs/model.md, step by step.
#include <algorithm>
#include <cassert>

#include "engine_impl.hpp"

namespace sim {

namespace {
bool coreEventLater(const CoreEvent& a, const CoreEvent& b) {
  return a.tick != b.tick ? a.tick > b.tick : a.core > b.core;
}
bool ioEventLater(const IoEvent& a, const IoEvent& b) {
  return a.tick != b.tick ? a.tick > b.tick : a.process > b.process;
}
std::size_t at(std::int32_t index) { return static_cast<std::size_t>(index); }
}  // namespace

Tick Engine::Impl::nextEventTick() const {
  Tick next = -1;
  auto consider = [&next](Tick t) { next = (next < 0 || t < next) ? t : next; };
  if (!state.core_events.empty()) consider(state.core_events.front().tick);
  if (!state.io_events.empty()) consider(state.io_events.front().tick);
  if (state.next_arrival < state.arrival_order.size()) {
    const ProcessId p = state.arrival_order[state.next_arrival];
    consider(scenario.processes[at(p)].arrival);
  }
  if (const Tick timer = policy->nextTimer(); timer != Policy::kNoTimer) consider(timer);
  return next;
}

void Engine::Impl::applyTick(Tick t) {
  assert(t > state.now);
  releaseFinishedBursts(t);
  admitAndWake(t);
  if (!woken.empty()) runWoken(t);
  if (policy->nextTimer() == t) runTimer(t);
  dispatchIdleCores(t);
  if (!expired_slices.empty()) expireSlices(t);
  if (policy->preemptive()) preemptForUrgent(t);
  // Drop stale core events so that the heap's top is always a live one.
  while (!state.core_events.empty()) {
    const CoreEvent& top = state.core_events.front();
    if (state.cores[at(top.core)].generation == top.generation) break;
    std::pop_heap(state.core_events.begin(), state.core_events.end(), coreEventLater);
    state.core_events.pop_back();
  }
  state.now = t;
}

void Engine::Impl::releaseFinishedBursts(Tick t) {
  expired_slices.clear();
  auto& events = state.core_events;
  while (!events.empty() && events.front().tick == t) {
    const CoreEvent event = events.front();
    std::pop_heap(events.begin(), events.end(), coreEventLater);
    events.pop_back();
    CoreRuntime& core = state.cores[at(event.core)];
    if (core.generation != event.generation || core.running == kNoProcess) continue;
    const ProcessId id = core.running;
    ProcessRuntime& p = state.processes[at(id)];
    if (p.run_start + p.remaining != t) {
      expired_slices.push_back(event.core);  // its slice ended first; step 4 decides
      continue;
    }
    const Tick ran = ranInSlice(event.core, t);
    closeInterval(id, t);
    core.running = kNoProcess;
    ++core.generation;
    ++state.idle_cores;
    if (p.burst + 1 >= p.burst_count) {
      policy->onDescheduled(id, ran, Reason::Finished);
      p.state = State::Terminated;
      p.since = t;
      p.completion = t;
      p.core = kNoCore;
      ++state.terminated;
      state.last_exit = t;
      record(t, id, event.core, TransitionKind::Exit, Reason::Finished);
      continue;
    }
    policy->onDescheduled(id, ran, Reason::IoStart);
    ++p.burst;
    p.remaining = scenario.processes[at(id)].bursts[p.burst].length;
    p.state = State::Blocked;
    p.since = t;
    p.core = kNoCore;
    state.io_events.push_back({t + p.remaining, id});
    std::push_heap(state.io_events.begin(), state.io_events.end(), ioEventLater);
    if (!scenario.policy.multiprogramming) {
      core.held_by = id;
      p.core = event.core;
      --state.idle_cores;
    }
    record(t, id, event.core, TransitionKind::Block, Reason::IoStart);
  }
}

void Engine::Impl::admitAndWake(Tick t) {
  entering.clear();
  woken.clear();
  auto& io = state.io_events;
  while (!io.empty() && io.front().tick == t) {
    entering.push_back(io.front().process);
    std::pop_heap(io.begin(), io.end(), ioEventLater);
    io.pop_back();
    if (!io.empty()) prefetchProcess(io.front().process);
  }
  while (state.next_arrival < state.arrival_order.size()) {
    const ProcessId id = state.arrival_order[state.next_arrival];
    if (scenario.processes[at(id)].arrival != t) break;
    entering.push_back(id);
    ++state.next_arrival;
    if (state.next_arrival + 8 < state.arrival_order.size()) {
      prefetchProcess(state.arrival_order[state.next_arrival + 8]);
    }
  }
  if (entering.size() > 1) std::sort(entering.begin(), entering.end());
  for (const ProcessId id : entering) {
    ProcessRuntime& p = state.processes[at(id)];
    if (p.state == State::New) {
      record(t, id, kNoCore, TransitionKind::Admit, Reason::Arrival);
      makeReady(id, t);
      policy->enqueue(view(id, t));
      continue;
    }
    closeInterval(id, t);
    ++p.burst;
    p.remaining = scenario.processes[at(id)].bursts[p.burst].length;
    const CoreId held = p.core;
    record(t, id, kNoCore, TransitionKind::Wakeup, Reason::IoDone);
    makeReady(id, t);
    if (held != kNoCore) {  // multiprogramming off: its core waited for it
      state.cores[at(held)].held_by = kNoProcess;
      ++state.idle_cores;
      dispatch(held, id, t);
    } else if (scenario.policy.wakeup_preempts) {
      woken.push_back(id);
    } else {
      policy->enqueue(view(id, t));
    }
  }
}

// wakeup_preempts: a woken process takes the lowest idle core, else the
// core whose process has run longest since its dispatch (ties: the highest
// core index), never one dispatched at this tick.
void Engine::Impl::runWoken(Tick t) {
  for (const ProcessId id : woken) {
    CoreId target = lowestIdleCore();
    if (target == kNoCore) {
      Tick oldest = t;
      for (CoreId c = 0; c < static_cast<CoreId>(state.cores.size()); ++c) {
        const ProcessId running = state.cores[at(c)].running;
        if (running == kNoProcess) continue;
        const Tick since = state.processes[at(running)].since;
        if (since <= oldest && since < t) {
          oldest = since;
          target = c;
        }
      }
      if (target == kNoCore) {
        policy->enqueue(view(id, t));
        continue;
      }
      preempt(target, t, Reason::WakeupDisplaced);
    }
    dispatch(target, id, t);
  }
}

void Engine::Impl::dispatchIdleCores(Tick t) {
  if (state.idle_cores == 0 || policy->readyCount() == 0) return;
  for (CoreId c = 0; c < static_cast<CoreId>(state.cores.size()); ++c) {
    const CoreRuntime& core = state.cores[at(c)];
    if (core.running != kNoProcess || core.held_by != kNoProcess) continue;
    const ProcessId next = policy->pickNext(c, state);
    if (next == kNoProcess) continue;  // this core's queue may be empty while another's is not
    prefetchProcess(policy->peekNext(c, state));  // a million processes do not fit in cache
    dispatch(c, next, t);
    if (state.idle_cores == 0 || policy->readyCount() == 0) break;
  }
}

void Engine::Impl::expireSlices(Tick t) {
  for (const CoreId c : expired_slices) {
    CoreRuntime& core = state.cores[at(c)];
    if (core.running == kNoProcess || core.slice_end != t) continue;
    if (policy->readyCount() == 0) {  // keeps running with a fresh slice
      policy->onSliceRenewed(core.running, ranInSlice(c, t));
      core.slice_length = policy->timeSlice(core.running, state);
      core.slice_end = core.slice_length > 0 ? t + core.slice_length : 0;
      scheduleCore(c);
      continue;
    }
    preempt(c, t, Reason::QuantumExpired);
    const ProcessId next = policy->pickNext(c, state);
    if (next != kNoProcess) dispatch(c, next, t);
  }
}

void Engine::Impl::preemptForUrgent(Tick t) {
  while (policy->readyCount() > 0) {
    CoreId worst = kNoCore;
    ProcessView worst_view;
    for (CoreId c = 0; c < static_cast<CoreId>(state.cores.size()); ++c) {
      const ProcessId running = state.cores[at(c)].running;
      if (running == kNoProcess) continue;
      const ProcessView candidate = view(running, t);
      if (worst == kNoCore || !policy->moreUrgent(candidate, worst_view)) {
        worst = c;
        worst_view = candidate;
      }
    }
    if (worst == kNoCore) return;
    const ProcessId best = policy->peekNext(worst, state);
    if (best == kNoProcess || !policy->moreUrgent(view(best, t), worst_view)) return;
    preempt(worst, t, Reason::MoreUrgent);
    dispatch(worst, policy->pickNext(worst, state), t);
  }
}

// Step 2b: the policy's timer (an MLFQ boost). Each process it moved is
// recorded as a requeue.
void Engine::Impl::runTimer(Tick t) {
  const TimerResult result = policy->onTimer(t, state);
  for (const ProcessId id : result.moved) record(t, id, kNoCore, TransitionKind::Requeue, result.reason);
}

}  // namespace sim
