// The Compare tab's sweep: its settings from the registry, its job off the
// UI thread, and the same points as sim::sweep (procsim sweep).
#include <algorithm>
#include <string>

#include <catch2/catch.hpp>

#include "model/presets.hpp"
#include "model/sweep_job.hpp"
#include "sim/generate.hpp"
#include "sim/scenario_json.hpp"

namespace {

std::vector<std::string> namesOf(const std::vector<gui::SweepKey>& keys) {
  std::vector<std::string> names;
  for (const gui::SweepKey& key : keys) names.push_back(key.name);
  return names;
}

sim::Scenario preset(const std::string& name) { return sim::loadScenario(gui::presetsDir() + "/" + name + ".json"); }

}  // namespace

TEST_CASE("a sweep may vary the policy's whole-number parameters from the registry, then cores and the switch cost", "[gui][sweep]") {
  sim::Scenario scenario = preset("rr");
  auto keys = gui::sweepKeys(scenario);
  CHECK(namesOf(keys) == std::vector<std::string>{"quantum", "cores", "context_switch"});
  REQUIRE(keys[0].param != nullptr);
  CHECK(keys[0].param->name == "quantum");
  CHECK((keys[0].from == 1 && keys[0].to == 20));
  CHECK(keys[1].param == nullptr);
  CHECK((keys[1].from == 1 && keys[1].to == 8));
  CHECK((keys[2].from == 0 && keys[2].to == 10));
  scenario.policy = {};
  scenario.policy.name = "mlfq";
  // io_keeps_level and io_to_front are on/off: not swept.
  CHECK(namesOf(gui::sweepKeys(scenario)) ==
        std::vector<std::string>{"levels", "quantum", "allotment", "boost", "cores", "context_switch"});
}

TEST_CASE("the Compare tab's sweep runs on a worker and gives procsim sweep's points", "[gui][sweep]") {
  const sim::Scenario scenario = preset("rr");
  gui::SweepState sweep;
  gui::syncSweep(sweep, scenario, 1);
  CHECK(sweep.key == "quantum");
  sweep.from = 2;
  sweep.to = 10;
  sweep.step = 2;
  REQUIRE(gui::startSweep(sweep, scenario));
  sweep.job->wait();
  CHECK_FALSE(sweep.job->running());
  CHECK(sweep.job->done() == 5);
  CHECK(sweep.job->total() == 5);
  const auto& points = sweep.job->points();
  const auto expected = sim::sweep(scenario, {"quantum", 2, 10, 2});
  REQUIRE(points.size() == 5);
  for (std::size_t i = 0; i < points.size(); ++i) {
    CHECK(points[i].value == static_cast<std::int64_t>(2 + 2 * i));
    CHECK(points[i].metrics.avg_waiting == expected[i].metrics.avg_waiting);
    CHECK(points[i].metrics.context_switches == expected[i].metrics.context_switches);
  }
  // The preset's own quantum, 4: its published average wait, 17 / 3.
  CHECK(points[1].metrics.avg_waiting == Approx(17.0 / 3.0));
}

TEST_CASE("a sweep with a bad range or key is refused with the reason", "[gui][sweep]") {
  const sim::Scenario scenario = preset("rr");
  gui::SweepState sweep;
  gui::syncSweep(sweep, scenario, 1);
  sweep.from = 5;
  sweep.to = 1;
  CHECK_FALSE(gui::startSweep(sweep, scenario));
  CHECK_THAT(sweep.error, Catch::Contains("FROM must not be greater than TO"));
  sweep.key = "slice";
  sweep.from = 1;
  CHECK_FALSE(gui::startSweep(sweep, scenario));
  CHECK_THAT(sweep.error, Catch::Contains("not a parameter of rr"));
  sweep.key = "quantum";
  sweep.from = 0;
  CHECK_FALSE(gui::startSweep(sweep, scenario));
  CHECK_THAT(sweep.error, Catch::Contains("--vary quantum=0"));
  CHECK_FALSE(sweep.job->running());
}

TEST_CASE("a re-run keeps the sweep's setting when it still exists and drops the old points", "[gui][sweep]") {
  sim::Scenario scenario = preset("rr");
  gui::SweepState sweep;
  gui::syncSweep(sweep, scenario, 1);
  sweep.to = 3;
  REQUIRE(gui::startSweep(sweep, scenario));
  sweep.job->wait();
  CHECK(sweep.job->points().size() == 3);
  gui::syncSweep(sweep, scenario, 2);
  CHECK(sweep.key == "quantum");
  CHECK(sweep.to == 3);
  CHECK(sweep.job->points().empty());
  scenario.policy = {};
  scenario.policy.name = "eevdf";
  gui::syncSweep(sweep, scenario, 3);
  CHECK(sweep.key == "slice");  // eevdf has no quantum: its first parameter, with its first range
  CHECK((sweep.from == 1 && sweep.to == 20));
}

TEST_CASE("cancelling a sweep stops it early and joins its worker", "[gui][sweep]") {
  sim::GenerateOptions options;
  options.processes = 20'000;
  const sim::Scenario scenario = sim::generateScenario(options);
  gui::SweepState sweep;
  gui::syncSweep(sweep, scenario, 1);
  sweep.key = "context_switch";
  sweep.from = 0;
  sweep.to = 999;
  REQUIRE(gui::startSweep(sweep, scenario));
  sweep.job->cancel();
  CHECK_FALSE(sweep.job->running());
  CHECK(sweep.job->cancelled());
  CHECK(sweep.job->points().size() < 1000);
}
