// Mutated scenario files either parse or throw ScenarioError: never
// anything else, never a crash or a hang.
#include <cstdint>
#include <random>
#include <string>

#include <catch2/catch.hpp>

#include "../../sim/src/scenario_reader.hpp"
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

namespace {

// Plain JSON (no escape, no fraction), so that unmutated it takes the
// scenario reader's own lexer; mutations add what sends it to nlohmann's.
const char* const kPlain = R"({
  "name": "plain", "cores": 2, "policy": {"name": "priority", "preemptive": true}, "context_switch": 1,
  "processes": [
    {"name": "A", "arrival": 0, "priority": -1, "bursts": [{"cpu": 5}, {"io": 3, "device": "disk"}, {"cpu": 2}]},
    {"arrival": 2, "tickets": 7, "affinity": [1, 0], "bursts": [{"cpu": 4}, {"io": 1, "async": true}, {"cpu": 1}]},
    {"name": "C", "arrival": 4, "nice": -3, "bursts": [{"cpu": 1}]}
  ],
  "devices": {"disk": {"servers": 1}},
  "expect": {"makespan": 14, "processes": {"A": {"waiting": 0}}}
})";

// What reading `text` gives: the scenario as JSON and the names given in
// the file, or the error.
std::string readOutcome(const std::string& text, bool plain_lexer) {
  try {
    const sim::detail::ReadScenario read = sim::detail::readScenarioJson(text, plain_lexer);
    std::string named;
    for (const bool given : read.named_in_file) named += given ? 'y' : 'n';
    return sim::scenarioToJson(read.scenario) + named;
  } catch (const sim::ScenarioError& error) {
    return std::string("error ") + error.what();
  }
}

}  // namespace

TEST_CASE("the reader's own lexer and nlohmann's parser give 3000 seeded mutations the same scenario or error",
          "[sim][json][fuzz]") {
  std::mt19937_64 random(20261208);
  int same_scenario = 0;
  for (int i = 0; i < 3000; ++i) {
    const std::string text = i == 0 ? std::string(kPlain) : mutate(kPlain, random);
    INFO("mutation " << i << ": " << text);
    const std::string outcome = readOutcome(text, true);
    REQUIRE(outcome == readOutcome(text, false));
    if (outcome.rfind("error ", 0) != 0) ++same_scenario;
  }
  CHECK(same_scenario > 20);  // not only errors are compared
}

TEST_CASE("escapes, fractions, huge numbers and non-ASCII names are read as nlohmann reads them", "[sim][json]") {
  const std::string text = R"({"processes": [{"name": "A\"\u00e9", "bursts": [{"cpu": 2}]}, {"name": "Bü", "bursts": [{"cpu": 1}]}],
                              "expect": {"avg_waiting": 2.5, "processes": {"Bü": {"cpu": 1e0}}}})";
  const sim::Scenario scenario = sim::parseScenario(text);
  REQUIRE(scenario.processes.size() == 2);
  CHECK(scenario.processes[0].name == "A\"\xc3\xa9");
  CHECK(scenario.processes[1].name == "B\xc3\xbc");
  CHECK(scenario.expect->run.at("avg_waiting") == 2.5);
  CHECK(scenario.expect->processes.at("B\xc3\xbc").at("cpu") == 1.0);
  CHECK_THROWS_WITH(sim::parseScenario(R"({"cores": 12345678901234567890123, "processes": []})"),
                    "cores: number too large for a 64-bit integer");
  CHECK_THROWS_WITH(sim::parseScenario(R"({"cores": 1234567890123456789, "processes": []})"),
                    "cores: must be at most 1024, got 1234567890123456789");
  CHECK_THROWS_WITH(sim::parseScenario(R"({"cores": 2,})"),
                    "line 1, column 13: syntax error while parsing object key - unexpected '}'; expected string literal");
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
