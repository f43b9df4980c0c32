// gui/views/layout.hpp: placing a row of widgets that may not fit.
#pragma once

#include <imgui.h>

namespace gui {

// Starts the next item on this line when `width` pixels fit, else on a new
// one; returns true when it started a new line.
inline bool sameLineIfFits(float width) {
  ImGui::SameLine();
  if (ImGui::GetContentRegionAvail().x >= width) return false;
  ImGui::NewLine();
  return true;
}

}  // namespace gui
