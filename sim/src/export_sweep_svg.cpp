// A sweep's averages as a line chart: one polyline per metric.
#include <algorithm>
#include <array>
#include <cstdio>

#include "export_common.hpp"
#include "sim/sweep.hpp"

namespace sim {

namespace {

struct Series {
  const char* name;
  const char* color;
  double (*value)(const RunMetrics&);
};

constexpr std::array<Series, 3> kSeries{{
    {"average waiting", "#e07b39", [](const RunMetrics& m) { return m.avg_waiting; }},
    {"average turnaround", "#3b7dd8", [](const RunMetrics& m) { return m.avg_turnaround; }},
    {"average response", "#4caf50", [](const RunMetrics& m) { return m.avg_response; }},
}};

std::string number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", value);
  return text;
}

}  // namespace

void writeSweepSvg(std::ostream& out, const Scenario& scenario, const SweepRange& range,
                   const std::vector<SweepPoint>& points) {
  constexpr double kWidth = 720, kHeight = 420, kLeft = 70, kRight = 190, kTop = 50, kBottom = 60;
  const double plot_w = kWidth - kLeft - kRight, plot_h = kHeight - kTop - kBottom;
  double top_value = 1;
  for (const SweepPoint& p : points) {
    for (const Series& s : kSeries) top_value = std::max(top_value, s.value(p.metrics));
  }
  const double x0 = static_cast<double>(range.from);
  const double x1 = std::max(static_cast<double>(points.empty() ? range.to : points.back().value), x0 + 1);
  auto x = [&](double v) { return kLeft + (v - x0) / (x1 - x0) * plot_w; };
  auto y = [&](double v) { return kTop + plot_h - v / top_value * plot_h; };
  out << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << kWidth << "\" height=\"" << kHeight
      << "\" font-family=\"sans-serif\" font-size=\"12\">\n";
  out << "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n";
  out << "<text x=\"" << kLeft << "\" y=\"24\" font-size=\"15\">" << xmlText(scenario.name.empty() ? "sweep" : scenario.name)
      << ": " << xmlText(scenario.policy.name) << ", varying " << xmlText(range.key) << "</text>\n";
  // Axes, with five gridlines on y and up to ten labelled values on x.
  for (int i = 0; i <= 5; ++i) {
    const double v = top_value * i / 5.0;
    out << "<line x1=\"" << kLeft << "\" x2=\"" << kLeft + plot_w << "\" y1=\"" << y(v) << "\" y2=\"" << y(v)
        << "\" stroke=\"#ddd\"/>\n<text x=\"" << kLeft - 8 << "\" y=\"" << y(v) + 4 << "\" text-anchor=\"end\">"
        << number(v) << "</text>\n";
  }
  const std::size_t label_every = std::max<std::size_t>(1, points.size() / 10);
  for (std::size_t i = 0; i < points.size(); i += label_every) {
    const double v = static_cast<double>(points[i].value);
    out << "<text x=\"" << x(v) << "\" y=\"" << kTop + plot_h + 18 << "\" text-anchor=\"middle\">" << points[i].value
        << "</text>\n";
  }
  out << "<text x=\"" << kLeft + plot_w / 2 << "\" y=\"" << kHeight - 16 << "\" text-anchor=\"middle\">"
      << xmlText(range.key) << "</text>\n";
  out << "<text x=\"18\" y=\"" << kTop + plot_h / 2 << "\" transform=\"rotate(-90 18 " << kTop + plot_h / 2
      << ")\" text-anchor=\"middle\">ticks</text>\n";
  out << "<rect x=\"" << kLeft << "\" y=\"" << kTop << "\" width=\"" << plot_w << "\" height=\"" << plot_h
      << "\" fill=\"none\" stroke=\"#888\"/>\n";
  for (std::size_t s = 0; s < kSeries.size(); ++s) {
    const Series& series = kSeries[s];
    out << "<polyline fill=\"none\" stroke=\"" << series.color << "\" stroke-width=\"2\" points=\"";
    for (const SweepPoint& p : points) out << x(static_cast<double>(p.value)) << "," << y(series.value(p.metrics)) << " ";
    out << "\"/>\n";
    for (const SweepPoint& p : points) {
      out << "<circle cx=\"" << x(static_cast<double>(p.value)) << "\" cy=\"" << y(series.value(p.metrics))
          << "\" r=\"2.5\" fill=\"" << series.color << "\"><title>" << xmlText(range.key) << " " << p.value
          << ": " << series.name << " " << number(series.value(p.metrics)) << "</title></circle>\n";
    }
    const double ly = kTop + 10 + 20.0 * static_cast<double>(s);
    out << "<line x1=\"" << kLeft + plot_w + 16 << "\" x2=\"" << kLeft + plot_w + 40 << "\" y1=\"" << ly << "\" y2=\"" << ly
        << "\" stroke=\"" << series.color << "\" stroke-width=\"3\"/>\n<text x=\"" << kLeft + plot_w + 46 << "\" y=\""
        << ly + 4 << "\">" << series.name << "</text>\n";
  }
  out << "</svg>\n";
}

}  // namespace sim
