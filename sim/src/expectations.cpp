#include "sim/expectations.hpp"

#include <cmath>

namespace sim {

namespace {
// The fewest decimals (0..9) that write `value` exactly, as a person typed it.
int decimalsOf(double value) {
  double scale = 1;
  for (int d = 0; d < 10; ++d, scale *= 10) {
    const double scaled = value * scale;
    if (std::fabs(scaled - std::round(scaled)) < 1e-6) return d;
  }
  return 10;
}
}  // namespace

bool matchesExpectation(double expected, double actual) {
  const int decimals = decimalsOf(expected);
  const double tolerance = decimals == 0 ? 1e-9 : 0.5 * std::pow(10.0, -decimals) + 1e-12;
  return std::fabs(actual - expected) <= tolerance;
}

std::vector<ExpectationFailure> checkExpectations(const Scenario& scenario, const RunMetrics& metrics) {
  std::vector<ExpectationFailure> failures;
  if (!scenario.expect) return failures;
  for (const auto& [key, expected] : scenario.expect->run) {
    double actual = 0;
    if (!runMetricByName(metrics, key, actual)) {
      failures.push_back({"expect." + key + " (unknown metric)", expected, 0});
    } else if (!matchesExpectation(expected, actual)) {
      failures.push_back({"expect." + key, expected, actual});
    }
  }
  for (const auto& [process, values] : scenario.expect->processes) {
    const ProcessMetrics* found = nullptr;
    for (const ProcessMetrics& m : metrics.processes) {
      if (m.name == process) found = &m;
    }
    for (const auto& [key, expected] : values) {
      const std::string where = "expect.processes." + process + "." + key;
      double actual = 0;
      if (found == nullptr || !processMetricByName(*found, key, actual)) {
        failures.push_back({where + " (unknown)", expected, 0});
      } else if (!matchesExpectation(expected, actual)) {
        failures.push_back({where, expected, actual});
      }
    }
  }
  return failures;
}

}  // namespace sim
