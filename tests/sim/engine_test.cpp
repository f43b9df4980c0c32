// The engine's trace memory budget (EngineOptions::trace_budget_bytes): a
// run whose trace would outgrow it stops before the allocation.
#include <catch2/catch.hpp>

#include "scenario_builder.hpp"
#include "sim/engine.hpp"

namespace {

// Two processes of 10^9 CPU ticks under rr with quantum 1: two billion
// transitions, 48 GB of trace if nothing stopped it.
sim::Scenario endlessSwitching() {
  return test::makeScenario("rr", 1, {{"A", 0, "c1000000000"}, {"B", 0, "c1000000000"}}, 1);
}

}  // namespace

TEST_CASE("a run whose trace would outgrow its budget stops with TraceBudgetExceeded inside the budget",
          "[sim][engine][budget]") {
  constexpr std::size_t kBudget = std::size_t{1} << 20;
  sim::Engine engine(endlessSwitching(), {.snapshots = false, .trace_budget_bytes = kBudget});
  try {
    engine.runToEnd();
    FAIL("the run finished");
  } catch (const sim::TraceBudgetExceeded& error) {
    CHECK(error.budgetBytes() == kBudget);
    CHECK_THAT(error.what(), Catch::Contains("1 MiB") && Catch::Contains("trace memory budget"));
  }
  CHECK(engine.trace().size() == kBudget / sizeof(sim::Transition));
  CHECK(engine.trace().capacity() * sizeof(sim::Transition) <= kBudget);
}

TEST_CASE("an engine refuses at construction a scenario whose smallest trace exceeds the budget",
          "[sim][engine][budget]") {
  std::vector<test::P> processes;
  for (int i = 0; i < 100; ++i) processes.push_back({std::string("P").append(std::to_string(i)), 0, "c1"});
  const sim::Scenario scenario = test::makeScenario("fcfs", 1, processes);
  // 100 processes record at least 300 transitions of 24 bytes.
  CHECK_THROWS_AS(sim::Engine(scenario, {.trace_budget_bytes = 299 * sizeof(sim::Transition)}),
                  sim::TraceBudgetExceeded);
  CHECK_NOTHROW(sim::Engine(scenario, {.record_trace = false, .trace_budget_bytes = 0}));
  sim::Engine fits(scenario, {.trace_budget_bytes = 300 * sizeof(sim::Transition)});
  fits.runToEnd();
  CHECK(fits.trace().size() == 300);
}

TEST_CASE("the default trace budget is 1 GiB", "[sim][engine][budget]") {
  CHECK(sim::EngineOptions{}.trace_budget_bytes == std::size_t{1} << 30);
}
