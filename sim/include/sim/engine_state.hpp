// sim/engine_state.hpp: everything the engine knows at a tick, as plain
// values. Copying an EngineState is taking a snapshot.
#pragma once

#include <cstdint>
#include <deque>
#include <vector>

#include "sim/cache_model.hpp"
#include "sim/types.hpp"

namespace sim {

// A process as the run has left it so far.
struct ProcessRuntime {
  State state = State::New;
  std::int8_t nice = 0;          // copied from its spec: -20..19
  bool awaiting = false;         // Blocked until its outstanding asynchronous IO is done
  std::uint16_t outstanding = 0; // asynchronous IO bursts started and not yet done
  std::uint32_t burst = 0;       // index of the current burst in ProcessSpec::bursts
  std::uint32_t burst_count = 0; // bursts of the process (copied from its spec)
  std::int32_t priority = 0;     // copied from its spec; lower is more urgent
  CoreId core = kNoCore;         // Running: its core; Blocked without multiprogramming: the core it holds
  CoreId last_core = kNoCore;    // the core it last ran on (kNoCore before its first dispatch)
  CoreId queue = kNoCore;        // per-core queues: the core whose queue it belongs to (kNoCore before admission)
  std::int32_t tickets = 100;    // copied from its spec
  Tick remaining = 0;            // ticks left in the current burst, as of `run_start` when Running
  Tick since = 0;                // tick it entered its current state
  Tick run_start = 0;            // Running: tick its CPU work begins (after any switch overhead)
  std::uint64_t ready_seq = 0;   // order of its latest entry into the ready queue
  Tick waiting = 0;              // ticks in Ready, closed intervals only
  Tick cpu = 0;                  // ticks of CPU work, closed intervals only
  Tick blocked = 0;              // ticks in Blocked, closed intervals only
  Tick overhead = 0;             // context-switch ticks spent dispatching it
  Tick first_dispatch = -1;      // -1 until first dispatched
  Tick completion = -1;          // -1 until it exits
};

// A core as the run has left it so far.
struct CoreRuntime {
  ProcessId running = kNoProcess;  // the process dispatched on it
  ProcessId held_by = kNoProcess;  // multiprogramming off: the blocked process it waits for
  ProcessId last = kNoProcess;     // the last process it ran (a different next one pays the switch cost)
  Tick slice_end = 0;              // tick its running process's time slice ends (0: no slice)
  Tick slice_length = 0;           // ticks of that slice (0: no slice)
  Tick slice_start = 0;            // tick its running process's CPU work since dispatch or renewal began
  Tick busy = 0;                   // CPU ticks of process work, closed intervals only
  Tick overhead = 0;               // context-switch ticks, closed intervals only
  std::uint32_t generation = 0;    // bumped on every change; stale events are skipped
};

// A pending event of a core: its running process ends its burst or slice.
struct CoreEvent {
  Tick tick = 0;
  CoreId core = 0;
  std::uint32_t generation = 0;
};

// A pending end of an IO burst.
struct IoEvent {
  Tick tick = 0;
  ProcessId process = 0;
  std::uint32_t burst = 0;  // the IO burst's index in the process's bursts
};

// An IO burst waiting for a server of its device.
struct IoRequest {
  ProcessId process = 0;
  std::uint32_t burst = 0;
};

class EngineState {
 public:
  Tick now = -1;                          // last tick whose decisions are applied
  std::vector<ProcessRuntime> processes;  // scenario order
  std::vector<CoreRuntime> cores;
  std::vector<ProcessId> arrival_order;   // processes sorted by (arrival, scenario order)
  std::size_t next_arrival = 0;           // cursor into arrival_order
  std::vector<CoreEvent> core_events;     // min-heap by (tick, core)
  std::vector<IoEvent> io_events;         // min-heap by (tick, process)
  std::vector<std::int32_t> device_busy;  // by device index: IO bursts in service (contending devices only)
  std::vector<std::deque<IoRequest>> device_queues;  // by device index: IO waiting for a server, FIFO
  std::uint64_t next_ready_seq = 0;
  std::int64_t transition_counts[kTransitionKindCount] = {};
  std::int64_t context_switches = 0;      // dispatches onto a core that last ran another process
  std::int64_t terminated = 0;
  std::int32_t idle_cores = 0;            // cores neither running a process nor held by one
  std::int64_t transitions = 0;           // all transitions so far (also when the trace is off)
  Tick last_exit = -1;
  Tick next_balance = -1;                 // per-core queues with balancing: the next balancing tick
  CacheState cache;                       // the scenario's "cache": each core's warm working sets (off without one)

  // CPU ticks of work left in the current CPU burst of a Running or Ready process, as of `now`.
  Tick burstRemaining(ProcessId process) const;
  // The cache model: the processes whose working sets `core`'s cache holds in tick `now`, by id.
  std::vector<ProcessId> warmOn(CoreId core) const;
  // Ticks spent in `state` so far, including the open interval up to the end of tick `now`.
  Tick ticksIn(ProcessId process, State state) const;
};

}  // namespace sim
