// Policy spec strings: "rr:quantum=2", "mlfq:levels=3:boost=50", "rr:2".
#include <charconv>

#include "sim/policy_registry.hpp"
#include "sim/scenario_json.hpp"

namespace sim {

namespace {

// "\"text\"" built by appending: GCC 12 at -O3 warns falsely (-Wrestrict)
// on a one-character literal + std::string.
std::string quoted(std::string_view text) { return std::string(1, '"').append(text).append(1, '"'); }

const ParamSchema* findParam(const PolicyInfo& info, std::string_view name) {
  for (const ParamSchema& param : info.parameters) {
    if (param.name == name) return &param;
  }
  return nullptr;
}

std::vector<std::string_view> split(std::string_view text, std::string_view separators) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = text.find_first_of(separators, start);
    parts.push_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

bool parseWhole(std::string_view text, std::int64_t& value) {
  if (text.empty()) return false;
  const char* first = text.data();
  if (*first == '+') ++first;
  const auto [end, error] = std::from_chars(first, text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size();
}

bool parseValue(const ParamSchema& param, std::string_view text, ParamValue& values, std::string& error) {
  values.clear();
  if (param.type == ParamType::Boolean) {
    if (text == "true" || text == "1" || text == "yes" || text == "on") values.push_back(1);
    else if (text == "false" || text == "0" || text == "no" || text == "off") values.push_back(0);
    else error = param.name + " is true or false, got " + quoted(text);
    return error.empty();
  }
  const std::vector<std::string_view> items =
      param.type == ParamType::IntegerList ? split(text, ",/") : std::vector<std::string_view>{text};
  for (std::string_view item : items) {
    std::int64_t value = 0;
    if (!parseWhole(item, value)) {
      error = param.name + " must be a whole number" + (param.type == ParamType::IntegerList ? " or a list like 10/20/40" : "") +
              ", got " + quoted(text);
      return false;
    }
    values.push_back(value);
  }
  return true;
}

}  // namespace

std::optional<PolicySpec> parsePolicySpec(std::string_view text, const PolicySpec& base, std::string& error) {
  error.clear();
  const std::vector<std::string_view> parts = split(text, ":");
  const std::string name(parts.front());
  const PolicyInfo* info = findPolicy(name);
  if (info == nullptr) {
    error = "unknown policy " + quoted(name) + "; known policies:";
    for (const std::string& known : policyNames()) error.append(" ").append(known);
    return std::nullopt;
  }
  PolicySpec spec = base;
  if (spec.name != name) spec.params.clear();
  spec.name = name;
  for (std::size_t i = 1; i < parts.size(); ++i) {
    const std::string_view part = parts[i];
    const std::size_t equals = part.find('=');
    std::string_view key = part.substr(0, equals);
    std::string_view value = equals == std::string_view::npos ? std::string_view{} : part.substr(equals + 1);
    const ParamSchema* param = findParam(*info, key);
    if (equals == std::string_view::npos && param == nullptr && !info->parameters.empty()) {
      // "rr:2": a bare value sets the first parameter.
      param = &info->parameters.front();
      value = part;
    } else if (equals == std::string_view::npos && param != nullptr) {
      if (param->type != ParamType::Boolean) {
        error = quoted(text) + ": " + param->name + " needs a value, e.g. " + name + ":" + param->name + "=" +
                std::to_string(param->default_value);
        return std::nullopt;
      }
      value = "true";
    }
    if (param == nullptr) {
      error = quoted(text) + ": policy " + name + " has no parameter " + quoted(key) + "; its parameters:";
      for (const ParamSchema& known : info->parameters) error.append(" ").append(known.name);
      if (info->parameters.empty()) error += " none";
      return std::nullopt;
    }
    ParamValue values;
    std::string value_error;
    if (!parseValue(*param, value, values, value_error)) {
      error = quoted(text) + ": " + value_error;
      return std::nullopt;
    }
    spec.params[param->name] = std::move(values);
  }
  try {
    checkPolicySpec(spec, name);
  } catch (const ScenarioError& bad) {
    error = quoted(text) + ": " + bad.what();
    return std::nullopt;
  }
  return spec;
}

}  // namespace sim
