// burst_worker.hpp: the body of one replay worker, run in the forked child:
// wait for the arrival, run the bursts, report what was measured through a
// pipe. Private to the replay (real/replay.hpp).
#pragma once

#include <sched.h>

#include <cstdint>
#include <string>
#include <vector>

namespace real::detail {

struct WorkerBurst {
  std::int64_t length_ns = 0;
  bool cpu = true;  // false: an IO burst (a blocking sleep)
};

// Everything a worker needs, prepared before fork so that the child does not
// allocate.
struct WorkerSpec {
  std::int32_t index = 0;
  std::int64_t start_ns = 0;    // the common start instant, CLOCK_MONOTONIC
  std::int64_t arrival_ns = 0;  // since start_ns
  std::vector<WorkerBurst> bursts;
  cpu_set_t cpus{};
  int report_fd = -1;           // write end of the report pipe
  char name[16] = {};           // the kernel's comm for the worker (ps shows it)
};

// One fixed-size record per worker, written with a single write() (smaller
// than PIPE_BUF, so records from several workers never interleave). Times
// are nanoseconds since the common start instant.
struct WorkerReport {
  std::int32_t index = -1;
  std::int32_t error = 0;        // errno of a failed step; 0 when all went well
  std::int64_t first_run_ns = 0; // first instant running after the arrival sleep
  std::int64_t end_ns = 0;       // after the last burst
  std::int64_t cpu_ns = 0;       // CPU time used from just before arrival to the end
  std::int64_t wait_ns = 0;      // schedstat run-queue wait over the same span
  std::int64_t timeslices = 0;   // schedstat timeslices over the same span
};

std::int64_t monotonicNs();

// Runs in the child; returns its exit status (0, or 1 after reporting an
// error).
int runBurstWorker(const WorkerSpec& spec);

// A spec as command-line words, for a worker started as a command:
// INDEX START_NS ARRIVAL_NS CPUS NAME BURST... where CPUS is "0,2,3" and
// each BURST is "c" (CPU) or "i" (IO) and its length in nanoseconds. The
// report fd is not among them: such a worker reports on standard output.
std::vector<std::string> workerArguments(const WorkerSpec& spec);
// The reverse; false with `error` naming the word that is wrong.
bool parseWorkerArguments(const std::vector<std::string>& words, WorkerSpec& spec, std::string& error);

}  // namespace real::detail
