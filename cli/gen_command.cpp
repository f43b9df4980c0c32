// procsim gen: a reproducible random scenario as JSON on standard output.
#include <iostream>
#include <optional>
#include <stdexcept>

#include "commands.hpp"
#include "option_ranges.hpp"
#include "sim/generate.hpp"
#include "sim/policy_registry.hpp"
#include "sim/scenario_json.hpp"

namespace cli {

namespace {
struct GenOptions {
  sim::GenerateOptions generate;
  std::string policy = "fcfs";
  std::optional<sim::Tick> quantum;
};
}  // namespace

void addGenCommand(CLI::App& app, int& status) {
  auto options = std::make_shared<GenOptions>();
  sim::GenerateOptions& g = options->generate;
  CLI::App* cmd = app.add_subcommand("gen", "Print a reproducible random scenario as JSON");
  cmd->add_option("--processes", g.processes, "Number of processes")
      ->check(CLI::Range(std::int64_t{1}, sim::kMaxProcesses))
      ->capture_default_str();
  cmd->add_option("--cores", g.cores, "Number of cores")->check(CLI::Range(1, sim::kMaxCores))->capture_default_str();
  cmd->add_option("--seed", g.seed, "Seed of the random generator")->capture_default_str();
  cmd->add_option("--io-ratio", g.io_ratio, "Chance (0 to 1) that a CPU burst is followed by IO")
      ->check(finiteRange(0.0, 1.0))
      ->capture_default_str();
  cmd->add_option("--max-burst", g.max_burst, "Longest burst in ticks")
      ->check(CLI::Range(std::int64_t{1}, sim::kMaxBurstLength))
      ->capture_default_str();
  cmd->add_option("--arrival-span", g.arrival_span, "Arrivals spread over ticks 0 .. T")
      ->check(CLI::Range(sim::Tick{0}, sim::kMaxArrival))
      ->capture_default_str();
  cmd->add_option("--max-cpu-bursts", g.max_cpu_bursts, "Most CPU bursts per process")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  cmd->add_option("--policy", options->policy,
                  "Policy written into the scenario: NAME or NAME:KEY=VALUE[:KEY=VALUE...] (see 'procsim policies')")
      ->type_name("SPEC")
      ->capture_default_str();
  cmd->add_option("--quantum", options->quantum, "Shorthand for the policy's quantum parameter, in ticks")
      ->check(CLI::Range(sim::Tick{1}, sim::kMaxQuantum));
  cmd->callback([options, &status] {
    try {
      sim::Scenario scenario = sim::generateScenario(options->generate);
      std::string error;
      auto spec = sim::parsePolicySpec(options->policy, scenario.policy, error);
      if (spec && options->quantum) {
        std::string with_quantum = sim::formatPolicySpec(*spec) + ":quantum=" + std::to_string(*options->quantum);
        spec = sim::parsePolicySpec(with_quantum, *spec, error);
      }
      if (!spec) {
        std::cerr << "procsim: gen: --policy: " << error << "\n";
        status = kExitBadInput;
        return;
      }
      scenario.policy = std::move(*spec);
      std::cout << sim::scenarioToJson(scenario) << "\n";
      status = kExitOk;
    } catch (const std::invalid_argument& error) {
      std::cerr << "procsim: gen: " << error.what() << "\n";
      status = kExitBadInput;
    }
  });
}

}  // namespace cli
