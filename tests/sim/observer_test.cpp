#include <catch2/catch.hpp>

#include "random_scenarios.hpp"
#include "scenario_builder.hpp"

namespace {
// Keeps its own copy of the trace from what it is told.
class Recorder final : public sim::Observer {
 public:
  void onTransition(const sim::Transition& transition) override { seen.push_back(transition); }
  void onRewind(std::size_t kept) override {
    ++rewinds;
    seen.resize(kept);
  }
  sim::Trace seen;
  int rewinds = 0;
};
}  // namespace

TEST_CASE("an observer receives every transition, and after a rewind the replay", "[sim][observer]") {
  const sim::Scenario s = test::randomScenario(7);
  sim::Engine engine(s, {.snapshot_every = 3});
  Recorder recorder;
  engine.addObserver(&recorder);
  engine.runToEnd();
  CHECK(recorder.seen == engine.trace());
  const sim::Tick end = engine.now();
  engine.rewindTo(end / 2);
  CHECK(recorder.rewinds == 1);
  CHECK(recorder.seen == engine.trace());
  engine.runToEnd();
  CHECK(recorder.seen == engine.trace());
  engine.removeObserver(&recorder);
  engine.rewindTo(0);
  CHECK(recorder.rewinds == 1);
}

TEST_CASE("a metrics-only engine keeps no trace but the same counts", "[sim][engine]") {
  const sim::Scenario s = test::randomScenario(11);
  sim::Engine full(s);
  sim::Engine lean(s, {.record_trace = false, .snapshots = false});
  full.runToEnd();
  lean.runToEnd();
  CHECK(lean.trace().empty());
  CHECK(lean.state().transitions == static_cast<std::int64_t>(full.trace().size()));
  CHECK(sim::computeMetrics(lean).avg_waiting == sim::computeMetrics(full).avg_waiting);
}

TEST_CASE("snapshots stay bounded on a long run", "[sim][rewind]") {
  std::vector<test::P> processes;
  for (int i = 0; i < 200; ++i) processes.push_back({std::string("P").append(std::to_string(i)), i, "c7 i3 c5 i2 c4"});
  sim::Engine engine(test::makeScenario("rr", 2, processes, 1), {.max_snapshots = 16, .snapshot_every = 8});
  engine.runToEnd();
  CHECK(engine.trace().size() > 2000);
  CHECK(engine.snapshotCount() <= 16);
  CHECK(engine.snapshotCount() >= 8);
  const sim::Trace full = engine.trace();
  engine.rewindTo(engine.now() / 3);
  engine.runToEnd();
  CHECK(engine.trace() == full);
}

TEST_CASE("the ready queue is listed in dispatch order", "[sim][engine]") {
  sim::Engine engine(test::makeScenario("sjf", 1, {{"long", 0, "c9"}, {"mid", 0, "c5"}, {"short", 0, "c2"}, {"tiny", 1, "c1"}}));
  engine.runTo(1);
  CHECK(engine.state().cores[0].running == 2);
  CHECK(engine.readyQueue() == std::vector<sim::ProcessId>{3, 1, 0});
}
