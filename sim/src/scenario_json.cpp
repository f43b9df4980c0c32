// The entry points of sim/scenario_json.hpp. Reading is in
// scenario_reader.cpp, checking in scenario_check.cpp, writing in
// scenario_writer.cpp.
#include "sim/scenario_json.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "scenario_check.hpp"
#include "scenario_reader.hpp"

namespace sim {

ScenarioError::ScenarioError(std::string where, std::string message)
    : std::runtime_error(where + ": " + message), where_(std::move(where)), message_(std::move(message)) {}

Scenario parseScenario(std::string_view json_text) {
  detail::ReadScenario read = detail::readScenarioJson(json_text);
  detail::checkScenario(read.scenario, &read.named_in_file);
  return std::move(read.scenario);
}

namespace {

// Reads to the end in chunks: no stream buffer holding a second copy.
std::string readAll(std::istream& in, std::size_t expected_size = 0) {
  std::string text;
  text.reserve(expected_size);
  char chunk[1 << 16];
  while (in.read(chunk, sizeof chunk) || in.gcount() > 0) text.append(chunk, static_cast<std::size_t>(in.gcount()));
  return text;
}

std::string readFile(const std::string& path) {
  if (path == "-") {
    std::string text = readAll(std::cin);
    if (std::cin.bad()) throw ScenarioError("<stdin>", "cannot read standard input");
    return text;
  }
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) throw ScenarioError(path, "is a directory, not a scenario file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ScenarioError(path, std::string("cannot open: ") + std::strerror(errno));
  const auto size = std::filesystem::file_size(path, error);
  std::string text = readAll(in, error ? 0 : static_cast<std::size_t>(size));
  if (in.bad()) throw ScenarioError(path, std::string("cannot read: ") + std::strerror(errno));
  return text;
}

}  // namespace

Scenario loadScenario(const std::string& path) {
  const std::string text = readFile(path);
  try {
    return parseScenario(text);
  } catch (const ScenarioError& error) {
    throw ScenarioError((path == "-" ? "<stdin>" : path) + ": " + error.where(), error.message());
  }
}

void validateScenario(const Scenario& scenario) { detail::checkScenario(scenario, nullptr); }

}  // namespace sim
