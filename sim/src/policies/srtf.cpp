// srtf: shortest remaining time first, the preemptive sjf.
#include "../ranked_policy.hpp"
#include "sim/policy_registry.hpp"

namespace sim::detail {

PolicyInfo srtfPolicyInfo() {
  PolicyInfo info;
  info.name = "srtf";
  info.description = "Shortest remaining time first: preemptive sjf; a process with less CPU left takes the core";
  info.description_zh = "最短剩余时间优先：抢占式短作业优先；剩余 CPU 时间更短的进程抢占处理器";
  info.versus_linux = "srtf knows each burst's remaining length; the kernel does not: it only knows how much CPU each task has had, which favours short and interactive tasks only roughly.";
  info.versus_linux_zh = "srtf 知道每一段剩余的长度；内核不知道，只知道每个任务已用了多少 CPU，只能粗略地照顾短任务和交互任务。";
  info.make = [](const PolicyArgs&) {
    return std::make_unique<RankedPolicy>(RankedPolicy::Rank::BurstRemaining, true);
  };
  return info;
}

}  // namespace sim::detail
