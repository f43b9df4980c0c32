// The Chrome trace event format, as documented in Google's "Trace Event
// Format" note: Perfetto and chrome://tracing open it.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "export_common.hpp"
#include "sim/export.hpp"
#include "sim/timeline.hpp"

namespace sim {

namespace {

constexpr int kCoresPid = 1;
constexpr int kProcessesPid = 2;

// A JSON string literal, quotes included; bad UTF-8 is replaced, not thrown.
std::string quoted(const std::string& text) {
  return nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

class ChromeEventWriter : public IntervalSink {
 public:
  ChromeEventWriter(ChunkedWriter& out, const std::vector<std::string>& quoted_names)
      : out_(out), names_(quoted_names) {}

  void onCoreInterval(CoreId core, const CoreInterval& interval) override {
    const std::string& process = names_[static_cast<std::size_t>(interval.process)];
    begin("X", kCoresPid, core, interval.start);
    out_ << ",\"dur\":" << (interval.end - interval.start) << ",\"cat\":\"" << name(interval.activity)
         << "\",\"name\":";
    switch (interval.activity) {  // a running event is named by its process; the others say whose they are
      case CoreActivity::Running: out_ << process << '}'; return;
      case CoreActivity::Switching: out_ << "\"context switch\""; break;
      case CoreActivity::Held: out_ << "\"held\""; break;
    }
    out_ << ",\"args\":{\"process\":" << process << "}}";
  }

  void onProcessInterval(ProcessId process, const ProcessInterval& interval) override {
    begin("X", kProcessesPid, process, interval.start);
    out_ << ",\"dur\":" << (interval.end - interval.start) << ",\"cat\":\"state\",\"name\":\""
         << name(interval.state) << '"';
    if (interval.core != kNoCore) out_ << ",\"args\":{\"core\":" << interval.core << '}';
    out_ << '}';
  }

  void onTransition(const Transition& transition) {
    begin("i", kProcessesPid, transition.process, transition.tick);
    out_ << ",\"s\":\"t\",\"cat\":\"transition\",\"name\":\"" << name(transition.kind)
         << "\",\"args\":{\"reason\":\"" << name(transition.reason) << '"';
    if (transition.core >= 0) out_ << ",\"core\":" << std::int32_t{transition.core};
    out_ << "}}";
  }

  void metadata(int pid, std::int64_t tid, const char* what, const std::string& arg_name, const std::string& value) {
    separate();
    out_ << "{\"ph\":\"M\",\"pid\":" << pid;
    if (tid >= 0) out_ << ",\"tid\":" << tid;
    out_ << ",\"name\":\"" << what << "\",\"args\":{\"" << arg_name << "\":" << value << "}}";
  }

 private:
  void separate() {
    out_ << (first_ ? "\n" : ",\n");
    first_ = false;
  }
  void begin(const char* phase, int pid, std::int64_t tid, Tick ts) {
    separate();
    out_ << "{\"ph\":\"" << phase << "\",\"pid\":" << pid << ",\"tid\":" << tid << ",\"ts\":" << ts;
  }

  ChunkedWriter& out_;
  const std::vector<std::string>& names_;
  bool first_ = true;
};

void writeTrackNames(ChromeEventWriter& events, const Scenario& scenario, const std::vector<std::string>& names) {
  events.metadata(kCoresPid, -1, "process_name", "name", "\"cores\"");
  events.metadata(kCoresPid, -1, "process_sort_index", "sort_index", std::to_string(kCoresPid));
  events.metadata(kProcessesPid, -1, "process_name", "name", "\"processes\"");
  events.metadata(kProcessesPid, -1, "process_sort_index", "sort_index", std::to_string(kProcessesPid));
  for (int c = 0; c < scenario.cores; ++c) {
    events.metadata(kCoresPid, c, "thread_name", "name", "\"core " + std::to_string(c) + "\"");
    events.metadata(kCoresPid, c, "thread_sort_index", "sort_index", std::to_string(c));
  }
  for (std::size_t p = 0; p < names.size(); ++p) {
    const auto tid = static_cast<std::int64_t>(p);
    events.metadata(kProcessesPid, tid, "thread_name", "name", names[p]);
    events.metadata(kProcessesPid, tid, "thread_sort_index", "sort_index", std::to_string(p));
  }
}

}  // namespace

void writeChromeTrace(std::ostream& out, const Scenario& scenario, const Trace& trace) {
  std::vector<std::string> names;
  names.reserve(scenario.processes.size());
  for (const ProcessSpec& process : scenario.processes) names.push_back(quoted(process.name));

  ChunkedWriter writer(out);
  writer << "{\"traceEvents\":[";
  ChromeEventWriter events(writer, names);
  writeTrackNames(events, scenario, names);
  const Tick end = walkIntervals(scenario, trace, events);
  for (const Transition& transition : trace) events.onTransition(transition);
  writer << "\n],\n\"otherData\":{\"generator\":\"procsim\",\"time_unit\":"
         << "\"1 tick = 1 microsecond: ts and dur are simulator ticks\",\"scenario\":" << quoted(scenario.name)
         << ",\"policy\":" << quoted(policyLabel(scenario)) << ",\"cores\":" << std::int32_t{scenario.cores}
         << ",\"processes\":" << static_cast<std::int64_t>(scenario.processes.size())
         << ",\"context_switch\":" << scenario.context_switch << ",\"end_tick\":" << end << "}}\n";
  writer.flush();
}

}  // namespace sim
