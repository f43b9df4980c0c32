// A policy instance's per-process state is sized by the processes its queue
// holds at once, not by the largest process id (per-core queues keep one
// instance per core).
#include <catch2/catch.hpp>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "sim/engine.hpp"
#include "sim/engine_state.hpp"
#include "sim/generate.hpp"
#include "sim/policy_registry.hpp"

namespace {

// Counts, from the trace as it is recorded, the processes each queue holds:
// admitted to it, moved to it or dispatched from it, and not yet exited (a
// blocked process stays its queue's). A queue's policy gives a slot before
// or at the transition that moves a process in, and frees it before the
// transition that moves it out, so the count is never below the policy's.
class HeldCounter final : public sim::Observer {
 public:
  HeldCounter(const sim::Engine& engine, std::size_t queues)
      : engine_(engine), queue_of_(engine.scenario().processes.size(), sim::kNoCore), held_(queues), most_(queues) {}

  void onTransition(const sim::Transition& t) override {
    settleAdmitted();
    const auto p = static_cast<std::size_t>(t.process);
    if (t.kind == sim::TransitionKind::Exit) {
      moveTo(p, sim::kNoCore);
    } else if (t.kind == sim::TransitionKind::Admit) {
      admitted_.push_back(p);  // it joins its queue just after this transition
    } else {
      moveTo(p, queueOf(p));
    }
  }

  // After a step: the processes admitted last have joined their queues.
  void settleAdmitted() {
    for (const std::size_t p : admitted_) moveTo(p, queueOf(p));
    admitted_.clear();
  }

  std::size_t most(std::size_t queue) const { return most_[queue]; }

 private:
  sim::CoreId queueOf(std::size_t p) const {
    return engine_.runQueueCount() == 1 ? 0 : engine_.state().processes[p].queue;
  }
  void moveTo(std::size_t p, sim::CoreId queue) {
    if (queue_of_[p] != sim::kNoCore) --held_[static_cast<std::size_t>(queue_of_[p])];
    queue_of_[p] = queue;
    if (queue == sim::kNoCore) return;
    const auto q = static_cast<std::size_t>(queue);
    most_[q] = std::max(most_[q], ++held_[q]);
  }

  const sim::Engine& engine_;
  std::vector<sim::CoreId> queue_of_;  // by process
  std::vector<std::size_t> held_;      // by queue
  std::vector<std::size_t> most_;      // by queue: the most held at once
  std::vector<std::size_t> admitted_;
};

sim::Scenario workload(const std::string& spec, sim::RunQueues run_queues) {
  sim::GenerateOptions options;
  options.processes = 3000;
  options.cores = 16;
  options.seed = 7;
  options.arrival_span = 1500;
  sim::Scenario s = sim::generateScenario(options);
  std::string error;
  s.policy = *sim::parsePolicySpec(spec, s.policy, error);
  s.run_queues = run_queues;
  if (run_queues == sim::RunQueues::PerCore) {
    s.balance.steal = true;
    s.balance.interval = 7;
  }
  return s;
}

// Runs a per-core scenario to its end and checks each queue's slots against
// the most processes it held at once.
void checkSlotsWithinHeld(const sim::Scenario& scenario) {
  sim::Engine engine(scenario, sim::EngineOptions{});
  REQUIRE(engine.runQueueCount() == 16);
  HeldCounter held(engine, 16);
  engine.addObserver(&held);
  while (engine.stepEvent()) held.settleAdmitted();
  held.settleAdmitted();
  engine.removeObserver(&held);
  REQUIRE(engine.finished());

  std::size_t total = 0;
  for (std::size_t q = 0; q < 16; ++q) {
    CAPTURE(q);
    const std::size_t slots = engine.runQueue(q).processSlotCount();
    CHECK(slots >= 1);
    CHECK(slots <= held.most(q));
    total += slots;
  }
  // An array by process id in each queue would hold 16 x 3000 entries.
  CHECK(total <= 3000);
}

// Every process's last IO becomes asynchronous and outlasts its last CPU
// burst, so the process exits from Blocked (awaiting), never from a core.
sim::Scenario endingInAwait(sim::Scenario s) {
  for (sim::ProcessSpec& p : s.processes) {
    if (p.bursts.size() < 3) continue;
    sim::Burst& io = p.bursts[p.bursts.size() - 2];
    io.async = true;
    io.length = 40;
    p.bursts.back().length = 1;
  }
  return s;
}

}  // namespace

TEST_CASE("a per-core queue never holds state for more processes than it has held at once", "[sim][run-queues]") {
  const std::string spec = GENERATE("mlfq:boost=50", "stride:quantum=3", "cfs", "eevdf");
  CAPTURE(spec);
  checkSlotsWithinHeld(workload(spec, sim::RunQueues::PerCore));
}

TEST_CASE("a process that exits while awaiting its asynchronous IO frees its queue's slot", "[sim][run-queues]") {
  const std::string spec = GENERATE("mlfq:boost=50", "stride:quantum=3", "cfs", "eevdf");
  CAPTURE(spec);
  checkSlotsWithinHeld(endingInAwait(workload(spec, sim::RunQueues::PerCore)));
}

TEST_CASE("the global queue, which sees every process, indexes its state by process id", "[sim][run-queues]") {
  const std::string spec = GENERATE("mlfq:boost=50", "stride:quantum=3", "cfs", "eevdf");
  CAPTURE(spec);
  sim::Engine engine(workload(spec, sim::RunQueues::Global), sim::EngineOptions{});
  engine.runToEnd();
  CHECK(engine.policy().processSlotCount() == 3000);  // the largest id + 1, as every process entered it
}

TEST_CASE("a policy used outside an engine sizes its state by the processes it holds", "[sim][run-queues]") {
  const std::string spec = GENERATE("mlfq", "stride", "cfs", "eevdf");
  CAPTURE(spec);
  sim::PolicySpec policy;
  std::string error;
  const auto parsed = sim::parsePolicySpec(spec, policy, error);
  REQUIRE(parsed);
  const std::unique_ptr<sim::Policy> queue = sim::makePolicy(*parsed);
  const sim::EngineState state;
  for (const sim::ProcessId id : {900'000, 5}) {
    sim::ProcessView view;
    view.id = id;
    queue->enqueue(view);
  }
  CHECK(queue->processSlotCount() == 2);
  const sim::ProcessId first = queue->pickNext(0, state);
  queue->onDispatched(first, 0, 0);
  queue->onDescheduled(first, 1, sim::Reason::Finished);
  sim::ProcessView view;
  view.id = 77;
  queue->enqueue(view);  // takes the slot the exited process left
  CHECK(queue->processSlotCount() == 2);
  CHECK(queue->readyCount() == 2);
}

TEST_CASE("a policy without per-process state reports no slots", "[sim][run-queues]") {
  sim::Engine engine(workload("fcfs", sim::RunQueues::PerCore), sim::EngineOptions{});
  engine.runToEnd();
  CHECK(engine.runQueue(0).processSlotCount() == 0);
}
