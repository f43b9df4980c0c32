// procsim ostep TOOL [flags]: OSTEP's homework simulators (ostep/tools.hpp).
// Everything after the tool's name is the tool's own command line.
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "commands.hpp"
#include "ostep/tools.hpp"

namespace cli {

namespace {
std::string toolList() {
  std::string list = "Tools:\n";
  for (const ostep::Tool& tool : ostep::tools()) {
    list.append("  ").append(tool.name);
    list.append(tool.name.size() < 13 ? 13 - tool.name.size() : 1, ' ').append(tool.summary);
    if (tool.run == nullptr) list.append(" (not implemented yet)");
    list.append("\n");
  }
  return list + "Each takes the flags of OSTEP's tool of that name; TOOL --help lists them.";
}
}  // namespace

void addOstepCommand(CLI::App& app, int& status) {
  CLI::App* cmd = app.add_subcommand("ostep", "Run an OSTEP homework simulator with its own flags, answer for answer");
  cmd->prefix_command();
  cmd->footer(toolList());
  cmd->callback([cmd, &status] {
    const std::vector<std::string> words = cmd->remaining();
    if (words.empty()) {
      std::cerr << "procsim ostep: name a tool (procsim ostep --help lists them)\n";
      status = kExitBadInput;
      return;
    }
    const ostep::Tool* tool = ostep::findTool(words.front());
    if (tool == nullptr) {
      std::cerr << "procsim ostep: no tool '" << words.front() << "' (procsim ostep --help lists them)\n";
      status = kExitBadInput;
      return;
    }
    if (tool->run == nullptr) {
      std::cerr << "procsim ostep " << tool->name << ": not implemented yet\n";
      status = kExitBadInput;
      return;
    }
    const std::vector<std::string> args(words.begin() + 1, words.end());
    status = tool->run(args, std::cout, std::cerr);
  });
}

}  // namespace cli
