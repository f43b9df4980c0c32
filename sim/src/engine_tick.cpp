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
  if (policy_timers) {
    for (const auto& queue : queues) {
      if (const Tick timer = queue->nextTimer(); timer != Policy::kNoTimer) consider(timer);
    }
  }
  if (state.next_balance >= 0) consider(state.next_balance);
  return next;
}

void Engine::Impl::applyTick(Tick t) {
  assert(t > state.now);
  releaseFinishedBursts(t);
  admitAndWake(t);
  if (!woken.empty()) runWoken(t);
  if (policy_timers) runTimer(t);
  if (state.next_balance == t) balance(t);
  dispatchIdleCores(t);
  if (!expired_slices.empty()) expireSlices(t);
  if (queues.front()->preemptive()) preemptForUrgent(t);
  // Step 5b: a process preempted above may suit a core that had nothing it
  // was allowed to run (without affinity every such core already took one).
  if (has_affinity) dispatchIdleCores(t);
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
    if (burstEnd(event.core, p) != t) {
      expired_slices.push_back(event.core);  // its slice ended first; step 4 decides
      continue;
    }
    const ProcessSpec& spec = scenario.processes[at(id)];
    if (p.burst + 1 < p.burst_count && spec.bursts[p.burst + 1].async) {
      // Asynchronous IO: it starts, and the process runs on into the CPU
      // burst after it (`remaining` counts from run_start, so it grows).
      const auto io = static_cast<std::uint32_t>(p.burst + 1);
      p.burst = io + 1;
      p.remaining += spec.bursts[p.burst].length;
      ++p.outstanding;
      startIo(id, io, t);
      scheduleCore(event.core);
      if (core.slice_end > 0 && core.slice_end <= t) expired_slices.push_back(event.core);
      continue;
    }
    const Tick ran = ranSinceSliceStart(event.core, t);
    closeInterval(id, t);
    core.running = kNoProcess;
    ++core.generation;
    ++state.idle_cores;
    touch(event.core);
    if (p.burst + 1 >= p.burst_count && p.outstanding > 0) {  // its end waits for its asynchronous IO
      queueOf(event.core).onDescheduled(id, ran, Reason::Await);
      p.state = State::Blocked;
      p.awaiting = true;
      p.since = t;
      p.core = kNoCore;
      record(t, id, event.core, TransitionKind::Block, Reason::Await);
      continue;
    }
    if (p.burst + 1 >= p.burst_count) {
      queueOf(event.core).onDescheduled(id, ran, Reason::Finished);
      p.state = State::Terminated;
      p.since = t;
      p.completion = t;
      p.core = kNoCore;
      ++state.terminated;
      state.last_exit = t;
      record(t, id, event.core, TransitionKind::Exit, Reason::Finished);
      continue;
    }
    const bool await = p.outstanding > 0;
    queueOf(event.core).onDescheduled(id, ran, await ? Reason::Await : Reason::IoStart);
    ++p.burst;
    p.remaining = scenario.processes[at(id)].bursts[p.burst].length;
    p.state = State::Blocked;
    p.since = t;
    p.core = kNoCore;
    p.awaiting = await;
    const bool started = !await && startIo(id, p.burst, t);
    if (!scenario.policy.multiprogramming) {
      core.held_by = id;
      p.core = event.core;
      --state.idle_cores;
    }
    touch(event.core);
    record(t, id, event.core, TransitionKind::Block,
           await ? Reason::Await : (started ? Reason::IoStart : Reason::DeviceQueue));
  }
}

void Engine::Impl::admitAndWake(Tick t) {
  entering.clear();
  woken.clear();
  auto& io = state.io_events;
  while (!io.empty() && io.front().tick == t) {
    const IoEvent done = io.front();
    std::pop_heap(io.begin(), io.end(), ioEventLater);
    io.pop_back();
    finishIo(done.process, done.burst, t);
    if (scenario.processes[at(done.process)].bursts[done.burst].async) {
      asyncIoDone(done.process, t);
    } else {
      entering.push_back(done.process);
    }
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
      enqueue(id, t);
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
      enqueue(id, t);
    }
  }
}

