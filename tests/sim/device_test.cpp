// Devices that contend: a device with servers serves that many IO bursts at
// once; the others wait in its FIFO queue, Blocked.
#include <catch2/catch.hpp>

#include "random_scenarios.hpp"
#include "scenario_builder.hpp"
#include "scenario_errors.hpp"
#include "sim/scenario_json.hpp"

namespace {

sim::Scenario sharedDisk(int servers) {
  sim::Scenario s = test::makeScenario(
      "fcfs", 3, {{"A", 0, "c1 i4@disk c1"}, {"B", 0, "c1 i4@disk c1"}, {"C", 0, "c1 i4@disk c1"}});
  if (servers > 0) s.device_options["disk"] = {servers};
  return s;
}


}  // namespace

TEST_CASE("a disk with one server serves three processes one after another, in the order they blocked",
          "[sim][device]") {
  sim::Engine engine(sharedDisk(1));
  engine.runToEnd();
  const sim::RunMetrics m = sim::computeMetrics(engine);
  CHECK(m.processes[0].completion == 6);   // its IO runs 1..4
  CHECK(m.processes[1].completion == 10);  // waits 1..4, IO 5..8
  CHECK(m.processes[2].completion == 14);  // waits 1..8, IO 9..12
  CHECK(m.processes[2].blocked == 12);     // the queue wait counts as blocked
  std::vector<sim::Reason> block_reasons;
  for (const sim::Transition& t : engine.trace()) {
    if (t.kind == sim::TransitionKind::Block) block_reasons.push_back(t.reason);
  }
  CHECK(block_reasons == std::vector<sim::Reason>{sim::Reason::IoStart, sim::Reason::DeviceQueue, sim::Reason::DeviceQueue});
}

TEST_CASE("two servers serve two IO bursts at once, and an unlisted device serves every one at once", "[sim][device]") {
  const auto two = test::runToEnd(sharedDisk(2));
  CHECK(two.processes[1].completion == 6);
  CHECK(two.processes[2].completion == 10);
  const auto unlimited = test::runToEnd(sharedDisk(0));
  CHECK(unlimited.makespan == 6);
}

TEST_CASE("a device never serves more IO bursts than it has servers", "[sim][device][property]") {
  for (std::uint64_t seed = 1; seed <= 600; ++seed) {
    sim::Scenario s = test::randomScenario(seed);
    const std::uint16_t disk = s.deviceIndex("disk");
    const int servers = static_cast<int>(seed % 3) + 1;
    s.device_options["disk"] = {servers};
    for (std::size_t i = 0; i < s.processes.size(); ++i) {
      for (sim::Burst& burst : s.processes[i].bursts) {
        if (burst.kind == sim::BurstKind::Io && i % 2 == 0) burst.device = disk;
      }
    }
    bool used = false;
    for (const auto& p : s.processes) {
      for (const auto& b : p.bursts) used = used || b.device == disk;
    }
    if (!used) continue;
    INFO("seed " << seed);
    sim::Engine engine(s);
    while (engine.stepEvent()) {
      const sim::EngineState& state = engine.state();
      REQUIRE(state.device_busy[disk] <= servers);
      // A process waits only while every server is busy.
      if (!state.device_queues[disk].empty()) REQUIRE(state.device_busy[disk] == servers);
    }
    REQUIRE(engine.finished());
  }
}

TEST_CASE("devices are read, checked and written back", "[sim][device][json]") {
  const sim::Scenario s = sim::parseScenario(
      R"({"devices": {"disk": {"servers": 2}}, "processes": [{"bursts": [{"cpu": 1}, {"io": 2, "device": "disk"}, {"cpu": 1}]}]})");
  REQUIRE(s.device_options.count("disk") == 1);
  CHECK(s.device_options.at("disk").servers == 2);
  CHECK(sim::parseScenario(sim::scenarioToJson(s)).device_options == s.device_options);
  const std::string burst = R"("processes": [{"bursts": [{"cpu": 1}, {"io": 2, "device": "disk"}, {"cpu": 1}]}])";
  CHECK_THAT(messageOf(R"({"devices": {"disk": {"servers": 0}}, )" + burst + "}"),
             Catch::Contains("devices.disk.servers: must be at least 1, got 0"));
  CHECK_THAT(messageOf(R"({"devices": {"dsk": {"servers": 1}}, )" + burst + "}"),
             Catch::Contains("devices.dsk: no IO burst uses device \"dsk\" (did you mean \"disk\"?)"));
  CHECK_THAT(messageOf(R"({"devices": {"disk": {"sevrers": 1}}, )" + burst + "}"),
             Catch::Contains("unknown key \"sevrers\""));
  CHECK_THAT(messageOf(R"({"devices": {"disk": 1}, )" + burst + "}"), Catch::Contains("devices.disk"));
}
