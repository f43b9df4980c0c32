#include "sim/engine.hpp"

#include <algorithm>
#include <cstdint>
#include <string>

#include "engine_impl.hpp"
#include "huge_pages.hpp"
#include "sim/policy_registry.hpp"
#include "sim/scenario_json.hpp"

namespace sim {

namespace {

// Process ids by arrival, ties in scenario order. Files often list
// processes in arrival order, or with arrivals in a narrow span: both take
// one pass (a counting sort for the span) instead of a sort.
std::vector<ProcessId> arrivalOrder(const std::vector<ProcessSpec>& processes) {
  const std::size_t count = processes.size();
  std::vector<ProcessId> order(count);
  bool sorted = true;
  Tick first = kMaxArrival;
  Tick last = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const Tick arrival = processes[i].arrival;
    sorted = sorted && (i == 0 || processes[i - 1].arrival <= arrival);
    first = std::min(first, arrival);
    last = std::max(last, arrival);
  }
  if (sorted) {
    for (std::size_t i = 0; i < count; ++i) order[i] = static_cast<ProcessId>(i);
    return order;
  }
  const auto span = static_cast<std::uint64_t>(last - first) + 1;
  if (span <= 4 * static_cast<std::uint64_t>(count)) {
    std::vector<std::uint32_t> starts(static_cast<std::size_t>(span) + 1, 0);  // per arrival: first slot in order
    for (const ProcessSpec& spec : processes) ++starts[static_cast<std::size_t>(spec.arrival - first) + 1];
    for (std::size_t a = 1; a < starts.size(); ++a) starts[a] += starts[a - 1];
    for (std::size_t i = 0; i < count; ++i) {
      order[starts[static_cast<std::size_t>(processes[i].arrival - first)]++] = static_cast<ProcessId>(i);
    }
    return order;
  }
  std::vector<std::pair<Tick, ProcessId>> by_arrival(count);
  for (std::size_t i = 0; i < count; ++i) by_arrival[i] = {processes[i].arrival, static_cast<ProcessId>(i)};
  std::sort(by_arrival.begin(), by_arrival.end());
  for (std::size_t i = 0; i < count; ++i) order[i] = by_arrival[i].second;
  return order;
}

}  // namespace

Engine::Impl::Impl(Scenario s, EngineOptions o) : scenario(std::move(s)), options(o) {
  validateScenario(scenario);
  per_core = scenario.run_queues == RunQueues::PerCore;
  queues.push_back(makePolicy(scenario.policy));
  for (int c = 1; per_core && c < scenario.cores; ++c) queues.push_back(makePolicy(scenario.policy));
  for (const auto& queue : queues) queue->setSoleQueue(queues.size() == 1);
  policy_timers = queues.front()->nextTimer() != Policy::kNoTimer;
  const std::size_t count = scenario.processes.size();
  // Advised before the first write: pages already touched stay small.
  state.processes.reserve(count);
  adviseHugePages(state.processes.data(), count * sizeof(ProcessRuntime));
  state.processes.resize(count);
  for (std::size_t i = 0; i < count; ++i) {
    const ProcessSpec& spec = scenario.processes[i];
    ProcessRuntime& p = state.processes[i];
    p.remaining = spec.bursts.front().length;
    p.since = spec.arrival;
    p.priority = spec.priority;
    has_affinity = has_affinity || !spec.affinity.empty();
    p.tickets = spec.tickets;
    p.nice = static_cast<std::int8_t>(spec.nice);
    p.burst_count = static_cast<std::uint32_t>(spec.bursts.size());
  }
  adviseHugePages(scenario.processes.data(), count * sizeof(ProcessSpec));
  device_servers.assign(scenario.devices.size(), 0);
  for (std::size_t d = 0; d < scenario.devices.size(); ++d) {
    if (auto found = scenario.device_options.find(scenario.devices[d]); found != scenario.device_options.end()) {
      device_servers[d] = found->second.servers;
    }
  }
  state.device_busy.assign(scenario.devices.size(), 0);
  state.device_queues.resize(scenario.devices.size());
  state.cores.resize(static_cast<std::size_t>(scenario.cores));
  state.idle_cores = scenario.cores;
  if (per_core && scenario.balance.interval > 0) state.next_balance = scenario.balance.interval;
  rebuildLoad();
  state.cache.init(scenario);
  cache_on = state.cache.on();
  state.arrival_order = arrivalOrder(scenario.processes);
  snapshot_every = std::max<std::size_t>(1, options.snapshot_every);
  if (options.snapshots) {
    const std::size_t state_bytes = count * (sizeof(ProcessRuntime) + sizeof(ProcessId)) +
                                    state.cores.size() * sizeof(CoreRuntime) + sizeof(EngineState);
    max_snapshots = std::max<std::size_t>(2, std::min(options.snapshot_budget_bytes / state_bytes, options.max_snapshots));
    snapshots.push_back({state, cloneQueues(), 0});
  }
  if (options.record_trace) {
    // Every process is admitted, dispatched and exits; each IO burst adds a
    // block, a wakeup and a dispatch. Only preemptions come on top.
    std::size_t lower_bound = 0;
    for (const ProcessSpec& spec : scenario.processes) lower_bound += 3 + 3 * (spec.bursts.size() / 2);
    if (lower_bound > maxTraceEntries()) throw TraceBudgetExceeded(options.trace_budget_bytes);
    trace.reserve(lower_bound);
  }
}

