// How Linux's scheduler differs from the simulated policy: the text shown
// under a replay's comparison table (CLI, and the GUI's Real panel).
#include <sstream>

#include "real/replay.hpp"

namespace real {

std::string explainScheduling(const sim::PolicySpec& policy, double tick_ms) {
  std::ostringstream text;
  text << "Linux schedules the workers with CFS (EEVDF since kernel 6.6), not with '" << policy.name
       << "'. It is neither FCFS nor round robin: each CPU runs the runnable task that is most owed CPU "
          "time by its weighted virtual runtime (EEVDF: the eligible task with the earliest virtual deadline), "
          "in slices of a few milliseconds, so runnable workers share the CPUs fairly instead of in queue order. ";
  if (policy.name == "fcfs" || policy.name == "sjf") {
    text << "Under " << policy.name << " a process keeps its core until its burst ends; a worker does not: once more "
         << "workers are runnable than there are CPUs, they interleave, so waiting is spread over all of them "
            "and late arrivals get a CPU almost at once (small real response). ";
  } else if (policy.name == "rr") {
    text << "Round robin's quantum of " << policy.quantum << " ticks is " << static_cast<double>(policy.quantum) * tick_ms
         << " ms here; CFS's slices are not a fixed quantum but depend on how many tasks are runnable. ";
  } else if (policy.name == "srtf") {
    text << "SRTF knows each burst's remaining length; CFS does not, it only knows how much CPU each task "
            "has had, which favours short and interactive tasks only roughly. ";
  } else if (policy.name == "priority") {
    text << "The scenario's priorities are not applied to the workers (they all run at nice 0); CFS would "
            "turn nice values into weights, a larger share of CPU, not strict precedence. ";
  }
  text << "An IO burst is a real sleep (kernel state S: Blocked); the real waiting is the time a worker was "
          "runnable but queued for a CPU (schedstat's run-queue wait: the real Ready). Real figures also "
          "include timer and wakeup latency, fork overhead before the start, and the sampler and other "
          "programs sharing the same CPUs.";
  return text.str();
}

}  // namespace real
