// procsim plus "lifo", a policy that only this test binary registers: the
// most recently ready process runs first, with an optional time slice.
#include <vector>

#include "commands.hpp"
#include "sim/policy_registry.hpp"

namespace {

class LifoPolicy final : public sim::Policy {
 public:
  explicit LifoPolicy(sim::Tick slice) : slice_(slice) {}
  std::unique_ptr<sim::Policy> clone() const override { return std::make_unique<LifoPolicy>(*this); }
  void enqueue(const sim::ProcessView& process) override { stack_.push_back(process.id); }
  sim::ProcessId pickNext(sim::CoreId, const sim::EngineState&) override {
    if (stack_.empty()) return sim::kNoProcess;
    const sim::ProcessId next = stack_.back();
    stack_.pop_back();
    return next;
  }
  sim::ProcessId peekNext(sim::CoreId, const sim::EngineState&) const override {
    return stack_.empty() ? sim::kNoProcess : stack_.back();
  }
  std::size_t readyCount() const override { return stack_.size(); }
  std::vector<sim::ProcessId> readyInOrder(const sim::EngineState&) const override {
    return {stack_.rbegin(), stack_.rend()};
  }
  sim::Tick timeSlice(sim::ProcessId, const sim::EngineState&) const override { return slice_; }

 private:
  sim::Tick slice_;
  std::vector<sim::ProcessId> stack_;
};

}  // namespace

int main(int argc, char** argv) {
  sim::PolicyInfo info;
  info.name = "lifo";
  info.description = "Last in, first out (a test policy)";
  info.description_zh = "后进先出（测试用策略）";
  info.parameters = {{"slice", sim::ParamType::Integer, 0, 100, 0, "Time slice in ticks; 0: none", "时间片；0 表示没有", "时间片"}};
  info.make = [](const sim::PolicyArgs& args) { return std::make_unique<LifoPolicy>(args.integer("slice")); };
  sim::registerPolicy(std::move(info));
  return cli::runProcsim(argc, argv);
}
