#include <algorithm>
#include <charconv>
#include <iomanip>
#include <string_view>

#include <nlohmann/json.hpp>

#include "reports.hpp"
#include "sim/policy_registry.hpp"

namespace cli {

namespace {
std::string orDash(sim::Tick value) { return value < 0 ? "-" : std::to_string(value); }

constexpr std::size_t kRowBufferBytes = std::size_t{1} << 20;

void appendField(std::string& out, std::string_view key, sim::Tick value) {
  out.append(key);
  char digits[24];
  const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
  out.append(digits, end);
}

// `text` as nlohmann's dump() writes it: plain ASCII with nothing to escape
// is copied; anything else goes through nlohmann, byte for byte the same.
void appendJsonString(std::string& out, const std::string& text) {
  const bool plain = std::all_of(text.begin(), text.end(), [](char ch) {
    const auto byte = static_cast<unsigned char>(ch);
    return byte >= 0x20 && byte < 0x80 && ch != '"' && ch != '\\';
  });
  if (!plain) {
    out.append(nlohmann::json(text).dump());
    return;
  }
  out.push_back('"');
  out.append(text);
  out.push_back('"');
}
}  // namespace

void appendMetricFields(nlohmann::ordered_json& object, const sim::RunMetrics& metrics) {
  for (const sim::MetricField& field : sim::runMetricFields(metrics)) {
    if (field.integer) {
      object[field.name] = static_cast<std::int64_t>(field.value);
    } else {
      object[field.name] = field.value;
    }
  }
}

void appendPolicyFields(nlohmann::ordered_json& object, const sim::PolicySpec& policy) {
  object["policy"] = policy.name;
  const sim::PolicyInfo* info = sim::findPolicy(policy.name);
  for (const auto& [key, values] : sim::resolvedParams(policy)) {
    const std::string& name = key;  // a structured binding cannot be captured before C++20 in every compiler
    const bool boolean = std::any_of(info->parameters.begin(), info->parameters.end(), [&](const sim::ParamSchema& p) {
      return p.name == name && p.type == sim::ParamType::Boolean;
    });
    if (boolean) {
      object[name] = values.front() != 0;
    } else if (values.size() == 1) {
      object[name] = values.front();
    } else {
      object[name] = values;
    }
  }
  object["policy_spec"] = sim::formatPolicySpec(policy);
}

std::string csvField(const std::string& text) {
  if (text.find_first_of(",\"\n") == std::string::npos) return text;
  std::string escaped = "\"";
  for (const char ch : text) escaped += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  return escaped + "\"";
}

void printMetricsText(std::ostream& out, const sim::Engine& engine, const sim::RunMetrics& m) {
  const sim::Scenario& scenario = engine.scenario();
  std::size_t width = 7;
  for (const auto& p : scenario.processes) width = std::max(width, p.name.size() + 2);
  const int w = static_cast<int>(width);
  out << std::left << std::setw(w) << "process" << std::right << std::setw(9) << "arrival" << std::setw(12)
      << "completion" << std::setw(12) << "turnaround" << std::setw(9) << "waiting" << std::setw(10) << "response"
      << std::setw(9) << "blocked" << std::setw(6) << "cpu" << std::setw(10) << "overhead" << "\n";
  for (std::size_t i = 0; i < scenario.processes.size(); ++i) {
    const sim::ProcessMetrics p = sim::processMetrics(engine, static_cast<sim::ProcessId>(i));
    out << std::left << std::setw(w) << p.name << std::right << std::setw(9) << p.arrival << std::setw(12)
        << orDash(p.completion) << std::setw(12) << p.turnaround << std::setw(9) << p.waiting << std::setw(10)
        << orDash(p.response) << std::setw(9) << p.blocked << std::setw(6) << p.cpu << std::setw(10) << p.overhead
        << "\n";
  }
  out << "\n" << std::fixed << std::setprecision(2);
  out << "policy            " << sim::policyLabel(scenario.policy);
  if (!scenario.policy.multiprogramming) out << ", multiprogramming off";
  if (scenario.policy.wakeup_preempts) out << ", wakeup preempts";
  out << ", " << scenario.cores << (scenario.cores == 1 ? " core" : " cores");
  if (scenario.context_switch > 0) out << ", context switch " << scenario.context_switch;
  out << "\n";
  out << "avg turnaround    " << m.avg_turnaround << "\n";
  out << "avg waiting       " << m.avg_waiting << "\n";
  out << "avg response      " << m.avg_response << "\n";
  out << "makespan          " << m.makespan << "\n";
  out << "cpu utilization   " << m.cpu_utilization * 100.0 << "%\n";
  out << "throughput        " << std::setprecision(4) << m.throughput << " processes/tick\n";
  out << "context switches  " << m.context_switches << "\n";
  out << "transitions       ";
  for (int k = 0; k < sim::kTransitionKindCount; ++k) {
    const auto kind = static_cast<sim::TransitionKind>(k);
    if (kind == sim::TransitionKind::Requeue && m.transitions[static_cast<std::size_t>(k)] == 0) continue;
    out << (k ? ", " : "") << sim::name(static_cast<sim::TransitionKind>(k)) << " " << m.transitions[static_cast<std::size_t>(k)];
  }
  out << "\n" << std::defaultfloat;
}

void printMetricsJson(std::ostream& out, const sim::Engine& engine, const sim::RunMetrics& m) {
  const sim::Scenario& scenario = engine.scenario();
  // The summary is built as a JSON object; the process list, which may hold
  // millions of rows, is streamed after it without building a document.
  nlohmann::ordered_json summary;
  summary["scenario"] = scenario.name;
  appendPolicyFields(summary, scenario.policy);
  summary["cores"] = scenario.cores;
  appendMetricFields(summary, m);
  nlohmann::ordered_json transitions;
  for (int k = 0; k < sim::kTransitionKindCount; ++k) {
    transitions[std::string(sim::name(static_cast<sim::TransitionKind>(k)))] = m.transitions[static_cast<std::size_t>(k)];
  }
  summary["transitions"] = transitions;
  std::string text = summary.dump(2);
  text.pop_back();  // the closing brace: "processes" follows
  while (!text.empty() && text.back() == '\n') text.pop_back();
  out << text << ",\n  \"processes\": [";
  // Rows go through one large buffer with std::to_chars: a million rows
  // through iostream formatting took longer than the run.
  std::string rows;
  rows.reserve(kRowBufferBytes + 1024);
  for (std::size_t i = 0; i < scenario.processes.size(); ++i) {
    const sim::ProcessMetrics p = sim::processMetrics(engine, static_cast<sim::ProcessId>(i));
    rows.append(i == 0 ? "\n    {\"name\": " : ",\n    {\"name\": ");
    appendJsonString(rows, p.name);
    appendField(rows, ", \"arrival\": ", p.arrival);
    appendField(rows, ", \"completion\": ", p.completion);
    appendField(rows, ", \"turnaround\": ", p.turnaround);
    appendField(rows, ", \"waiting\": ", p.waiting);
    appendField(rows, ", \"response\": ", p.response);
    appendField(rows, ", \"blocked\": ", p.blocked);
    appendField(rows, ", \"cpu\": ", p.cpu);
    appendField(rows, ", \"overhead\": ", p.overhead);
    rows.push_back('}');
    if (rows.size() >= kRowBufferBytes) {
      out.write(rows.data(), static_cast<std::streamsize>(rows.size()));
      rows.clear();
    }
  }
  rows.append(scenario.processes.empty() ? "]\n}\n" : "\n  ]\n}\n");
  out.write(rows.data(), static_cast<std::streamsize>(rows.size()));
}

void printMetricsCsv(std::ostream& out, const sim::Engine& engine) {
  out << "name,arrival,completion,turnaround,waiting,response,blocked,cpu,overhead\n";
  for (std::size_t i = 0; i < engine.scenario().processes.size(); ++i) {
    const sim::ProcessMetrics p = sim::processMetrics(engine, static_cast<sim::ProcessId>(i));
    out << csvField(p.name) << ',' << p.arrival << ',' << p.completion << ',' << p.turnaround << ',' << p.waiting << ','
        << p.response << ',' << p.blocked << ',' << p.cpu << ',' << p.overhead << "\n";
  }
}

}  // namespace cli
