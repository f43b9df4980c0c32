// Internal: turns JSON text into a Scenario, checking structure and types
// as it streams (nlohmann's SAX interface, so a million-process file never
// becomes a DOM). The semantic checks come after, in scenario_check.cpp.
#pragma once

#include <string_view>
#include <vector>

#include "sim/scenario.hpp"

namespace sim::detail {

struct ReadScenario {
  Scenario scenario;
  std::vector<bool> named_in_file;  // per process: name written in the file
};

// Throws ScenarioError. Processes without a name are named P<index+1>.
// Plain JSON goes through a fast lexer of our own, anything else through
// nlohmann's parser, with the same result; `plain_lexer` false skips the
// fast lexer (tests compare the two).
ReadScenario readScenarioJson(std::string_view json_text, bool plain_lexer = true);

// "line L, column C" of a 1-based byte position in text.
std::string lineAndColumn(std::string_view text, std::size_t byte_position);

}  // namespace sim::detail
