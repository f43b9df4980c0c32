#include "model/scenario_editor.hpp"

#include <set>

#include "io/output_file.hpp"
#include "sim/burst_text.hpp"
#include "sim/scenario_json.hpp"

namespace gui {

void syncEditor(EditorState& editor, const Session& session) {
  if (!session.hasScenario()) return;
  if (editor.dirty || editor.loaded_generation == session.generation()) return;
  const sim::Scenario& scenario = session.scenario();
  editor.name = scenario.name;
  editor.description = scenario.description;
  editor.rows.clear();
  for (const sim::ProcessSpec& process : scenario.processes)
    editor.rows.push_back({process.name, process.arrival, process.priority, sim::burstText(scenario, process), {}});
  editor.error.clear();
  editor.loaded_generation = session.generation();
}

bool applyEditor(EditorState& editor, Session& session) {
  sim::Scenario scenario = session.scenario();
  scenario.name = editor.name;
  scenario.description = editor.description;
  scenario.expect.reset();
  scenario.processes.clear();
  bool valid = true;
  for (std::size_t i = 0; i < editor.rows.size(); ++i) {
    EditorRow& row = editor.rows[i];
    row.error.clear();
    sim::ProcessSpec process;
    process.name = row.name;
    process.arrival = row.arrival;
    process.priority = row.priority;
    const sim::ParsedBursts parsed = sim::parseBurstText(row.bursts);
    if (!parsed.errors.empty()) {
      row.error = parsed.errors.front().message;
      valid = false;
    }
    sim::assignBursts(scenario, process, parsed);
    scenario.processes.push_back(std::move(process));
  }
  if (!valid) {
    editor.error = "fix the marked bursts first; nothing was run";
    return false;
  }
  if (!session.setScenario(std::move(scenario))) {
    editor.error = session.lastError();
    session.clearError();
    return false;
  }
  editor.error.clear();
  editor.dirty = false;
  editor.loaded_generation = session.generation();
  return true;
}

bool generateIntoEditor(EditorState& editor, Session& session) {
  sim::GenerateOptions options;
  options.processes = editor.generate_count;
  options.cores = session.hasScenario() ? session.scenario().cores : 2;
  options.seed = static_cast<std::uint64_t>(editor.generate_seed);
  options.io_ratio = static_cast<double>(editor.generate_io_mix);
  sim::Scenario generated = sim::generateScenario(options);
  if (session.hasScenario()) {
    generated.policy = session.scenario().policy;
    generated.context_switch = session.scenario().context_switch;
  }
  if (!session.setScenario(std::move(generated))) {
    editor.error = session.lastError();
    session.clearError();
    return false;
  }
  editor.dirty = false;
  syncEditor(editor, session);
  return true;
}

bool saveEditor(EditorState& editor, Session& session, const std::string& path) {
  if (editor.dirty && !applyEditor(editor, session)) {
    editor.file_message = editor.error;
    editor.file_error = true;
    return false;
  }
  // Written whole or not at all, the CLI's way (io/output_file.hpp): a
  // mkstemp temporary renamed over a regular file, a device written in
  // place, a symlink followed.
  std::string error;
  const std::string text = sim::scenarioToJson(session.scenario());
  if (!io::writeFileWhole(path, [&text](std::ostream& out) { out << text << "\n"; }, error)) {
    editor.file_message = error;
    editor.file_error = true;
    return false;
  }
  editor.file_message.clear();
  editor.file_error = false;
  return true;
}

void addEditorRow(EditorState& editor) {
  std::set<std::string> names;
  for (const EditorRow& row : editor.rows) names.insert(row.name);
  int n = static_cast<int>(editor.rows.size()) + 1;
  const auto name = [](int k) { return std::string("P").append(std::to_string(k)); };
  while (names.count(name(n)) != 0) ++n;
  editor.rows.push_back({name(n), 0, 0, "c3", {}});
  editor.dirty = true;
}

}  // namespace gui
