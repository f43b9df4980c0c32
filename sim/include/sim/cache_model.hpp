// sim/cache_model.hpp: the cache-warmth model (OSTEP's multi.py), as the
// engine's state keeps it. docs/model.md, "Cache warmth", states the rule.
//
// Each core's cache holds the working sets of the processes warm on it and
// remembers, for the others that have run on it, how many ticks they have
// run there toward the warmup. A process becomes warm on a core once it has run
// `warmup` ticks there in all (the runs need not be consecutive); the
// core's cache then holds its working set, and while the held sets add up
// to more than `size` the one run least recently on that core leaves (it is
// cold again, its count back at 0). Nothing else cools a cache: time,
// running elsewhere and exiting do not. A process whose working set is 0 or
// larger than the cache never warms. A warm process does `warm_rate` ticks
// of CPU work per tick; the tick it turns warm still runs at one.
//
// The engine applies a run to the cache when the run ends (the process
// leaves the core); while it runs, the model answers from the core's
// `cold_ticks`. That gives the same result as applying each tick, because
// nothing else touches a core's cache while one process runs on it.
#pragma once

#include <climits>
#include <cstdint>
#include <memory>
#include <unordered_map>
#include <vector>

#include "sim/scenario.hpp"
#include "sim/types.hpp"

namespace sim {

// A working set a core's cache holds.
struct HeldSet {
  ProcessId process = kNoProcess;
  Tick last_run = -1;   // the tick its latest run on this core ended; the lowest leaves first
};

struct CoreCache {
  std::vector<HeldSet> held;                       // the processes warm on this core, in the order they turned warm
  std::unordered_map<ProcessId, Tick> warming;     // processes not warm here that have run here: ticks toward the warmup
  std::int64_t used = 0;                           // the sum of the held working sets, at most the size
  Tick cold_ticks = 0;                             // its running process: ticks from its run start until it is warm
};

inline constexpr Tick kNeverWarm = INT64_MAX / 4;

class CacheState {
 public:
  // Off (every query answers as if there were no cache) unless the scenario has one.
  void init(const Scenario& scenario);
  bool on() const { return !cores_.empty(); }
  const CacheOptions& options() const { return options_; }
  std::int64_t workingSet(ProcessId process) const;

  // [Engine hooks] A dispatch of `process` on `core`: true when its working set is held there.
  bool startRun(CoreId core, ProcessId process);
  // Work done in the first `ticks` ticks of the core's current run, and the ticks that `work` takes.
  Tick workIn(CoreId core, Tick ticks) const;
  Tick ticksFor(CoreId core, Tick work) const;
  // The core's run of `process` ended at tick `end` after `ticks` ticks of work: warming, eviction.
  void endRun(CoreId core, ProcessId process, Tick ticks, Tick end);

  // [Views] The processes whose working sets `core` holds in tick `now`, with
  // `running` (kNoProcess: none) having run `ran` ticks of work since its
  // run start; by process id.
  std::vector<ProcessId> warmAt(CoreId core, ProcessId running, Tick ran) const;
  // Ticks `running` still runs cold on `core` after `ran` ticks of its run (0: warm; kNeverWarm: it cannot warm).
  Tick coldLeft(CoreId core, Tick ran) const;
  const CoreCache& core(CoreId core) const { return cores_[static_cast<std::size_t>(core)]; }

 private:
  void applyRun(CoreCache& cache, ProcessId process, Tick ticks, Tick end) const;
  bool fits(ProcessId process) const;

  CacheOptions options_;
  std::shared_ptr<const std::vector<std::int64_t>> working_sets_;  // by process; shared by every snapshot
  std::vector<CoreCache> cores_;
};

}  // namespace sim
