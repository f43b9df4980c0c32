// gui/views/view_state.hpp: the little state the views share (Tracy's
// ViewData): what is selected, which panel is open, the timeline's zoom.
// Everything else is drawn from the Session each frame.
#pragma once

#include <string>
#include <vector>

#include "model/compare.hpp"
#include "model/scenario_editor.hpp"
#include "model/sweep_job.hpp"
#include "sim/types.hpp"

namespace gui {

// The tabs of the right-hand panel, in display order.
enum class Panel : int { Processes, Metrics, Events, Compare, Scenario, Count };
const char* panelKey(Panel panel);  // "processes", "metrics", ... (script and settings names)
bool parsePanel(const std::string& key, Panel& out);

struct TimelineZoom {
  double first_tick = 0;   // left edge, in ticks (fractional while zooming)
  double last_tick = 0;    // right edge; last_tick > first_tick
  bool fit_pending = true; // fit the whole run on the next frame
};

// Where the timeline drew itself last frame, in window coordinates (for
// scripts and tests that point at it).
struct TimelineGeometry {
  float plot_left = 0, plot_right = 0;  // x of ticks first_tick and last_tick
  float ruler_top = 0, ruler_bottom = 0;
  float rows_top = 0;                   // y of the first row (core 0) when not scrolled
  float row_height = 0;
  int core_rows = 0;                    // rows before the "Processes" header
};

// The event log's filters, and where its rows were drawn last frame.
struct EventLogState {
  int process_filter = -1;  // process id; -1: all
  int kind_filter = -1;     // TransitionKind; -1: all
  std::size_t rows = 0;     // rows passing the filters
  int first_visible_row = 0;
  float first_visible_y = 0;  // window y of that row's top
  float row_pitch = 0;        // distance between rows
};

// The process table's order and where its header was drawn last frame.
struct ProcessTableState {
  static constexpr int kColumns = 8;
  static constexpr int kTopRows = 64;
  std::vector<sim::ProcessId> top;  // the first kTopRows rows, in display order
  int sort_column = 0;              // 0 name, 1 state, 2 priority, 3 arrival, 4 CPU done, 5 waiting, 6 response, 7 turnaround
  bool ascending = true;
  float header_y = 0;               // window y through the header row
  float column_x[kColumns] = {};    // window x where each column starts
};

// The Real panel (a page in place of the simulator's panes).
enum class RealTab : int { Children, Servers, Experiments, Replay, Count };
const char* realTabKey(RealTab tab);  // "children", "servers", "experiments", "replay"
bool parseRealTab(const std::string& key, RealTab& out);

struct RealPageState {
  bool open = false;             // the page is shown instead of the simulator's panes
  RealTab tab = RealTab::Children;
  bool tab_requested = false;    // select `tab` on the next frame
  std::string message;           // the last action's error, shown in red
  std::string experiment;        // the experiment shown (last run)
  std::string timeline_hover;    // the real timeline's tooltip text
  int table_rows = 0;            // rows the children table drew last frame
  float tick_ms = 10.0f;         // Run for real: wall length of one tick
};

struct ViewState {
  Panel panel = Panel::Processes;
  bool panel_requested = false;         // select `panel` on the next frame
  sim::ProcessId selected = sim::kNoProcess;  // highlighted everywhere
  TimelineZoom timeline;
  TimelineGeometry timeline_geometry;
  EventLogState event_log;
  ProcessTableState process_table;
  std::string timeline_hover;           // what the timeline's tooltip says, empty when none
  std::vector<CompareRow> compare;      // empty until run
  std::uint64_t compare_generation = 0; // session generation compare was run on
  bool compare_requested = false;
  SweepState sweep;                     // the Compare tab's sweep and its chart
  EditorState editor;
  bool help_requested = false;          // open the help popup (first start)
  std::string notice;                   // why the last option change was refused
  RealPageState real;
  int toolbar_rows = 2;                 // 3 when the window is too narrow for the second row (set by the toolbar)
};

}  // namespace gui
