// gui/app/state_dump.hpp: the session and view state as JSON, written by
// the script action `dump-state` so that tests can assert what the
// interface did to the simulator.
#pragma once

#include <string>

#include "model/session.hpp"
#include "views/view_state.hpp"

namespace gui {

// Keys: tick, end_tick, playing, speed, language, panel, scenario{name,
// cores, context_switch, policy{...}, processes}, processes[{name, state,
// core}], cores[{running, held_by}], ready_queue[names], metrics{...},
// transitions_at_tick[{process, kind, reason, core}], transition_counts{kind: n},
// timeline{first_tick, last_tick, segments}, compare[{policy, avg_waiting, ...}],
// editor{dirty, error, rows[{name, bursts, error}]}, error.
std::string dumpState(const Session& session, const ViewState& state);

}  // namespace gui
