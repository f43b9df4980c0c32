// cli/reports.hpp: the ways `procsim run` and `compare` print results.
#pragma once

#include <ostream>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "sim/engine.hpp"
#include "sim/metrics.hpp"
#include "sim/scenario.hpp"

namespace cli {

// OSTEP process-run style: a row per tick (or per tick where something
// changes, when the run is long) with what each core runs and each
// process's state. Re-runs the scenario tick by tick; `makespan` is the
// tick of the run's last exit.
void printTickTable(std::ostream& out, const sim::Scenario& scenario, sim::Tick makespan);

// The reports below take whole-run `metrics` and read each process's
// figures from the engine one at a time (see sim::processMetrics).

// Per-process metrics and the whole-run figures, as aligned text.
void printMetricsText(std::ostream& out, const sim::Engine& engine, const sim::RunMetrics& metrics);

// The JSON object documented in docs/cli.md, streamed (a million processes
// are written without building a document in memory).
void printMetricsJson(std::ostream& out, const sim::Engine& engine, const sim::RunMetrics& metrics);

// Adds every whole-run metric (sim::runMetricFields) to `object`.
void appendMetricFields(nlohmann::ordered_json& object, const sim::RunMetrics& metrics);

// Adds "policy", its parameters (resolved) and "policy_spec" to `object`.
void appendPolicyFields(nlohmann::ordered_json& object, const sim::PolicySpec& policy);

// `text` as one CSV field: quoted when it holds a comma, quote or newline.
std::string csvField(const std::string& text);

// A CSV table: a header, then one row per process.
void printMetricsCsv(std::ostream& out, const sim::Engine& engine);

}  // namespace cli
