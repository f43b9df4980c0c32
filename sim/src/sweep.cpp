#include "sim/sweep.hpp"

#include <charconv>

#include "sim/engine.hpp"
#include "sim/policy_registry.hpp"
#include "sim/scenario_json.hpp"

namespace sim {

namespace {

// Built by appending: GCC 12 at -O3 warns falsely (-Wrestrict) on a
// one-character literal + std::string.
std::string quoted(std::string_view text) { return std::string(1, '"').append(text).append(1, '"'); }

bool parseWhole(std::string_view text, std::int64_t& value) {
  if (text.empty()) return false;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size();
}

std::int64_t pointCount(const SweepRange& range) { return (range.to - range.from) / range.step + 1; }

Scenario withValue(const Scenario& scenario, const std::string& key, std::int64_t value) {
  Scenario variant = scenario;
  if (key == "cores") {
    variant.cores = static_cast<int>(value);
  } else if (key == "context_switch") {
    variant.context_switch = value;
  } else {
    variant.policy.params[key] = {value};
  }
  return variant;
}

}  // namespace

std::optional<SweepRange> parseSweepRange(std::string_view text, std::string& error) {
  SweepRange range;
  const std::size_t equals = text.find('=');
  const std::size_t dots = text.find("..");
  if (equals == std::string_view::npos || dots == std::string_view::npos || dots < equals) {
    error = quoted(text) + ": write KEY=FROM..TO[:STEP], e.g. quantum=1..20";
    return std::nullopt;
  }
  range.key = std::string(text.substr(0, equals));
  const std::string_view from = text.substr(equals + 1, dots - equals - 1);
  std::string_view to = text.substr(dots + 2);
  std::string_view step = "1";
  if (const std::size_t colon = to.find(':'); colon != std::string_view::npos) {
    step = to.substr(colon + 1);
    to = to.substr(0, colon);
  }
  if (range.key.empty()) {
    error = quoted(text) + ": the key is missing before '='";
  } else if (!parseWhole(from, range.from) || !parseWhole(to, range.to) || !parseWhole(step, range.step)) {
    error = quoted(text) + ": FROM, TO and STEP must be whole numbers";
  } else if (range.from > range.to) {
    error = quoted(text) + ": FROM must not be greater than TO";
  } else if (range.step < 1) {
    error = quoted(text) + ": STEP must be at least 1";
  }
  if (!error.empty()) return std::nullopt;
  return range;
}

void checkSweep(const Scenario& scenario, const SweepRange& range) {
  const std::string where = "--vary " + range.key;
  if (range.key != "cores" && range.key != "context_switch") {
    const PolicyInfo* info = findPolicy(scenario.policy.name);
    bool found = false;
    for (const ParamSchema& param : info->parameters) found = found || param.name == range.key;
    if (!found) {
      std::string known = "cores, context_switch";
      for (const ParamSchema& param : info->parameters) known += ", " + param.name;
      throw ScenarioError(where, "not a parameter of " + scenario.policy.name + " nor a scenario setting; try one of: " + known);
    }
  }
  if (pointCount(range) > kMaxSweepPoints) {
    throw ScenarioError(where, "at most " + std::to_string(kMaxSweepPoints) + " values, got " +
                                   std::to_string(pointCount(range)) + " (use a larger STEP)");
  }
  // Both ends must make a valid scenario; every value between them then does.
  for (const std::int64_t value : {range.from, range.to}) {
    try {
      validateScenario(withValue(scenario, range.key, value));
    } catch (const ScenarioError& error) {
      throw ScenarioError(where + "=" + std::to_string(value), error.what());
    }
  }
}

std::vector<SweepPoint> sweep(const Scenario& scenario, const SweepRange& range,
                              const std::function<bool(std::size_t, std::size_t)>& progress) {
  checkSweep(scenario, range);
  const auto total = static_cast<std::size_t>(pointCount(range));
  std::vector<SweepPoint> points;
  points.reserve(total);
  for (std::int64_t value = range.from; value <= range.to; value += range.step) {
    EngineOptions options;
    options.record_trace = false;
    options.snapshots = false;
    Engine engine(withValue(scenario, range.key, value), options);
    engine.runToEnd();
    points.push_back({value, computeMetrics(engine, /*with_processes=*/false)});
    if (progress && !progress(points.size(), total)) break;
    if (range.to - value < range.step) break;  // no overflow past TO
  }
  return points;
}

}  // namespace sim
