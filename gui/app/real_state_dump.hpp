// gui/app/real_state_dump.hpp: the Real panel as JSON, the "real" key of
// `dump-state`, so that tests assert what the panel shows.
#pragma once

#include <nlohmann/json.hpp>

#include "model/real_panel.hpp"
#include "views/view_state.hpp"

namespace gui {

// Keys: gui_pid, open, tab, message, children[{name, pid, ppid, kind,
// kernel_state, observed, model_state, alive, joined, exitcode, exit_text,
// daemon, cpu_ms, rss_bytes, run_ms, wait_ms, timeslices, watch,
// timeline_segments, note, cleared}], servers[{transport, host, port, pid,
// running, active_connections, handler_threads, requests}], log[lines],
// experiments{running, results{name: {done, error, seconds, facts}}},
// replay{status, error, worker_pids, plan{...}, processes[{...}], sim_rows, real_rows,
// real_segments}, timeline_hover, table_rows.
nlohmann::json dumpRealState(RealPanel& real, const RealPageState& page);

}  // namespace gui
