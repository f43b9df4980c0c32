// The Chrome trace and SVG writers, read back the way their consumers read
// them, and the process palette they share with the GUI.
#include <catch2/catch.hpp>

#include <cstdint>
#include <initializer_list>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "sim/engine.hpp"
#include "sim/export.hpp"
#include "sim/generate.hpp"
#include "sim/palette.hpp"
#include "scenario_builder.hpp"
#include "sim/timeline.hpp"

namespace {

using nlohmann::json;

using test::process;

sim::Scenario fcfsConvoy() {
  sim::Scenario s;
  s.name = "FCFS convoy";
  s.cores = 1;
  s.policy.name = "fcfs";
  s.processes = {process("P1", 0, {24}), process("P2", 0, {3}), process("P3", 0, {3})};
  return s;
}

sim::Scenario twoCoreRoundRobin() {
  sim::Scenario s;
  s.name = "two cores, rr 2, switch 1";
  s.cores = 2;
  s.policy.name = "rr";
  s.policy.params["quantum"] = {2};
  s.context_switch = 1;
  s.processes = {process("A", 0, {3, 2, 1}), process("B", 0, {2}), process("C", 1, {3})};
  return s;
}

sim::Trace traceOf(const sim::Scenario& s) {
  sim::Engine engine(s);
  engine.runToEnd();
  return engine.trace();
}

json chromeTrace(const sim::Scenario& s, const sim::Trace& trace) {
  std::ostringstream out;
  sim::writeChromeTrace(out, s, trace);
  return json::parse(out.str());
}

std::string svgOf(const sim::Scenario& s, const sim::Trace& trace, const sim::SvgOptions& options = {}) {
  std::ostringstream out;
  sim::writeSvgGantt(out, s, trace, options);
  return out.str();
}

using Track = std::pair<int, std::int64_t>;  // (pid, tid)

std::map<Track, int> countByTrack(const json& events, const std::string& phase) {
  std::map<Track, int> counts;
  for (const json& event : events) {
    if (event.at("ph") == phase) ++counts[{event.at("pid").get<int>(), event.at("tid").get<std::int64_t>()}];
  }
  return counts;
}

std::vector<json> eventsOn(const json& events, const std::string& phase, int pid, std::int64_t tid) {
  std::vector<json> found;
  for (const json& event : events) {
    if (event.at("ph") == phase && event.at("pid") == pid && event.at("tid") == tid) found.push_back(event);
  }
  return found;
}

std::string threadName(const json& events, int pid, std::int64_t tid) {
  for (const json& event : events) {
    if (event.at("ph") == "M" && event.at("name") == "thread_name" && event.at("pid") == pid &&
        event.at("tid") == tid) {
      return event.at("args").at("name").get<std::string>();
    }
  }
  return "";
}

std::size_t occurrences(const std::string& text, const std::string& part) {
  std::size_t count = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size())) ++count;
  return count;
}

// A parse-level check of XML: every tag closes in order, one root element,
// every '&' starts an entity. Returns what is wrong, or "" when nothing is.
std::string xmlProblem(const std::string& xml) {
  std::vector<std::string> open;
  int roots = 0;
  std::size_t at = 0;
  while ((at = xml.find('<', at)) != std::string::npos) {
    const std::size_t close = xml.find('>', at);
    if (close == std::string::npos) return "unterminated tag at " + std::to_string(at);
    const std::string tag = xml.substr(at + 1, close - at - 1);
    at = close + 1;
    if (tag.empty()) return "empty tag";
    if (tag.front() == '?') {
      if (tag.back() != '?') return "bad processing instruction";
      continue;
    }
    if (tag.front() == '/') {
      if (open.empty() || open.back() != tag.substr(1)) return "</" + tag.substr(1) + "> closes nothing open";
      open.pop_back();
      continue;
    }
    if (tag.find('<') != std::string::npos) return "'<' inside a tag: " + tag;
    const std::string element = tag.substr(0, tag.find_first_of(" \t\n/"));
    if (open.empty()) ++roots;
    if (tag.back() != '/') open.push_back(element);
  }
  if (!open.empty()) return "<" + open.back() + "> is never closed";
  if (roots != 1) return std::to_string(roots) + " root elements";
  for (std::size_t amp = xml.find('&'); amp != std::string::npos; amp = xml.find('&', amp + 1)) {
    bool entity = false;
    for (const char* name : {"&amp;", "&lt;", "&gt;", "&quot;", "&apos;"}) {
      entity = entity || xml.compare(amp, std::string(name).size(), name) == 0;
    }
    if (!entity) return "a bare '&' at " + std::to_string(amp);
  }
  return "";
}

}  // namespace

