// procsim run FILE: simulate one scenario and print its trace and metrics.
#include <fstream>
#include <iostream>
#include <optional>

#include "commands.hpp"
#include "option_ranges.hpp"
#include "output_file.hpp"
#include "reports.hpp"
#include "scenario_input.hpp"
#include "sim/engine.hpp"
#include "sim/export.hpp"

namespace cli {

namespace {

struct RunOptions {
  std::string file;
  ScenarioOverrides overrides;
  std::string format = "text";
  bool metrics_only = false;
  std::string trace_out;
  std::string svg_out;
  std::size_t trace_budget_mib = sim::kDefaultTraceBudgetBytes >> 20;
};

constexpr std::size_t kMaxTraceBudgetMib = std::size_t{1} << 20;  // 1 TiB

int runScenario(const RunOptions& options) {
  if (options.metrics_only && (!options.trace_out.empty() || !options.svg_out.empty())) {
    std::cerr << "procsim: --metrics-only keeps no trace, so it cannot be combined with --trace-out or --svg\n";
    return kExitBadInput;
  }
  if (!checkDistinctPaths({options.file}, {options.trace_out, options.svg_out})) return kExitBadInput;
  auto loaded = loadScenarioForRun(options.file, options.overrides);
  if (!loaded) return kExitBadInput;

  const bool keep_trace = !options.metrics_only;
  std::optional<sim::Engine> built;
  try {
    built.emplace(std::move(*loaded), sim::EngineOptions{.record_trace = keep_trace,
                                                         .snapshots = false,
                                                         .trace_budget_bytes = options.trace_budget_mib << 20});
    built->runToEnd();
  } catch (const sim::TraceBudgetExceeded& error) {
    std::cerr << "procsim: " << options.file << ": " << error.what()
              << " (--trace-budget MIB raises it); --metrics-only keeps no trace\n";
    return kExitBadInput;
  }
  sim::Engine& engine = *built;
  const sim::Scenario* scenario = &engine.scenario();
  const sim::RunMetrics metrics = sim::computeMetrics(engine, /*with_processes=*/false);

  if (!options.trace_out.empty()) {
    const bool ok = writeOutputFile(options.trace_out, [&](std::ostream& out) {
      sim::writeChromeTrace(out, engine.scenario(), engine.trace());
    });
    if (!ok) return kExitBadInput;
  }
  if (!options.svg_out.empty()) {
    const bool ok = writeOutputFile(options.svg_out, [&](std::ostream& out) {
      sim::writeSvgGantt(out, engine.scenario(), engine.trace());
    });
    if (!ok) return kExitBadInput;
  }

  if (options.format == "json") {
    printMetricsJson(std::cout, engine, metrics);
  } else if (options.format == "csv") {
    printMetricsCsv(std::cout, engine);
  } else {
    std::cout << "scenario " << (scenario->name.empty() ? options.file : scenario->name) << "\n";
    if (!scenario->description.empty()) std::cout << scenario->description << "\n";
    std::cout << "\n";
    if (!options.metrics_only) printTickTable(std::cout, *scenario, metrics.makespan);
    printMetricsText(std::cout, engine, metrics);
  }
  return kExitOk;
}

}  // namespace

void addRunCommand(CLI::App& app, int& status) {
  auto options = std::make_shared<RunOptions>();
  CLI::App* run = app.add_subcommand("run", "Simulate a scenario; print its per-tick trace and metrics");
  run->add_option("FILE", options->file, "Scenario JSON file, or - for standard input")->required();
  addOverrideOptions(*run, options->overrides);
  run->add_option("--format", options->format, "Output format")
      ->check(CLI::IsMember({"text", "json", "csv"}))
      ->capture_default_str();
  run->add_flag("--metrics-only", options->metrics_only, "Keep no trace: print metrics only (fast, small)");
  run->add_option("--trace-out", options->trace_out, "Write a Chrome trace (Perfetto, chrome://tracing) to FILE.json");
  run->add_option("--svg", options->svg_out, "Write a Gantt chart to FILE.svg");
  run->add_option("--trace-budget", options->trace_budget_mib,
                  "Most memory the trace may take, in MiB; a run that needs more stops with exit 2")
      ->check(wholeRange(1, static_cast<long long>(kMaxTraceBudgetMib)))
      ->capture_default_str();
  run->callback([options, &status] { status = runScenario(*options); });
}

}  // namespace cli
