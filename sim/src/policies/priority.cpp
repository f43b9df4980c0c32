// priority: the most urgent ready process (lowest number) runs first.
#include "../ranked_policy.hpp"
#include "sim/policy_registry.hpp"

namespace sim::detail {

PolicyInfo priorityPolicyInfo() {
  PolicyInfo info;
  info.name = "priority";
  info.description = "Priority: the ready process with the lowest priority number runs first";
  info.description_zh = "优先级调度：优先数最小的就绪进程先运行";
  info.parameters = {{"preemptive", ParamType::Boolean, 0, 1, 0,
                      "A more urgent process that becomes ready takes the core at once",
                      "更紧急的进程一就绪就立即抢占处理器", "抢占式"}};
  info.versus_linux = "The scenario's priorities are not applied to the real processes (they all run at nice 0); the kernel would turn nice values into weights, a larger share of CPU, not strict precedence.";
  info.versus_linux_zh = "场景中的优先级没有作用于真实进程（它们都以 nice 0 运行）；内核会把 nice 值变成权重，即更大的 CPU 份额，而不是严格的先后。";
  info.make = [](const PolicyArgs& args) {
    return std::make_unique<RankedPolicy>(RankedPolicy::Rank::Priority, args.flag("preemptive"));
  };
  return info;
}

}  // namespace sim::detail