TEST_CASE("the Chrome trace of FCFS 24/3/3 has one complete event per interval on each track", "[sim][export][chrome]") {
  const auto s = fcfsConvoy();
  const json document = chromeTrace(s, traceOf(s));
  const json& events = document.at("traceEvents");
  REQUIRE(events.is_array());

  const std::map<Track, int> complete = countByTrack(events, "X");
  CHECK(complete == std::map<Track, int>{{{1, 0}, 3}, {{2, 0}, 1}, {{2, 1}, 2}, {{2, 2}, 2}});

  const auto core = eventsOn(events, "X", 1, 0);
  REQUIRE(core.size() == 3);
  CHECK(core[1].at("name") == "P2");
  CHECK(core[1].at("ts") == 24);
  CHECK(core[1].at("dur") == 3);
  CHECK(core[1].at("cat") == "running");

  const auto p3 = eventsOn(events, "X", 2, 2);
  REQUIRE(p3.size() == 2);
  CHECK(p3[0].at("name") == "ready");
  CHECK(p3[0].at("ts") == 0);
  CHECK(p3[0].at("dur") == 27);
  CHECK(p3[1].at("name") == "running");
  CHECK(p3[1].at("args").at("core") == 0);
}

TEST_CASE("the Chrome trace names every track so Perfetto can label it", "[sim][export][chrome]") {
  const auto s = twoCoreRoundRobin();
  const json events = chromeTrace(s, traceOf(s)).at("traceEvents");
  CHECK(threadName(events, 1, 0) == "core 0");
  CHECK(threadName(events, 1, 1) == "core 1");
  CHECK(threadName(events, 2, 0) == "A");
  CHECK(threadName(events, 2, 2) == "C");
  std::set<std::string> process_names;
  for (const json& event : events) {
    if (event.at("ph") == "M" && event.at("name") == "process_name") {
      process_names.insert(event.at("args").at("name").get<std::string>());
    }
  }
  CHECK(process_names == std::set<std::string>{"cores", "processes"});
}

TEST_CASE("the Chrome trace has an instant event with its reason for every transition", "[sim][export][chrome]") {
  const auto s = twoCoreRoundRobin();
  const sim::Trace trace = traceOf(s);
  const json document = chromeTrace(s, trace);
  std::vector<json> instants;
  for (const json& event : document.at("traceEvents")) {
    if (event.at("ph") == "i") instants.push_back(event);
  }
  REQUIRE(instants.size() == trace.size());
  for (std::size_t i = 0; i < trace.size(); ++i) {
    CHECK(instants[i].at("name") == std::string(sim::name(trace[i].kind)));
    CHECK(instants[i].at("ts") == trace[i].tick);
    CHECK(instants[i].at("tid") == trace[i].process);
    CHECK(instants[i].at("args").at("reason") == std::string(sim::name(trace[i].reason)));
  }
  CHECK(document.at("otherData").at("time_unit").get<std::string>().find("1 tick = 1 microsecond") !=
        std::string::npos);
  CHECK(document.at("otherData").at("policy") == "rr (quantum 2)");
}

TEST_CASE("the Chrome trace shows a context switch as its own event on the core", "[sim][export][chrome]") {
  const auto s = twoCoreRoundRobin();
  const json events = chromeTrace(s, traceOf(s)).at("traceEvents");
  const auto core1 = eventsOn(events, "X", 1, 1);
  REQUIRE(core1.size() == 3);
  CHECK(core1[1].at("name") == "context switch");
  CHECK(core1[1].at("cat") == "switching");
  CHECK(core1[1].at("ts") == 2);
  CHECK(core1[1].at("dur") == 1);
  CHECK(core1[1].at("args").at("process") == "C");
}

