// The SVG Gantt chart. Rows are drawn into one string each while the trace
// is walked (intervals arrive interleaved across tracks), then the document
// is assembled: title, grid, rows, axis, legend.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "export_common.hpp"
#include "sim/export.hpp"
#include "sim/palette.hpp"
#include "sim/timeline.hpp"

namespace sim {

namespace {

constexpr double kCharWidth = 6.6;    // px per character of the 11px sans-serif labels, a safe estimate
constexpr double kBarInset = 3.0;     // px between a bar and its row's edges
constexpr double kTitleHeight = 58.0;
constexpr double kHeadingHeight = 20.0;
constexpr double kNoteHeight = 16.0;
constexpr double kSectionGap = 10.0;
constexpr double kAxisHeight = 34.0;
constexpr double kMargin = 10.0;
constexpr const char* kFoldedFill = "#b0b0b0";

std::string num(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f", value);
  std::string result = text;
  while (!result.empty() && result.back() == '0') result.pop_back();
  if (!result.empty() && result.back() == '.') result.pop_back();
  return result == "-0" ? "0" : result;
}

// At most `max_chars` characters of `text`, ending in "..." when shortened.
std::string shortened(std::string_view text, std::size_t max_chars) {
  if (characters(text) <= max_chars) return std::string(text);
  if (max_chars <= 3) return "";
  std::size_t kept = 0;
  std::size_t i = 0;
  while (i < text.size() && kept < max_chars - 3) {
    const std::size_t length = std::max<std::size_t>(1, utf8Length(text, i));
    i += length;
    ++kept;
  }
  return std::string(text.substr(0, i)) + "...";
}

double textWidth(std::string_view text) { return static_cast<double>(characters(text)) * kCharWidth; }

// A step of 1, 2 or 5 times a power of ten giving at most `max_labels` labels.
Tick niceStep(Tick end, double max_labels) {
  const double raw = static_cast<double>(end) / std::max(1.0, max_labels);
  if (raw <= 1.0) return 1;
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  for (const double factor : {1.0, 2.0, 5.0, 10.0}) {
    if (factor * magnitude >= raw) return static_cast<Tick>(factor * magnitude);
  }
  return static_cast<Tick>(10.0 * magnitude);
}

struct Geometry {
  double plot_left = 0;
  double plot_width = 0;
  double scale = 1;      // px per tick
  double row_height = 20;
  double fold_px = 2;

  double x(Tick t) const { return plot_left + static_cast<double>(t) * scale; }
  double width(Tick ticks) const { return static_cast<double>(ticks) * scale; }
};

// One row of bars. Runs of neighbouring intervals narrower than fold_px
// become one folded bar; a run of one is drawn as itself.
template <typename Interval>
class FoldingRow {
 public:
  FoldingRow(const Geometry& geometry, double top) : geometry_(geometry), top_(top) {}

  template <typename Draw>
  void add(const Interval& interval, Draw&& draw) {
    const double width = geometry_.width(interval.end - interval.start);
    if (width >= geometry_.fold_px) {
      flush(draw);
      draw(svg_, top_, interval);
      return;
    }
    if (pending_ > 0 && geometry_.width(interval.start - pending_end_) < geometry_.fold_px) {
      ++pending_;
      pending_end_ = interval.end;
      return;
    }
    flush(draw);
    first_ = interval;
    pending_ = 1;
    pending_end_ = interval.end;
  }

  template <typename Draw>
  void flush(Draw&& draw) {
    if (pending_ == 1) draw(svg_, top_, first_);
    if (pending_ > 1) {
      folded_ += pending_;
      svg_ += "<rect x=\"" + num(geometry_.x(first_.start)) + "\" y=\"" + num(top_ + kBarInset) + "\" width=\"" +
              num(std::max(geometry_.width(pending_end_ - first_.start), 0.5)) + "\" height=\"" +
              num(geometry_.row_height - 2 * kBarInset) + "\" fill=\"" + kFoldedFill + "\"><title>" +
              std::to_string(pending_) + " short intervals folded [" + std::to_string(first_.start) + ", " +
              std::to_string(pending_end_) + ")</title></rect>\n";
    }
    pending_ = 0;
  }

