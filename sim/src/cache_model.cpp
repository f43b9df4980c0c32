#include "sim/cache_model.hpp"

#include <algorithm>

namespace sim {

namespace {
std::size_t at(std::int32_t index) { return static_cast<std::size_t>(index); }

std::vector<HeldSet>::iterator findHeld(std::vector<HeldSet>& held, ProcessId process) {
  return std::find_if(held.begin(), held.end(), [process](const HeldSet& set) { return set.process == process; });
}
}  // namespace

void CacheState::init(const Scenario& scenario) {
  cores_.clear();
  working_sets_.reset();
  if (!scenario.cache) return;
  options_ = *scenario.cache;
  auto sets = std::make_shared<std::vector<std::int64_t>>();
  sets->reserve(scenario.processes.size());
  for (const ProcessSpec& spec : scenario.processes) sets->push_back(spec.working_set);
  working_sets_ = std::move(sets);
  cores_.resize(static_cast<std::size_t>(scenario.cores));
}

std::int64_t CacheState::workingSet(ProcessId process) const {
  return working_sets_ ? (*working_sets_)[at(process)] : 0;
}

bool CacheState::fits(ProcessId process) const {
  const std::int64_t set = workingSet(process);
  return set > 0 && set <= options_.size;
}

bool CacheState::startRun(CoreId core, ProcessId process) {
  CoreCache& cache = cores_[at(core)];
  if (!fits(process)) {
    cache.cold_ticks = kNeverWarm;
    return false;
  }
  if (findHeld(cache.held, process) != cache.held.end()) {
    cache.cold_ticks = 0;
    return true;
  }
  const auto warming = cache.warming.find(process);
  cache.cold_ticks = options_.warmup - (warming == cache.warming.end() ? 0 : warming->second);
  return cache.cold_ticks == 0;
}

Tick CacheState::workIn(CoreId core, Tick ticks) const {
  const Tick cold = cores_[at(core)].cold_ticks;
  if (ticks <= cold) return ticks;
  return cold + (ticks - cold) * options_.warm_rate;
}

Tick CacheState::ticksFor(CoreId core, Tick work) const {
  const Tick cold = cores_[at(core)].cold_ticks;
  if (work <= cold) return work;
  return cold + (work - cold + options_.warm_rate - 1) / options_.warm_rate;
}

void CacheState::endRun(CoreId core, ProcessId process, Tick ticks, Tick end) {
  applyRun(cores_[at(core)], process, ticks, end);
}

void CacheState::applyRun(CoreCache& cache, ProcessId process, Tick ticks, Tick end) const {
  if (ticks <= 0 || !fits(process)) return;  // a run without work changes nothing
  if (const auto held = findHeld(cache.held, process); held != cache.held.end()) {
    held->last_run = end;
    return;
  }
  Tick& warmed = cache.warming[process];
  warmed += ticks;
  if (warmed < options_.warmup) return;
  cache.warming.erase(process);
  cache.used += workingSet(process);
  while (cache.used > options_.size) {  // the least recently run leaves; ties: the lowest process
    const auto oldest = std::min_element(cache.held.begin(), cache.held.end(), [](const HeldSet& a, const HeldSet& b) {
      return a.last_run != b.last_run ? a.last_run < b.last_run : a.process < b.process;
    });
    cache.used -= workingSet(oldest->process);
    cache.held.erase(oldest);
  }
  cache.held.push_back({process, end});
}

std::vector<ProcessId> CacheState::warmAt(CoreId core, ProcessId running, Tick ran) const {
  std::vector<ProcessId> warm;
  if (!on()) return warm;
  const CoreCache& now = cores_[at(core)];
  CoreCache cache{now.held, {}, now.used, now.cold_ticks};
  if (running != kNoProcess && ran >= now.cold_ticks && now.cold_ticks != kNeverWarm) {
    // Only whether it is warm by now matters: a run as long as its cold ticks.
    if (const auto progress = now.warming.find(running); progress != now.warming.end()) {
      cache.warming.emplace(running, progress->second);
    }
    applyRun(cache, running, std::max<Tick>(ran, 1), INT64_MAX);
  }
  for (const HeldSet& set : cache.held) warm.push_back(set.process);
  std::sort(warm.begin(), warm.end());
  return warm;
}

Tick CacheState::coldLeft(CoreId core, Tick ran) const {
  const Tick cold = cores_[at(core)].cold_ticks;
  return cold == kNeverWarm ? kNeverWarm : std::max<Tick>(0, cold - ran);
}

}  // namespace sim
