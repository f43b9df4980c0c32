// gui/model/real_orphans.hpp: grandchildren. A command typed in the panel
// may start processes of its own (`sh -c "sleep 60"`); if the child ends
// first they would be orphans that outlive the window. The GUI makes itself
// a child subreaper, so such orphans become its children, and ends them
// when it closes, after every child it started itself has been reaped.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <vector>

namespace gui {

// prctl(PR_SET_CHILD_SUBREAPER): orphans of our descendants become ours.
void adoptOrphans();
// Children of this process right now, from /proc (ppid == getpid()).
std::vector<pid_t> currentChildren();
// Ends every remaining child of this process: SIGTERM, then SIGKILL after
// `grace`, each reaped with waitpid. Call only when no real::Process of
// this program is still unreaped (it would lose its exit status). Returns
// how many were ended.
int endAdoptedOrphans(std::chrono::milliseconds grace);

}  // namespace gui