// wakeup_preempts: a woken process takes the lowest idle core, else the
// core whose process has run longest since its dispatch (ties: the highest
// core index), never one dispatched at this tick.
void Engine::Impl::runWoken(Tick t) {
  for (const ProcessId id : woken) {
    CoreId target = lowestIdleCore(id);
    if (target == kNoCore) {
      Tick oldest = t;
      for (CoreId c = 0; c < static_cast<CoreId>(state.cores.size()); ++c) {
        const ProcessId running = state.cores[at(c)].running;
        if (running == kNoProcess || !allowed(id, c)) continue;
        const Tick since = state.processes[at(running)].since;
        if (since <= oldest && since < t) {
          oldest = since;
          target = c;
        }
      }
      if (target == kNoCore) {
        enqueue(id, t);
        continue;
      }
      preempt(target, t, Reason::WakeupDisplaced);
    }
    dispatch(target, id, t);
  }
}

// Idle cores in order, each taking its next process. Without stealing, a
// per-core queue's idle core can only take work from its own queue, so only
// idle cores with queued work are visited.
void Engine::Impl::dispatchIdleCores(Tick t) {
  if (state.idle_cores == 0 || readyTotal() == 0) return;
  const bool own_queue_only = per_core && !scenario.balance.steal;
  for (std::size_t c = own_queue_only ? idle.nextAlsoIn(queued, 0) : idle.next(0); c != detail::CoreSet::kNone;
       c = own_queue_only ? idle.nextAlsoIn(queued, c + 1) : idle.next(c + 1)) {
    const auto core = static_cast<CoreId>(c);
    assert(state.cores[c].running == kNoProcess && state.cores[c].held_by == kNoProcess);
    const ProcessId next = pickFor(core, t);
    if (next == kNoProcess) continue;  // this core's queue may be empty (or hold no process it may run)
    if (!has_affinity) prefetchProcess(queueOf(core).peekNext(core, state));  // a million processes do not fit in cache
    dispatch(core, next, t);
    if (state.idle_cores == 0 || readyTotal() == 0) break;
  }
}

void Engine::Impl::expireSlices(Tick t) {
  for (const CoreId c : expired_slices) {
    CoreRuntime& core = state.cores[at(c)];
    if (core.running == kNoProcess || core.slice_end != t) continue;
    Policy& queue = queueOf(c);
    if (queue.readyCount() == 0 || peekFor(c) == kNoProcess) {  // keeps running with a fresh slice
      queue.onSliceRenewed(core.running, ranSinceSliceStart(c, t));
      core.slice_start = t;
      core.slice_length = queue.timeSlice(core.running, state);
      core.slice_end = core.slice_length > 0 ? t + core.slice_length : 0;
      scheduleCore(c);
      continue;
    }
    preempt(c, t, Reason::QuantumExpired);
    const ProcessId next = pickFor(c, t);
    if (next != kNoProcess) dispatch(c, next, t);
  }
}

// Only cores whose queue holds work can be preempted; a preemption here
// changes no other core's queue (the process preempted goes back to its
// core's, which the next pick takes from), so the set stays right.
void Engine::Impl::preemptForUrgent(Tick t) {
  if (per_core) {  // each core against its own queue, in core order
    for (std::size_t c = queued.next(0); c != detail::CoreSet::kNone; c = queued.next(c + 1)) {
      const auto core = static_cast<CoreId>(c);
      Policy& queue = queueOf(core);
      while (state.cores[c].running != kNoProcess && queue.readyCount() > 0 &&
             headPreempts(core, view(state.cores[c].running, t), t)) {
        preempt(core, t, Reason::MoreUrgent);
        dispatch(core, pickFor(core, t), t);
      }
    }
    return;
  }
  preemptGlobalForUrgent(t);
}

