// The scenario reader on arbitrary bytes: it either returns a valid
// scenario or throws ScenarioError. A valid small scenario is also run to
// the end and written back, and what is written must read back.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "sim/engine.hpp"
#include "sim/scenario_json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  sim::Scenario scenario;
  try {
    scenario = sim::parseScenario(std::string_view(reinterpret_cast<const char*>(data), size));
  } catch (const sim::ScenarioError&) {
    return 0;
  }
  std::int64_t ticks = 0;
  for (const sim::ProcessSpec& process : scenario.processes) {
    for (const sim::Burst& burst : process.bursts) ticks += burst.length;
  }
  if (scenario.processes.size() <= 64 && ticks <= 100'000) {
    sim::Engine engine(scenario, {.snapshots = false, .trace_budget_bytes = std::size_t{64} << 20});
    engine.runToEnd();
  }
  sim::parseScenario(sim::scenarioToJson(scenario));  // throws (a crash here) if the writer's output does not read
  return 0;
}
