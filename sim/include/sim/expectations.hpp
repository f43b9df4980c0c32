// sim/expectations.hpp: checking a run against a scenario's `expect` block.
#pragma once

#include <string>
#include <vector>

#include "sim/metrics.hpp"
#include "sim/scenario.hpp"

namespace sim {

// One expectation that did not hold, e.g. where = "expect.processes.P1.waiting",
// expected 0, actual 3.
struct ExpectationFailure {
  std::string where;
  double expected = 0;
  double actual = 0;
};

// True when `actual` matches `expected` as a person wrote it: a value written
// with d decimals (d >= 1) matches when |actual - expected| <= 0.5 * 10^-d
// (5.67 matches 17/3); a whole number must match to within 1e-9.
bool matchesExpectation(double expected, double actual);

// Every expectation of scenario.expect that `metrics` does not meet, in the
// order whole-run first, then processes by name. Empty when all hold or when
// there is no expect block.
std::vector<ExpectationFailure> checkExpectations(const Scenario& scenario, const RunMetrics& metrics);

}  // namespace sim
