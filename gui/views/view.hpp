// gui/views/view.hpp: the interface every view implements (ImHex-style:
// one small class per file, one draw method, all registered in
// views/registry.cpp).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "app/strings.hpp"
#include "model/real_panel.hpp"
#include "model/session.hpp"
#include "views/view_state.hpp"

namespace gui {

// What views may ask of the application (file handling, language, fonts).
class AppCommands {
 public:
  virtual ~AppCommands() = default;
  virtual bool openScenario(const std::string& path) = 0;  // records it in the recent files
  virtual void switchLanguage(Language language) = 0;
  virtual bool chineseAvailable() const = 0;
  virtual const std::vector<std::string>& recentFiles() const = 0;
  virtual void rememberFile(const std::string& path) = 0;
  virtual float uiScale() const = 0;  // HiDPI factor, 1 on a 96-dpi screen
};

struct ViewContext {
  Session& session;
  ViewState& state;
  AppCommands& app;
  RealPanel& real;
};

// Where the layout puts a view. There is no docking in Dear ImGui 1.86:
// the layout is computed from the window size so that nothing overlaps.
// Real: the whole window below the toolbar, while the Real panel is open.
enum class Slot { Toolbar, Left, LeftLower, Middle, Tabs, Bottom, Real };

class View {
 public:
  virtual ~View() = default;
  virtual Str title() const = 0;
  virtual Slot slot() const = 0;
  virtual Panel panel() const { return Panel::Count; }  // the tab, for Slot::Tabs
  // Draws the view's content inside the window or tab the layout made.
  virtual void draw(ViewContext& context) = 0;
};

// Every view of the window, in drawing order.
std::vector<std::unique_ptr<View>> makeViews();

}  // namespace gui
