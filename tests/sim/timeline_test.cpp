// The Gantt intervals derived from a trace: hand-computed runs, and the
// invariants that tie them to the metrics over seeded random scenarios.
#include <catch2/catch.hpp>

#include <cstdint>
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <vector>

#include "random_scenarios.hpp"
#include "sim/engine.hpp"
#include "sim/metrics.hpp"
#include "scenario_builder.hpp"
#include "sim/timeline.hpp"

namespace {

using sim::CoreActivity;
using sim::CoreInterval;
using sim::ProcessInterval;
using sim::State;

constexpr sim::ProcessId A = 0;
constexpr sim::ProcessId B = 1;
constexpr sim::ProcessId C = 2;

using test::process;

sim::Scenario scenario(std::string policy, int cores, std::vector<sim::ProcessSpec> processes, sim::Tick quantum = 0,
                       sim::Tick context_switch = 0) {
  sim::Scenario s;
  s.name = "timeline test";
  s.cores = cores;
  s.policy.name = std::move(policy);
  if (quantum > 0) s.policy.params["quantum"] = {quantum};
  s.context_switch = context_switch;
  s.processes = std::move(processes);
  return s;
}

sim::Trace traceOf(const sim::Scenario& s) {
  sim::Engine engine(s);
  engine.runToEnd();
  return engine.trace();
}

std::vector<CoreInterval> coreTrack(const sim::Timeline& timeline, sim::CoreId core) {
  const auto track = timeline.core(core);
  return {track.begin(), track.end()};
}

std::vector<ProcessInterval> processTrack(const sim::Timeline& timeline, sim::ProcessId process) {
  const auto track = timeline.process(process);
  return {track.begin(), track.end()};
}

CoreInterval running(sim::Tick start, sim::Tick end, sim::ProcessId process) {
  return {start, end, process, CoreActivity::Running};
}
CoreInterval switching(sim::Tick start, sim::Tick end, sim::ProcessId process) {
  return {start, end, process, CoreActivity::Switching};
}
ProcessInterval ready(sim::Tick start, sim::Tick end) { return {start, end, sim::kNoCore, State::Ready}; }
ProcessInterval blocked(sim::Tick start, sim::Tick end) { return {start, end, sim::kNoCore, State::Blocked}; }
ProcessInterval runningOn(sim::CoreId core, sim::Tick start, sim::Tick end) { return {start, end, core, State::Running}; }

sim::Tick total(std::span<const ProcessInterval> track, State state) {
  sim::Tick sum = 0;
  for (const auto& interval : track) sum += interval.state == state ? interval.end - interval.start : 0;
  return sum;
}

}  // namespace

namespace Catch {
template <>
struct StringMaker<CoreInterval> {
  static std::string convert(const CoreInterval& i) {
    return std::string(sim::name(i.activity)) + " P" + std::to_string(i.process) + " [" + std::to_string(i.start) +
           ", " + std::to_string(i.end) + ")";
  }
};
template <>
struct StringMaker<ProcessInterval> {
  static std::string convert(const ProcessInterval& i) {
    return std::string(sim::name(i.state)) + " core " + std::to_string(i.core) + " [" + std::to_string(i.start) +
           ", " + std::to_string(i.end) + ")";
  }
};
}  // namespace Catch

TEST_CASE("FCFS 24/3/3 on one core gives the textbook Gantt chart", "[sim][timeline]") {
  const auto s = scenario("fcfs", 1, {process("P1", 0, {24}), process("P2", 0, {3}), process("P3", 0, {3})});
  const sim::Timeline timeline = sim::buildTimeline(s, traceOf(s));

  CHECK(timeline.end == 30);
  REQUIRE(timeline.coreCount() == 1);
  REQUIRE(timeline.processCount() == 3);
  CHECK(coreTrack(timeline, 0) == std::vector<CoreInterval>{running(0, 24, A), running(24, 27, B), running(27, 30, C)});
  CHECK(processTrack(timeline, A) == std::vector<ProcessInterval>{runningOn(0, 0, 24)});
  CHECK(processTrack(timeline, B) == std::vector<ProcessInterval>{ready(0, 24), runningOn(0, 24, 27)});
  CHECK(processTrack(timeline, C) == std::vector<ProcessInterval>{ready(0, 27), runningOn(0, 27, 30)});
}

TEST_CASE("a context switch is its own core interval, paid only between different processes", "[sim][timeline]") {
  const auto s = scenario("fcfs", 1, {process("P1", 0, {24}), process("P2", 0, {3}), process("P3", 0, {3})}, 0, 1);
  const sim::Timeline timeline = sim::buildTimeline(s, traceOf(s));

  CHECK(timeline.end == 32);
  CHECK(coreTrack(timeline, 0) == std::vector<CoreInterval>{running(0, 24, A), switching(24, 25, B),
                                                            running(25, 28, B), switching(28, 29, C),
                                                            running(29, 32, C)});
  // The process track counts the switch-in as part of Running, as the metrics do.
  CHECK(processTrack(timeline, B) == std::vector<ProcessInterval>{ready(0, 24), runningOn(0, 24, 28)});
  CHECK(processTrack(timeline, C) == std::vector<ProcessInterval>{ready(0, 28), runningOn(0, 28, 32)});
}

