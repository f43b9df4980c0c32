// sim/scenario_json.hpp: reading, checking and writing scenario files.
// The format is documented in docs/scenario-format.md.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "sim/scenario.hpp"

namespace sim {

// A scenario that cannot be used. where() names the place, in the form
// `processes[2].bursts[0]` (or `line 3, column 7` for malformed JSON);
// what() is "where: message", the text the CLI and the GUI show.
class ScenarioError : public std::runtime_error {
 public:
  ScenarioError(std::string where, std::string message);
  const std::string& where() const { return where_; }
  const std::string& message() const { return message_; }

 private:
  std::string where_;
  std::string message_;
};

// The largest scenario file loadScenario reads (256 MiB): a longer regular
// file is refused before reading, endless input (a pipe, /dev/zero) after
// reading at most this much. `procsim gen --processes 1000000` writes about
// 87 MiB.
inline constexpr std::size_t kMaxScenarioFileBytes = std::size_t{256} << 20;

// Parses JSON text into a scenario and validates it. Throws ScenarioError.
Scenario parseScenario(std::string_view json_text);
// Reads a file ("-" reads standard input). Errors name the file first:
// "FILE: where: message". Throws ScenarioError, also for a file longer than
// kMaxScenarioFileBytes and for a NUL byte (named by line and column).
Scenario loadScenario(const std::string& path);

// Checks a scenario built in code: throws ScenarioError for the first problem.
void validateScenario(const Scenario& scenario);

// Writes a scenario as JSON that parseScenario reads back to an equal scenario
// (devices that no burst uses are not written). indent >= 0: keys indented
// by `indent` spaces, one process per line; indent < 0: a single line.
std::string scenarioToJson(const Scenario& scenario, int indent = 2);

}  // namespace sim
