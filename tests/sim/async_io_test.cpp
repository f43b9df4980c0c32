// Asynchronous IO: the process starts the IO and runs on; it waits Blocked
// ("await") only at its next synchronous IO or at its end, until the IO is done.
#include <catch2/catch.hpp>

#include "scenario_builder.hpp"
#include "sim/burst_text.hpp"
#include "sim/scenario_json.hpp"

namespace {

struct Run {
  sim::RunMetrics metrics;
  sim::Trace trace;
};

Run run(const std::vector<test::P>& processes, int cores = 1) {
  sim::Engine engine(test::makeScenario("fcfs", cores, processes));
  engine.runToEnd();
  return {sim::computeMetrics(engine), engine.trace()};
}

void checkAccounting(const sim::RunMetrics& m) {
  for (const auto& p : m.processes) {
    INFO(p.name);
    CHECK(p.turnaround == p.waiting + p.blocked + p.cpu + p.overhead);
  }
}

}  // namespace

TEST_CASE("async IO overlaps the next CPU burst and the end waits for it (the lesson's async call)", "[sim][async]") {
  const Run sync = run({{"P", 0, "c2 i4 c2"}});
  CHECK(sync.metrics.processes[0].completion == 8);
  const Run async = run({{"P", 0, "c2 a4 c2"}});
  // IO 2..5 while it runs 2..3; at 4 it awaits the IO, which ends at 6.
  CHECK(async.metrics.processes[0].completion == 6);
  CHECK(async.metrics.processes[0].cpu == 4);
  CHECK(async.metrics.processes[0].blocked == 2);
  checkAccounting(async.metrics);
  REQUIRE(async.trace.size() == 4);  // admit, dispatch, block (await), exit
  CHECK(async.trace[2].kind == sim::TransitionKind::Block);
  CHECK(async.trace[2].reason == sim::Reason::Await);
  CHECK(async.trace[2].tick == 4);
  CHECK(async.trace[3].kind == sim::TransitionKind::Exit);
  CHECK(async.trace[3].core == -1);
  CHECK(async.trace[3].tick == 6);
}

TEST_CASE("async IO that ends before the CPU burst after it costs no waiting at all", "[sim][async]") {
  const Run r = run({{"P", 0, "c2 a3 c5"}});
  CHECK(r.metrics.processes[0].completion == 7);
  CHECK(r.metrics.transitions[static_cast<std::size_t>(sim::TransitionKind::Block)] == 0);
}

TEST_CASE("a synchronous IO after async IO first awaits it, then runs", "[sim][async]") {
  // run 0-1, async IO 2-5, run 2, await 3-5, sync IO 6-7, run 8.
  const Run r = run({{"P", 0, "c2 a4 c1 i2 c1"}});
  CHECK(r.metrics.processes[0].completion == 9);
  CHECK(run({{"P", 0, "c2 i4 c1 i2 c1"}}).metrics.processes[0].completion == 10);
  checkAccounting(r.metrics);
}

TEST_CASE("while a process awaits its IO another one runs on its core", "[sim][async]") {
  const Run r = run({{"A", 0, "c2 a4 c1"}, {"B", 0, "c3"}});
  CHECK(r.metrics.processes[0].completion == 6);  // exits from Blocked when its IO ends
  CHECK(r.metrics.processes[1].completion == 6);  // B runs 3..5
  checkAccounting(r.metrics);
}

TEST_CASE("async IO waits for a busy device like any IO", "[sim][async][device]") {
  sim::Scenario s = test::makeScenario("fcfs", 2, {{"A", 0, "c1 a4@disk c1"}, {"B", 0, "c1 a4@disk c1"}});
  s.device_options["disk"] = {1};
  const auto m = test::runToEnd(s);
  CHECK(m.processes[0].completion == 5);  // disk 1..4
  CHECK(m.processes[1].completion == 9);  // queued 1..4, disk 5..8
}

TEST_CASE("async is written a<N> in burst text and \"async\": true in JSON, and only for IO", "[sim][async][json]") {
  const sim::ParsedBursts parsed = sim::parseBurstText("c2 a4@disk c1");
  REQUIRE(parsed.errors.empty());
  CHECK(parsed.bursts[1].async);
  sim::Scenario s = test::makeScenario("fcfs", 1, {{"P", 0, "c2 a4@disk c1"}});
  CHECK(sim::burstText(s, s.processes[0]) == "c2 a4@disk c1");
  const sim::Scenario again = sim::parseScenario(sim::scenarioToJson(s));
  CHECK(again.processes[0].bursts[1].async);
  CHECK_FALSE(again.processes[0].bursts[0].async);
  try {
    sim::parseScenario(R"({"processes": [{"bursts": [{"cpu": 1, "async": true}]}]})");
    FAIL("no error");
  } catch (const sim::ScenarioError& error) {
    CHECK_THAT(std::string(error.what()), Catch::Contains("processes[0].bursts[0]: \"async\" is only for IO bursts"));
  }
}

TEST_CASE("rewinding replays async IO and awaits the same way", "[sim][async]") {
  sim::Engine engine(test::makeScenario("rr", 1, {{"A", 0, "c3 a5 c2 i2 c4 a6 c1"}, {"B", 1, "c6 a2 c6"}}, 2),
                     {.snapshot_every = 2});
  engine.runToEnd();
  const sim::Trace full = engine.trace();
  engine.rewindTo(7);
  engine.runToEnd();
  CHECK(engine.trace() == full);
}
