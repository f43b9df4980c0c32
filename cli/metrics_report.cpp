#include <iomanip>

#include <nlohmann/json.hpp>

#include "reports.hpp"

namespace cli {

namespace {
std::string orDash(sim::Tick value) { return value < 0 ? "-" : std::to_string(value); }
}  // namespace

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
  out << "policy            " << scenario.policy.name;
  if (scenario.policy.name == "rr") out << " (quantum " << scenario.policy.quantum << ")";
  if (scenario.policy.name == "priority") out << (scenario.policy.preemptive ? " (preemptive)" : " (non-preemptive)");
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
  summary["policy"] = scenario.policy.name;
  if (scenario.policy.name == "rr") summary["quantum"] = scenario.policy.quantum;
  if (scenario.policy.name == "priority") summary["preemptive"] = scenario.policy.preemptive;
  summary["cores"] = scenario.cores;
  summary["makespan"] = m.makespan;
  summary["cpu_utilization"] = m.cpu_utilization;
  summary["throughput"] = m.throughput;
  summary["avg_turnaround"] = m.avg_turnaround;
  summary["avg_waiting"] = m.avg_waiting;
  summary["avg_response"] = m.avg_response;
  summary["context_switches"] = m.context_switches;
  summary["overhead"] = m.overhead_ticks;
  nlohmann::ordered_json transitions;
  for (int k = 0; k < sim::kTransitionKindCount; ++k) {
    transitions[std::string(sim::name(static_cast<sim::TransitionKind>(k)))] = m.transitions[static_cast<std::size_t>(k)];
  }
  summary["transitions"] = transitions;
  std::string text = summary.dump(2);
  text.pop_back();  // the closing brace: "processes" follows
  while (!text.empty() && text.back() == '\n') text.pop_back();
  out << text << ",\n  \"processes\": [";
  bool first = true;
  for (std::size_t i = 0; i < scenario.processes.size(); ++i) {
    const sim::ProcessMetrics p = sim::processMetrics(engine, static_cast<sim::ProcessId>(i));
    out << (first ? "\n" : ",\n") << "    {\"name\": " << nlohmann::json(p.name).dump() << ", \"arrival\": " << p.arrival
        << ", \"completion\": " << p.completion << ", \"turnaround\": " << p.turnaround << ", \"waiting\": " << p.waiting
        << ", \"response\": " << p.response << ", \"blocked\": " << p.blocked << ", \"cpu\": " << p.cpu
        << ", \"overhead\": " << p.overhead << "}";
    first = false;
  }
  out << (first ? "]\n}\n" : "\n  ]\n}\n");
}

void printMetricsCsv(std::ostream& out, const sim::Engine& engine) {
  out << "name,arrival,completion,turnaround,waiting,response,blocked,cpu,overhead\n";
  for (std::size_t i = 0; i < engine.scenario().processes.size(); ++i) {
    const sim::ProcessMetrics p = sim::processMetrics(engine, static_cast<sim::ProcessId>(i));
    const bool quote = p.name.find_first_of(",\"\n") != std::string::npos;
    std::string name = p.name;
    if (quote) {
      std::string escaped;
      for (char ch : name) escaped += ch == '"' ? std::string("\"\"") : std::string(1, ch);
      name = "\"" + escaped + "\"";
    }
    out << name << ',' << p.arrival << ',' << p.completion << ',' << p.turnaround << ',' << p.waiting << ','
        << p.response << ',' << p.blocked << ',' << p.cpu << ',' << p.overhead << "\n";
  }
}

}  // namespace cli
