#include <algorithm>
#include <iomanip>
#include <sstream>

#include "reports.hpp"
#include "sim/engine.hpp"

namespace cli {

namespace {

constexpr std::size_t kMaxProcessColumns = 12;
constexpr std::size_t kMaxCoreColumns = 16;
constexpr sim::Tick kFullTableTicks = 60;  // longer runs show only ticks where something changes
constexpr int kMaxRows = 400;

std::string coreCell(const sim::Engine& engine, std::size_t core) {
  const sim::EngineState& state = engine.state();
  const sim::CoreRuntime& c = state.cores[core];
  if (c.running != sim::kNoProcess) {
    const auto& p = state.processes[static_cast<std::size_t>(c.running)];
    const std::string& name = engine.scenario().processes[static_cast<std::size_t>(c.running)].name;
    return p.run_start > state.now ? "(" + name + ")" : name;  // (P1): switching to P1
  }
  if (c.held_by != sim::kNoProcess) {
    return "[" + engine.scenario().processes[static_cast<std::size_t>(c.held_by)].name + "]";
  }
  return "-";
}

std::string stateCell(sim::State state) {
  switch (state) {
    case sim::State::New: return "";
    case sim::State::Ready: return "READY";
    case sim::State::Running: return "RUN";
    case sim::State::Blocked: return "BLOCKED";
    case sim::State::Terminated: return "DONE";
  }
  return "?";
}

}  // namespace

void printTickTable(std::ostream& out, const sim::Scenario& scenario, sim::Tick makespan) {
  const std::size_t cores = static_cast<std::size_t>(scenario.cores);
  const std::size_t processes = scenario.processes.size();
  if (cores > kMaxCoreColumns) {
    out << "(per-tick table omitted: " << cores << " cores; use --format json or --trace-out)\n\n";
    return;
  }
  const bool show_processes = processes <= kMaxProcessColumns;
  sim::Engine engine(scenario, {.record_trace = false, .snapshots = false});
  const bool every_tick = makespan <= kFullTableTicks;

  std::size_t width = 7;
  for (const auto& p : scenario.processes) width = std::max(width, p.name.size() + 3);
  std::ostringstream header;
  header << std::setw(6) << "tick";
  for (std::size_t c = 0; c < cores; ++c) header << std::setw(static_cast<int>(width)) << ("cpu" + std::to_string(c));
  if (show_processes) {
    for (const auto& p : scenario.processes) header << std::setw(9) << p.name;
  }
  out << header.str() << "\n";

  int rows = 0;
  while (!engine.finished()) {
    if (every_tick) {
      engine.stepTick();
    } else {
      engine.stepEvent();
    }
    if (++rows > kMaxRows) {
      out << "  ... (" << (makespan - engine.now()) << " more ticks; use --trace-out for all)\n";
      break;
    }
    out << std::setw(6) << engine.now();
    for (std::size_t c = 0; c < cores; ++c) out << std::setw(static_cast<int>(width)) << coreCell(engine, c);
    if (show_processes) {
      for (const auto& p : engine.state().processes) out << std::setw(9) << stateCell(p.state);
    }
    out << "\n";
  }
  out << "(-: idle core; (P): switching to P; [P]: core kept for P during its IO";
  if (!show_processes) out << "; per-process columns left out for " << processes << " processes";
  out << ")\n\n";
}

}  // namespace cli