  double top() const { return top_; }
  std::int64_t folded() const { return folded_; }
  const std::string& svg() const { return svg_; }

 private:
  const Geometry& geometry_;
  double top_;
  std::string svg_;
  Interval first_{};
  Tick pending_end_ = 0;
  std::int64_t pending_ = 0;
  std::int64_t folded_ = 0;
};

struct Bar {
  double x, y, width, height;
};

std::string rectOpen(const Bar& bar) {
  return "<rect x=\"" + num(bar.x) + "\" y=\"" + num(bar.y) + "\" width=\"" + num(bar.width) + "\" height=\"" +
         num(bar.height) + "\"";
}

// Solid bars wide enough get a thin white edge so that neighbours of one color stay apart.
std::string solidFill(const Bar& bar, const std::string& color) {
  return " fill=\"" + color + "\"" + (bar.width >= 4 ? " stroke=\"#ffffff\" stroke-width=\"0.75\"" : "");
}

std::string span(Tick start, Tick end) {
  return std::string("[").append(std::to_string(start)).append(", ").append(std::to_string(end)).append(")");
}

// Text centred in a bar: whole when it fits, else shortened to at least
// four characters, else left out.
void labelInBar(std::string& svg, const Bar& bar, std::string_view text, const std::string& text_color) {
  if (text.empty()) return;
  std::string shown(text);
  if (textWidth(text) + 6 > bar.width) {
    const double fitting = std::floor((bar.width - 6) / kCharWidth);
    if (fitting < 4) return;
    shown = shortened(text, static_cast<std::size_t>(fitting));
  }
  svg += "<text x=\"" + num(bar.x + bar.width / 2) + "\" y=\"" + num(bar.y + bar.height / 2 + 4) +
         "\" text-anchor=\"middle\" fill=\"" + text_color + "\">" + xmlText(shown) + "</text>\n";
}

// Receives the intervals of the shown tracks and draws each into its row.
class GanttRows : public IntervalSink {
 public:
  GanttRows(const Scenario& scenario, const Geometry& geometry, std::size_t core_rows, double cores_top,
            std::size_t process_rows, double processes_top)
      : scenario_(scenario), geometry_(geometry) {
    for (std::size_t c = 0; c < core_rows; ++c) cores_.emplace_back(geometry, cores_top + c * geometry.row_height);
    for (std::size_t p = 0; p < process_rows; ++p) {
      processes_.emplace_back(geometry, processes_top + p * geometry.row_height);
    }
  }

  void onCoreInterval(CoreId core, const CoreInterval& interval) override {
    if (static_cast<std::size_t>(core) >= cores_.size()) return;
    cores_[static_cast<std::size_t>(core)].add(interval, coreDrawer());
  }

  void onProcessInterval(ProcessId process, const ProcessInterval& interval) override {
    if (static_cast<std::size_t>(process) >= processes_.size()) return;
    processes_[static_cast<std::size_t>(process)].add(interval, processDrawer(process));
  }

  void finish() {
    for (auto& row : cores_) row.flush(coreDrawer());
    for (std::size_t p = 0; p < processes_.size(); ++p) processes_[p].flush(processDrawer(static_cast<ProcessId>(p)));
  }

  std::int64_t folded() const {
    std::int64_t total = 0;
    for (const auto& row : cores_) total += row.folded();
    for (const auto& row : processes_) total += row.folded();
    return total;
  }
  bool sawSwitching() const { return saw_switching_; }
  bool sawHeld() const { return saw_held_; }
  const std::vector<FoldingRow<CoreInterval>>& cores() const { return cores_; }
  const std::vector<FoldingRow<ProcessInterval>>& processes() const { return processes_; }

 private:
  std::function<void(std::string&, double, const CoreInterval&)> coreDrawer() {
    return [this](std::string& svg, double top, const CoreInterval& interval) { drawCore(svg, top, interval); };
  }
  std::function<void(std::string&, double, const ProcessInterval&)> processDrawer(ProcessId process) {
    return [this, process](std::string& svg, double top, const ProcessInterval& interval) {
      drawProcess(process, svg, top, interval);
    };
  }

