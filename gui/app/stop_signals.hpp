// gui/app/stop_signals.hpp: SIGINT, SIGTERM and SIGHUP close the window the
// way its close button does, so the Real panel still ends its children.
// While the panel has nothing alive, the signal keeps its default action
// (the program ends at once: there is nothing to clean up).
#pragma once

namespace gui {

void installStopSignals();
// Tells the handler whether a stop must go through the frame loop.
void setCleanupPending(bool pending);
// A stop signal arrived while cleanup was pending.
bool stopRequested();

}  // namespace gui
