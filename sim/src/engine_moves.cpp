// The moves a tick is made of; each keeps the state's invariants and
// records its transition.
#include <algorithm>

#include "engine_impl.hpp"

namespace sim {

namespace {
std::size_t at(std::int32_t index) { return static_cast<std::size_t>(index); }
bool coreEventLater(const CoreEvent& a, const CoreEvent& b) {
  return a.tick != b.tick ? a.tick > b.tick : a.core > b.core;
}
}  // namespace

void Engine::Impl::record(Tick t, ProcessId process, CoreId core, TransitionKind kind, Reason reason) {
  ++state.transition_counts[static_cast<std::size_t>(kind)];
  ++state.transitions;
  const Transition transition{t, process, static_cast<std::int16_t>(core), kind, reason};
  if (options.record_trace) {
    // Grow by doubling as push_back would, but never past the budget.
    if (trace.size() == trace.capacity()) {
      const std::size_t limit = maxTraceEntries();
      if (trace.size() >= limit) throw TraceBudgetExceeded(options.trace_budget_bytes);
      trace.reserve(std::min(limit, std::max<std::size_t>(16, trace.size() * 2)));
    }
    trace.push_back(transition);
  }
  for (Observer* observer : observers) observer->onTransition(transition);
}

// Adds the ticks since the process entered its state to that state's total.
void Engine::Impl::closeInterval(ProcessId id, Tick t) {
  ProcessRuntime& p = state.processes[at(id)];
  switch (p.state) {
    case State::Ready:
      p.waiting += t - p.since;
      break;
    case State::Blocked:
      p.blocked += t - p.since;
      break;
    case State::Running: {
      const Tick switching = std::min(t, p.run_start) - p.since;
      const Tick worked = std::max<Tick>(0, t - p.run_start);
      p.overhead += switching;
      p.cpu += worked;
      if (cache_on) {
        p.remaining -= std::min(p.remaining, state.cache.workIn(p.core, worked));
        state.cache.endRun(p.core, id, worked, t);
      } else {
        p.remaining -= worked;
      }
      CoreRuntime& core = state.cores[at(p.core)];
      core.overhead += switching;
      core.busy += worked;
      break;
    }
    case State::New:
    case State::Terminated:
      break;
  }
}

void Engine::Impl::makeReady(ProcessId id, Tick t) {
  ProcessRuntime& p = state.processes[at(id)];
  p.state = State::Ready;
  p.since = t;
  p.core = kNoCore;
  p.ready_seq = state.next_ready_seq++;
}

void Engine::Impl::dispatch(CoreId c, ProcessId id, Tick t) {
  ProcessRuntime& p = state.processes[at(id)];
  CoreRuntime& core = state.cores[at(c)];
  closeInterval(id, t);
  const bool switches = core.last != kNoProcess && core.last != id;
  if (switches) ++state.context_switches;
  p.state = State::Running;
  p.since = t;
  p.run_start = t + (switches ? scenario.context_switch : 0);
  p.core = c;
  p.last_core = c;
  if (p.first_dispatch < 0) p.first_dispatch = t;
  if (p.burst + 1 < p.burst_count) __builtin_prefetch(scenario.processes[at(id)].bursts.data() + p.burst + 1);
  core.running = id;
  core.last = id;
  --state.idle_cores;
  if (per_core) p.queue = c;
  touch(c);
  const bool warm = cache_on && state.cache.startRun(c, id);
  record(t, id, c, TransitionKind::Dispatch, warm ? Reason::WarmCache : Reason::Scheduled);
  Policy& queue = queueOf(c);
  queue.onDispatched(id, c, t);
  const Tick slice = queue.timeSlice(id, state);
  core.slice_end = slice > 0 ? p.run_start + slice : 0;
  core.slice_length = slice;
  core.slice_start = p.run_start;
  scheduleCore(c);
}

void Engine::Impl::preempt(CoreId c, Tick t, Reason reason) {
  CoreRuntime& core = state.cores[at(c)];
  const ProcessId id = core.running;
  const Tick ran = ranSinceSliceStart(c, t);
  closeInterval(id, t);
  queueOf(c).onDescheduled(id, ran, reason);
  core.running = kNoProcess;
  ++core.generation;
  ++state.idle_cores;
  record(t, id, c, TransitionKind::Preempt, reason);
  makeReady(id, t);
  enqueue(id, t);
  touch(c);
}

// Pushes the core's next event: the end of its process's burst or slice.
// Called on dispatch, and with a fresh slice when a slice ends with no one waiting.
void Engine::Impl::scheduleCore(CoreId c) {
  CoreRuntime& core = state.cores[at(c)];
  ++core.generation;
  const ProcessRuntime& p = state.processes[at(core.running)];
  Tick when = burstEnd(c, p);
  if (core.slice_end > 0 && core.slice_end < when) when = core.slice_end;
  state.core_events.push_back({when, c, core.generation});
  std::push_heap(state.core_events.begin(), state.core_events.end(), coreEventLater);
}

// CPU ticks the core's process has worked since its dispatch or its slice's
// last renewal: what the policy is told when the slice ends or it leaves.
Tick Engine::Impl::ranSinceSliceStart(CoreId c, Tick t) const {
  return std::max<Tick>(0, t - state.cores[at(c)].slice_start);
}

ProcessView Engine::Impl::view(ProcessId id, Tick t) const {
  const ProcessRuntime& p = state.processes[at(id)];
  ProcessView v;
  v.id = id;
  v.priority = p.priority;
  if (p.state != State::Running) {
    v.burst_remaining = p.remaining;
  } else {
    const Tick ran = std::max<Tick>(0, t - p.run_start);
    v.burst_remaining = p.remaining - (cache_on ? std::min(p.remaining, state.cache.workIn(p.core, ran)) : ran);
  }
  v.ready_seq = p.ready_seq;
  v.tickets = p.tickets;
  v.nice = p.nice;
  v.last_core = p.last_core;
  return v;
}

void Engine::Impl::prefetchProcess(ProcessId id) const {
  if (id == kNoProcess) return;
  const ProcessRuntime* runtime = &state.processes[at(id)];
  __builtin_prefetch(runtime);
  __builtin_prefetch(reinterpret_cast<const char*>(runtime) + sizeof(ProcessRuntime) - 1);
  __builtin_prefetch(&scenario.processes[at(id)]);
}

CoreId Engine::Impl::lowestIdleCore(ProcessId process) const {
  if (state.idle_cores == 0) return kNoCore;
  for (std::size_t c = idle.next(0); c != detail::CoreSet::kNone; c = idle.next(c + 1)) {
    if (allowed(process, static_cast<CoreId>(c))) return static_cast<CoreId>(c);
  }
  return kNoCore;
}

}  // namespace sim
