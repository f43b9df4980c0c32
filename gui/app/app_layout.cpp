// The window layout: a toolbar on top, three panes in the middle (cores and
// queues, the state machine, a tabbed panel) and the timeline below. Dear
// ImGui 1.86 has no docking, so the rectangles are computed from the
// window size each frame: nothing can overlap at any size.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/app.hpp"

namespace gui {
namespace {

constexpr ImGuiWindowFlags kPaneFlags =
    ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings;

struct Rect {
  ImVec2 pos;
  ImVec2 size;
};

struct Layout {
  Rect toolbar, left, left_lower, middle, tabs, bottom;
};

Layout computeLayout(ImVec2 display, int toolbar_rows) {
  const ImGuiStyle& style = ImGui::GetStyle();
  // The toolbar says how many rows it needed last frame (Help and the
  // language wrap to a third row on a narrow window).
  const auto rows = static_cast<float>(toolbar_rows);
  const float toolbar = ImGui::GetFrameHeight() * rows + style.ItemSpacing.y * (rows - 1.0f) + style.WindowPadding.y * 2.0f;
  const float rest = display.y - toolbar;
  const float middle_height = std::max(rest * 0.5f, std::min(rest, 300.0f * ImGui::GetIO().FontGlobalScale));
  const float bottom_height = rest - middle_height;
  const float left_width = display.x * 0.27f;
  const float middle_width = display.x * 0.30f;
  Layout layout;
  layout.toolbar = {{0, 0}, {display.x, toolbar}};
  const float cores_height = std::floor(middle_height * 0.52f);
  layout.left = {{0, toolbar}, {left_width, cores_height}};
  layout.left_lower = {{0, toolbar + cores_height}, {left_width, middle_height - cores_height}};
  layout.middle = {{left_width, toolbar}, {middle_width, middle_height}};
  layout.tabs = {{left_width + middle_width, toolbar}, {display.x - left_width - middle_width, middle_height}};
  layout.bottom = {{0, toolbar + middle_height}, {display.x, bottom_height}};
  return layout;
}

bool beginPane(const Rect& rect, const char* title, const char* id, ImGuiWindowFlags extra = 0) {
  ImGui::SetNextWindowPos(rect.pos);
  ImGui::SetNextWindowSize(rect.size);
  char label[128];
  std::snprintf(label, sizeof label, "%s###%s", title, id);
  return ImGui::Begin(label, nullptr, kPaneFlags | extra);
}

}  // namespace

void App::drawLayout() {
  ViewContext context{session_, state_, *this, real_};
  const Layout layout = computeLayout(ImGui::GetIO().DisplaySize, state_.toolbar_rows);
  if (state_.real.open) {
    // The Real panel takes the whole window below the toolbar.
    const Rect page{layout.left.pos, {layout.toolbar.size.x, layout.bottom.pos.y + layout.bottom.size.y - layout.left.pos.y}};
    for (const auto& view : views_) {
      if (view->slot() == Slot::Toolbar) {
        if (beginPane(layout.toolbar, tr(view->title()), "toolbar", ImGuiWindowFlags_NoTitleBar)) view->draw(context);
        ImGui::End();
      } else if (view->slot() == Slot::Real) {
        if (beginPane(page, tr(view->title()), "real", ImGuiWindowFlags_NoScrollbar)) view->draw(context);
        ImGui::End();
      }
    }
    return;
  }
  for (const auto& view : views_) {
    switch (view->slot()) {
      case Slot::Toolbar:
        if (beginPane(layout.toolbar, tr(view->title()), "toolbar", ImGuiWindowFlags_NoTitleBar)) view->draw(context);
        ImGui::End();
        break;
      case Slot::Left:
        if (beginPane(layout.left, tr(view->title()), "left")) view->draw(context);
        ImGui::End();
        break;
      case Slot::LeftLower:
        if (beginPane(layout.left_lower, tr(view->title()), "leftlower")) view->draw(context);
        ImGui::End();
        break;
      case Slot::Middle:
        if (beginPane(layout.middle, tr(view->title()), "middle", ImGuiWindowFlags_NoScrollbar)) view->draw(context);
        ImGui::End();
        break;
      case Slot::Bottom:
        if (beginPane(layout.bottom, tr(view->title()), "bottom", ImGuiWindowFlags_NoScrollbar |
                                                                         ImGuiWindowFlags_NoScrollWithMouse))
          view->draw(context);
        ImGui::End();
        break;
      case Slot::Tabs:
      case Slot::Real:
        break;
    }
  }
  if (beginPane(layout.tabs, "tabs", "tabs", ImGuiWindowFlags_NoTitleBar)) {
    if (ImGui::BeginTabBar("panels")) {
      for (const auto& view : views_) {
        if (view->slot() != Slot::Tabs) continue;
        const bool select = state_.panel_requested && state_.panel == view->panel();
        char label[128];
        std::snprintf(label, sizeof label, "%s###%s", tr(view->title()), panelKey(view->panel()));
        if (ImGui::BeginTabItem(label, nullptr, select ? ImGuiTabItemFlags_SetSelected : 0)) {
          if (!state_.panel_requested) state_.panel = view->panel();
          view->draw(context);
          ImGui::EndTabItem();
        }
      }
      state_.panel_requested = false;
      ImGui::EndTabBar();
    }
  }
  ImGui::End();
}

}  // namespace gui