TEST_CASE("round robin with quantum 2 and a switch cost of 1 alternates on one core", "[sim][timeline]") {
  const auto s = scenario("rr", 1, {process("P1", 0, {3}), process("P2", 0, {2})}, 2, 1);
  const sim::Timeline timeline = sim::buildTimeline(s, traceOf(s));

  CHECK(coreTrack(timeline, 0) == std::vector<CoreInterval>{running(0, 2, A), switching(2, 3, B), running(3, 5, B),
                                                            switching(5, 6, A), running(6, 7, A)});
  CHECK(processTrack(timeline, A) ==
        std::vector<ProcessInterval>{runningOn(0, 0, 2), ready(2, 5), runningOn(0, 5, 7)});
  CHECK(processTrack(timeline, B) == std::vector<ProcessInterval>{ready(0, 2), runningOn(0, 2, 5)});
}

TEST_CASE("two cores under round robin with IO and a switch cost of 1 give hand-computed tracks", "[sim][timeline]") {
  // t=0: A on core 0, B on core 1. t=1: C arrives. t=2: B exits; C takes
  // core 1 after a 1-tick switch; A's slice ends with nobody waiting, so it
  // keeps core 0. t=3: A starts 2 ticks of IO. t=5: A wakes and returns to
  // core 0 without a switch (it ran there last); C's slice ends with nobody
  // waiting. t=6: both exit.
  const auto s =
      scenario("rr", 2, {process("A", 0, {3, 2, 1}), process("B", 0, {2}), process("C", 1, {3})}, 2, 1);
  const sim::Trace trace = traceOf(s);
  const sim::Timeline timeline = sim::buildTimeline(s, trace);

  CHECK(timeline.end == 6);
  CHECK(coreTrack(timeline, 0) == std::vector<CoreInterval>{running(0, 3, A), running(5, 6, A)});
  CHECK(coreTrack(timeline, 1) ==
        std::vector<CoreInterval>{running(0, 2, B), switching(2, 3, C), running(3, 6, C)});
  CHECK(processTrack(timeline, A) ==
        std::vector<ProcessInterval>{runningOn(0, 0, 3), blocked(3, 5), runningOn(0, 5, 6)});
  CHECK(processTrack(timeline, B) == std::vector<ProcessInterval>{runningOn(1, 0, 2)});
  CHECK(processTrack(timeline, C) == std::vector<ProcessInterval>{ready(1, 2), runningOn(1, 2, 6)});
}

TEST_CASE("with multiprogramming off the core is held while its process does IO", "[sim][timeline]") {
  auto s = scenario("fcfs", 1, {process("A", 0, {2, 3, 1}), process("B", 0, {2})});
  s.policy.multiprogramming = false;
  const sim::Timeline timeline = sim::buildTimeline(s, traceOf(s));

  CHECK(coreTrack(timeline, 0) == std::vector<CoreInterval>{running(0, 2, A), {2, 5, A, CoreActivity::Held},
                                                            running(5, 6, A), running(6, 8, B)});
  CHECK(processTrack(timeline, A) ==
        std::vector<ProcessInterval>{runningOn(0, 0, 2), blocked(2, 5), runningOn(0, 5, 6)});
  CHECK(processTrack(timeline, B) == std::vector<ProcessInterval>{ready(0, 6), runningOn(0, 6, 8)});
}

TEST_CASE("a run in progress has its open intervals cut at the requested end", "[sim][timeline]") {
  const auto s = scenario("fcfs", 1, {process("P1", 0, {24}), process("P2", 2, {3})}, 0, 0);
  sim::Engine engine(s);
  engine.runTo(9);
  sim::TimelineOptions options;
  options.end = engine.now() + 1;
  const sim::Timeline timeline = sim::buildTimeline(s, engine.trace(), options);

  CHECK(timeline.end == 10);
  CHECK(coreTrack(timeline, 0) == std::vector<CoreInterval>{running(0, 10, A)});
  CHECK(processTrack(timeline, A) == std::vector<ProcessInterval>{runningOn(0, 0, 10)});
  CHECK(processTrack(timeline, B) == std::vector<ProcessInterval>{ready(2, 10)});
}

TEST_CASE("an end before the last transition is refused", "[sim][timeline]") {
  const auto s = scenario("fcfs", 1, {process("P1", 0, {4})});
  sim::TimelineOptions options;
  options.end = 3;
  CHECK_THROWS_AS(sim::buildTimeline(s, traceOf(s), options), std::invalid_argument);
}