// The global queue's most urgent process against the least urgent running
// one (ties: the highest core), until it is not more urgent.
void Engine::Impl::preemptGlobalForUrgent(Tick t) {
  Policy& queue = *queues.front();
  while (queue.readyCount() > 0) {
    CoreId worst = kNoCore;
    ProcessView worst_view;
    for (CoreId c = 0; c < static_cast<CoreId>(state.cores.size()); ++c) {
      const ProcessId running = state.cores[at(c)].running;
      if (running == kNoProcess) continue;
      const ProcessView candidate = view(running, t);
      if (worst == kNoCore || !queue.moreUrgent(candidate, worst_view)) {
        worst = c;
        worst_view = candidate;
      }
    }
    if (worst == kNoCore || !headPreempts(worst, worst_view, t)) return;
    preempt(worst, t, Reason::MoreUrgent);
    dispatch(worst, pickFor(worst, t), t);
  }
}

// Whether the process `core` would take next is more urgent than `running`
// (the view of its running process). A ranked queue answers from its heap,
// which spares a cache miss on the ready process's state.
bool Engine::Impl::headPreempts(CoreId core, const ProcessView& running, Tick t) {
  Policy& queue = queueOf(core);
  if (!has_affinity) {
    if (const std::optional<bool> answer = queue.headMoreUrgent(running)) return *answer;
  }
  const ProcessId best = peekFor(core);
  return best != kNoProcess && queue.moreUrgent(view(best, t), running);
}

// Step 2b: the policy's timer (an MLFQ boost). Each process it moved is
// recorded as a requeue.
void Engine::Impl::runTimer(Tick t) {
  for (std::size_t q = 0; q < queues.size(); ++q) {
    if (queues[q]->nextTimer() != t) continue;
    const TimerResult result = queues[q]->onTimer(t, state);
    const CoreId core = per_core ? static_cast<CoreId>(q) : kNoCore;
    for (const ProcessId id : result.moved) record(t, id, core, TransitionKind::Requeue, result.reason);
  }
}

// A contending device serves at most its servers at once; the others wait
// in its FIFO queue, still Blocked.
bool Engine::Impl::startIo(ProcessId id, std::uint32_t burst, Tick t) {
  const Burst& io = scenario.processes[at(id)].bursts[burst];
  if (device_servers[io.device] > 0) {
    if (state.device_busy[io.device] >= device_servers[io.device]) {
      state.device_queues[io.device].push_back({id, burst});
      return false;
    }
    ++state.device_busy[io.device];
  }
  state.io_events.push_back({t + io.length, id, burst});
  std::push_heap(state.io_events.begin(), state.io_events.end(), ioEventLater);
  return true;
}

void Engine::Impl::finishIo(ProcessId id, std::uint32_t burst, Tick t) {
  const std::size_t device = scenario.processes[at(id)].bursts[burst].device;
  if (device_servers[device] == 0) return;
  --state.device_busy[device];
  std::deque<IoRequest>& waiting = state.device_queues[device];
  if (waiting.empty()) return;
  const IoRequest next = waiting.front();
  waiting.pop_front();
  ++state.device_busy[device];
  const Tick length = scenario.processes[at(next.process)].bursts[next.burst].length;
  state.io_events.push_back({t + length, next.process, next.burst});
  std::push_heap(state.io_events.begin(), state.io_events.end(), ioEventLater);
}

// The process awaiting it goes on when none is left: its synchronous IO
// starts, or (after its last CPU burst) it exits.
void Engine::Impl::asyncIoDone(ProcessId id, Tick t) {
  ProcessRuntime& p = state.processes[at(id)];
  --p.outstanding;
  if (!p.awaiting || p.outstanding > 0) return;
  p.awaiting = false;
  if (p.burst + 1 >= p.burst_count && scenario.processes[at(id)].bursts[p.burst].kind == BurstKind::Cpu) {
    exitFromAwait(id, t);
    return;
  }
  startIo(id, p.burst, t);
}

void Engine::Impl::exitFromAwait(ProcessId id, Tick t) {
  ProcessRuntime& p = state.processes[at(id)];
  closeInterval(id, t);
  queueOf(p.last_core).onExitedWhileAway(id);
  p.state = State::Terminated;
  p.since = t;
  p.completion = t;
  ++state.terminated;
  state.last_exit = t;
  record(t, id, kNoCore, TransitionKind::Exit, Reason::Await);
}

}  // namespace sim
