// procsim policies [--format json]: every registered policy and its parameters.
#include <iostream>

#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "sim/policy_registry.hpp"

namespace cli {

namespace {

const char* typeName(sim::ParamType type) {
  switch (type) {
    case sim::ParamType::Integer: return "integer";
    case sim::ParamType::Boolean: return "boolean";
    case sim::ParamType::IntegerList: return "integer list";
  }
  return "integer";
}

nlohmann::ordered_json defaultJson(const sim::ParamSchema& param) {
  if (param.type == sim::ParamType::Boolean) return param.default_value != 0;
  return param.default_value;
}

void printJson(std::ostream& out) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const sim::PolicyInfo& info : sim::policies()) {
    nlohmann::ordered_json parameters = nlohmann::ordered_json::array();
    for (const sim::ParamSchema& param : info.parameters) {
      parameters.push_back({{"name", param.name},
                            {"type", typeName(param.type)},
                            {"default", defaultJson(param)},
                            {"min", param.min},
                            {"max", param.max},
                            {"description", param.description},
                            {"description_zh", param.description_zh}});
    }
    list.push_back({{"name", info.name},
                    {"description", info.description},
                    {"description_zh", info.description_zh},
                    {"parameters", parameters},
                    {"process_keys", info.process_keys}});
  }
  out << list.dump(2) << "\n";
}

void printText(std::ostream& out, bool chinese) {
  for (const sim::PolicyInfo& info : sim::policies()) {
    out << info.name << "  " << (chinese ? info.description_zh : info.description) << "\n";
    for (const sim::ParamSchema& param : info.parameters) {
      out << "    " << param.name << " (" << typeName(param.type) << ", default ";
      if (param.type == sim::ParamType::Boolean) {
        out << (param.default_value != 0 ? "true" : "false");
      } else {
        out << param.default_value << ", " << param.min << ".." << param.max;
      }
      out << ")  " << (chinese ? param.description_zh : param.description) << "\n";
    }
    if (!info.process_keys.empty()) {
      out << "    per process:";
      for (const std::string& key : info.process_keys) out << " \"" << key << "\"";
      out << "\n";
    }
  }
  out << "\nA policy spec is NAME or NAME:KEY=VALUE[:KEY=VALUE...], e.g. rr:quantum=2 (rr:2 for short), "
         "mlfq:quantum=10/20/40.\n";
}

}  // namespace

void addPoliciesCommand(CLI::App& app, int& status) {
  auto format = std::make_shared<std::string>("text");
  auto lang = std::make_shared<std::string>("en");
  CLI::App* cmd = app.add_subcommand("policies", "List every scheduling policy with its parameters");
  cmd->add_option("--format", *format, "Output format")->check(CLI::IsMember({"text", "json"}))->capture_default_str();
  cmd->add_option("--lang", *lang, "Language of the text output: en or zh")
      ->check(CLI::IsMember({"en", "zh"}))
      ->capture_default_str();
  cmd->callback([format, lang, &status] {
    if (*format == "json") {
      printJson(std::cout);
    } else {
      printText(std::cout, *lang == "zh");
    }
    status = kExitOk;
  });
}

}  // namespace cli