TEST_CASE("a process limit keeps every core track but only the first process tracks", "[sim][timeline]") {
  const auto s = scenario("fcfs", 1, {process("P1", 0, {24}), process("P2", 0, {3}), process("P3", 0, {3})});
  sim::TimelineOptions options;
  options.process_limit = 1;
  const sim::Timeline timeline = sim::buildTimeline(s, traceOf(s), options);

  CHECK(timeline.processCount() == 1);
  CHECK(processTrack(timeline, A) == std::vector<ProcessInterval>{runningOn(0, 0, 24)});
  CHECK(coreTrack(timeline, 0).size() == 3);
}

TEST_CASE("a trace that does not fit the scenario is refused with its position", "[sim][timeline]") {
  const auto s = scenario("fcfs", 1, {process("P1", 0, {4})});
  sim::Trace trace = traceOf(s);
  REQUIRE(trace.size() == 3);  // admit, dispatch, exit

  SECTION("an unknown process") {
    trace[1].process = 7;
    CHECK_THROWS_WITH(sim::buildTimeline(s, trace), Catch::Contains("trace[1]") && Catch::Contains("process"));
  }
  SECTION("an unknown core") {
    trace[1].core = 3;
    CHECK_THROWS_WITH(sim::buildTimeline(s, trace), Catch::Contains("trace[1]") && Catch::Contains("core"));
  }
  SECTION("a dispatch before the admit") {
    std::swap(trace[0], trace[1]);
    CHECK_THROWS_WITH(sim::buildTimeline(s, trace), Catch::Contains("trace[0]: dispatch of a process that is new"));
  }
  SECTION("time going backwards") {
    trace[2].tick = -1;
    CHECK_THROWS_AS(sim::buildTimeline(s, trace), std::invalid_argument);
  }
}

TEST_CASE("visibleIntervals returns exactly the intervals overlapping a window", "[sim][timeline]") {
  const auto s = scenario("fcfs", 1, {process("P1", 0, {24}), process("P2", 0, {3}), process("P3", 0, {3})});
  const sim::Timeline timeline = sim::buildTimeline(s, traceOf(s));
  const auto track = timeline.core(0);

  const auto middle = sim::visibleIntervals(track, 25, 26);
  REQUIRE(middle.size() == 1);
  CHECK(middle[0].process == B);
  CHECK(sim::visibleIntervals(track, 23, 28).size() == 3);
  CHECK(sim::visibleIntervals(track, 24, 27).size() == 1);  // [24, 27) touches P1's end and P3's start only
  CHECK(sim::visibleIntervals(track, 30, 40).empty());
  CHECK(sim::visibleIntervals(track, 0, 0).empty());
}

TEST_CASE("process tracks tile arrival to completion and add up to the metrics", "[sim][timeline][property]") {
  for (std::uint64_t seed = 1; seed <= 1500; ++seed) {
    const sim::Scenario s = test::randomScenario(seed);
    sim::Engine engine(s);
    engine.runToEnd();
    const sim::RunMetrics metrics = sim::computeMetrics(engine);
    const sim::Timeline timeline = sim::buildTimeline(s, engine.trace());
    INFO("seed " << seed << ", policy " << s.policy.name);
    REQUIRE(timeline.end == metrics.makespan);

    std::vector<sim::Tick> core_time(static_cast<std::size_t>(s.cores), 0);
    for (std::size_t p = 0; p < s.processes.size(); ++p) {
      const auto track = timeline.process(static_cast<sim::ProcessId>(p));
      const sim::ProcessMetrics& m = metrics.processes[p];
      INFO("process " << p);
      REQUIRE_FALSE(track.empty());
      CHECK(track.front().start == m.arrival);
      CHECK(track.back().end == m.completion);
      for (std::size_t i = 0; i < track.size(); ++i) {
        CHECK(track[i].start < track[i].end);
        if (i > 0) CHECK(track[i].start == track[i - 1].end);
        CHECK((track[i].state == State::Running) == (track[i].core != sim::kNoCore));
        if (track[i].state == State::Running) {
          core_time[static_cast<std::size_t>(track[i].core)] += track[i].end - track[i].start;
        }
      }
      CHECK(total(track, State::Ready) == m.waiting);
      CHECK(total(track, State::Blocked) == m.blocked);
      CHECK(total(track, State::Running) == m.cpu + m.overhead);
    }

    sim::Tick busy = 0;
    sim::Tick overhead = 0;
    for (sim::CoreId c = 0; c < s.cores; ++c) {
      const auto track = timeline.core(c);
      sim::Tick on_core = 0;
      for (std::size_t i = 0; i < track.size(); ++i) {
        CHECK(track[i].start < track[i].end);
        if (i > 0) CHECK(track[i].start >= track[i - 1].end);
        const sim::Tick length = track[i].end - track[i].start;
        if (track[i].activity == CoreActivity::Running) busy += length;
        if (track[i].activity == CoreActivity::Switching) overhead += length;
        if (track[i].activity != CoreActivity::Held) on_core += length;
      }
      INFO("core " << c);
      CHECK(on_core == core_time[static_cast<std::size_t>(c)]);
    }
    CHECK(busy == metrics.busy_ticks);
    CHECK(overhead == metrics.overhead_ticks);
  }
}
