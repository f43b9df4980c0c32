// sim/sweep.hpp: one setting across a range of values, e.g. rr's quantum
// from 1 to 20, with the whole-run metrics at each value. `procsim sweep`
// and the GUI's Compare chart use it.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "sim/metrics.hpp"
#include "sim/scenario.hpp"

namespace sim {

inline constexpr std::int64_t kMaxSweepPoints = 1000;

// KEY=FROM..TO[:STEP]: KEY is a parameter of the scenario's policy, or
// "cores" or "context_switch"; FROM <= TO, STEP >= 1 (default 1).
struct SweepRange {
  std::string key;
  std::int64_t from = 0;
  std::int64_t to = 0;
  std::int64_t step = 1;
};

struct SweepPoint {
  std::int64_t value = 0;
  RunMetrics metrics;  // of the whole run, without per-process rows
};

// Parses "quantum=1..20:2". On error returns nothing and sets `error`.
std::optional<SweepRange> parseSweepRange(std::string_view text, std::string& error);

// Checks the range against the scenario (the key exists, every value is in
// its range, at most kMaxSweepPoints values). Throws ScenarioError.
void checkSweep(const Scenario& scenario, const SweepRange& range);

// Runs the scenario once per value, metrics only. `progress(done, total)`
// after each run; returning false stops early. Throws like checkSweep.
std::vector<SweepPoint> sweep(const Scenario& scenario, const SweepRange& range,
                              const std::function<bool(std::size_t, std::size_t)>& progress = {});

// A line chart of average waiting, turnaround and response time against the
// swept value, as a standalone SVG document.
void writeSweepSvg(std::ostream& out, const Scenario& scenario, const SweepRange& range,
                   const std::vector<SweepPoint>& points);

}  // namespace sim