TEST_CASE("the Chrome trace keeps odd process names intact", "[sim][export][chrome]") {
  auto s = fcfsConvoy();
  s.processes[1].name = "say \"hi\"\\ <now>\n\ttab \xC3\xA9";
  const json events = chromeTrace(s, traceOf(s)).at("traceEvents");
  CHECK(threadName(events, 2, 1) == s.processes[1].name);
  CHECK(eventsOn(events, "X", 1, 0)[1].at("name") == s.processes[1].name);
}

TEST_CASE("the Chrome trace of a random multi-core run matches its timeline track by track", "[sim][export][chrome]") {
  sim::GenerateOptions options;
  options.processes = 200;
  options.cores = 6;
  options.seed = 7;
  auto s = sim::generateScenario(options);
  s.policy.name = "rr";
  s.policy.params["quantum"] = {3};
  s.context_switch = 1;
  const sim::Trace trace = traceOf(s);
  const sim::Timeline timeline = sim::buildTimeline(s, trace);

  std::map<Track, int> expected;
  for (sim::CoreId c = 0; c < s.cores; ++c) {
    if (!timeline.core(c).empty()) expected[{1, c}] = static_cast<int>(timeline.core(c).size());
  }
  for (std::size_t p = 0; p < s.processes.size(); ++p) {
    expected[{2, static_cast<std::int64_t>(p)}] = static_cast<int>(timeline.process(static_cast<sim::ProcessId>(p)).size());
  }
  const json events = chromeTrace(s, trace).at("traceEvents");
  CHECK(countByTrack(events, "X") == expected);
}

TEST_CASE("the SVG chart is well-formed and shows every process by name", "[sim][export][svg]") {
  const auto s = twoCoreRoundRobin();
  const std::string svg = svgOf(s, traceOf(s));
  CHECK(xmlProblem(svg).empty());
  CHECK(svg.rfind("<?xml", 0) == 0);
  CHECK(svg.find("<title>two cores, rr 2, switch 1: rr (quantum 2)</title>") != std::string::npos);
  for (const char* name : {">A<", ">B<", ">C<"}) CHECK(svg.find(name) != std::string::npos);
  CHECK(svg.find("core 1") != std::string::npos);
}

TEST_CASE("the SVG chart draws each interval with its tooltip and a distinct style per state", "[sim][export][svg]") {
  const auto s = twoCoreRoundRobin();
  const std::string svg = svgOf(s, traceOf(s));
  CHECK(occurrences(svg, "<title>A running [0, 3)</title>") == 1);
  CHECK(occurrences(svg, "<title>context switch to C [2, 3)</title>") == 1);
  CHECK(occurrences(svg, "<title>A blocked [3, 5)</title>") == 1);
  CHECK(occurrences(svg, "<title>C ready [1, 2)</title>") == 1);
  CHECK(occurrences(svg, "<title>C running on core 1 [2, 6)</title>") == 1);
  CHECK(occurrences(svg, "fill=\"url(#blocked0)\"") == 1);  // hatched, not only colored
  CHECK(occurrences(svg, "fill=\"url(#switching)\"") >= 2);  // the bar and its legend swatch
  CHECK(svg.find("Context switch") != std::string::npos);
}

TEST_CASE("the SVG chart escapes markup in names", "[sim][export][svg]") {
  auto s = fcfsConvoy();
  s.name = "convoy <&> \"quoted\"";
  s.processes[0].name = "P<1>&co";
  const std::string svg = svgOf(s, traceOf(s));
  CHECK(xmlProblem(svg).empty());
  CHECK(svg.find("P&lt;1&gt;&amp;co") != std::string::npos);
  CHECK(svg.find("P<1>") == std::string::npos);
  CHECK(svg.find("convoy &lt;&amp;&gt; &quot;quoted&quot;") != std::string::npos);
}

