// The policy registry: schemas, spec strings, labels and defaults.
#include <set>

#include <catch2/catch.hpp>

#include "sim/compare.hpp"
#include "sim/policy_registry.hpp"
#include "sim/scenario_json.hpp"

namespace {

sim::PolicySpec parse(const std::string& text, const sim::PolicySpec& base = {}) {
  std::string error;
  auto spec = sim::parsePolicySpec(text, base, error);
  INFO(error);
  REQUIRE(spec);
  return *spec;
}

std::string errorOf(const std::string& text) {
  std::string error;
  CHECK_FALSE(sim::parsePolicySpec(text, {}, error));
  return error;
}

}  // namespace

TEST_CASE("every registered policy has a unique name, descriptions in both languages and a sane schema", "[sim][registry]") {
  std::set<std::string> names;
  for (const sim::PolicyInfo& info : sim::policies()) {
    INFO(info.name);
    CHECK(names.insert(info.name).second);
    CHECK_FALSE(info.description.empty());
    CHECK_FALSE(info.description_zh.empty());
    CHECK_FALSE(info.versus_linux.empty());
    CHECK_FALSE(info.versus_linux_zh.empty());
    for (const sim::ParamSchema& param : info.parameters) {
      INFO(param.name);
      CHECK(param.min <= param.default_value);
      CHECK(param.default_value <= param.max);
      CHECK_FALSE(param.description.empty());
      CHECK_FALSE(param.description_zh.empty());
    }
    sim::PolicySpec defaults;
    defaults.name = info.name;
    CHECK_NOTHROW(sim::checkPolicySpec(defaults));
    CHECK(sim::makePolicy(defaults) != nullptr);
  }
  CHECK(names.count("fcfs") == 1);
  CHECK(names.count("rr") == 1);
}

TEST_CASE("a spec string sets named parameters, booleans by name and the first parameter by value", "[sim][registry]") {
  CHECK(parse("rr:quantum=2").params.at("quantum") == sim::ParamValue{2});
  CHECK(parse("rr:2").params.at("quantum") == sim::ParamValue{2});
  CHECK(parse("priority:preemptive").params.at("preemptive") == sim::ParamValue{1});
  CHECK(parse("priority:preemptive=false").params.at("preemptive") == sim::ParamValue{0});
  CHECK(parse("fcfs").params.empty());
}

TEST_CASE("a spec string keeps the base's parameters for the same policy and drops them for another", "[sim][registry]") {
  sim::PolicySpec base = parse("rr:quantum=7");
  base.multiprogramming = false;
  const sim::PolicySpec same = parse("rr", base);
  CHECK(same.params.at("quantum") == sim::ParamValue{7});
  CHECK_FALSE(same.multiprogramming);
  const sim::PolicySpec other = parse("fcfs", base);
  CHECK(other.params.empty());
  CHECK_FALSE(other.multiprogramming);
}

TEST_CASE("a bad spec string says what is wrong and lists what is known", "[sim][registry]") {
  CHECK_THAT(errorOf("lotto"), Catch::Contains("unknown policy \"lotto\"") && Catch::Contains("fcfs"));
  CHECK_THAT(errorOf("rr:quantum=0"), Catch::Contains("quantum: must be at least 1, got 0"));
  CHECK_THAT(errorOf("rr:quantum=abc"), Catch::Contains("quantum must be a whole number"));
  CHECK_THAT(errorOf("rr:quantum"), Catch::Contains("quantum needs a value"));
  CHECK_THAT(errorOf("rr:speed=3"), Catch::Contains("no parameter \"speed\"") && Catch::Contains("quantum"));
  CHECK_THAT(errorOf("fcfs:3"), Catch::Contains("fcfs has no parameter"));
  CHECK_THAT(errorOf("priority:preemptive=maybe"), Catch::Contains("true or false"));
  CHECK_THAT(errorOf("rr:quantum=99999999999999999999"), Catch::Contains("whole number"));
}

TEST_CASE("the canonical spec and the label show a policy's parameters", "[sim][registry]") {
  CHECK(sim::formatPolicySpec(parse("rr:2")) == "rr:quantum=2");
  CHECK(sim::formatPolicySpec(parse("fcfs")) == "fcfs");
  CHECK(sim::formatPolicySpec(parse("priority:preemptive")) == "priority:preemptive=true");
  CHECK(sim::policyLabel(parse("rr:2")) == "rr (quantum 2)");
  CHECK(sim::policyLabel(parse("rr")) == "rr (quantum 4)");
  CHECK(sim::policyLabel(parse("priority")) == "priority");
  CHECK(sim::policyLabel(parse("priority:preemptive")) == "priority (preemptive)");
  for (const sim::PolicyInfo& info : sim::policies()) {
    sim::PolicySpec spec;
    spec.name = info.name;
    CHECK(sim::formatPolicySpec(parse(sim::formatPolicySpec(spec))) == sim::formatPolicySpec(spec));
  }
}

TEST_CASE("a policy cannot be registered twice or with a malformed schema", "[sim][registry]") {
  sim::PolicyInfo twice;
  twice.name = "fcfs";
  twice.make = [](const sim::PolicyArgs&) -> std::unique_ptr<sim::Policy> { return nullptr; };
  CHECK_THROWS_AS(sim::registerPolicy(twice), std::invalid_argument);
  sim::PolicyInfo bad_default;
  bad_default.name = "bad-default";
  bad_default.make = twice.make;
  bad_default.parameters = {{"x", sim::ParamType::Integer, 1, 5, 9, "x", "x", ""}};
  CHECK_THROWS_AS(sim::registerPolicy(bad_default), std::invalid_argument);
  sim::PolicyInfo bad_name = bad_default;
  bad_name.name = "a:b";
  bad_name.parameters.clear();
  CHECK_THROWS_AS(sim::registerPolicy(bad_name), std::invalid_argument);
  CHECK_FALSE(sim::isKnownPolicy("bad-default"));
}

TEST_CASE("the default comparison puts the scenario's policy first and does not repeat it", "[sim][registry][compare]") {
  sim::Scenario scenario;
  scenario.processes.push_back({"A", 0, 0, {{3, 0, sim::BurstKind::Cpu}}});
  scenario.policy = parse("rr:quantum=4");
  const auto entries = sim::defaultComparison(scenario);
  REQUIRE(entries.size() == sim::policies().size());
  CHECK(entries[0].label == "rr (quantum 4) (file)");
  scenario.policy = parse("rr:quantum=3");
  const auto with_rr_twice = sim::defaultComparison(scenario);
  CHECK(with_rr_twice.size() == sim::policies().size() + 1);
  const auto results = sim::comparePolicies(scenario, with_rr_twice);
  REQUIRE(results.size() == with_rr_twice.size());
  for (const auto& result : results) CHECK(result.metrics.makespan == 3);
  std::size_t calls = 0;
  const auto stopped = sim::comparePolicies(scenario, with_rr_twice, [&](std::size_t done, std::size_t total) {
    ++calls;
    CHECK(total == with_rr_twice.size());
    return done < 2;
  });
  CHECK(stopped.size() == 2);
  CHECK(calls == 2);
}
