// procsim compare FILE [-p SPEC]... [--policies A,B,...]: policies on one workload.
#include <iomanip>
#include <iostream>

#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "reports.hpp"
#include "scenario_input.hpp"
#include "sim/compare.hpp"
#include "sim/policy_registry.hpp"

namespace cli {

namespace {

struct CompareOptions {
  std::string file;
  std::vector<std::string> specs;   // -p, repeatable
  std::optional<std::string> list;  // --policies, comma-separated
  ScenarioOverrides overrides;
  std::string format = "text";
};

// "fcfs,rr:2,mlfq:quantum=10,20,40": a piece that starts with a digit
// continues the list value of the piece before it.
std::vector<std::string> splitPolicyList(const std::string& list) {
  std::vector<std::string> specs;
  std::size_t start = 0;
  while (start <= list.size()) {
    std::size_t end = list.find(',', start);
    if (end == std::string::npos) end = list.size();
    const std::string piece = list.substr(start, end - start);
    const bool continues = !piece.empty() && std::isdigit(static_cast<unsigned char>(piece[0])) && !specs.empty() &&
                           specs.back().find('=') != std::string::npos;
    if (continues) {
      specs.back() += "," + piece;
    } else {
      specs.push_back(piece);
    }
    start = end + 1;
  }
  return specs;
}

int compare(const CompareOptions& options) {
  auto scenario = loadScenarioForRun(options.file, options.overrides);
  if (!scenario) return kExitBadInput;
  std::vector<std::string> texts = options.specs;
  if (options.list) {
    for (std::string& text : splitPolicyList(*options.list)) texts.push_back(std::move(text));
  }
  std::vector<sim::CompareEntry> entries;
  if (texts.empty()) {
    entries = sim::defaultComparison(*scenario);
  } else {
    entries.push_back({sim::formatPolicySpec(scenario->policy) + " (file)", scenario->policy});
    for (const std::string& text : texts) {
      if (text.empty()) {
        std::cerr << "procsim: --policies: an empty policy in the list\n";
        return kExitBadInput;
      }
      std::string error;
      sim::PolicySpec base;
      base.multiprogramming = scenario->policy.multiprogramming;
      base.wakeup_preempts = scenario->policy.wakeup_preempts;
      auto spec = sim::parsePolicySpec(text, base, error);
      if (!spec) {
        std::cerr << "procsim: --policy: " << error << "\n";
        return kExitBadInput;
      }
      entries.push_back({text, *spec});
    }
  }
  const std::vector<sim::CompareResult> results = sim::comparePolicies(*scenario, entries);
  if (options.format == "json") {
    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
    for (const sim::CompareResult& result : results) {
      nlohmann::ordered_json row;
      row["policy"] = result.entry.label;
      row["spec"] = sim::formatPolicySpec(result.entry.spec);
      appendMetricFields(row, result.metrics);
      rows.push_back(std::move(row));
    }
    std::cout << rows.dump(2) << "\n";
    return kExitOk;
  }
  std::size_t width = 22;
  for (const sim::CompareResult& result : results) width = std::max(width, result.entry.label.size() + 2);
  const int w = static_cast<int>(width);
  const bool csv = options.format == "csv";
  if (csv) {
    std::cout << "policy,avg_turnaround,avg_waiting,avg_response,makespan,cpu_utilization,context_switches\n";
  } else {
    std::cout << "scenario " << (scenario->name.empty() ? options.file : scenario->name) << ", "
              << scenario->cores << (scenario->cores == 1 ? " core" : " cores") << ", "
              << scenario->processes.size() << " processes\n\n";
    std::cout << std::left << std::setw(w) << "policy" << std::right << std::setw(12) << "turnaround"
              << std::setw(10) << "waiting" << std::setw(10) << "response" << std::setw(10) << "makespan"
              << std::setw(8) << "util" << std::setw(10) << "switches" << "\n";
  }
  for (const sim::CompareResult& result : results) {
    const sim::RunMetrics& m = result.metrics;
    const std::string& label = result.entry.label;
    if (csv) {
      std::cout << csvField(label) << ',' << m.avg_turnaround << ',' << m.avg_waiting << ',' << m.avg_response << ','
                << m.makespan << ',' << m.cpu_utilization << ',' << m.context_switches << "\n";
      continue;
    }
    std::cout << std::left << std::setw(w) << label << std::right << std::fixed << std::setprecision(2)
              << std::setw(12) << m.avg_turnaround << std::setw(10) << m.avg_waiting << std::setw(10)
              << m.avg_response << std::setw(10) << m.makespan << std::setw(7) << std::setprecision(1)
              << m.cpu_utilization * 100 << "%" << std::setw(10) << m.context_switches << "\n";
  }
  return kExitOk;
}

}  // namespace

void addCompareCommand(CLI::App& app, int& status) {
  auto options = std::make_shared<CompareOptions>();
  CLI::App* cmd = app.add_subcommand(
      "compare", "Run several policies on one scenario; print their averages side by side. The file's own policy is "
                 "always the first row; without -p or --policies every policy runs at its defaults");
  cmd->add_option("FILE", options->file, "Scenario JSON file, or - for standard input")->required();
  cmd->add_option("-p,--policy", options->specs,
                  "A policy to compare (repeatable): NAME or NAME:KEY=VALUE[:KEY=VALUE...], e.g. -p rr:quantum=2 "
                  "-p mlfq:levels=3:boost=50 (see 'procsim policies')")
      ->type_name("SPEC");
  cmd->add_option("--policies", options->list, "Comma-separated policies, e.g. fcfs,sjf,rr:2,rr:8,priority:preemptive")
      ->type_name("LIST");
  addOverrideOptions(*cmd, options->overrides, /*policy_flags=*/false);
  cmd->add_option("--format", options->format, "Output format")
      ->check(CLI::IsMember({"text", "json", "csv"}))
      ->capture_default_str();
  cmd->callback([options, &status] { status = compare(*options); });
}

}  // namespace cli
