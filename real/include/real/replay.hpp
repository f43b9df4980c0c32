// real/replay.hpp: "simulate, then run it for real". A scenario's processes
// are run as real worker processes on this machine and measured, next to
// what sim::Engine says about the same scenario (docs/real.md).
//
// Each simulated process becomes one worker process: a forked child running
// a callable (real::Process), or, when ReplayOptions::worker_command is set,
// that command (`procsim real child replay-worker ...`), which a threaded
// caller such as procsim-gui must use (real/process.hpp, the rule). Each is
// confined with sched_setaffinity to as many CPUs as the scenario
// has cores (capped by the CPUs this process may use). A worker sleeps until
// its arrival (all arrivals count from one CLOCK_MONOTONIC instant fixed
// before the first fork), then runs its bursts: a CPU burst spins until the
// worker has used burst * tick of CPU time (not wall time); an IO burst is a
// blocking sleep of burst * tick (kernel state S). The workers' states are
// sampled with real::Sampler while they run.
//
// Guarantees: every worker started is reaped before replay() returns or
// throws (on an error or a cancel the remaining ones are killed first); the
// pipe the workers report through is closed; no signal handler is installed;
// a worker dies with the thread that called replay() (PR_SET_PDEATHSIG with
// SIGKILL, checked against the parent's pid right after fork), so a parent
// killed by SIGKILL leaves no worker running.
#pragma once

#include <chrono>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "real/sampler.hpp"
#include "sim/scenario.hpp"
#include "sim/trace.hpp"
#include "sim/types.hpp"

namespace real {

// Limits that refuse absurd replays before anything is started.
inline constexpr int kReplayMaxProcesses = 256;
inline constexpr double kReplayMinTickMs = 1;
inline constexpr double kReplayMaxTickMs = 1000;
inline constexpr double kReplayMaxSeconds = 600;  // estimated length; `force` lifts it

struct ReplayOptions {
  double tick_ms = 10;   // wall length of one simulated tick, in [1, 1000]
  bool force = false;    // run even if the estimate exceeds kReplayMaxSeconds
  // Polled about once per sample; returning true kills the workers, reaps
  // them, and makes replay() throw ReplayInterrupted.
  std::function<bool()> should_stop;
  // If >= 0, a descriptor (e.g. a signalfd) polled while replay() waits
  // between samples: when it becomes readable, should_stop is asked at once
  // instead of at the next sample. replay() never reads it.
  int wake_fd = -1;
  // Called once every worker has started, before the first sample, with
  // their pids in the scenario's order (e.g. to tell the user, who may
  // watch them, or a test, which then needs no polling to find them).
  std::function<void(const std::vector<pid_t>&)> on_started;
  // Empty: each worker is forked and runs its bursts in the child (for a
  // single-threaded caller). Otherwise each worker is this command with the
  // worker's arguments appended (real/src/burst_worker.hpp), for example
  // {"/usr/bin/procsim", "real", "child", "replay-worker"}; it must end in
  // runReplayWorker. Either way the worker dies with the calling thread.
  std::vector<std::string> worker_command;
};

// What a replay would do, decided before anything starts.
struct ReplayPlan {
  int processes = 0;
  int cores_requested = 0;      // the scenario's cores
  int cpus = 0;                 // CPUs the workers get: min(cores, CPUs allowed)
  std::vector<int> cpu_ids;     // which ones (from sched_getaffinity), ascending
  bool capped = false;          // cpus < cores_requested
  std::string capped_note;      // a sentence saying so; empty when not capped
  double estimated_seconds = 0; // simulated makespan on `cpus` cores * tick
  std::chrono::nanoseconds sample_period{0};  // sampler period: >= the tick, longer for big runs
};

// One process, simulated and real, every value in ticks. Real values are
// measured in nanoseconds and divided by the tick length.
struct ReplayComparison {
  std::string name;
  sim::Tick arrival = 0;
  sim::Tick sim_turnaround = 0;
  double real_turnaround = 0;  // the worker's end - its arrival (wall clock)
  sim::Tick sim_waiting = 0;
  double real_waiting = 0;     // run-queue wait from /proc/self/schedstat since just before arrival
  sim::Tick sim_response = 0;
  double real_response = 0;    // arrival -> the worker first runs after its arrival sleep
  sim::Tick sim_cpu = 0;
  double real_cpu = 0;         // CPU time the worker used from its arrival to its end
  sim::Tick burst_total = 0;   // CPU + IO ticks of its bursts: a lower bound of turnaround
  long long timeslices = 0;    // times the kernel gave it a CPU (schedstat)
};

struct ReplayResult {
  std::string scenario_name;
  std::string policy;           // the scenario's policy name
  sim::PolicySpec policy_spec;  // the scenario's policy, with its parameters
  double tick_ms = 0;
  ReplayPlan plan;              // cpus, capped, capped_note, ...
  double wall_seconds = 0;      // from the common start instant to the last worker's end
  std::vector<ReplayComparison> processes;  // scenario order
  std::vector<std::string> notes;           // anything that skews the figures (e.g. a late start)
  // The workers' sampled states, raw: trace process i is scenario process i,
  // one reading per sample, about plan.sample_period apart. Before its
  // arrival a worker sleeps, so it reads as Blocked there.
  SampledTrace trace;
  // When each sample was taken, in ticks since the common start instant
  // (negative before it).
  std::vector<double> sample_ticks;
  // The same states as a simulator trace in scenario ticks, for drawing the
  // real run under the simulated one: a process appears (Admit) at its first
  // sample at or after its arrival; each later change of state is the
  // shortest chain of textbook transitions at its sample's tick.
  sim::Trace timeline;
};

// Bad input: too many processes, a tick out of range, a run too long.
class ReplayRefused : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};
// options.should_stop returned true; the workers were killed and reaped.
class ReplayInterrupted : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Checks the scenario (sim::validateScenario) and the limits, and decides
// cpus and the estimate. Throws sim::ScenarioError or ReplayRefused.
ReplayPlan planReplay(const sim::Scenario& scenario, const ReplayOptions& options);

// Runs the scenario for real and compares. Blocks for about
// plan.estimated_seconds. Throws what planReplay throws, ReplayInterrupted,
// or std::runtime_error / std::system_error when a worker cannot be started
// or fails.
ReplayResult replay(const sim::Scenario& scenario, const ReplayOptions& options = {});

// The body of a worker started as ReplayOptions::worker_command: `words`
// are the arguments replay() appended; the measurements go to standard
// output as one binary record. Returns the exit status: 0, 1 after a
// failure it reported, 2 (with `error` set) for words it cannot read.
int runReplayWorker(const std::vector<std::string>& words, std::string& error);

// A few sentences on how Linux's scheduler (CFS) differs from the
// scenario's policy, for the table's reader, in English or (`chinese`)
// 简体中文. The policy's own sentence comes from its registry entry.
std::string explainScheduling(const sim::PolicySpec& policy, double tick_ms, bool chinese = false);

}  // namespace real
