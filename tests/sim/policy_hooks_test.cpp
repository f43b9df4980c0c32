// What the engine tells a policy through its hooks (sim/policy.hpp).
#include <deque>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "scenario_builder.hpp"
#include "sim/policy_registry.hpp"

namespace {

// Round robin that writes down every onSliceRenewed and onDescheduled call.
std::vector<std::string> calls;

class RecordingPolicy final : public sim::Policy {
 public:
  explicit RecordingPolicy(sim::Tick quantum) : quantum_(quantum) {}
  std::unique_ptr<sim::Policy> clone() const override { return std::make_unique<RecordingPolicy>(*this); }
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
  void onSliceRenewed(sim::ProcessId process, sim::Tick cpu_ticks) override {
    calls.push_back("renew " + std::to_string(process) + " " + std::to_string(cpu_ticks));
  }
  void onDescheduled(sim::ProcessId process, sim::Tick cpu_ticks, sim::Reason why) override {
    calls.push_back(std::string(sim::name(why)) + " " + std::to_string(process) + " " + std::to_string(cpu_ticks));
  }

 private:
  sim::Tick quantum_;
  std::deque<sim::ProcessId> queue_;
};

sim::Scenario recorded(const std::vector<test::P>& processes, sim::Tick context_switch = 0) {
  if (!sim::isKnownPolicy("test-recorder")) {
    sim::PolicyInfo info;
    info.name = "test-recorder";
    info.description = "Test only: round robin that records its hooks";
    info.description_zh = "仅用于测试：记录钩子调用的轮转调度";
    info.versus_linux = "Test only.";
    info.versus_linux_zh = "仅用于测试。";
    info.parameters = {{"quantum", sim::ParamType::Integer, 1, 100, 3, "Time slice in ticks", "时间片长度（tick）", "时间片"}};
    info.make = [](const sim::PolicyArgs& args) { return std::make_unique<RecordingPolicy>(args.integer("quantum")); };
    sim::registerPolicy(std::move(info));
  }
  sim::Scenario s = test::makeScenario("test-recorder", 1, processes);
  s.context_switch = context_switch;
  calls.clear();
  return s;
}

}  // namespace

TEST_CASE("a policy is told the CPU ticks of each renewed slice, and since the last renewal when the process leaves",
          "[sim][policy]") {
  // Quantum 3: A alone runs 0-7 and blocks at 8: its slice is renewed at 3
  // and at 6, 3 ticks each, and it ran 2 more before blocking (B, arriving
  // at 7, keeps it from a third renewal but not from blocking first).
  sim::Engine engine(recorded({{"A", 0, "c8 i1 c1"}, {"B", 7, "c4"}}));
  engine.runToEnd();
  const std::vector<std::string> expected = {"renew 0 3", "renew 0 3", "IO start 0 2"};
  REQUIRE(calls.size() >= 3);
  INFO(calls[0] << "; " << calls[1] << "; " << calls[2]);
  CHECK(std::vector<std::string>(calls.begin(), calls.begin() + 3) == expected);
}

TEST_CASE("the ticks a policy is told leave out the context switch", "[sim][policy]") {
  // Switch cost 2: A blocks at 3 and B's dispatch then starts its work at 5;
  // its slice of 3 ends at 8 with A (back at 4) waiting: 3 ticks ran, not 5.
  sim::Engine engine(recorded({{"A", 0, "c3 i1 c5"}, {"B", 0, "c9"}}, 2));
  engine.runToEnd();
  REQUIRE(calls.size() >= 2);
  CHECK(calls[0] == "IO start 0 3");
  CHECK(calls[1] == "quantum expired 1 3");
}
