// procsim check FILE...: run each scenario and compare with its `expect` block.
#include <iostream>

#include "commands.hpp"
#include "sim/engine.hpp"
#include "sim/expectations.hpp"
#include "sim/scenario_json.hpp"

namespace cli {

namespace {

// 0: every expectation holds; 1: some do not; 2: the file is unusable.
int checkFile(const std::string& file) {
  sim::Scenario scenario;
  try {
    scenario = sim::loadScenario(file);
  } catch (const sim::ScenarioError& error) {
    std::cerr << "procsim: " << error.what() << "\n";
    return kExitBadInput;
  }
  if (!scenario.expect || (scenario.expect->run.empty() && scenario.expect->processes.empty())) {
    std::cerr << "procsim: " << file << ": no \"expect\" block: nothing to check\n";
    return kExitBadInput;
  }
  sim::Engine engine(scenario, {.record_trace = false, .snapshots = false});
  engine.runToEnd();
  const auto failures = sim::checkExpectations(scenario, sim::computeMetrics(engine));
  std::size_t checked = scenario.expect->run.size();
  for (const auto& entry : scenario.expect->processes) checked += entry.second.size();
  for (const auto& failure : failures) {
    std::cout << file << ": " << failure.where << ": expected " << failure.expected << ", got " << failure.actual << "\n";
  }
  std::cout << file << ": " << (checked - failures.size()) << " of " << checked << " expectations hold\n";
  return failures.empty() ? kExitOk : kExitFailure;
}

}  // namespace

void addCheckCommand(CLI::App& app, int& status) {
  auto files = std::make_shared<std::vector<std::string>>();
  CLI::App* cmd = app.add_subcommand("check", "Run scenarios and check their \"expect\" blocks (exit 0, 1 on a failed expectation, 2 on bad input)");
  cmd->add_option("FILE", *files, "Scenario JSON files with an expect block")->required();
  cmd->callback([files, &status] {
    status = kExitOk;
    for (const std::string& file : *files) {
      const int result = checkFile(file);
      if (result == kExitBadInput || (result == kExitFailure && status == kExitOk)) status = result;
    }
  });
}

}  // namespace cli