  Bar barOf(Tick start, Tick end, double top) const {
    return {geometry_.x(start), top + kBarInset, std::max(geometry_.width(end - start), 0.5),
            geometry_.row_height - 2 * kBarInset};
  }

  const std::string& processName(ProcessId process) const {
    return scenario_.processes[static_cast<std::size_t>(process)].name;
  }

  void drawCore(std::string& svg, double top, const CoreInterval& interval) {
    const Bar bar = barOf(interval.start, interval.end, top);
    const std::string who = xmlText(processName(interval.process));
    switch (interval.activity) {
      case CoreActivity::Running: {
        const Rgb color = processColor(interval.process);
        svg += rectOpen(bar) + solidFill(bar, hexColor(color)) + "><title>" + who + " running " +
               span(interval.start, interval.end) + "</title></rect>\n";
        labelInBar(svg, bar, processName(interval.process), hexColor(textColorOn(color)));
        break;
      }
      case CoreActivity::Switching:
        saw_switching_ = true;
        svg += rectOpen(bar) + " fill=\"url(#switching)\" stroke=\"#777\" stroke-width=\"0.5\"><title>context switch to " +
               who + " " + span(interval.start, interval.end) + "</title></rect>\n";
        break;
      case CoreActivity::Held:
        saw_held_ = true;
        svg += rectOpen(bar) + " fill=\"#ffffff\" stroke=\"#888\" stroke-dasharray=\"3 2\"><title>held for " + who +
               " (IO, multiprogramming off) " + span(interval.start, interval.end) + "</title></rect>\n";
        labelInBar(svg, bar, processName(interval.process), "#777777");
        break;
    }
  }

  void drawProcess(ProcessId process, std::string& svg, double top, const ProcessInterval& interval) {
    const Bar bar = barOf(interval.start, interval.end, top);
    const Rgb color = processColor(process);
    const std::string hex = hexColor(color);
    const std::string where = interval.core != kNoCore ? " on core " + std::to_string(interval.core) : "";
    const std::string title = "<title>" + xmlText(processName(process)) + " " + std::string(name(interval.state)) +
                              where + " " + span(interval.start, interval.end) + "</title></rect>\n";
    switch (interval.state) {
      case State::Running:
        svg += rectOpen(bar) + solidFill(bar, hex) + ">" + title;
        if (scenario_.cores > 1) labelInBar(svg, bar, std::string("c").append(std::to_string(interval.core)), hexColor(textColorOn(color)));
        break;
      case State::Blocked:
        svg += rectOpen(bar) + " fill=\"url(#blocked" + std::to_string(process) + ")\" stroke=\"" + hex +
               "\" stroke-width=\"1\">" + title;
        break;
      default: {  // Ready: an outline, its stroke drawn inside the bar
        const Bar inner{bar.x + 0.75, bar.y + 0.75, std::max(bar.width - 1.5, 0.25), bar.height - 1.5};
        svg += rectOpen(inner) + " fill=\"#ffffff\" stroke=\"" + hex + "\" stroke-width=\"1.5\">" + title;
        break;
      }
    }
  }

