// gui/views/real_views.hpp: the Real panel, a full-window page beside the
// simulator (toolbar button "Real processes"): four tabs on top (children,
// servers, experiments, run for real) and a timeline below. Each tab is a
// small class in its own file; RealView (real_view.cpp) lays them out.
#pragma once

#include <string>

#include "model/real_panel.hpp"
#include "views/view.hpp"

namespace gui {

// Start children the three ways; the live table with row actions.
class RealChildrenView {
 public:
  void draw(ViewContext& context);

 private:
  int kind_ = 0;               // ChildKind
  float seconds_ = 5.0f;
  char command_[256] = "sleep 3";
  char name_[64] = "";
  bool daemon_ = false;
  int join_timeout_ms_ = 500;
};

// Echo servers, client processes, and their log.
class RealServersView {
 public:
  void draw(ViewContext& context);

 private:
  int transport_ = 0;  // 0 TCP, 1 UDP
  int port_ = 0;
  int server_ = 0;     // the row clients go to
  int clients_ = 3;
  int mode_ = 0;       // 0 one message, 1 a load
  char message_[128] = "hello procsim";
  int messages_ = 1000;
  std::uint64_t seen_log_ = 0;
};

// The source material's experiments, one button each.
class RealExperimentsView {
 public:
  void draw(ViewContext& context);
};

// Simulate, then run it for real: the comparison table.
class RealReplayView {
 public:
  void draw(ViewContext& context);
};

// The page: the tabs above, a timeline below (live children, or the
// replay's simulated and real rows one above the other).
class RealView final : public View {
 public:
  Str title() const override { return Str::WindowReal; }
  Slot slot() const override { return Slot::Real; }
  void draw(ViewContext& context) override;

 private:
  void drawLiveTimeline(ViewContext& context);
  void drawReplayTimelines(ViewContext& context);

  RealChildrenView children_;
  RealServersView servers_;
  RealExperimentsView experiments_;
  RealReplayView replay_;
};

}  // namespace gui
