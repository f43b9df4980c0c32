// Mutated scenario files either parse or throw ScenarioError: never
// anything else, never a crash or a hang.
#include <cstdint>
#include <random>
#include <string>

#include <catch2/catch.hpp>

#include "sim/scenario_json.hpp"

namespace {

const char* const kValid = R"({
  "name": "fuzz base", "description": "d", "cores": 2,
  "policy": {"name": "rr", "quantum": 3, "preemptive": false, "multiprogramming": true, "wakeup_preempts": false},
  "context_switch": 1,
  "processes": [
    {"name": "A", "arrival": 0, "priority": 1, "bursts": [{"cpu": 5}, {"io": 3, "device": "disk"}, {"cpu": 2}]},
    {"arrival": 2, "bursts": [{"cpu": 4}]},
    {"name": "C", "arrival": 4, "priority": -1, "bursts": [{"cpu": 1}, {"io": 1}, {"cpu": 1}]}
  ],
  "expect": {"avg_waiting": 2.5, "processes": {"A": {"waiting": 0}, "P2": {"cpu": 4}}}
})";

// std::mt19937_64's output is fixed by the standard; only its raw output is used.
std::string mutate(std::string text, std::mt19937_64& random) {
  static const std::string alphabet = "{}[],:\"0123456789-+.eE \n\tnulltrufasP\\/";
  auto below = [&](std::size_t n) { return static_cast<std::size_t>(random() % n); };
  const std::size_t mutations = 1 + below(4);
  for (std::size_t m = 0; m < mutations && !text.empty(); ++m) {
    const std::size_t at = below(text.size());
    switch (below(6)) {
      case 0: text.erase(at, 1 + below(8)); break;
      case 1: text.insert(at, 1, alphabet[below(alphabet.size())]); break;
      case 2: text[at] = alphabet[below(alphabet.size())]; break;
      case 3: text[at] = static_cast<char>(random() & 0xFF); break;
      case 4: text.insert(at, text.substr(below(text.size()), below(40))); break;
      default: text.resize(at); break;
    }
  }
  return text;
}

}  // namespace

TEST_CASE("2000 seeded mutations of a valid file each parse or throw ScenarioError", "[sim][json][fuzz]") {
  REQUIRE_NOTHROW(sim::parseScenario(kValid));
  std::mt19937_64 random(20261127);
  int parsed = 0;
  int refused = 0;
  for (int i = 0; i < 2000; ++i) {
    const std::string text = mutate(kValid, random);
    INFO("mutation " << i << ": " << text);
    try {
      const sim::Scenario s = sim::parseScenario(text);
      REQUIRE_NOTHROW(sim::validateScenario(s));
      ++parsed;
    } catch (const sim::ScenarioError& error) {
      REQUIRE_FALSE(error.where().empty());
      REQUIRE_FALSE(error.message().empty());
      ++refused;
    } catch (const std::exception& other) {
      FAIL("unexpected exception: " << other.what());
    }
  }
  CHECK(parsed + refused == 2000);
  CHECK(parsed > 0);   // some mutations (whitespace, digits) keep the file valid
  CHECK(refused > 0);
}

TEST_CASE("random bytes are refused with a ScenarioError", "[sim][json][fuzz]") {
  std::mt19937_64 random(7);
  for (int i = 0; i < 500; ++i) {
    std::string text(random() % 64, ' ');
    for (char& c : text) c = static_cast<char>(random() & 0xFF);
    INFO("input " << i);
    try {
      sim::parseScenario(text);
      FAIL("random bytes parsed as a scenario");
    } catch (const sim::ScenarioError& error) {
      CHECK_FALSE(error.where().empty());
    }
  }
}
