// gui/views/all_views.hpp: the concrete views; each is implemented in its
// own file named after it (controls_view.cpp, ...).
#pragma once

#include <cstdint>
#include <vector>

#include "model/timeline_model.hpp"
#include "views/view.hpp"

namespace gui {

// Play, step, speed, the policy and the dispatcher options, the language.
class ControlsView final : public View {
 public:
  Str title() const override { return Str::WindowControls; }
  Slot slot() const override { return Slot::Toolbar; }
  void draw(ViewContext& context) override;
};

// One lane per core: its process, the slice left, switch and idle marks.
class CoresView final : public View {
 public:
  Str title() const override { return Str::WindowCores; }
  Slot slot() const override { return Slot::Left; }
  void draw(ViewContext& context) override;
};

// The ready queue in dispatch order and the blocked processes with IO left.
class QueuesView final : public View {
 public:
  Str title() const override { return Str::WindowQueues; }
  Slot slot() const override { return Slot::LeftLower; }
  void draw(ViewContext& context) override;
};

// The five-state figure with the six transitions and a token per process.
class StateMachineView final : public View {
 public:
  Str title() const override { return Str::WindowStateMachine; }
  Slot slot() const override { return Slot::Middle; }
  void draw(ViewContext& context) override;
};

// The Gantt chart: core rows and process rows, zoom, pan, scrub, folding.
class TimelineView final : public View {
 public:
  Str title() const override { return Str::WindowTimeline; }
  Slot slot() const override { return Slot::Bottom; }
  void draw(ViewContext& context) override;

 private:
  std::vector<RowMark> marks_;  // reused every row, every frame
  bool dragging_plot_ = false;    // panning
  bool dragging_cursor_ = false;  // scrubbing by the cursor line
  float drag_distance_ = 0;
};

// The sortable process table.
class ProcessesView final : public View {
 public:
  Str title() const override { return Str::WindowProcesses; }
  Slot slot() const override { return Slot::Tabs; }
  Panel panel() const override { return Panel::Processes; }
  void draw(ViewContext& context) override;

 private:
  std::vector<sim::ProcessId> order_;
  std::vector<double> keys_;  // sort keys by process id, reused
  std::uint64_t sorted_generation_ = 0;
  sim::Tick sorted_tick_ = -2;
  int sort_column_ = -1;
  bool sort_ascending_ = true;
};

// Averages so far and plots of the ready-queue length and busy cores.
class MetricsView final : public View {
 public:
  Str title() const override { return Str::WindowMetrics; }
  Slot slot() const override { return Slot::Tabs; }
  Panel panel() const override { return Panel::Metrics; }
  void draw(ViewContext& context) override;

 private:
  std::vector<float> ready_, busy_;
  std::uint64_t sampled_generation_ = 0;
};

// Every transition; filter by process and kind; click to jump.
class EventLogView final : public View {
 public:
  Str title() const override { return Str::WindowEventLog; }
  Slot slot() const override { return Slot::Tabs; }
  Panel panel() const override { return Panel::Events; }
  void draw(ViewContext& context) override;

 private:
  std::vector<std::uint32_t> rows_;  // indices into the trace passing the filters
  std::uint64_t filtered_generation_ = 0;
  int filtered_process_ = -2, filtered_kind_ = -2;
  sim::Tick followed_tick_ = -2;
};

// Every policy on the current scenario: table and bar charts.
class CompareView final : public View {
 public:
  Str title() const override { return Str::WindowCompare; }
  Slot slot() const override { return Slot::Tabs; }
  Panel panel() const override { return Panel::Compare; }
  void draw(ViewContext& context) override;
};

// The scenario editor, generator, presets and files.
class EditorView final : public View {
 public:
  Str title() const override { return Str::WindowEditor; }
  Slot slot() const override { return Slot::Tabs; }
  Panel panel() const override { return Panel::Scenario; }
  void draw(ViewContext& context) override;
};

}  // namespace gui
