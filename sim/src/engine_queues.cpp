// Run queues: the global one, or one per core with placement, affinity,
// stealing and balancing (docs/model.md, "Run queues").
#include <algorithm>

#include "engine_impl.hpp"

namespace sim {

namespace {
std::size_t at(std::int32_t index) { return static_cast<std::size_t>(index); }
}  // namespace

std::vector<std::unique_ptr<Policy>> Engine::Impl::cloneQueues() const {
  std::vector<std::unique_ptr<Policy>> copies;
  copies.reserve(queues.size());
  for (const auto& queue : queues) copies.push_back(queue->clone());
  return copies;
}

std::size_t Engine::Impl::readyTotal() const {
  return per_core ? static_cast<std::size_t>(queue_ready.total()) : queues.front()->readyCount();
}

bool Engine::Impl::allowed(ProcessId process, CoreId core) const {
  if (!has_affinity) return true;
  const std::vector<CoreId>& cores = scenario.processes[at(process)].affinity;
  return cores.empty() || std::find(cores.begin(), cores.end(), core) != cores.end();
}

// Keeps the sets and trees in step with the core.
void Engine::Impl::touch(CoreId core) {
  const CoreRuntime& c = state.cores[at(core)];
  const bool occupied = c.running != kNoProcess || c.held_by != kNoProcess;
  idle.assign(at(core), !occupied);
  if (!per_core) return;
  const auto ready = static_cast<std::int64_t>(queues[at(core)]->readyCount());
  queued.assign(at(core), ready > 0);
  queue_ready.set(at(core), ready);
  queue_length.set(at(core), ready + (occupied ? 1 : 0));
}

void Engine::Impl::rebuildLoad() {
  idle.reset(state.cores.size());
  queued.reset(state.cores.size());
  queue_ready.reset(per_core ? state.cores.size() : 0);
  queue_length.reset(per_core ? state.cores.size() : 0);
  for (CoreId c = 0; c < static_cast<CoreId>(state.cores.size()); ++c) touch(c);
}

// A process enters the queue it belongs to; a new one (or one whose core it
// may no longer use) the shortest queue it may use, ties to the lowest core.
void Engine::Impl::enqueue(ProcessId id, Tick t) {
  ProcessRuntime& p = state.processes[at(id)];
  if (!per_core) {
    queues.front()->enqueue(view(id, t));
    return;
  }
  if (p.queue == kNoCore || !allowed(id, p.queue)) {
    const std::vector<CoreId>& cores = scenario.processes[at(id)].affinity;
    if (cores.empty()) {
      p.queue = static_cast<CoreId>(queue_length.leftmost());
    } else {
      CoreId best = cores.front();
      for (const CoreId c : cores) {
        const std::int64_t length = queue_length.value(at(c));
        const std::int64_t best_length = queue_length.value(at(best));
        if (length < best_length || (length == best_length && c < best)) best = c;
      }
      p.queue = best;
    }
  }
  queues[at(p.queue)]->enqueue(view(id, t));
  touch(p.queue);
}

// Picks until a process may run on `core`; the others go back in order.
ProcessId Engine::Impl::pickAllowed(Policy& queue, CoreId core) {
  if (!has_affinity) return queue.pickNext(core, state);
  std::vector<ProcessId> set_aside;
  ProcessId found = kNoProcess;
  while (true) {
    const ProcessId id = queue.pickNext(core, state);
    if (id == kNoProcess || allowed(id, core)) {
      found = id;
      break;
    }
    set_aside.push_back(id);
  }
  for (auto it = set_aside.rbegin(); it != set_aside.rend(); ++it) queue.putBack(view(*it, state.now + 1));
  return found;
}

ProcessId Engine::Impl::pickFor(CoreId core, Tick t) {
  Policy& queue = queueOf(core);
  const ProcessId id = queue.readyCount() == 0 ? kNoProcess : pickAllowed(queue, core);
  if (id != kNoProcess) {
    touch(core);
    return id;
  }
  if (per_core && scenario.balance.steal) return steal(core, t);
  return kNoProcess;
}

ProcessId Engine::Impl::peekFor(CoreId core) {
  Policy& queue = queueOf(core);
  if (!has_affinity) return queue.peekNext(core, state);
  const ProcessId id = pickAllowed(queue, core);
  if (id != kNoProcess) queue.putBack(view(id, state.now + 1));
  return id;
}

// An idle core with an empty queue takes the next process of the longest
// queue (ties: the lowest core) that it may run.
ProcessId Engine::Impl::steal(CoreId thief, Tick t) {
  if (queue_ready.total() == 0) return kNoProcess;
  CoreId victim = static_cast<CoreId>(queue_ready.leftmost());
  ProcessId id = kNoProcess;
  if (!has_affinity) {
    id = queues[at(victim)]->pickNext(victim, state);
  } else {
    // Longest first, ties to the lowest core, until one has a process the thief may run.
    std::vector<CoreId> order;
    for (CoreId c = 0; c < static_cast<CoreId>(queues.size()); ++c) {
      if (c != thief && queues[at(c)]->readyCount() > 0) order.push_back(c);
    }
    std::stable_sort(order.begin(), order.end(), [this](CoreId a, CoreId b) {
      return queues[at(a)]->readyCount() > queues[at(b)]->readyCount();
    });
    for (const CoreId c : order) {
      id = pickAllowed(*queues[at(c)], thief);
      if (id != kNoProcess) {
        victim = c;
        break;
      }
    }
  }
  if (id == kNoProcess) return kNoProcess;
  queues[at(victim)]->onMigratedAway(id);
  touch(victim);
  state.processes[at(id)].queue = thief;
  record(t, id, thief, TransitionKind::Requeue, Reason::Stolen);
  return id;
}

// Step 2c: while the longest queue holds two more than the shortest, its
// next process moves to the shortest (if it may run there).
void Engine::Impl::balance(Tick t) {
  state.next_balance = t + scenario.balance.interval;
  for (std::size_t moves = 0; moves < state.processes.size(); ++moves) {
    const auto from = static_cast<CoreId>(queue_ready.leftmost());
    const auto to = static_cast<CoreId>(queue_length.leftmost());
    if (queue_ready.value(at(from)) == 0 || queue_length.value(at(from)) - queue_length.value(at(to)) <= 1) return;
    const ProcessId id = pickAllowed(*queues[at(from)], to);
    if (id == kNoProcess) return;
    queues[at(from)]->onMigratedAway(id);
    touch(from);
    state.processes[at(id)].queue = to;
    queues[at(to)]->enqueue(view(id, t));
    touch(to);
    record(t, id, to, TransitionKind::Requeue, Reason::Balanced);
  }
}

}  // namespace sim
