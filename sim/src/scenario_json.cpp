// The entry points of sim/scenario_json.hpp. Reading is in
// scenario_reader.cpp, checking in scenario_check.cpp, writing in
// scenario_writer.cpp.
#include "sim/scenario_json.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "huge_pages.hpp"
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

std::string tooLarge() {
  return "longer than " + std::to_string(kMaxScenarioFileBytes >> 20) + " MiB, the largest scenario file procsim reads";
}

// "line L, column C" of byte `offset` of `text` (both counted from 1).
std::string placeOf(const std::string& text, std::size_t offset) {
  std::size_t line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(offset - line_start + 1);
}

// Reads to the end in chunks (no stream buffer holding a second copy), at
// most kMaxScenarioFileBytes, and stops at the first NUL byte.
std::string readAll(std::istream& in, const std::string& name, std::size_t expected_size = 0) {
  std::string text;
  text.reserve(std::min(expected_size, kMaxScenarioFileBytes));
  adviseHugePages(text.data(), text.capacity());  // before the first write: a page fault per 2 MiB, not per 4 KiB
  char chunk[1 << 16];
  while (in.read(chunk, sizeof chunk) || in.gcount() > 0) {
    const auto got = static_cast<std::size_t>(in.gcount());
    if (text.size() + got > kMaxScenarioFileBytes) throw ScenarioError(name, tooLarge());
    const std::size_t before = text.size();
    text.append(chunk, got);
    const std::size_t nul = text.find('\0', before);
    if (nul != std::string::npos) {
      throw ScenarioError(name + ": " + placeOf(text, nul), "a NUL byte: a scenario file is JSON text");
    }
  }
  return text;
}

std::string readFile(const std::string& path) {
  if (path == "-") {
    std::string text = readAll(std::cin, "<stdin>");
    if (std::cin.bad()) throw ScenarioError("<stdin>", "cannot read standard input");
    return text;
  }
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) throw ScenarioError(path, "is a directory, not a scenario file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ScenarioError(path, std::string("cannot open: ") + std::strerror(errno));
  const bool regular = std::filesystem::is_regular_file(path, error);
  const auto size = regular ? std::filesystem::file_size(path, error) : 0;
  if (regular && !error && size > kMaxScenarioFileBytes) throw ScenarioError(path, tooLarge());
  std::string text = readAll(in, path, error ? 0 : static_cast<std::size_t>(size));
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
