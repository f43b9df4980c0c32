// Mutated scenario files either parse or throw ScenarioError: never
// anything else, never a crash or a hang.
#include <cstdint>
#include <random>
#include <string>

#include <catch2/catch.hpp>

#include "sim/engine.hpp"
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

// The cache model's keys, per-core queues and affinity, at the edges of their ranges.
const char* const kValidCache = R"({
  "cores": 3, "policy": {"name": "mlfq", "quantum": 2}, "run_queues": "per_core",
  "balance": {"interval": 3, "steal": true}, "cache": {"warmup": 0, "warm_rate": 100, "size": 7},
  "processes": [
    {"name": "A", "working_set": 7, "affinity": [2], "bursts": [{"cpu": 7}, {"io": 2, "async": true}, {"cpu": 3}]},
    {"working_set": 8, "bursts": [{"cpu": 1}]},
    {"name": "C", "working_set": 3, "arrival": 1, "bursts": [{"cpu": 9}, {"io": 1}, {"cpu": 1}]}
  ]
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

// Timers (balancing, slices) make an event every few ticks: a run stays short
// only when the work does.
bool smallEnoughToRun(const sim::Scenario& s) {
  sim::Tick ticks = 0;
  for (const sim::ProcessSpec& p : s.processes) {
    ticks += p.arrival;
    for (const sim::Burst& burst : p.bursts) ticks += burst.length;
  }
  return ticks <= 100'000;
}

// Mutates `valid` 2000 times: each mutation parses to a valid scenario (which
// runs to its end when `run`) or throws a ScenarioError naming a place.
void checkMutations(const char* valid, std::uint64_t seed, bool run) {
  REQUIRE_NOTHROW(sim::parseScenario(valid));
  std::mt19937_64 random(seed);
  int parsed = 0;
  int refused = 0;
  for (int i = 0; i < 2000; ++i) {
    const std::string text = mutate(valid, random);
    INFO("mutation " << i << ": " << text);
    try {
      const sim::Scenario s = sim::parseScenario(text);
      REQUIRE_NOTHROW(sim::validateScenario(s));
      if (run && smallEnoughToRun(s)) {
        sim::Engine engine(s, {.snapshots = false});
        engine.runToEnd();
        REQUIRE(engine.finished());
      }
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

}  // namespace

TEST_CASE("2000 seeded mutations of a valid file each parse or throw ScenarioError", "[sim][json][fuzz]") {
  checkMutations(kValid, 20261127, false);
}

TEST_CASE("2000 seeded mutations of a file with the cache model each parse and run, or throw ScenarioError",
          "[sim][json][fuzz][cache]") {
  checkMutations(kValidCache, 20261207, true);
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
