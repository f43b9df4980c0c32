// procsim compare FILE --policies ...: every policy on one workload.
#include <iomanip>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "scenario_input.hpp"
#include "sim/engine.hpp"
#include "sim/metrics.hpp"
#include "sim/policies.hpp"

namespace cli {

namespace {

struct CompareOptions {
  std::string file;
  std::string policies = "fcfs,sjf,srtf,rr:2,rr:8,priority,priority:preemptive";
  ScenarioOverrides overrides;
  std::string format = "text";
};

struct PolicyChoice {
  std::string label;
  sim::PolicySpec spec;
};

// "rr:4" -> rr with quantum 4; "priority:preemptive"; a bare name.
std::optional<PolicyChoice> parseChoice(const std::string& text, const sim::PolicySpec& base) {
  PolicyChoice choice{text, base};
  const auto colon = text.find(':');
  choice.spec.name = text.substr(0, colon);
  choice.spec.preemptive = false;
  if (!sim::isKnownPolicy(choice.spec.name)) {
    std::cerr << "procsim: --policies: unknown policy \"" << choice.spec.name << "\" (known: fcfs, sjf, srtf, rr:Q, priority, priority:preemptive)\n";
    return std::nullopt;
  }
  const std::string argument = colon == std::string::npos ? "" : text.substr(colon + 1);
  if (choice.spec.name == "rr") {
    if (argument.empty()) {
      if (base.quantum >= 1) return choice;
      std::cerr << "procsim: --policies: \"rr\" needs a quantum, e.g. rr:4\n";
      return std::nullopt;
    }
    try {
      std::size_t used = 0;
      const long long quantum = std::stoll(argument, &used);
      if (used != argument.size() || quantum < 1 || quantum > sim::kMaxQuantum) throw std::invalid_argument("");
      choice.spec.quantum = quantum;
    } catch (const std::exception&) {
      std::cerr << "procsim: --policies: \"" << text << "\": the quantum must be a whole number >= 1\n";
      return std::nullopt;
    }
  } else if (choice.spec.name == "priority" && argument == "preemptive") {
    choice.spec.preemptive = true;
  } else if (!argument.empty()) {
    std::cerr << "procsim: --policies: \"" << text << "\": unexpected \":" << argument << "\"\n";
    return std::nullopt;
  }
  return choice;
}

int compare(const CompareOptions& options) {
  auto scenario = loadScenarioForRun(options.file, options.overrides);
  if (!scenario) return kExitBadInput;
  std::vector<PolicyChoice> choices;
  std::stringstream list(options.policies);
  for (std::string item; std::getline(list, item, ',');) {
    if (item.empty()) continue;
    auto choice = parseChoice(item, scenario->policy);
    if (!choice) return kExitBadInput;
    choices.push_back(*choice);
  }
  if (choices.empty()) {
    std::cerr << "procsim: --policies: give at least one policy\n";
    return kExitBadInput;
  }
  std::vector<sim::RunMetrics> results;
  for (const PolicyChoice& choice : choices) {
    sim::Scenario variant = *scenario;
    variant.policy.name = choice.spec.name;
    variant.policy.quantum = choice.spec.quantum;
    variant.policy.preemptive = choice.spec.preemptive;
    sim::Engine engine(std::move(variant), {.record_trace = false, .snapshots = false});
    engine.runToEnd();
    results.push_back(sim::computeMetrics(engine, /*with_processes=*/false));
  }
  if (options.format == "json") {
    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < choices.size(); ++i) {
      const auto& m = results[i];
      rows.push_back({{"policy", choices[i].label}, {"avg_turnaround", m.avg_turnaround},
                      {"avg_waiting", m.avg_waiting}, {"avg_response", m.avg_response},
                      {"makespan", m.makespan}, {"cpu_utilization", m.cpu_utilization},
                      {"throughput", m.throughput}, {"context_switches", m.context_switches}});
    }
    std::cout << rows.dump(2) << "\n";
    return kExitOk;
  }
  const bool csv = options.format == "csv";
  if (csv) {
    std::cout << "policy,avg_turnaround,avg_waiting,avg_response,makespan,cpu_utilization,context_switches\n";
  } else {
    std::cout << "scenario " << (scenario->name.empty() ? options.file : scenario->name) << ", "
              << scenario->cores << (scenario->cores == 1 ? " core" : " cores") << ", "
              << scenario->processes.size() << " processes\n\n";
    std::cout << std::left << std::setw(22) << "policy" << std::right << std::setw(12) << "turnaround"
              << std::setw(10) << "waiting" << std::setw(10) << "response" << std::setw(10) << "makespan"
              << std::setw(8) << "util" << std::setw(10) << "switches" << "\n";
  }
  for (std::size_t i = 0; i < choices.size(); ++i) {
    const auto& m = results[i];
    if (csv) {
      std::cout << choices[i].label << ',' << m.avg_turnaround << ',' << m.avg_waiting << ',' << m.avg_response
                << ',' << m.makespan << ',' << m.cpu_utilization << ',' << m.context_switches << "\n";
      continue;
    }
    std::cout << std::left << std::setw(22) << choices[i].label << std::right << std::fixed << std::setprecision(2)
              << std::setw(12) << m.avg_turnaround << std::setw(10) << m.avg_waiting << std::setw(10)
              << m.avg_response << std::setw(10) << m.makespan << std::setw(7) << std::setprecision(1)
              << m.cpu_utilization * 100 << "%" << std::setw(10) << m.context_switches << "\n";
  }
  return kExitOk;
}

}  // namespace

void addCompareCommand(CLI::App& app, int& status) {
  auto options = std::make_shared<CompareOptions>();
  CLI::App* cmd = app.add_subcommand("compare", "Run several policies on one scenario; print their averages side by side");
  cmd->add_option("FILE", options->file, "Scenario JSON file, or - for standard input")->required();
  cmd->add_option("--policies", options->policies, "Comma-separated: fcfs, sjf, srtf, rr:Q, priority, priority:preemptive")
      ->capture_default_str();
  addOverrideOptions(*cmd, options->overrides);
  cmd->add_option("--format", options->format, "Output format")
      ->check(CLI::IsMember({"text", "json", "csv"}))
      ->capture_default_str();
  cmd->callback([options, &status] { status = compare(*options); });
}

}  // namespace cli
