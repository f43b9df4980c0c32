// gui/model/scenario_editor.hpp: the editable copy of a scenario behind
// the Scenario panel. The user's text is kept as typed; nothing runs until
// Apply succeeds, and a failed Apply loses nothing.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/session.hpp"
#include "sim/generate.hpp"

namespace gui {

struct EditorRow {
  std::string name;
  long long arrival = 0;   // ticks
  int priority = 0;        // lower is more urgent
  std::string bursts;      // "c5 i3 c2"
  std::string error;       // shown under the row; empty when valid
};

struct EditorState {
  std::uint64_t loaded_generation = 0;  // session generation the rows were read from
  bool dirty = false;                   // edited since loaded: keep the user's text
  std::string name;
  std::string description;
  std::vector<EditorRow> rows;
  std::string error;                    // the scenario-level message (as the CLI gives it)
  std::string path;                     // open/save path field
  std::string file_message;             // result of the last open/save
  bool file_error = false;              // file_message reports a failure
  int generate_count = 6;
  float generate_io_mix = 0.5f;
  int generate_seed = 1;
};

// Reads the session's scenario into the editor unless the user has edits.
void syncEditor(EditorState& editor, const Session& session);
// Checks every row (errors in place) and, when all are valid, runs the
// edited scenario. Returns true when the session now runs it.
bool applyEditor(EditorState& editor, Session& session);
// Replaces the processes by a random set (sim::generateScenario) and applies.
bool generateIntoEditor(EditorState& editor, Session& session);
// Applies pending edits, then writes the session's scenario as JSON to
// `path` the CLI's safe way (io::writeFileWhole: no predictable temporary,
// a symlink followed, a device written in place). On failure returns false
// and sets editor.file_message to "PATH: write failed: reason".
bool saveEditor(EditorState& editor, Session& session, const std::string& path);
// A new row named after the first free "P<n>".
void addEditorRow(EditorState& editor);

}  // namespace gui
