// Golden trace hashes: every preset under every policy (at its defaults,
// but a quantum of 2 where the policy has one, and preemptive off and on
// where it has that) has a pinned hash of its whole trace, so a change in
// behaviour across versions is caught, not only within one binary.
// Regenerate after an intended change with:
//   PROCSIM_UPDATE_GOLDEN=1 build/tests/sim/sim_tests '[golden]'
#include <catch2/catch.hpp>
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "sim/engine.hpp"
#include "sim/policy_registry.hpp"
#include "sim/scenario_json.hpp"

namespace {

// FNV-1a over each transition's fields at fixed widths: the same on every
// compiler and machine.
class TraceHash {
 public:
  void add(std::uint64_t value, int bytes) {
    for (int i = 0; i < bytes; ++i) {
      hash_ ^= (value >> (8 * i)) & 0xff;
      hash_ *= 0x100000001b3ULL;
    }
  }
  std::string hex() const {
    std::ostringstream text;
    text << std::hex << hash_;
    return text.str();
  }

 private:
  std::uint64_t hash_ = 0xcbf29ce484222325ULL;
};

std::string traceLine(const sim::Trace& trace) {
  TraceHash hash;
  for (const sim::Transition& t : trace) {
    hash.add(static_cast<std::uint64_t>(t.tick), 8);
    hash.add(static_cast<std::uint64_t>(static_cast<std::uint32_t>(t.process)), 4);
    hash.add(static_cast<std::uint64_t>(static_cast<std::uint16_t>(t.core)), 2);
    hash.add(static_cast<std::uint64_t>(t.kind), 1);
    hash.add(static_cast<std::uint64_t>(t.reason), 1);
  }
  return std::to_string(trace.size()) + " " + hash.hex();
}

// The built-in policies, taken before any test registers one of its own
// (policy_hooks_test.cpp's probe): a whole-binary run must not see it here.
const std::vector<std::string> kBuiltinPolicies = sim::policyNames();

// "preset policy preemptive" -> "transitions hash", for every combination.
std::map<std::string, std::string> currentHashes() {
  std::map<std::string, std::string> hashes;
  for (const auto& entry : std::filesystem::directory_iterator(PROCSIM_SCENARIOS_DIR)) {
    if (entry.path().extension() != ".json") continue;
    const sim::Scenario preset = sim::loadScenario(entry.path().string());
    for (const std::string& policy : kBuiltinPolicies) {
      const sim::PolicyInfo& info = *sim::findPolicy(policy);
      const auto has = [&info](const char* key) {
        return std::any_of(info.parameters.begin(), info.parameters.end(),
                           [key](const sim::ParamSchema& param) { return param.name == key; });
      };
      for (const bool preemptive : {false, true}) {
        sim::Scenario scenario = preset;
        scenario.policy.name = policy;
        scenario.policy.params.clear();
        if (has("quantum")) scenario.policy.params["quantum"] = {2};
        if (has("preemptive")) scenario.policy.params["preemptive"] = {preemptive ? 1 : 0};
        sim::Engine engine(scenario, {.snapshots = false});
        engine.runToEnd();
        const std::string key = entry.path().stem().string() + " " + policy + (preemptive ? " preemptive" : " plain");
        hashes[key] = traceLine(engine.trace());
      }
    }
  }
  return hashes;
}

}  // namespace

TEST_CASE("every preset under every policy gives the trace pinned in golden_traces.txt", "[sim][golden]") {
  const std::map<std::string, std::string> current = currentHashes();
  REQUIRE(current.size() >= 10);
  if (std::getenv("PROCSIM_UPDATE_GOLDEN") != nullptr) {
    std::ofstream out(PROCSIM_GOLDEN_TRACES, std::ios::trunc);
    out << "# preset policy preemptive: transitions fnv1a64 (tests/sim/golden_trace_test.cpp regenerates it)\n";
    for (const auto& [key, value] : current) out << key << ": " << value << "\n";
    WARN("rewrote " PROCSIM_GOLDEN_TRACES);
    return;
  }
  std::map<std::string, std::string> golden;
  std::ifstream in(PROCSIM_GOLDEN_TRACES);
  REQUIRE(in);
  for (std::string line; std::getline(in, line);) {
    const auto colon = line.find(": ");
    if (line.empty() || line[0] == '#' || colon == std::string::npos) continue;
    golden[line.substr(0, colon)] = line.substr(colon + 2);
  }
  for (const auto& [key, value] : current) {
    INFO(key);
    REQUIRE(golden.count(key) == 1);
    CHECK(golden.at(key) == value);
  }
  CHECK(golden.size() == current.size());
}
