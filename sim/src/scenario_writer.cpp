// scenarioToJson: written by hand into one string buffer, because a
// million-process scenario through a nlohmann DOM costs seconds and
// gigabytes. One process per line keeps big files readable with grep.
#include <charconv>
#include <cstdint>
#include <string>

#include "sim/policy_registry.hpp"
#include "sim/scenario_json.hpp"
#include "text_hints.hpp"

namespace sim {
namespace {

class Writer {
 public:
  explicit Writer(int indent) : indent_(indent) {}

  std::string take() { return std::move(out_); }
  void reserve(std::size_t bytes) { out_.reserve(bytes); }

  void open(char bracket) {
    out_ += bracket;
    ++depth_;
    first_ = true;
  }
  void close(char bracket) {
    --depth_;
    if (!first_) newline();
    out_ += bracket;
    first_ = false;
  }
  // Starts a member of the enclosing object (key given) or array (key empty).
  void member(std::string_view key) {
    if (!first_) out_ += ',';
    newline();
    first_ = false;
    if (!key.empty()) {
      detail::appendJsonString(out_, key);
      out_ += indent_ >= 0 ? ": " : ":";
    }
  }
  void raw(std::string_view text) { out_ += text; }
  void string(std::string_view text) { detail::appendJsonString(out_, text); }
  void integer(std::int64_t value) {
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    out_.append(digits, end);
  }
  void number(double value) {
    char digits[32];
    const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;  // shortest exact form
    out_.append(digits, end);
  }
  void boolean(bool value) { out_ += value ? "true" : "false"; }

 private:
  void newline() {
    if (indent_ < 0) return;
    out_ += '\n';
    out_.append(static_cast<std::size_t>(depth_ * indent_), ' ');
  }

