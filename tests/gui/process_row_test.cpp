#include <catch2/catch.hpp>

#include "model/process_row.hpp"
#include "sim/engine.hpp"
#include "sim/generate.hpp"
#include "sim/metrics.hpp"

TEST_CASE("a process table row matches the simulator's metrics at every tick", "[gui][processes]") {
  sim::GenerateOptions options;
  options.processes = 12;
  options.cores = 2;
  options.seed = GENERATE(1, 2, 3);
  sim::Scenario scenario = sim::generateScenario(options);
  scenario.context_switch = 1;
  sim::Engine engine(scenario);
  while (!engine.finished()) {
    engine.stepTick();
    const sim::RunMetrics metrics = sim::computeMetrics(engine);
    for (std::size_t i = 0; i < scenario.processes.size(); ++i) {
      const gui::ProcessRow row =
          gui::processRowAt(engine.state(), scenario.processes[i], static_cast<sim::ProcessId>(i));
      const sim::ProcessMetrics& expected = metrics.processes[i];
      INFO("tick " << engine.now() << ", process " << i);
      REQUIRE(row.waiting == expected.waiting);
      REQUIRE(row.cpu == expected.cpu);
      REQUIRE(row.response == expected.response);
      REQUIRE(row.turnaround == expected.turnaround);
    }
  }
}
