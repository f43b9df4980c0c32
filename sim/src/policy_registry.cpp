#include "sim/policy_registry.hpp"

#include <algorithm>
#include <stdexcept>

#include "policies/builtin_policies.hpp"
#include "sim/scenario_json.hpp"
#include "text_hints.hpp"

namespace sim {

namespace {

std::vector<PolicyInfo>& registry() {
  static std::vector<PolicyInfo> list = [] {
    std::vector<PolicyInfo> builtin;
    for (PolicyInfo (*describe)() : detail::builtinPolicies()) builtin.push_back(describe());
    return builtin;
  }();
  return list;
}

[[noreturn]] void fail(std::string where, std::string message) {
  throw ScenarioError(std::move(where), std::move(message));
}

const ParamSchema* findParam(const PolicyInfo& info, std::string_view name) {
  for (const ParamSchema& param : info.parameters) {
    if (param.name == name) return &param;
  }
  return nullptr;
}

std::string listOf(const std::vector<std::string>& names) {
  std::string list;
  for (const std::string& name : names) list += (list.empty() ? "" : ", ") + name;
  return list.empty() ? "none" : list;
}

std::vector<std::string> paramNames(const PolicyInfo& info) {
  std::vector<std::string> names;
  for (const ParamSchema& param : info.parameters) names.push_back(param.name);
  return names;
}

const PolicyInfo& requirePolicy(const PolicySpec& spec, const std::string& where) {
  if (const PolicyInfo* info = findPolicy(spec.name)) return *info;
  const std::vector<std::string> known = policyNames();
  fail(where + ".name", "unknown policy " + detail::quoteText(spec.name) +
                            detail::didYouMean(spec.name, {known.begin(), known.end()}) +
                            "; known policies: " + listOf(known));
}

std::string joinValues(const ParamValue& values, char separator) {
  std::string text;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) text += separator;
    text += std::to_string(values[i]);
  }
  return text;
}

}  // namespace

// [SECTION] PolicyArgs

const ParamSchema& PolicyArgs::schema(std::string_view name) const {
  const ParamSchema* param = findParam(info_, name);
  if (param == nullptr) {
    throw std::invalid_argument("policy " + info_.name + " has no parameter \"" + std::string(name) + "\"");
  }
  return *param;
}

ParamValue PolicyArgs::values(std::string_view name) const {
  const ParamSchema& param = schema(name);
  if (auto found = spec_.params.find(name); found != spec_.params.end()) return found->second;
  return {param.default_value};
}

std::int64_t PolicyArgs::integer(std::string_view name) const { return values(name).front(); }

std::vector<std::int64_t> PolicyArgs::list(std::string_view name, std::size_t count) const {
  const ParamValue given = values(name);
  std::vector<std::int64_t> stretched(given.begin(), given.begin() + static_cast<std::ptrdiff_t>(std::min(count, given.size())));
  while (stretched.size() < count) stretched.push_back(given.back());
  return stretched;
}

// [SECTION] Registry

const std::vector<PolicyInfo>& policies() { return registry(); }

const PolicyInfo* findPolicy(std::string_view name) {
  for (const PolicyInfo& info : registry()) {
    if (info.name == name) return &info;
  }
  return nullptr;
}

void registerPolicy(PolicyInfo info) {
  if (info.name.empty() || info.name.find_first_of(": ,=/") != std::string::npos) {
    throw std::invalid_argument("a policy name must be non-empty, without spaces, ':', ',', '=' or '/'");
  }
  if (findPolicy(info.name) != nullptr) throw std::invalid_argument("policy \"" + info.name + "\" is registered already");
  if (!info.make) throw std::invalid_argument("policy \"" + info.name + "\" has no factory");
  for (const ParamSchema& param : info.parameters) {
    const bool boolean = param.type == ParamType::Boolean;
    if (boolean ? (param.min != 0 || param.max != 1) : param.min > param.max) {
      throw std::invalid_argument("policy \"" + info.name + "\": parameter \"" + param.name + "\" has a bad range");
    }
    if (param.default_value < param.min || param.default_value > param.max) {
      throw std::invalid_argument("policy \"" + info.name + "\": parameter \"" + param.name + "\" has a default out of range");
    }
    if (param.name == "name" || param.name == "multiprogramming" || param.name == "wakeup_preempts") {
      throw std::invalid_argument("policy \"" + info.name + "\": \"" + param.name + "\" is a reserved key");
    }
  }
  registry().push_back(std::move(info));
}

