#include "app/state_dump.hpp"

#include <nlohmann/json.hpp>

#include "app/strings.hpp"
#include "sim/policy_registry.hpp"

namespace gui {
namespace {

using nlohmann::json;

std::size_t at(std::int32_t index) { return static_cast<std::size_t>(index); }

json metricsJson(const sim::RunMetrics& m) {
  json out = {{"complete", m.complete}, {"elapsed", m.elapsed}};
  for (const sim::MetricField& field : sim::runMetricFields(m)) {
    out[field.name] = field.integer ? json(static_cast<std::int64_t>(field.value)) : json(field.value);
  }
  return out;
}

std::string processName(const sim::Scenario& scenario, sim::ProcessId id) {
  if (id < 0 || at(id) >= scenario.processes.size()) return {};
  return scenario.processes[at(id)].name;
}

}  // namespace

std::string dumpState(const Session& session, const ViewState& state) {
  json out;
  out["language"] = languageCode(language());
  out["panel"] = panelKey(state.panel);
  out["error"] = session.lastError();
  out["editor"] = {{"dirty", state.editor.dirty},
                   {"error", state.editor.error},
                   {"file_message", state.editor.file_message},
                   {"rows", json::array()}};
  for (const EditorRow& row : state.editor.rows)
    out["editor"]["rows"].push_back({{"name", row.name}, {"bursts", row.bursts}, {"error", row.error}});
  if (!session.hasScenario()) return out.dump(2);

  const sim::Scenario& scenario = session.scenario();
  const sim::Engine& cursor = session.cursor();
  const sim::EngineState& engine_state = cursor.state();
  out["tick"] = session.tick();
  out["end_tick"] = session.endTick();
  out["playing"] = session.playing();
  out["speed"] = session.speed();
  out["path"] = session.path();
  json policy = {{"name", scenario.policy.name},
                 {"spec", sim::formatPolicySpec(scenario.policy)},
                 {"multiprogramming", scenario.policy.multiprogramming},
                 {"wakeup_preempts", scenario.policy.wakeup_preempts}};
  for (const auto& [key, values] : sim::resolvedParams(scenario.policy)) {
    policy[key] = values.size() == 1 ? json(values.front()) : json(values);
  }
  out["scenario"] = {{"name", scenario.name},
                     {"cores", scenario.cores},
                     {"context_switch", scenario.context_switch},
                     {"processes", scenario.processes.size()},
                     {"policy", policy}};
  json processes = json::array();
  for (std::size_t i = 0; i < engine_state.processes.size(); ++i) {
    const sim::ProcessRuntime& p = engine_state.processes[i];
    processes.push_back({{"name", scenario.processes[i].name},
                         {"state", std::string(sim::name(p.state))},
                         {"core", p.state == sim::State::Running ? p.core : -1}});
  }
  out["processes"] = processes;
  json cores = json::array();
  for (const sim::CoreRuntime& core : engine_state.cores)
    cores.push_back({{"running", processName(scenario, core.running)}, {"held_by", processName(scenario, core.held_by)}});
  out["cores"] = cores;
  json ready = json::array();
  for (const sim::ProcessId id : cursor.readyQueue()) ready.push_back(processName(scenario, id));
  out["ready_queue"] = ready;
  out["metrics"] = metricsJson(session.metrics());
  json at_tick = json::array();
  const auto [first, last] = session.transitionsAtTick();
  for (std::size_t i = first; i < last; ++i) {
    const sim::Transition& tr = session.run().trace()[i];
    at_tick.push_back({{"process", processName(scenario, tr.process)},
                       {"kind", std::string(sim::name(tr.kind))},
                       {"reason", std::string(sim::name(tr.reason))},
                       {"core", tr.core}});
  }
  out["transitions_at_tick"] = at_tick;
  json counts;
  for (int k = 0; k < sim::kTransitionKindCount; ++k)
    counts[std::string(sim::name(static_cast<sim::TransitionKind>(k)))] = engine_state.transition_counts[k];
  out["transition_counts"] = counts;
  const TimelineGeometry& g = state.timeline_geometry;
  out["timeline"] = {{"first_tick", state.timeline.first_tick},
                     {"last_tick", state.timeline.last_tick},
                     {"segments", session.timeline().segment_count},
                     {"hover", state.timeline_hover},
                     {"plot_left", g.plot_left},
                     {"plot_right", g.plot_right},
                     {"ruler_top", g.ruler_top},
                     {"ruler_bottom", g.ruler_bottom},
                     {"rows_top", g.rows_top},
                     {"row_height", g.row_height},
                     {"core_rows", g.core_rows}};
  out["selected"] = processName(scenario, state.selected);
  json table_top = json::array();
  for (const sim::ProcessId id : state.process_table.top) table_top.push_back(processName(scenario, id));
  out["process_table"] = {{"top", table_top},
                          {"sort_column", state.process_table.sort_column},
                          {"ascending", state.process_table.ascending},
                          {"header_y", state.process_table.header_y},
                          {"column_x", state.process_table.column_x}};
  out["event_log"] = {{"rows", state.event_log.rows},
                      {"process_filter", processName(scenario, state.event_log.process_filter)},
                      {"kind_filter", state.event_log.kind_filter < 0 ? std::string()
                                                                       : std::string(sim::name(static_cast<sim::TransitionKind>(state.event_log.kind_filter)))},
                      {"first_visible_row", state.event_log.first_visible_row},
                      {"first_visible_y", state.event_log.first_visible_y},
                      {"row_pitch", state.event_log.row_pitch}};
  json compare = json::array();
  for (const CompareRow& row : state.compare) {
    json entry = metricsJson(row.metrics);
    entry["policy"] = row.name;
    entry["spec"] = sim::formatPolicySpec(row.spec);
    entry["description"] = row.policy;
    entry["current"] = row.current;
    compare.push_back(entry);
  }
  out["compare"] = compare;
  json sweep_points = json::array();
  for (const sim::SweepPoint& point : state.sweep.job->points()) {
    json entry = metricsJson(point.metrics);
    entry["value"] = point.value;
    sweep_points.push_back(entry);
  }
  out["sweep"] = {{"key", state.sweep.job->range().key}, {"chart", state.sweep.chart}, {"points", sweep_points}};
  out["scenario"]["run_queues"] = scenario.run_queues == sim::RunQueues::PerCore ? "per_core" : "global";
  out["scenario"]["balance"] = {{"interval", scenario.balance.interval}, {"steal", scenario.balance.steal}};
  json migrations = json::array();
  for (const Migration& m : session.timeline().migrations) {
    migrations.push_back({{"process", processName(scenario, m.process)},
                          {"from_core", m.from_core},
                          {"to_core", m.to_core},
                          {"from_tick", m.from_tick},
                          {"to_tick", m.to_tick},
                          {"reason", std::string(sim::name(m.reason))}});
  }
  out["timeline"]["migrations"] = migrations;
  return out.dump(2);
}

}  // namespace gui
