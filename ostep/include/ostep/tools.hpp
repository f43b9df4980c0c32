// ostep/tools.hpp: the OSTEP homework tools that `procsim ostep` runs, in
// one list that the command line (and later the window) iterates.
#pragma once

#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>

#include "sim/scenario.hpp"

namespace ostep {

inline constexpr int kToolOk = 0;
inline constexpr int kToolBadInput = 2;

// Runs a tool with its own flags; writes its answer to `out` and any
// refusal (one line) to `err`; returns the exit status (0, or 2 for bad input).
using ToolMain = int (*)(std::span<const std::string> args, std::ostream& out, std::ostream& err);

// Parses a tool's flags as `run` does and returns the equivalent procsim
// scenario (what `procsim ostep TOOL ARGS --to-scenario` prints and the
// window opens); on bad input writes one line to `err` and returns nullopt.
using ToolScenario = std::optional<sim::Scenario> (*)(std::span<const std::string> args, std::ostream& err);

struct Tool {
  std::string_view name;            // as OSTEP names it, without ".py"
  std::string_view summary;         // one line, procsim's words
  ToolMain run = nullptr;           // nullptr: not implemented yet
  ToolScenario scenario = nullptr;  // nullptr: no scenario form yet
};

std::span<const Tool> tools();
const Tool* findTool(std::string_view name);  // nullptr when unknown

}  // namespace ostep
