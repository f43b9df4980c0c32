// Every view of the window, registered in one place (ImHex-style).
#include "views/all_views.hpp"
#include "views/real_views.hpp"

#include <cstring>

namespace gui {

std::vector<std::unique_ptr<View>> makeViews() {
  std::vector<std::unique_ptr<View>> views;
  views.push_back(std::make_unique<ControlsView>());
  views.push_back(std::make_unique<CoresView>());
  views.push_back(std::make_unique<QueuesView>());
  views.push_back(std::make_unique<StateMachineView>());
  views.push_back(std::make_unique<TimelineView>());
  views.push_back(std::make_unique<ProcessesView>());
  views.push_back(std::make_unique<MetricsView>());
  views.push_back(std::make_unique<EventLogView>());
  views.push_back(std::make_unique<CompareView>());
  views.push_back(std::make_unique<EditorView>());
  views.push_back(std::make_unique<RealView>());
  return views;
}

const char* panelKey(Panel panel) {
  static constexpr const char* kKeys[] = {"processes", "metrics", "events", "compare", "scenario"};
  const auto index = static_cast<std::size_t>(panel);
  return index < std::size(kKeys) ? kKeys[index] : "none";
}

bool parsePanel(const std::string& key, Panel& out) {
  for (int i = 0; i < static_cast<int>(Panel::Count); ++i) {
    if (key == panelKey(static_cast<Panel>(i))) {
      out = static_cast<Panel>(i);
      return true;
    }
  }
  return false;
}

}  // namespace gui