std::vector<std::string> policyNames() {
  std::vector<std::string> names;
  for (const PolicyInfo& info : registry()) names.push_back(info.name);
  return names;
}

bool isKnownPolicy(std::string_view name) { return findPolicy(name) != nullptr; }

// [SECTION] Specs

void checkPolicySpec(const PolicySpec& spec, const std::string& where) {
  const PolicyInfo& info = requirePolicy(spec, where);
  for (const auto& [key, values] : spec.params) {
    const std::string place = where + "." + key;
    const ParamSchema* param = findParam(info, key);
    if (param == nullptr) {
      const std::vector<std::string> names = paramNames(info);
      fail(place, "policy " + info.name + " has no parameter " + detail::quoteText(key) +
                      detail::didYouMean(key, {names.begin(), names.end()}) + "; its parameters: " + listOf(names));
    }
    if (values.empty()) fail(place, "needs a value");
    if (param->type != ParamType::IntegerList && values.size() != 1) fail(place, "takes one value, not a list");
    if (values.size() > kMaxParamListLength) {
      fail(place, "at most " + std::to_string(kMaxParamListLength) + " values, got " + std::to_string(values.size()));
    }
    for (std::size_t i = 0; i < values.size(); ++i) {
      const std::string at = values.size() > 1 ? place + "[" + std::to_string(i) + "]" : place;
      if (param->type == ParamType::Boolean) {
        if (values[i] != 0 && values[i] != 1) fail(at, "must be true or false");
        continue;
      }
      if (values[i] < param->min) fail(at, "must be at least " + std::to_string(param->min) + ", got " + std::to_string(values[i]));
      if (values[i] > param->max) fail(at, "must be at most " + std::to_string(param->max) + ", got " + std::to_string(values[i]));
    }
  }
  if (info.check) info.check(PolicyArgs(info, spec));
}

std::unique_ptr<Policy> makePolicy(const PolicySpec& spec) {
  checkPolicySpec(spec);
  const PolicyInfo& info = *findPolicy(spec.name);
  return info.make(PolicyArgs(info, spec));
}

ParamValue resolvedParam(const PolicySpec& spec, std::string_view name) {
  const PolicyInfo* info = findPolicy(spec.name);
  if (info == nullptr) throw std::invalid_argument("unknown policy \"" + spec.name + "\"");
  return PolicyArgs(*info, spec).values(name);
}

std::vector<std::pair<std::string, ParamValue>> resolvedParams(const PolicySpec& spec) {
  std::vector<std::pair<std::string, ParamValue>> resolved;
  const PolicyInfo* info = findPolicy(spec.name);
  if (info == nullptr) return resolved;
  const PolicyArgs args(*info, spec);
  for (const ParamSchema& param : info->parameters) resolved.emplace_back(param.name, args.values(param.name));
  return resolved;
}

std::string formatPolicySpec(const PolicySpec& spec) {
  std::string text = spec.name;
  const PolicyInfo* info = findPolicy(spec.name);
  if (info == nullptr) return text;
  for (const ParamSchema& param : info->parameters) {
    const auto given = spec.params.find(param.name);
    if (given == spec.params.end()) continue;
    if (param.type == ParamType::Boolean) {
      text.append(":").append(param.name).append(given->second.front() != 0 ? "=true" : "=false");
    } else {
      text.append(":").append(param.name).append("=").append(joinValues(given->second, '/'));
    }
  }
  return text;
}

std::string policyLabel(const PolicySpec& spec) {
  const PolicyInfo* info = findPolicy(spec.name);
  if (info == nullptr) return spec.name;
  std::string details;
  const PolicyArgs args(*info, spec);
  for (const ParamSchema& param : info->parameters) {
    const ParamValue values = args.values(param.name);
    std::string part;
    if (param.type == ParamType::Boolean) {
      if (values.front() != 0) part = param.name;
    } else {
      part = param.name + " " + joinValues(values, '/');
    }
    if (part.empty()) continue;
    details += (details.empty() ? "" : ", ") + part;
  }
  return details.empty() ? spec.name : spec.name + " (" + details + ")";
}

}  // namespace sim
