#include <catch2/catch.hpp>

#include "model/presets.hpp"
#include "model/session.hpp"
#include "model/timeline_model.hpp"
#include "sim/engine.hpp"
#include "sim/generate.hpp"

namespace {

sim::Scenario twoProcessesOneCore(sim::Tick context_switch) {
  sim::Scenario scenario;
  scenario.cores = 1;
  scenario.context_switch = context_switch;
  sim::ProcessSpec a{"A", 0, 0, {{3, 0, sim::BurstKind::Cpu}, {2, 0, sim::BurstKind::Io}, {1, 0, sim::BurstKind::Cpu}}};
  sim::ProcessSpec b{"B", 0, 0, {{2, 0, sim::BurstKind::Cpu}}};
  scenario.processes = {a, b};
  return scenario;
}

gui::TimelineModel modelOf(const sim::Scenario& scenario) {
  sim::Engine engine(scenario);
  engine.runToEnd();
  return gui::buildTimeline(scenario, engine.trace(), engine.now());
}

}  // namespace

TEST_CASE("timeline intervals of a process add up to its time in each state", "[gui][timeline]") {
  const sim::Scenario scenario = sim::generateScenario({});
  sim::Engine engine(scenario);
  engine.runToEnd();
  const gui::TimelineModel model = gui::buildTimeline(scenario, engine.trace(), engine.now());
  for (std::size_t p = 0; p < scenario.processes.size(); ++p) {
    sim::Tick running = 0, ready = 0, blocked = 0;
    for (const gui::Segment& s : model.processes[p]) {
      if (s.kind == gui::SegmentKind::Running || s.kind == gui::SegmentKind::Switching) running += s.end - s.start;
      if (s.kind == gui::SegmentKind::Ready) ready += s.end - s.start;
      if (s.kind == gui::SegmentKind::Blocked) blocked += s.end - s.start;
    }
    const sim::ProcessRuntime& runtime = engine.state().processes[p];
    CHECK(running == runtime.cpu + runtime.overhead);
    CHECK(ready == runtime.waiting);
    CHECK(blocked == runtime.blocked);
  }
}

TEST_CASE("timeline rows are sorted and never overlap", "[gui][timeline]") {
  sim::GenerateOptions options;
  options.processes = 40;
  options.cores = 3;
  options.seed = 7;
  const gui::TimelineModel model = modelOf(sim::generateScenario(options));
  auto check = [](const gui::SegmentRow& row) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      REQUIRE(row[i].end > row[i].start);
      if (i > 0) REQUIRE(row[i].start >= row[i - 1].end);
    }
  };
  for (const auto& row : model.cores) check(row);
  for (const auto& row : model.processes) check(row);
}

TEST_CASE("a dispatch after another process shows the switch cost on the core row", "[gui][timeline]") {
  const gui::TimelineModel model = modelOf(twoProcessesOneCore(1));
  const gui::SegmentRow& core = model.cores[0];
  REQUIRE(core.size() >= 3);
  CHECK(core[0].kind == gui::SegmentKind::Running);  // A runs first: the core ran nobody before
  CHECK(core[0].process == 0);
  CHECK(core[1].kind == gui::SegmentKind::Switching);
  CHECK(core[1].process == 1);
  CHECK(core[1].end - core[1].start == 1);
}

TEST_CASE("without multiprogramming a blocked process's core shows as held", "[gui][timeline]") {
  sim::Scenario scenario = twoProcessesOneCore(0);
  scenario.policy.multiprogramming = false;
  const gui::TimelineModel model = modelOf(scenario);
  bool held = false;
  for (const gui::Segment& s : model.cores[0]) held |= s.kind == gui::SegmentKind::Held && s.process == 0;
  CHECK(held);
}

TEST_CASE("folding keeps marks within the pixel budget and covers every segment once", "[gui][timeline]") {
  gui::SegmentRow row;
  for (sim::Tick t = 0; t < 100000; ++t) row.push_back({2 * t, 2 * t + 1, 0, gui::SegmentKind::Running});
  std::vector<gui::RowMark> marks;
  const double width_pixels = 1000.0;
  gui::visibleMarks(row, 0.0, 200000.0, 200000.0 / width_pixels, 3.0, marks);
  CHECK(marks.size() <= static_cast<std::size_t>(width_pixels / 3.0) + 2);
  std::size_t covered = 0;
  for (std::size_t i = 0; i < marks.size(); ++i) {
    if (i > 0) CHECK(marks[i].first == marks[i - 1].first + marks[i - 1].count);
    covered += marks[i].count;
  }
  CHECK(covered == row.size());
}

TEST_CASE("zoomed in, every visible segment is its own mark", "[gui][timeline]") {
  gui::SegmentRow row;
  for (sim::Tick t = 0; t < 1000; ++t) row.push_back({10 * t, 10 * t + 5, 0, gui::SegmentKind::Running});
  std::vector<gui::RowMark> marks;
  gui::visibleMarks(row, 100.0, 200.0, 0.1, 3.0, marks);
  REQUIRE(marks.size() == 10);
  for (const gui::RowMark& mark : marks) CHECK(mark.count == 1);
  CHECK(marks.front().start == 100);
}

TEST_CASE("the timeline links core 0 to core 1 where the idle core 1 steals C from core 0's queue", "[gui][timeline][migrations]") {
  gui::Session session;
  REQUIRE(session.loadFile(gui::presetsDir() + "/per-core-steal.json"));
  // C (process 2) joined core 0's queue at its arrival; core 1 takes it at tick 4 and runs it at once.
  CHECK(session.timeline().migrations == std::vector<gui::Migration>{{2, 0, 1, 4, 4, sim::Reason::Stolen}});
  REQUIRE(session.loadFile(gui::presetsDir() + "/per-core-imbalance.json"));
  CHECK(session.timeline().migrations.empty());  // without stealing nobody changes core
}

TEST_CASE("the timeline links a process's last run on one core to its next run on another", "[gui][timeline][migrations]") {
  // Two cores, one shared queue: A runs on core 0 and blocks at 2; C takes
  // core 0; B exits from core 1 at 3, so A, awake at 4, runs on core 1.
  sim::Scenario scenario;
  scenario.cores = 2;
  scenario.processes = {
      {"A", 0, 0, {{2, 0, sim::BurstKind::Cpu}, {2, 0, sim::BurstKind::Io}, {1, 0, sim::BurstKind::Cpu}}},
      {"B", 0, 0, {{3, 0, sim::BurstKind::Cpu}}},
      {"C", 2, 0, {{10, 0, sim::BurstKind::Cpu}}},
  };
  const gui::TimelineModel model = modelOf(scenario);
  CHECK(model.migrations == std::vector<gui::Migration>{{0, 0, 1, 2, 4, sim::Reason::Scheduled}});
}
