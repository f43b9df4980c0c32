#include "sim/compare.hpp"

#include "sim/engine.hpp"
#include "sim/policy_registry.hpp"

namespace sim {

namespace {
bool sameSpec(const PolicySpec& a, const PolicySpec& b) {
  return a.name == b.name && resolvedParams(a) == resolvedParams(b) && a.multiprogramming == b.multiprogramming &&
         a.wakeup_preempts == b.wakeup_preempts;
}
}  // namespace

std::vector<CompareEntry> defaultComparison(const Scenario& scenario) {
  std::vector<CompareEntry> entries;
  entries.push_back({policyLabel(scenario.policy) + " (file)", scenario.policy});
  for (const PolicyInfo& info : policies()) {
    PolicySpec spec;
    spec.name = info.name;
    spec.multiprogramming = scenario.policy.multiprogramming;
    spec.wakeup_preempts = scenario.policy.wakeup_preempts;
    if (sameSpec(spec, scenario.policy)) continue;
    entries.push_back({policyLabel(spec), spec});
  }
  return entries;
}

std::vector<CompareResult> comparePolicies(const Scenario& scenario, const std::vector<CompareEntry>& entries,
                                           const std::function<bool(std::size_t, std::size_t)>& progress) {
  std::vector<CompareResult> results;
  results.reserve(entries.size());
  for (const CompareEntry& entry : entries) {
    Scenario variant = scenario;
    variant.policy = entry.spec;
    EngineOptions options;
    options.record_trace = false;
    options.snapshots = false;
    Engine engine(std::move(variant), options);
    engine.runToEnd();
    results.push_back({entry, computeMetrics(engine, /*with_processes=*/false)});
    if (progress && !progress(results.size(), entries.size())) break;
  }
  return results;
}

}  // namespace sim