  std::string out_;
  int indent_;
  int depth_ = 0;
  bool first_ = true;
};

// One process on one line: {"name": "P1", "arrival": 0, "priority": 0, "bursts": [{"cpu": 5}, ...]}
void writeProcess(Writer& out, const Scenario& scenario, const ProcessSpec& process, const char* separator) {
  // `, "name": ` (the first key has no comma before it).
  const auto key = [&out, separator](const char* name, bool first = false) {
    if (!first) {
      out.raw(",");
      out.raw(separator);
    }
    out.raw("\"");
    out.raw(name);
    out.raw("\":");
    out.raw(separator);
  };
  out.raw("{");
  key("name", true);
  out.string(process.name);
  key("arrival");
  out.integer(process.arrival);
  key("priority");
  out.integer(process.priority);
  if (process.tickets != ProcessSpec{}.tickets) {
    key("tickets");
    out.integer(process.tickets);
  }
  if (!process.affinity.empty()) {
    key("affinity");
    out.raw("[");
    for (std::size_t i = 0; i < process.affinity.size(); ++i) {
      if (i > 0) out.raw(",");
      out.integer(process.affinity[i]);
    }
    out.raw("]");
  }
  if (process.working_set != 0) {
    key("working_set");
    out.integer(process.working_set);
  }
  if (process.nice != 0) {
    key("nice");
    out.integer(process.nice);
  }
  key("bursts");
  out.raw("[");
  for (std::size_t i = 0; i < process.bursts.size(); ++i) {
    const Burst& burst = process.bursts[i];
    if (i > 0) {
      out.raw(",");
      out.raw(separator);
    }
    out.raw(burst.kind == BurstKind::Cpu ? "{\"cpu\":" : "{\"io\":");
    out.raw(separator);
    out.integer(burst.length);
    if (burst.kind == BurstKind::Io && burst.device != 0) {
      out.raw(",");
      out.raw(separator);
      out.raw("\"device\":");
      out.raw(separator);
      out.string(scenario.devices.at(burst.device));
    }
    if (burst.async) {
      out.raw(",");
      out.raw(separator);
      out.raw("\"async\":");
      out.raw(separator);
      out.raw("true");
    }
    out.raw("}");
  }
  out.raw("]}");
}

void writeExpectations(Writer& out, const Expectations& expect) {
  out.member("expect");
  out.open('{');
  for (const auto& [metric, value] : expect.run) {
    out.member(metric);
    out.number(value);
  }
  if (!expect.processes.empty()) {
    out.member("processes");
    out.open('{');
    for (const auto& [process, metrics] : expect.processes) {
      out.member(process);
      out.open('{');
      for (const auto& [metric, value] : metrics) {
        out.member(metric);
        out.number(value);
      }
      out.close('}');
    }
    out.close('}');
  }
  out.close('}');
}

}  // namespace

std::string scenarioToJson(const Scenario& scenario, int indent) {
  Writer out(indent);
  out.reserve(256 + scenario.processes.size() * 96);
  const char* separator = indent >= 0 ? " " : "";
  out.open('{');
  out.member("name");
  out.string(scenario.name);
  out.member("description");
  out.string(scenario.description);
  out.member("cores");
  out.integer(scenario.cores);
  out.member("policy");
  out.open('{');
  out.member("name");
  out.string(scenario.policy.name);
  if (const PolicyInfo* info = findPolicy(scenario.policy.name)) {
    const PolicyArgs args(*info, scenario.policy);
    for (const ParamSchema& param : info->parameters) {
      const ParamValue values = args.values(param.name);
      out.member(param.name);
      if (param.type == ParamType::Boolean) {
        out.boolean(values.front() != 0);
      } else if (values.size() == 1) {
        out.integer(values.front());
      } else {
        out.raw("[");
        for (std::size_t i = 0; i < values.size(); ++i) {
          if (i > 0) out.raw(indent >= 0 ? ", " : ",");
          out.integer(values[i]);
        }
        out.raw("]");
      }
    }
  }
  out.member("multiprogramming");
  out.boolean(scenario.policy.multiprogramming);
  out.member("wakeup_preempts");
  out.boolean(scenario.policy.wakeup_preempts);
  out.close('}');
  out.member("context_switch");
  out.integer(scenario.context_switch);
  if (scenario.run_queues == RunQueues::PerCore) {
    out.member("run_queues");
    out.string("per_core");
  }
  if (scenario.balance != BalanceOptions{}) {
    out.member("balance");
    out.raw(indent >= 0 ? "{\"interval\": " : "{\"interval\":");
    out.integer(scenario.balance.interval);
    out.raw(indent >= 0 ? ", \"steal\": " : ",\"steal\":");
    out.boolean(scenario.balance.steal);
    out.raw("}");
  }
  if (scenario.cache) {
    out.member("cache");
    out.raw(indent >= 0 ? "{\"warmup\": " : "{\"warmup\":");
    out.integer(scenario.cache->warmup);
    out.raw(indent >= 0 ? ", \"warm_rate\": " : ",\"warm_rate\":");
    out.integer(scenario.cache->warm_rate);
    out.raw(indent >= 0 ? ", \"size\": " : ",\"size\":");
    out.integer(scenario.cache->size);
    out.raw("}");
  }
  if (!scenario.device_options.empty()) {
    out.member("devices");
    out.open('{');
    for (const auto& [device, options] : scenario.device_options) {
      out.member(device);
      out.raw(indent >= 0 ? "{\"servers\": " : "{\"servers\":");
      out.integer(options.servers);
      out.raw("}");
    }
    out.close('}');
  }
  out.member("processes");
  out.open('[');
  for (const ProcessSpec& process : scenario.processes) {
    out.member("");
    writeProcess(out, scenario, process, separator);
  }
  out.close(']');
  if (scenario.expect) writeExpectations(out, *scenario.expect);
  out.close('}');
  std::string text = out.take();
  if (indent >= 0) text += '\n';
  return text;
}

}  // namespace sim
