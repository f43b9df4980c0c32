// procsim sweep FILE --vary KEY=A..B[:STEP]: one setting across a range.
#include <unistd.h>

#include <iomanip>
#include <iostream>

#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "output_file.hpp"
#include "reports.hpp"
#include "scenario_input.hpp"
#include "sim/policy_registry.hpp"
#include "sim/scenario_json.hpp"
#include "sim/sweep.hpp"

namespace cli {

namespace {

struct SweepOptions {
  std::string file;
  ScenarioOverrides overrides;
  std::string vary;
  std::string format = "text";
  std::string svg_out;
};

int runSweep(const SweepOptions& options) {
  auto scenario = loadScenarioForRun(options.file, options.overrides);
  if (!scenario) return kExitBadInput;
  std::string error;
  const auto range = sim::parseSweepRange(options.vary, error);
  if (!range) {
    std::cerr << "procsim: --vary: " << error << "\n";
    return kExitBadInput;
  }
  std::vector<sim::SweepPoint> points;
  try {
    // Long sweeps say how far they are when a person is watching.
    const bool show_progress = ::isatty(STDERR_FILENO) != 0;
    points = sim::sweep(*scenario, *range, [&](std::size_t done, std::size_t total) {
      if (show_progress) std::cerr << "\rsweep: " << done << "/" << total << (done == total ? "\n" : "") << std::flush;
      return true;
    });
  } catch (const sim::ScenarioError& bad) {
    std::cerr << "procsim: " << bad.what() << "\n";
    return kExitBadInput;
  }
  if (!options.svg_out.empty()) {
    const bool ok = writeOutputFile(options.svg_out, [&](std::ostream& out) { sim::writeSweepSvg(out, *scenario, *range, points); });
    if (!ok) return kExitBadInput;
  }
  if (options.format == "json") {
    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
    for (const sim::SweepPoint& point : points) {
      nlohmann::ordered_json row;
      row[range->key] = point.value;
      appendMetricFields(row, point.metrics);
      rows.push_back(std::move(row));
    }
    std::cout << rows.dump(2) << "\n";
    return kExitOk;
  }
  if (options.format == "csv") {
    std::cout << csvField(range->key) << ",avg_turnaround,avg_waiting,avg_response,makespan,cpu_utilization,context_switches\n";
    for (const sim::SweepPoint& point : points) {
      const sim::RunMetrics& m = point.metrics;
      std::cout << point.value << ',' << m.avg_turnaround << ',' << m.avg_waiting << ',' << m.avg_response << ','
                << m.makespan << ',' << m.cpu_utilization << ',' << m.context_switches << "\n";
    }
    return kExitOk;
  }
  std::cout << "scenario " << (scenario->name.empty() ? options.file : scenario->name) << ", policy "
            << sim::policyLabel(scenario->policy) << ", varying " << range->key << "\n\n";
  const int w = static_cast<int>(std::max<std::size_t>(10, range->key.size() + 2));
  std::cout << std::left << std::setw(w) << range->key << std::right << std::setw(12) << "turnaround" << std::setw(10)
            << "waiting" << std::setw(10) << "response" << std::setw(10) << "makespan" << std::setw(8) << "util"
            << std::setw(10) << "switches" << "\n";
  for (const sim::SweepPoint& point : points) {
    const sim::RunMetrics& m = point.metrics;
    std::cout << std::left << std::setw(w) << point.value << std::right << std::fixed << std::setprecision(2)
              << std::setw(12) << m.avg_turnaround << std::setw(10) << m.avg_waiting << std::setw(10) << m.avg_response
              << std::setw(10) << m.makespan << std::setw(7) << std::setprecision(1) << m.cpu_utilization * 100 << "%"
              << std::setw(10) << m.context_switches << "\n";
  }
  return kExitOk;
}

}  // namespace

void addSweepCommand(CLI::App& app, int& status) {
  auto options = std::make_shared<SweepOptions>();
  CLI::App* cmd = app.add_subcommand(
      "sweep", "Run a scenario across a range of one setting (a policy parameter, cores or context_switch); "
               "print the averages at each value");
  cmd->add_option("FILE", options->file, "Scenario JSON file, or - for standard input")->required();
  cmd->add_option("--vary", options->vary,
                  "KEY=FROM..TO[:STEP], e.g. quantum=1..20 or cores=1..8; at most 1000 values")
      ->required()
      ->type_name("RANGE");
  addOverrideOptions(*cmd, options->overrides);
  cmd->add_option("--format", options->format, "Output format")
      ->check(CLI::IsMember({"text", "json", "csv"}))
      ->capture_default_str();
  cmd->add_option("--svg", options->svg_out, "Also draw the averages against the value as a line chart in FILE.svg");
  cmd->callback([options, &status] { status = runSweep(*options); });
}

}  // namespace cli
