// sim/policy_registry.hpp: every scheduling policy, with its parameters.
//
// Each policy lives in one source file under sim/src/policies/ that
// describes itself with a PolicyInfo (name, a one-line description in
// English and Chinese, the schema of its parameters and a factory). The
// scenario reader and writer, the checker, every CLI command and the GUI
// iterate this registry; no other file names a policy.
//
// Parameters are whole numbers: an integer, a boolean (0 or 1), or a list
// of integers (one value, or one per level). A PolicySpec holds only the
// values that were given; every other parameter takes its schema default.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/policy.hpp"
#include "sim/scenario.hpp"

namespace sim {

enum class ParamType : std::uint8_t {
  Integer,      // one whole number in [min, max]
  Boolean,      // true or false (stored as 1 or 0)
  IntegerList,  // one number, or a list of up to kMaxParamListLength, each in [min, max]
};
inline constexpr std::size_t kMaxParamListLength = 64;

struct ParamSchema {
  std::string name;             // the key in the scenario's policy object and in spec strings
  ParamType type = ParamType::Integer;
  std::int64_t min = 0;         // inclusive; for a list, of each element
  std::int64_t max = 0;         // inclusive
  std::int64_t default_value = 0;  // a list's default is this one value
  std::string description;      // one line, English
  std::string description_zh;   // one line, 简体中文
  std::string label_zh;         // a short name for controls in 简体中文 (empty: `name`)
};

struct PolicyInfo;

// The parameters of a policy resolved against its schema: what a factory reads.
class PolicyArgs {
 public:
  PolicyArgs(const PolicyInfo& info, const PolicySpec& spec) : info_(info), spec_(spec) {}
  std::int64_t integer(std::string_view name) const;   // Integer or Boolean
  bool flag(std::string_view name) const { return integer(name) != 0; }
  // A list parameter stretched to `count` values: one value repeats, a
  // shorter list repeats its last value.
  std::vector<std::int64_t> list(std::string_view name, std::size_t count) const;
  ParamValue values(std::string_view name) const;  // as given, or {default}

 private:
  const ParamSchema& schema(std::string_view name) const;
  const PolicyInfo& info_;
  const PolicySpec& spec_;
};

struct PolicyInfo {
  std::string name;             // lower case, no spaces or ':' (e.g. "rr")
  std::string description;      // one line, English
  std::string description_zh;   // one line, 简体中文
  std::vector<ParamSchema> parameters;  // in the order spec strings and the GUI show them
  // Makes the policy for a valid spec (checkPolicySpec has passed).
  std::function<std::unique_ptr<Policy>(const PolicyArgs& args)> make;
  // Optional: checks across parameters beyond each one's range; throws
  // ScenarioError("policy.KEY", message).
  std::function<void(const PolicyArgs& args)> check;
  // Optional: the process attributes the policy reads ("tickets", "nice"),
  // so that tools can show them.
  std::vector<std::string> process_keys;
  // How Linux's own scheduler differs from this policy, for the explanation
  // beside a real replay (one or two sentences; English and 简体中文).
  std::string versus_linux;
  std::string versus_linux_zh;
};

// [Registry] Built-in policies are registered on first use, in the order of
// sim/src/policies/policy_list.inc. A program (or a test) may add its own.
const std::vector<PolicyInfo>& policies();
const PolicyInfo* findPolicy(std::string_view name);
// Throws std::invalid_argument when the name is taken or the schema is malformed.
void registerPolicy(PolicyInfo info);

// The names of every policy, in registry order.
std::vector<std::string> policyNames();
bool isKnownPolicy(std::string_view name);

// [Specs]
// Throws ScenarioError("policy...", message) unless `spec` names a known
// policy and every given parameter belongs to it, has its type and lies in
// its range. `where` prefixes the places ("policy" in a scenario file).
void checkPolicySpec(const PolicySpec& spec, const std::string& where = "policy");

// The policy a valid spec describes. Throws like checkPolicySpec.
std::unique_ptr<Policy> makePolicy(const PolicySpec& spec);

// The value of one parameter, resolved (given, else the default). Throws
// std::invalid_argument for a name the policy does not have.
ParamValue resolvedParam(const PolicySpec& spec, std::string_view name);

// A spec string: NAME, or NAME:KEY=VALUE[:KEY=VALUE...]. A boolean may be
// given as :KEY (true); NAME:VALUE sets the policy's first parameter (so
// "rr:2" is rr with quantum 2). A list value separates its elements with
// ',' or '/' ("mlfq:quantum=10/20/40"). `base` supplies the dispatcher
// options (multiprogramming, wakeup_preempts); its parameters are kept
// when the name is the same. On error returns nothing and sets `error`.
std::optional<PolicySpec> parsePolicySpec(std::string_view text, const PolicySpec& base, std::string& error);

// The canonical spec string: NAME[:KEY=VALUE...] with every given value.
std::string formatPolicySpec(const PolicySpec& spec);

// A label for people: "rr (quantum 4)", "priority (preemptive)",
// "mlfq (levels 3, quantum 10/20/40, ...)". Every parameter is shown,
// resolved; booleans by name when true, not at all when false.
std::string policyLabel(const PolicySpec& spec);

// Every parameter of the spec's policy, resolved, in schema order.
std::vector<std::pair<std::string, ParamValue>> resolvedParams(const PolicySpec& spec);

}  // namespace sim