  const Scenario& scenario_;
  const Geometry& geometry_;
  std::vector<FoldingRow<CoreInterval>> cores_;
  std::vector<FoldingRow<ProcessInterval>> processes_;
  bool saw_switching_ = false;
  bool saw_held_ = false;
};

struct LegendItem {
  std::string swatch;  // the swatch's fill and stroke attributes
  std::string label;
};

std::vector<LegendItem> legendItems(const GanttRows& rows, const Scenario& scenario) {
  std::vector<LegendItem> items{
      {"fill=\"#808080\"", "Running"},
      {"fill=\"#ffffff\" stroke=\"#555\" stroke-width=\"1.5\"", "Ready (waiting for a core)"},
      {"fill=\"url(#legend-blocked)\" stroke=\"#555\"", "Blocked (IO)"},
  };
  if (rows.sawSwitching() || scenario.context_switch > 0) {
    items.push_back({"fill=\"url(#switching)\" stroke=\"#777\" stroke-width=\"0.5\"", "Context switch"});
  }
  if (rows.sawHeld()) items.push_back({"fill=\"#ffffff\" stroke=\"#888\" stroke-dasharray=\"3 2\"", "Held: core idle during IO"});
  if (rows.folded() > 0) {
    items.push_back({std::string("fill=\"") + kFoldedFill + "\"",
                     std::to_string(rows.folded()) + " intervals too short to draw, folded"});
  }
  items.push_back({"", "Colors identify processes"});
  return items;
}

constexpr double kSwatchWidth = 22;
constexpr double kLegendLine = 20;

// The legend's items placed left to right, wrapping; returns the lines used.
int legendLines(const std::vector<LegendItem>& items, double left, double right, std::vector<std::pair<double, int>>& at) {
  double x = left;
  int line = 0;
  for (const LegendItem& item : items) {
    const double width = (item.swatch.empty() ? 0 : kSwatchWidth + 6) + textWidth(item.label) + 18;
    if (x + width > right && x > left) {
      x = left;
      ++line;
    }
    at.emplace_back(x, line);
    x += width;
  }
  return line + 1;
}

void writeDefs(std::string& svg, std::size_t process_rows) {
  svg += "<defs>\n"
         "<pattern id=\"switching\" width=\"5\" height=\"5\" patternUnits=\"userSpaceOnUse\" "
         "patternTransform=\"rotate(-45)\"><rect width=\"5\" height=\"5\" fill=\"#e2e2e2\"/>"
         "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"5\" stroke=\"#7a7a7a\" stroke-width=\"1.5\"/></pattern>\n"
         "<pattern id=\"legend-blocked\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
         "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#ffffff\"/>"
         "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#555\" stroke-width=\"2\"/></pattern>\n";
  for (std::size_t p = 0; p < process_rows; ++p) {
    svg += "<pattern id=\"blocked" + std::to_string(p) +
           "\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
           "<rect width=\"6\" height=\"6\" fill=\"#ffffff\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"" +
           hexColor(processColor(static_cast<ProcessId>(p))) + "\" stroke-width=\"2.5\"/></pattern>\n";
  }
  svg += "</defs>\n";
}

void writeGrid(std::string& svg, const Geometry& geometry, Tick end, Tick step, double top, double bottom) {
  svg += "<g stroke=\"#e3e3e3\" stroke-width=\"1\">\n";
  for (Tick t = 0; t <= end; t += step) {
    const std::string x = num(geometry.x(t));
    svg += "<line x1=\"" + x + "\" y1=\"" + num(top) + "\" x2=\"" + x + "\" y2=\"" + num(bottom) + "\"/>\n";
  }
  svg += "</g>\n";
}

void writeAxis(std::string& svg, const Geometry& geometry, Tick end, Tick step, double y) {
  svg += "<g stroke=\"#333\" stroke-width=\"1\">\n<line x1=\"" + num(geometry.x(0)) + "\" y1=\"" + num(y) +
         "\" x2=\"" + num(geometry.x(end)) + "\" y2=\"" + num(y) + "\"/>\n";
  for (Tick t = 0; t <= end; t += step) {
    const std::string x = num(geometry.x(t));
    svg += "<line x1=\"" + x + "\" y1=\"" + num(y) + "\" x2=\"" + x + "\" y2=\"" + num(y + 5) + "\"/>\n";
  }
  svg += "</g>\n<g fill=\"#333\" text-anchor=\"middle\">\n";
  for (Tick t = 0; t <= end; t += step) {
    svg += "<text x=\"" + num(geometry.x(t)) + "\" y=\"" + num(y + 17) + "\">" + std::to_string(t) + "</text>\n";
  }
  svg += "</g>\n<text x=\"" + num(kMargin) + "\" y=\"" + num(y + 17) + "\" fill=\"#333\">tick</text>\n";
}

void writeRowBackgrounds(std::string& svg, double left, double right, double top, std::size_t rows, double height) {
  for (std::size_t r = 1; r < rows; r += 2) {
    svg += "<rect x=\"" + num(left) + "\" y=\"" + num(top + r * height) + "\" width=\"" + num(right - left) +
           "\" height=\"" + num(height) + "\" fill=\"#f5f5f5\"/>\n";
  }
}

std::string headingText(double y, const std::string& text) {
  return "<text x=\"" + num(kMargin) + "\" y=\"" + num(y) + "\" font-weight=\"bold\" fill=\"#222\">" + xmlText(text) +
         "</text>\n";
}

std::string noteText(double y, const std::string& text) {
  return "<text x=\"" + num(kMargin) + "\" y=\"" + num(y) + "\" font-style=\"italic\" fill=\"#555\">" +
         xmlText(text) + "</text>\n";
}

}  // namespace

void writeSvgGantt(std::ostream& out, const Scenario& scenario, const Trace& trace, const SvgOptions& options) {
  if (options.label_width < 40 || options.width < options.label_width + 100 || options.row_height < 8 ||
      !(options.fold_px >= 0) || options.max_core_rows < 0 || options.max_process_rows < 0) {
    throw std::invalid_argument("SVG options out of range: width >= label_width + 100, label_width >= 40, "
                                "row_height >= 8, fold_px >= 0 and row limits >= 0 are required");
  }
  const Tick end = trace.empty() ? 0 : trace.back().tick;  // walkIntervals' default end
  const double right = options.width - 2 * kMargin;
  Geometry geometry;
  geometry.plot_left = options.label_width;
  geometry.plot_width = right - geometry.plot_left;
  geometry.scale = geometry.plot_width / static_cast<double>(std::max<Tick>(end, 1));
  geometry.row_height = options.row_height;
  geometry.fold_px = options.fold_px;

  const auto cores = static_cast<std::int64_t>(scenario.cores);
  const auto processes = static_cast<std::int64_t>(scenario.processes.size());
  const std::int64_t core_rows = options.cores ? std::min(cores, options.max_core_rows) : 0;
  const std::int64_t process_rows = options.processes ? std::min(processes, options.max_process_rows) : 0;

  // Vertical layout, top to bottom.
  double y = kTitleHeight;
  const double rows_top = y;
  double cores_top = 0;
  double processes_top = 0;
  if (options.cores) {
    y += kHeadingHeight;
    cores_top = y;
    y += static_cast<double>(core_rows) * geometry.row_height + (core_rows < cores ? kNoteHeight : 0) + kSectionGap;
  }
  if (options.processes) {
    y += kHeadingHeight;
    processes_top = y;
    y += static_cast<double>(process_rows) * geometry.row_height + (process_rows < processes ? kNoteHeight : 0) +
         kSectionGap;
  }
  const double rows_bottom = y - kSectionGap;

  GanttRows rows(scenario, geometry, static_cast<std::size_t>(core_rows), cores_top,
                 static_cast<std::size_t>(process_rows), processes_top);
  TimelineOptions walk;
  walk.process_limit = process_rows;
  walkIntervals(scenario, trace, rows, walk);
  rows.finish();

  const double axis_y = rows_bottom + 4;
  const std::vector<LegendItem> legend = legendItems(rows, scenario);
  std::vector<std::pair<double, int>> legend_at;
  const int legend_lines = legendLines(legend, kMargin, right, legend_at);
  const double legend_top = axis_y + kAxisHeight;
  const double height = legend_top + legend_lines * kLegendLine + kMargin;
  const Tick step = niceStep(end, geometry.plot_width / 80.0);

  std::string svg;
  const std::string title = scenario.name.empty() ? std::string("procsim run") : scenario.name;
  const std::string policy = policyLabel(scenario);
  svg += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" +
         std::to_string(options.width) + "\" height=\"" + num(height) + "\" viewBox=\"0 0 " +
         std::to_string(options.width) + " " + num(height) + "\" font-family=\"sans-serif\" font-size=\"11\">\n";
  svg += "<title>" + xmlText(title + ": " + policy) + "</title>\n";
  writeDefs(svg, static_cast<std::size_t>(process_rows));
  svg += "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n";
  svg += "<text x=\"" + num(kMargin) + "\" y=\"24\" font-size=\"16\" font-weight=\"bold\" fill=\"#111\">" +
         xmlText(title) + "</text>\n";
  svg += "<text x=\"" + num(kMargin) + "\" y=\"44\" font-size=\"12\" fill=\"#444\">" +
         xmlText(policy + " | " + std::to_string(cores) + (cores == 1 ? " core" : " cores") + " | " +
                 std::to_string(processes) + (processes == 1 ? " process" : " processes") + " | context switch " +
                 std::to_string(scenario.context_switch) + " | last event at tick " + std::to_string(end)) +
         "</text>\n";
  out.write(svg.data(), static_cast<std::streamsize>(svg.size()));
  svg.clear();

  if (options.cores) {
    writeRowBackgrounds(svg, geometry.plot_left, right, cores_top, static_cast<std::size_t>(core_rows), geometry.row_height);
  }
  if (options.processes) {
    writeRowBackgrounds(svg, geometry.plot_left, right, processes_top, static_cast<std::size_t>(process_rows),
                        geometry.row_height);
  }
  writeGrid(svg, geometry, end, step, rows_top, rows_bottom);
  const double label_chars = (options.label_width - kMargin - 20) / kCharWidth;
  if (options.cores) {
    svg += headingText(cores_top - 6, "Cores");
    for (std::int64_t c = 0; c < core_rows; ++c) {
      svg += "<text x=\"" + num(kMargin) + "\" y=\"" +
             num(cores_top + static_cast<double>(c) * geometry.row_height + geometry.row_height / 2 + 4) +
             "\" fill=\"#222\">core " + std::to_string(c) + "</text>\n";
    }
    if (core_rows < cores) {
      svg += noteText(cores_top + static_cast<double>(core_rows) * geometry.row_height + 12,
                      std::to_string(cores - core_rows) + " more cores not shown");
    }
  }
  if (options.processes) {
    svg += headingText(processes_top - 6, "Processes");
    for (std::int64_t p = 0; p < process_rows; ++p) {
      const double row_y = processes_top + static_cast<double>(p) * geometry.row_height;
      svg += "<rect x=\"" + num(kMargin) + "\" y=\"" + num(row_y + geometry.row_height / 2 - 5) +
             "\" width=\"10\" height=\"10\" fill=\"" + hexColor(processColor(static_cast<ProcessId>(p))) + "\"/>\n";
      const std::string& process_name = scenario.processes[static_cast<std::size_t>(p)].name;
      svg += "<text x=\"" + num(kMargin + 16) + "\" y=\"" + num(row_y + geometry.row_height / 2 + 4) +
             "\" fill=\"#222\"><title>" + xmlText(process_name) + "</title>" +
             xmlText(shortened(process_name, static_cast<std::size_t>(std::max(4.0, label_chars)))) + "</text>\n";
    }
    if (process_rows < processes) {
      svg += noteText(processes_top + static_cast<double>(process_rows) * geometry.row_height + 12,
                      std::to_string(processes - process_rows) + " more processes not shown");
    }
  }
  out.write(svg.data(), static_cast<std::streamsize>(svg.size()));
  svg.clear();

  for (const auto& row : rows.cores()) out.write(row.svg().data(), static_cast<std::streamsize>(row.svg().size()));
  for (const auto& row : rows.processes()) out.write(row.svg().data(), static_cast<std::streamsize>(row.svg().size()));

  writeAxis(svg, geometry, end, step, axis_y);
  for (std::size_t i = 0; i < legend.size(); ++i) {
    const auto [x, line] = legend_at[i];
    const double item_y = legend_top + line * kLegendLine;
    double text_x = x;
    if (!legend[i].swatch.empty()) {
      svg += "<rect x=\"" + num(x) + "\" y=\"" + num(item_y) + "\" width=\"" + num(kSwatchWidth) +
             "\" height=\"12\" " + legend[i].swatch + "/>\n";
      text_x += kSwatchWidth + 6;
    }
    svg += "<text x=\"" + num(text_x) + "\" y=\"" + num(item_y + 10) + "\" fill=\"#222\">" + xmlText(legend[i].label) +
           "</text>\n";
  }
  svg += "</svg>\n";
  out.write(svg.data(), static_cast<std::streamsize>(svg.size()));
}

}  // namespace sim
