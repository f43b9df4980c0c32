// generateScenario: reproducible, honours its options, always valid.
#include <algorithm>
#include <stdexcept>

#include <catch2/catch.hpp>

#include "scenario_equal.hpp"
#include "sim/generate.hpp"
#include "sim/scenario_json.hpp"

using Catch::Matchers::Contains;

namespace {

int cpuBurstCount(const sim::ProcessSpec& process) {
  return static_cast<int>(std::count_if(process.bursts.begin(), process.bursts.end(),
                                        [](const sim::Burst& b) { return b.kind == sim::BurstKind::Cpu; }));
}

const char* const kGoldenSeed42 =
    R"("processes":[{"name":"P1","arrival":9,"priority":2,"bursts":[{"cpu":4}]},)"
    R"({"name":"P2","arrival":15,"priority":4,"bursts":[{"cpu":9}]},)"
    R"({"name":"P3","arrival":5,"priority":9,"bursts":[{"cpu":1},{"io":4},{"cpu":1}]},)"
    R"({"name":"P4","arrival":15,"priority":6,"bursts":[{"cpu":9}]}]})";

}  // namespace

TEST_CASE("the same options give the same scenario", "[sim][generate]") {
  sim::GenerateOptions options;
  options.processes = 500;
  options.seed = 77;
  const sim::Scenario a = sim::generateScenario(options);
  const sim::Scenario b = sim::generateScenario(options);
  requireSameScenario(a, b);
  CHECK(sim::scenarioToJson(a) == sim::scenarioToJson(b));
}

TEST_CASE("different seeds give different scenarios", "[sim][generate]") {
  sim::GenerateOptions options;
  options.processes = 50;
  options.seed = 1;
  const std::string first = sim::scenarioToJson(sim::generateScenario(options));
  options.seed = 2;
  const std::string second = sim::scenarioToJson(sim::generateScenario(options));
  CHECK(first != second);
}

TEST_CASE("the generator's algorithm is pinned: seed 42 gives these first processes", "[sim][generate]") {
  // Regenerate after a deliberate change of algorithm by printing
  // scenarioToJson(generateScenario(options), -1) for these options.
  sim::GenerateOptions options;
  options.processes = 4;
  options.seed = 42;
  options.io_ratio = 0.9;
  options.max_cpu_bursts = 3;
  const sim::Scenario s = sim::generateScenario(options);
  const std::string json = sim::scenarioToJson(s, -1);
  const std::string processes = json.substr(json.find("\"processes\""));
  CHECK(processes == std::string(kGoldenSeed42));
}

TEST_CASE("generated scenarios honour the counts, ranges and cores asked for", "[sim][generate]") {
  sim::GenerateOptions options;
  options.processes = 2000;
  options.cores = 7;
  options.seed = GENERATE(1, 2, 3);
  options.max_burst = 13;
  options.arrival_span = 40;
  options.max_cpu_bursts = 5;
  options.io_ratio = 0.6;
  const sim::Scenario s = sim::generateScenario(options);
  REQUIRE_NOTHROW(sim::validateScenario(s));
  CHECK(s.cores == 7);
  CHECK(s.policy.name == "fcfs");
  CHECK_THAT(s.description, Contains("seed " + std::to_string(options.seed)));
  REQUIRE(s.processes.size() == 2000);
  sim::Tick earliest = options.arrival_span;
  sim::Tick latest = 0;
  std::uint32_t longest = 0;
  int most_cpu_bursts = 0;
  for (std::size_t i = 0; i < s.processes.size(); ++i) {
    const sim::ProcessSpec& p = s.processes[i];
    CHECK(p.name == std::string("P").append(std::to_string(i + 1)));
    earliest = std::min(earliest, p.arrival);
    latest = std::max(latest, p.arrival);
    most_cpu_bursts = std::max(most_cpu_bursts, cpuBurstCount(p));
    for (const sim::Burst& burst : p.bursts) {
      CHECK(burst.length >= 1);
      longest = std::max(longest, burst.length);
    }
  }
  CHECK(earliest == 0);
  CHECK(latest == 40);
  CHECK(longest == 13);
  CHECK(most_cpu_bursts == 5);
}

TEST_CASE("io_ratio 0 gives processes with a single CPU burst, 1 gives IO between every pair", "[sim][generate]") {
  sim::GenerateOptions options;
  options.processes = 300;
  options.max_cpu_bursts = 6;
  SECTION("io_ratio 0") {
    options.io_ratio = 0;
    for (const sim::ProcessSpec& p : sim::generateScenario(options).processes) CHECK(p.bursts.size() == 1);
  }
  SECTION("io_ratio 1") {
    options.io_ratio = 1;
    const sim::Scenario s = sim::generateScenario(options);
    int with_io = 0;
    for (const sim::ProcessSpec& p : s.processes) with_io += p.bursts.size() > 1 ? 1 : 0;
    // About 5/6 of the processes draw more than one CPU burst, and each keeps all of them.
    CHECK(with_io > 200);
  }
}

TEST_CASE("an arrival span of 0 makes every process arrive at tick 0", "[sim][generate]") {
  sim::GenerateOptions options;
  options.processes = 100;
  options.arrival_span = 0;
  for (const sim::ProcessSpec& p : sim::generateScenario(options).processes) CHECK(p.arrival == 0);
}

TEST_CASE("a generated scenario round-trips through JSON", "[sim][generate][roundtrip]") {
  sim::GenerateOptions options;
  options.processes = 1000;
  options.seed = 9;
  const sim::Scenario s = sim::generateScenario(options);
  requireSameScenario(sim::parseScenario(sim::scenarioToJson(s)), s);
}

TEST_CASE("bad generator options are refused with the option's name", "[sim][generate][errors]") {
  struct Bad {
    sim::GenerateOptions options;
    const char* option;
  };
  auto with = [](auto change) {
    sim::GenerateOptions options;
    change(options);
    return options;
  };
  const Bad cases[] = {
      {with([](sim::GenerateOptions& o) { o.processes = 0; }), "--processes"},
      {with([](sim::GenerateOptions& o) { o.processes = sim::kMaxProcesses + 1; }), "--processes"},
      {with([](sim::GenerateOptions& o) { o.cores = 0; }), "--cores"},
      {with([](sim::GenerateOptions& o) { o.cores = 1025; }), "--cores"},
      {with([](sim::GenerateOptions& o) { o.io_ratio = -0.1; }), "--io-ratio"},
      {with([](sim::GenerateOptions& o) { o.io_ratio = 1.5; }), "--io-ratio"},
      {with([](sim::GenerateOptions& o) { o.io_ratio = 0.0 / 0.0; }), "--io-ratio"},
      {with([](sim::GenerateOptions& o) { o.max_burst = 0; }), "--max-burst"},
      {with([](sim::GenerateOptions& o) { o.max_burst = sim::kMaxBurstLength + 1; }), "--max-burst"},
      {with([](sim::GenerateOptions& o) { o.arrival_span = -1; }), "--arrival-span"},
      {with([](sim::GenerateOptions& o) { o.max_cpu_bursts = 0; }), "--max-cpu-bursts"},
      {with([](sim::GenerateOptions& o) {
         o.processes = 1'000'000;
         o.max_cpu_bursts = 1000;
       }),
       "--max-cpu-bursts"},
  };
  for (const Bad& bad : cases) {
    INFO(bad.option);
    try {
      sim::generateScenario(bad.options);
      FAIL("no error");
    } catch (const std::invalid_argument& error) {
      CHECK_THAT(error.what(), Contains(bad.option));
    }
  }
}
