// fcfs: first come, first served. One FIFO ready queue, no time slice.
#include "../fifo_policy.hpp"
#include "sim/policy_registry.hpp"

namespace sim::detail {

PolicyInfo fcfsPolicyInfo() {
  PolicyInfo info;
  info.name = "fcfs";
  info.description = "First come, first served: the process that became ready first runs until it blocks or exits";
  info.description_zh = "先来先服务：最早就绪的进程一直运行，直到阻塞或结束";
  info.versus_linux = "Under fcfs a process keeps its core until its burst ends; a Linux task does not: once more tasks are runnable than there are CPUs they interleave, so waiting spreads over all of them and late arrivals get a CPU almost at once.";
  info.versus_linux_zh = "在 fcfs 下进程一直占用核心直到这一段结束；Linux 的任务不会：可运行任务多于 CPU 时它们交替运行，等待分摊到所有任务上，晚到的任务几乎立即得到 CPU。";
  info.make = [](const PolicyArgs&) { return std::make_unique<FifoPolicy>(0); };
  return info;
}

}  // namespace sim::detail
