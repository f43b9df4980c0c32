// rr: round robin. fcfs with a time slice; an expired slice goes to the back.
#include "../fifo_policy.hpp"
#include "sim/policy_registry.hpp"

namespace sim::detail {

PolicyInfo rrPolicyInfo() {
  PolicyInfo info;
  info.name = "rr";
  info.description = "Round robin: fcfs with a time slice; a process whose slice ends goes to the back of the queue";
  info.description_zh = "时间片轮转：先来先服务加时间片；时间片用完的进程排到队尾";
  info.parameters = {{"quantum", ParamType::Integer, 1, kMaxQuantum, 4, "Time slice in ticks",
                      "时间片长度（tick）", "时间片"}};
  info.versus_linux = "Round robin gives every process the same fixed quantum; the kernel's slices are not fixed but shrink as more tasks are runnable.";
  info.versus_linux_zh = "轮转调度给每个进程相同的固定时间片；内核的时间片不固定，可运行任务越多，时间片越短。";
  info.make = [](const PolicyArgs& args) { return std::make_unique<FifoPolicy>(args.integer("quantum")); };
  return info;
}

}  // namespace sim::detail
