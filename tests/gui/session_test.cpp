// gui::Session refuses a scenario whose trace would outgrow the trace
// memory budget, with the budget named, and keeps the scenario it had.
#include <catch2/catch.hpp>

#include "model/session.hpp"
#include "sim/engine.hpp"

namespace {

sim::Scenario oneProcess(const std::string& name, std::uint32_t cpu) {
  sim::Scenario scenario;
  scenario.cores = 1;
  scenario.policy.name = "rr";
  scenario.policy.params["quantum"] = {1};
  scenario.processes = {sim::ProcessSpec{name, 0, 0, {{cpu, 0, sim::BurstKind::Cpu}}},
                        sim::ProcessSpec{name + "2", 0, 0, {{cpu, 0, sim::BurstKind::Cpu}}}};
  return scenario;
}

}  // namespace

TEST_CASE("the session refuses a scenario whose trace outgrows the budget and keeps the one it had",
          "[gui][session][budget]") {
  gui::Session session;
  session.setTraceBudget(std::size_t{1} << 20);
  REQUIRE(session.setScenario(oneProcess("small", 3)));
  const sim::Tick end = session.endTick();
  CHECK_FALSE(session.setScenario(oneProcess("huge", 1'000'000'000)));
  CHECK_THAT(session.lastError(), Catch::Contains("1 MiB, the trace memory budget"));
  CHECK(session.scenario().processes.front().name == "small");
  CHECK(session.endTick() == end);
}
