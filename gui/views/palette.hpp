// gui/views/palette.hpp: colors and the process token, so that a process
// has the same color in every view.
#pragma once

#include <imgui.h>

#include "sim/types.hpp"

namespace gui {

ImU32 processColor(sim::ProcessId process, float alpha = 1.0f);
ImU32 stateColor(sim::State state);
ImU32 textColorOn(ImU32 background);  // black or white, whichever reads better

// A round token with the process's short label inside (e.g. "P3" or its
// name cut to fit); returns its width. `highlight` draws a ring.
float drawToken(ImDrawList* draw, ImVec2 center, float radius, sim::ProcessId process, const char* label,
                bool highlight = false);

// A short label for a process: its name when short, else "#id".
const char* shortLabel(const char* name, sim::ProcessId process, char* buffer, std::size_t size);

}  // namespace gui
