// procsim validate FILE...: parse and check; print nothing but errors.
#include <iostream>

#include "commands.hpp"
#include "sim/scenario_json.hpp"

namespace cli {

void addValidateCommand(CLI::App& app, int& status) {
  auto files = std::make_shared<std::vector<std::string>>();
  CLI::App* cmd = app.add_subcommand("validate", "Check scenario files; print nothing but errors (exit 0 or 2)");
  cmd->add_option("FILE", *files, "Scenario JSON files, or - for standard input")->required();
  cmd->callback([files, &status] {
    status = kExitOk;
    for (const std::string& file : *files) {
      try {
        sim::loadScenario(file);
      } catch (const sim::ScenarioError& error) {
        std::cerr << "procsim: " << error.what() << "\n";
        status = kExitBadInput;
      }
    }
  });
}

}  // namespace cli
