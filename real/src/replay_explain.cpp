// How Linux's scheduler differs from the simulated policy: the text shown
// under a replay's comparison table (CLI, and the GUI's Real panel).
#include <sstream>

#include "real/replay.hpp"
#include "sim/policy_registry.hpp"

namespace real {

std::string explainScheduling(const sim::PolicySpec& policy, double tick_ms, bool chinese) {
  std::ostringstream text;
  const sim::PolicyInfo* info = sim::findPolicy(policy.name);
  if (chinese) {
    text << "Linux 用 CFS（6.6 版内核起为 EEVDF）调度这些进程，而不是 '" << policy.name
         << "'：每个 CPU 运行按加权虚拟运行时间最应得到 CPU 的任务（EEVDF：可运行任务中虚拟截止时间最早的），"
            "时间片只有几毫秒，因此可运行的进程公平地分享 CPU，而不是按队列顺序。";
  } else {
    text << "Linux schedules the workers with CFS (EEVDF since kernel 6.6), not with '" << policy.name
         << "'. It is neither FCFS nor round robin: each CPU runs the runnable task that is most owed CPU "
            "time by its weighted virtual runtime (EEVDF: the eligible task with the earliest virtual deadline), "
            "in slices of a few milliseconds, so runnable workers share the CPUs fairly instead of in queue order. ";
  }
  if (info != nullptr) text << (chinese ? info->versus_linux_zh : info->versus_linux) << (chinese ? "" : " ");
  for (const auto& [name, values] : sim::resolvedParams(policy)) {
    if (name != "quantum" || values.size() != 1) continue;
    const double ms = static_cast<double>(values.front()) * tick_ms;
    if (chinese) {
      text << "这里 " << values.front() << " tick 的时间片是 " << ms << " 毫秒。";
    } else {
      text << "Its quantum of " << values.front() << " ticks is " << ms << " ms here. ";
    }
  }
  if (chinese) {
    text << "IO 段是真实的睡眠（内核状态 S：阻塞）；真实的等待是进程可运行却在排队等 CPU 的时间"
            "（schedstat 的运行队列等待：真实的就绪）。真实数值还包括定时器和唤醒延迟、启动前 fork 的开销，"
            "以及采样器和共用这些 CPU 的其他程序。";
  } else {
    text << "An IO burst is a real sleep (kernel state S: Blocked); the real waiting is the time a worker was "
            "runnable but queued for a CPU (schedstat's run-queue wait: the real Ready). Real figures also "
            "include timer and wakeup latency, fork overhead before the start, and the sampler and other "
            "programs sharing the same CPUs.";
  }
  return text.str();
}

}  // namespace real