TEST_CASE("the SVG chart shows the held core when multiprogramming is off", "[sim][export][svg]") {
  auto s = fcfsConvoy();
  s.policy.multiprogramming = false;
  s.processes[0] = process("P1", 0, {2, 3, 1});
  const std::string svg = svgOf(s, traceOf(s));
  CHECK(xmlProblem(svg).empty());
  CHECK(occurrences(svg, "<title>held for P1 (IO, multiprogramming off) [2, 5)</title>") == 1);
  CHECK(svg.find("Held: core idle during IO") != std::string::npos);
}

TEST_CASE("the SVG chart of a long run folds tiny intervals and stays small", "[sim][export][svg]") {
  sim::GenerateOptions options;
  options.processes = 20000;
  options.cores = 8;
  options.seed = 3;
  options.arrival_span = 20000;
  auto s = sim::generateScenario(options);
  s.policy.name = "rr";
  s.policy.params["quantum"] = {2};
  const sim::Trace trace = traceOf(s);
  REQUIRE(trace.size() > 100000);

  const std::string svg = svgOf(s, trace);
  CHECK(xmlProblem(svg).empty());
  CHECK(svg.size() < 3'000'000);
  CHECK(svg.find("19936 more processes not shown") != std::string::npos);
  CHECK(svg.find("too short to draw, folded") != std::string::npos);
  CHECK(svg.find("short intervals folded [") != std::string::npos);
}

TEST_CASE("the SVG chart limits its rows as asked", "[sim][export][svg]") {
  const auto s = twoCoreRoundRobin();
  sim::SvgOptions options;
  options.max_core_rows = 1;
  options.processes = false;
  const std::string svg = svgOf(s, traceOf(s), options);
  CHECK(xmlProblem(svg).empty());
  CHECK(svg.find("1 more cores not shown") != std::string::npos);
  CHECK(svg.find("Processes") == std::string::npos);
  CHECK(svg.find("B running [0, 2)") == std::string::npos);  // B ran on core 1, not shown
  CHECK(svg.find("A running [0, 3)") != std::string::npos);
}

TEST_CASE("SVG options out of range are refused", "[sim][export][svg]") {
  const auto s = fcfsConvoy();
  const sim::Trace trace = traceOf(s);
  sim::SvgOptions narrow;
  narrow.width = 150;
  CHECK_THROWS_AS(svgOf(s, trace, narrow), std::invalid_argument);
  sim::SvgOptions flat;
  flat.row_height = 2;
  CHECK_THROWS_AS(svgOf(s, trace, flat), std::invalid_argument);
}

TEST_CASE("process colors are distinct for neighbours and light enough for black labels", "[sim][palette]") {
  std::set<std::string> first_colors;
  for (sim::ProcessId p = 0; p < 24; ++p) first_colors.insert(sim::hexColor(sim::processColor(p)));
  CHECK(first_colors.size() == 24);
  for (sim::ProcessId p = 0; p < 200; ++p) {  // mid-tones: labels in bars are black
    INFO("process " << p << " " << sim::hexColor(sim::processColor(p)));
    CHECK(sim::textColorOn(sim::processColor(p)) == sim::Rgb{0, 0, 0});
  }
  CHECK(sim::hexColor({255, 0, 16}) == "#ff0010");
  CHECK(sim::textColorOn({255, 255, 255}) == sim::Rgb{0, 0, 0});
  CHECK(sim::textColorOn({0, 0, 40}) == sim::Rgb{255, 255, 255});
}

TEST_CASE("a run that has not started exports an empty but valid chart and trace", "[sim][export]") {
  const auto s = fcfsConvoy();
  const sim::Trace nothing;
  const std::string svg = svgOf(s, nothing);
  CHECK(xmlProblem(svg).empty());
  CHECK(svg.find("running [") == std::string::npos);
  const json events = chromeTrace(s, nothing).at("traceEvents");
  CHECK(countByTrack(events, "X").empty());
  CHECK(threadName(events, 2, 0) == "P1");
}
