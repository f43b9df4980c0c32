// real/process_info.hpp: what the kernel says about a process right now,
// read from /proc/PID/stat, /proc/PID/status and /proc/PID/schedstat, and how
// that maps onto the simulator's process states (docs/real.md).
#pragma once

#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "sim/types.hpp"

namespace real {

struct ProcessInfo {
  pid_t pid = 0;
  std::string name;          // the kernel's comm, at most 15 bytes
  char state = '?';          // R, S, D, Z, T, t, X, I, ... as in /proc/PID/stat
  pid_t ppid = 0;
  int threads = 0;
  std::chrono::nanoseconds user_time{0};    // CPU time in user mode
  std::chrono::nanoseconds system_time{0};  // CPU time in the kernel
  std::uint64_t rss_bytes = 0;              // resident memory; 0 for a zombie
  int processor = -1;                       // the CPU it last ran on
  std::uint64_t start_ticks = 0;  // start time in clock ticks since boot: with
                                  // the pid, identifies the process uniquely
  std::uint64_t voluntary_switches = 0;     // gave up the CPU (blocked)
  std::uint64_t involuntary_switches = 0;   // was preempted
  // From schedstat (zero when the kernel lacks schedstats):
  std::chrono::nanoseconds run_time{0};   // time spent on a CPU
  std::chrono::nanoseconds wait_time{0};  // time runnable but waiting on a run queue: the real Ready time
  std::uint64_t timeslices = 0;           // times it was given a CPU

  std::chrono::nanoseconds cpu_time() const { return user_time + system_time; }
};

// Reads the process `pid` now; empty if there is no such process (or it
// vanished while being read).
std::optional<ProcessInfo> read_process_info(pid_t pid);

// "running", "sleeping", "disk sleep", "zombie", "stopped", ... for a state
// letter of /proc/PID/stat.
std::string_view describe_kernel_state(char state);

// The kernel's state seen through the simulator's model.
enum class ObservedState : std::uint8_t {
  Running,  // R and on a CPU
  Ready,    // R and waiting on a run queue
  Blocked,  // S, D (and I, W, P): waiting for an event
  Stopped,  // T or t: stopped by a signal or a debugger (alive, not runnable)
  Zombie,   // Z or X: terminated but not yet reaped by its parent
  Gone,     // no such process any more: reaped
};

// Maps one reading. A kernel R means "runnable": whether it was on a CPU or
// waiting is decided from the schedstat change since `previous` (the same
// process, read earlier): more run time than wait time gained means Running.
// Without `previous`, R counts as Running.
ObservedState observe(const std::optional<ProcessInfo>& now,
                      const std::optional<ProcessInfo>& previous = std::nullopt);

// The simulator's state for an observed one. Stopped has no textbook state
// and maps to Blocked (it cannot run until continued); Zombie and Gone map to
// Terminated.
sim::State to_sim_state(ObservedState state);
std::string_view name(ObservedState state);

}  // namespace real