void Engine::Impl::maybeSnapshot() {
  if (!options.snapshots) return;
  const Snapshot& last = snapshots.back();
  if (state.now <= last.state.now) return;
  if (static_cast<std::size_t>(state.transitions - last.state.transitions) < snapshot_every) return;
  snapshots.push_back({state, cloneQueues(), trace.size()});
  if (snapshots.size() > max_snapshots) {
    // Keep the start and every other snapshot after it; space the next ones wider.
    std::vector<Snapshot> thinned;
    for (std::size_t i = 0; i < snapshots.size(); ++i) {
      if (i == 0 || i % 2 == 0 || i + 1 == snapshots.size()) thinned.push_back(std::move(snapshots[i]));
    }
    snapshots = std::move(thinned);
    snapshot_every *= 2;
  }
}

void Engine::Impl::restore(const Snapshot& snapshot) {
  state = snapshot.state;
  queues.clear();
  for (const auto& queue : snapshot.queues) queues.push_back(queue->clone());
  rebuildLoad();
  if (options.record_trace) trace.resize(snapshot.trace_size);
  for (Observer* observer : observers) observer->onRewind(snapshot.trace_size);
}

TraceBudgetExceeded::TraceBudgetExceeded(std::size_t budget_bytes)
    : std::runtime_error("the trace would need more than " +
                         (budget_bytes % (std::size_t{1} << 20) == 0 ? std::to_string(budget_bytes >> 20) + " MiB"
                                                                      : std::to_string(budget_bytes) + " bytes") +
                         ", the trace memory budget"),
      budget_bytes_(budget_bytes) {}

Engine::Engine(Scenario scenario, EngineOptions options)
    : impl_(std::make_unique<Impl>(std::move(scenario), options)) {}
Engine::~Engine() = default;
Engine::Engine(Engine&&) noexcept = default;
Engine& Engine::operator=(Engine&&) noexcept = default;

void Engine::stepTick() {
  if (finished()) return;
  const Tick t = impl_->state.now + 1;
  if (impl_->nextEventTick() == t) {
    impl_->applyTick(t);
    impl_->maybeSnapshot();
  } else {
    impl_->state.now = t;
  }
}

bool Engine::stepEvent() {
  const std::int64_t before = impl_->state.transitions;
  while (!finished() && impl_->state.transitions == before) {
    impl_->applyTick(impl_->nextEventTick());
    impl_->maybeSnapshot();
  }
  return impl_->state.transitions != before;
}

void Engine::runTo(Tick tick) {
  while (!finished()) {
    const Tick next = impl_->nextEventTick();
    if (next > tick) break;
    impl_->applyTick(next);
    impl_->maybeSnapshot();
  }
  if (finished()) tick = std::min(tick, impl_->state.last_exit);
  impl_->state.now = std::max(impl_->state.now, tick);
}

void Engine::runToEnd() {
  while (!finished()) {
    impl_->applyTick(impl_->nextEventTick());
    impl_->maybeSnapshot();
  }
}

void Engine::rewindTo(Tick tick) {
  tick = std::max<Tick>(tick, -1);
  if (tick >= impl_->state.now) {
    runTo(tick);
    return;
  }
  if (impl_->options.snapshots) {
    auto& snapshots = impl_->snapshots;
    auto after = std::upper_bound(snapshots.begin(), snapshots.end(), tick,
                                  [](Tick t, const Snapshot& s) { return t < s.state.now; });
    impl_->restore(*std::prev(after));
  } else {
    Impl fresh(impl_->scenario, impl_->options);
    fresh.observers = impl_->observers;
    fresh.snapshots.clear();
    *impl_ = std::move(fresh);
    for (Observer* observer : impl_->observers) observer->onRewind(0);
  }
  runTo(tick);
}

Tick Engine::now() const { return impl_->state.now; }
bool Engine::finished() const {
  return impl_->state.terminated == static_cast<std::int64_t>(impl_->scenario.processes.size());
}
Tick Engine::nextEventTick() const { return finished() ? -1 : impl_->nextEventTick(); }
const Scenario& Engine::scenario() const { return impl_->scenario; }
const EngineState& Engine::state() const { return impl_->state; }
const Policy& Engine::policy() const { return *impl_->queues.front(); }
std::size_t Engine::runQueueCount() const { return impl_->queues.size(); }
const Policy& Engine::runQueue(std::size_t index) const { return *impl_->queues.at(index); }
std::vector<ProcessId> Engine::readyQueue() const {
  std::vector<ProcessId> ready;
  for (const auto& queue : impl_->queues) {
    const std::vector<ProcessId> part = queue->readyInOrder(impl_->state);
    ready.insert(ready.end(), part.begin(), part.end());
  }
  return ready;
}
ProcessView Engine::view(ProcessId process) const { return impl_->view(process, impl_->state.now); }
const Trace& Engine::trace() const { return impl_->trace; }
std::size_t Engine::snapshotCount() const { return impl_->snapshots.size(); }

void Engine::addObserver(Observer* observer) { impl_->observers.push_back(observer); }
void Engine::removeObserver(Observer* observer) {
  auto& list = impl_->observers;
  list.erase(std::remove(list.begin(), list.end(), observer), list.end());
}

}  // namespace sim
