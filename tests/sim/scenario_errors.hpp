// The ScenarioError that parsing some text throws (a test fails if none).
#pragma once

#include <string>
#include <string_view>

#include <catch2/catch.hpp>

#include "sim/scenario_json.hpp"

inline sim::ScenarioError errorOf(std::string_view json) {
  try {
    sim::parseScenario(json);
  } catch (const sim::ScenarioError& error) {
    return error;
  }
  FAIL("no ScenarioError for: " << json);
  return sim::ScenarioError("", "");
}

// The message of the ScenarioError that parsing `json` throws, or "no error".
inline std::string messageOf(std::string_view json) {
  try {
    sim::parseScenario(json);
  } catch (const sim::ScenarioError& error) {
    return error.what();
  }
  return "no error";
}
