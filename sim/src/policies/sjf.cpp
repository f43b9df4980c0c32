// sjf: shortest job first, non-preemptive, by the length of the next CPU burst.
#include "../ranked_policy.hpp"
#include "sim/policy_registry.hpp"

namespace sim::detail {

PolicyInfo sjfPolicyInfo() {
  PolicyInfo info;
  info.name = "sjf";
  info.description = "Shortest job first: the ready process with the shortest next CPU burst runs, to the end of that burst";
  info.description_zh = "短作业优先：下一段 CPU 执行最短的就绪进程先运行，直到这一段结束";
  info.versus_linux = "sjf knows every burst in advance; the kernel cannot: it only knows how much CPU each task has had, which favours short tasks only roughly.";
  info.versus_linux_zh = "sjf 事先知道每一段的长度；内核无法知道，只知道每个任务已用了多少 CPU，只能粗略地照顾短任务。";
  info.make = [](const PolicyArgs&) {
    return std::make_unique<RankedPolicy>(RankedPolicy::Rank::BurstRemaining, false);
  };
  return info;
}

}  // namespace sim::detail
