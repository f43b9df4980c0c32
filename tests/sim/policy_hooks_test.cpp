// The engine's hooks into a policy: what onDispatched, onSliceRenewed and
// onDescheduled are told, checked with a round-robin policy that records
// every call.
#include <deque>
#include <map>

#include <catch2/catch.hpp>

#include "random_scenarios.hpp"
#include "scenario_builder.hpp"
#include "sim/policy_registry.hpp"

namespace {

struct HookCall {
  enum Kind { Dispatched, Renewed, Descheduled } kind;
  sim::ProcessId process;
  sim::Tick value;  // Dispatched: the tick; otherwise the CPU ticks reported
  sim::Reason why = sim::Reason::Scheduled;
};

std::vector<HookCall>& calls() {
  static std::vector<HookCall> list;
  return list;
}

class ProbePolicy final : public sim::Policy {
 public:
  explicit ProbePolicy(sim::Tick quantum) : quantum_(quantum) {}
  std::unique_ptr<sim::Policy> clone() const override { return std::make_unique<ProbePolicy>(*this); }
  void enqueue(const sim::ProcessView& process) override { queue_.push_back(process.id); }
  sim::ProcessId pickNext(sim::CoreId, const sim::EngineState&) override {
    if (queue_.empty()) return sim::kNoProcess;
    const sim::ProcessId next = queue_.front();
    queue_.pop_front();
    return next;
  }
  sim::ProcessId peekNext(sim::CoreId, const sim::EngineState&) const override {
    return queue_.empty() ? sim::kNoProcess : queue_.front();
  }
  std::size_t readyCount() const override { return queue_.size(); }
  std::vector<sim::ProcessId> readyInOrder(const sim::EngineState&) const override { return {queue_.begin(), queue_.end()}; }
  sim::Tick timeSlice(sim::ProcessId, const sim::EngineState&) const override { return quantum_; }
  void onDescheduled(sim::ProcessId process, sim::Tick cpu_ticks, sim::Reason why) override {
    calls().push_back({HookCall::Descheduled, process, cpu_ticks, why});
  }
  void onSliceRenewed(sim::ProcessId process, sim::Tick cpu_ticks) override {
    calls().push_back({HookCall::Renewed, process, cpu_ticks});
  }
  void onDispatched(sim::ProcessId process, sim::CoreId, sim::Tick now) override {
    calls().push_back({HookCall::Dispatched, process, now});
  }

 private:
  sim::Tick quantum_;
  std::deque<sim::ProcessId> queue_;
};

void registerProbe() {
  static const bool registered = [] {
    sim::PolicyInfo info;
    info.name = "hook-probe";
    info.description = info.description_zh = info.versus_linux = info.versus_linux_zh = "test only";
    info.parameters = {{"quantum", sim::ParamType::Integer, 1, 100, 2, "slice", "slice", ""}};
    info.make = [](const sim::PolicyArgs& args) { return std::make_unique<ProbePolicy>(args.integer("quantum")); };
    sim::registerPolicy(std::move(info));
    return true;
  }();
  (void)registered;
}

std::vector<HookCall> runProbe(sim::Scenario s, sim::Tick quantum) {
  registerProbe();
  s.policy.name = "hook-probe";
  s.policy.params = {{"quantum", {quantum}}};
  calls().clear();
  sim::Engine engine(s, {.snapshots = false});
  engine.runToEnd();
  return calls();
}

}  // namespace

TEST_CASE("a slice renewed twice reports the ticks of each slice, not the ticks since dispatch", "[sim][hooks]") {
  const std::vector<HookCall> log = runProbe(test::makeScenario("fcfs", 1, {{"A", 0, "c7"}}), 2);
  REQUIRE(log.size() == 5);
  CHECK(log[0].kind == HookCall::Dispatched);
  for (std::size_t i = 1; i <= 3; ++i) {
    CHECK(log[i].kind == HookCall::Renewed);
    CHECK(log[i].value == 2);
  }
  CHECK(log[4].kind == HookCall::Descheduled);
  CHECK(log[4].value == 1);  // tick 6 only: the last renewal was at 6
  CHECK(log[4].why == sim::Reason::Finished);
}

TEST_CASE("a process preempted after a renewal reports the ticks since that renewal", "[sim][hooks]") {
  // A runs alone 0..4 (renewed at 2), B arrives at 3; A's slice ends at 4.
  const std::vector<HookCall> log = runProbe(test::makeScenario("fcfs", 1, {{"A", 0, "c6"}, {"B", 3, "c1"}}), 2);
  REQUIRE(log.size() >= 3);
  CHECK(log[1].kind == HookCall::Renewed);
  CHECK(log[1].value == 2);
  CHECK(log[2].kind == HookCall::Descheduled);
  CHECK(log[2].value == 2);
  CHECK(log[2].why == sim::Reason::QuantumExpired);
}

TEST_CASE("the CPU ticks reported to a policy add up to each process's CPU time", "[sim][hooks][property]") {
  for (std::uint64_t seed = 1; seed <= 500; ++seed) {
    const sim::Scenario s = test::randomScenario(seed);
    INFO("seed " << seed);
    std::map<sim::ProcessId, sim::Tick> reported;
    for (const HookCall& call : runProbe(s, 1 + static_cast<sim::Tick>(seed % 4))) {
      if (call.kind != HookCall::Dispatched) reported[call.process] += call.value;
    }
    for (std::size_t i = 0; i < s.processes.size(); ++i) {
      INFO(s.processes[i].name);
      CHECK(reported[static_cast<sim::ProcessId>(i)] == sim::totalCpu(s.processes[i]));
    }
  }
}
