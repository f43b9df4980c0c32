#include "scenario_reader.hpp"

#include <algorithm>
#include <array>
#include <climits>
#include <limits>
#include <string>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "sim/metrics.hpp"
#include "sim/scenario_json.hpp"
#include "scenario_check.hpp"
#include "text_hints.hpp"

namespace sim::detail {
namespace {

using Json = nlohmann::json;

[[noreturn]] void fail(std::string where, std::string message) {
  throw ScenarioError(std::move(where), std::move(message));
}

// [SECTION] Values as the SAX parser reports them

enum class Kind : std::uint8_t { Null, Boolean, Integer, Float, String, Object, Array };

struct Value {
  Kind kind = Kind::Null;
  bool boolean = false;
  std::int64_t integer = 0;
  double number = 0;
  bool too_large = false;          // an integer literal beyond int64
  std::string* text = nullptr;     // String: the text (may be moved from); Float: the literal
};

// The type of a value, as "got ..." messages name it.
const char* describe(const Value& value) {
  switch (value.kind) {
    case Kind::Null: return "null";
    case Kind::Boolean: return "boolean";
    case Kind::Integer:
    case Kind::Float: return "number";
    case Kind::String: return "string";
    case Kind::Object: return "object";
    case Kind::Array: return "array";
  }
  return "value";
}

// [SECTION] Where we are in the document

enum class Frame : std::uint8_t { Root, Policy, Processes, Process, Bursts, Burst, Expect, ExpectProcesses, ExpectProcess };

struct Level {
  Frame frame = Frame::Root;
  std::int64_t index = -1;  // arrays: index of the current element
  std::uint32_t seen = 0;   // objects with fixed keys: a bit per key given
  int key = -1;             // objects with fixed keys: the pending key
  std::string key_text;     // objects: the pending key as written
};

const std::vector<std::string_view>& keysOf(Frame frame) {
  static const std::vector<std::string_view> root{"name", "description", "cores", "policy",
                                                  "context_switch", "processes", "expect"};
  static const std::vector<std::string_view> policy{"name", "quantum", "preemptive", "multiprogramming",
                                                    "wakeup_preempts"};
  static const std::vector<std::string_view> process{"name", "arrival", "priority", "bursts"};
  static const std::vector<std::string_view> burst{"cpu", "io", "device"};
  static const std::vector<std::string_view> none;
  switch (frame) {
    case Frame::Root: return root;
    case Frame::Policy: return policy;
    case Frame::Process: return process;
    case Frame::Burst: return burst;
    default: return none;
  }
}

// Key ids: the index in keysOf(frame).
enum RootKey { kRootName, kRootDescription, kRootCores, kRootPolicy, kRootContextSwitch, kRootProcesses, kRootExpect };
enum PolicyKey { kPolicyName, kPolicyQuantum, kPolicyPreemptive, kPolicyMultiprogramming, kPolicyWakeupPreempts };
enum ProcessKey { kProcessName, kProcessArrival, kProcessPriority, kProcessBursts };
enum BurstKey { kBurstCpu, kBurstIo, kBurstDevice };

// [SECTION] The reader

class Reader final : public nlohmann::json_sax<Json> {
 public:
  explicit Reader(std::string_view text) : text_(text) {}

  ReadScenario take() { return std::move(result_); }

  bool null() override { return value(Value{}); }
  bool boolean(bool flag) override {
    Value v;
    v.kind = Kind::Boolean;
    v.boolean = flag;
    return value(v);
  }
  bool number_integer(number_integer_t number) override {
    Value v;
    v.kind = Kind::Integer;
    v.integer = number;
    v.number = static_cast<double>(number);
    return value(v);
  }
  bool number_unsigned(number_unsigned_t number) override {
    Value v;
    v.kind = Kind::Integer;
    v.number = static_cast<double>(number);
    if (number > static_cast<number_unsigned_t>(std::numeric_limits<std::int64_t>::max())) {
      v.too_large = true;
    } else {
      v.integer = static_cast<std::int64_t>(number);
    }
    return value(v);
  }
  bool number_float(number_float_t number, const string_t& literal) override {
    Value v;
    v.kind = Kind::Float;
    v.number = number;
    literal_ = literal;
    v.text = &literal_;
    // An integer literal too long for uint64 arrives here as a float.
    v.too_large = literal.find_first_of(".eE") == std::string::npos;
    return value(v);
  }
  bool string(string_t& text) override {
    Value v;
    v.kind = Kind::String;
    v.text = &text;
    return value(v);
  }
  bool binary(binary_t& /*unused*/) override { fail(here(), "binary values are not JSON"); }
  bool start_object(std::size_t /*unused*/) override {
    Value v;
    v.kind = Kind::Object;
    return value(v);
  }
  bool start_array(std::size_t /*unused*/) override {
    Value v;
    v.kind = Kind::Array;
    return value(v);
  }
  bool key(string_t& text) override;
  bool end_object() override;
  bool end_array() override {
    stack_.pop_back();
    return true;
  }
  bool parse_error(std::size_t position, const std::string& /*last_token*/,
                   const nlohmann::detail::exception& error) override {
    std::string message = error.what();
    // Drop nlohmann's "[json.exception.parse_error.101] parse error at line 1, column 2: ".
    if (const auto bracket = message.find("] "); bracket != std::string::npos) message.erase(0, bracket + 2);
    if (message.rfind("parse error", 0) == 0) {
      if (const auto colon = message.find(": "); colon != std::string::npos) message.erase(0, colon + 2);
    }
    fail(lineAndColumn(text_, position), message);
  }

 private:
  bool value(const Value& v);
  void rootValue(Level& level, const Value& v);
  void policyValue(Level& level, const Value& v);
  void processValue(Level& level, const Value& v);
  void burstValue(Level& level, const Value& v);
  void expectValue(Level& level, const Value& v);
  void finishBurst();

  void push(Frame frame) {
    stack_.emplace_back();
    stack_.back().frame = frame;
  }
  std::string pathTo(std::size_t depth) const;
  std::string here() const { return stack_.empty() ? "top level" : pathTo(stack_.size()); }
  std::string elementPath() const { return here() + "[" + std::to_string(stack_.back().index) + "]"; }
  std::string keyPath() const {
    const std::string object = pathTo(stack_.size());
    return object == "top level" ? stack_.back().key_text : object + "." + stack_.back().key_text;
  }

  std::int64_t integer(const Value& v, std::int64_t low, std::int64_t high) const;
  std::string& text(const Value& v) const;
  bool flag(const Value& v) const;
  double number(const Value& v) const;
  void requireKind(const Value& v, Kind kind, const char* expected) const {
    if (v.kind != kind) fail(keyPath(), std::string("must be ") + expected + ", got " + describe(v));
  }

  Scenario& scenario() { return result_.scenario; }
  ProcessSpec& process() { return scenario().processes.back(); }

  std::string_view text_;
  std::vector<Level> stack_;
  ReadScenario result_;
  std::string literal_;
  std::unordered_map<std::string, std::uint16_t> device_index_{{"io", 0}};
  // The burst being read.
  std::int64_t burst_length_ = 0;
  std::string burst_device_;
  std::map<std::string, double>* expect_process_ = nullptr;
};

std::string Reader::pathTo(std::size_t depth) const {
  std::string path;
  for (std::size_t i = 1; i < depth; ++i) {
    const Level& parent = stack_[i - 1];
    if (parent.frame == Frame::Processes || parent.frame == Frame::Bursts) {
      path += "[" + std::to_string(parent.index) + "]";
    } else {
      if (!path.empty()) path += '.';
      path += parent.key_text;
    }
  }
  return path.empty() ? "top level" : path;
}

std::int64_t Reader::integer(const Value& v, std::int64_t low, std::int64_t high) const {
  if (v.kind == Kind::Float && !v.too_large) fail(keyPath(), "must be an integer, got " + *v.text);
  if (v.kind != Kind::Integer && v.kind != Kind::Float) fail(keyPath(), std::string("must be an integer, got ") + describe(v));
  if (v.too_large) fail(keyPath(), "number too large for a 64-bit integer");
  if (v.integer < low) fail(keyPath(), "must be at least " + std::to_string(low) + ", got " + std::to_string(v.integer));
  if (v.integer > high) fail(keyPath(), "must be at most " + std::to_string(high) + ", got " + std::to_string(v.integer));
  return v.integer;
}

std::string& Reader::text(const Value& v) const {
  requireKind(v, Kind::String, "a string");
  return *v.text;
}

bool Reader::flag(const Value& v) const {
  requireKind(v, Kind::Boolean, "true or false");
  return v.boolean;
}

double Reader::number(const Value& v) const {
  if (v.kind != Kind::Integer && v.kind != Kind::Float) fail(keyPath(), std::string("must be a number, got ") + describe(v));
  return v.number;
}

bool Reader::key(string_t& text) {
  Level& level = stack_.back();
  level.key_text = text;
  const std::vector<std::string_view>& known = keysOf(level.frame);
  if (level.frame == Frame::Expect) {
    if (text == "processes") {
      level.key = 0;
      if ((level.seen & 1U) != 0) fail(here(), "duplicate key \"processes\"");
      level.seen |= 1U;
      return true;
    }
    level.key = -1;
    const std::vector<std::string> metrics = runMetricNames();
    if (std::find(metrics.begin(), metrics.end(), text) == metrics.end()) {
      fail(here(), "unknown metric " + quoteText(text) + didYouMean(text, {metrics.begin(), metrics.end()}));
    }
    if (scenario().expect->run.count(text) != 0) fail(here(), "duplicate key " + quoteText(text));
    return true;
  }
  if (level.frame == Frame::ExpectProcesses) {
    if (scenario().expect->processes.count(text) != 0) fail(here(), "duplicate key " + quoteText(text));
    return true;
  }
  if (level.frame == Frame::ExpectProcess) {
    const std::vector<std::string> metrics = processMetricNames();
    if (std::find(metrics.begin(), metrics.end(), text) == metrics.end()) {
      fail(here(), "unknown metric " + quoteText(text) + didYouMean(text, {metrics.begin(), metrics.end()}));
    }
    if (expect_process_->count(text) != 0) fail(here(), "duplicate key " + quoteText(text));
    return true;
  }
  const auto found = std::find(known.begin(), known.end(), text);
  if (found == known.end()) fail(here(), "unknown key " + quoteText(text) + didYouMean(text, known));
  level.key = static_cast<int>(found - known.begin());
  const std::uint32_t bit = 1U << level.key;
  if ((level.seen & bit) != 0) fail(here(), "duplicate key " + quoteText(text));
  level.seen |= bit;
  return true;
}

bool Reader::value(const Value& v) {
  if (stack_.empty()) {
    if (v.kind != Kind::Object) fail("top level", std::string("a scenario must be a JSON object, got ") + describe(v));
    push(Frame::Root);
    return true;
  }
  Level& level = stack_.back();
  switch (level.frame) {
    case Frame::Root: rootValue(level, v); break;
    case Frame::Policy: policyValue(level, v); break;
    case Frame::Process: processValue(level, v); break;
    case Frame::Burst: burstValue(level, v); break;
    case Frame::Expect:
    case Frame::ExpectProcesses:
    case Frame::ExpectProcess: expectValue(level, v); break;
    case Frame::Processes: {
      ++level.index;
      if (v.kind != Kind::Object) fail(elementPath(), std::string("a process must be an object, got ") + describe(v));
      if (level.index >= kMaxProcesses) fail("processes", "at most " + std::to_string(kMaxProcesses) + " processes");
      scenario().processes.emplace_back();
      result_.named_in_file.push_back(false);
      push(Frame::Process);
      break;
    }
    case Frame::Bursts: {
      ++level.index;
      if (v.kind != Kind::Object) fail(elementPath(), std::string("a burst must be an object, got ") + describe(v));
      if (level.index >= kMaxBurstsPerProcess) {
        fail(here(), "at most " + std::to_string(kMaxBurstsPerProcess) + " bursts");
      }
      burst_length_ = 0;
      burst_device_.clear();
      push(Frame::Burst);
      break;
    }
  }
  return true;
}

void Reader::rootValue(Level& level, const Value& v) {
  switch (level.key) {
    case kRootName: scenario().name = std::move(text(v)); break;
    case kRootDescription: scenario().description = std::move(text(v)); break;
    case kRootCores: scenario().cores = static_cast<int>(integer(v, 1, kMaxCores)); break;
    case kRootContextSwitch: scenario().context_switch = integer(v, 0, kMaxContextSwitch); break;
    case kRootPolicy:
      if (v.kind == Kind::String) {
        checkPolicyName("policy", *v.text);
        scenario().policy.name = std::move(*v.text);
      } else {
        requireKind(v, Kind::Object, "a policy name or an object");
        push(Frame::Policy);
      }
      break;
    case kRootProcesses:
      requireKind(v, Kind::Array, "an array of processes");
      push(Frame::Processes);
      break;
    default:
      requireKind(v, Kind::Object, "an object");
      scenario().expect.emplace();
      push(Frame::Expect);
  }
}

void Reader::policyValue(Level& level, const Value& v) {
  PolicySpec& policy = scenario().policy;
  switch (level.key) {
    case kPolicyName:
      checkPolicyName("policy.name", text(v));
      policy.name = std::move(text(v));
      break;
    case kPolicyQuantum: policy.quantum = integer(v, 1, kMaxQuantum); break;
    case kPolicyPreemptive: policy.preemptive = flag(v); break;
    case kPolicyMultiprogramming: policy.multiprogramming = flag(v); break;
    default: policy.wakeup_preempts = flag(v);
  }
}

void Reader::processValue(Level& level, const Value& v) {
  switch (level.key) {
    case kProcessName:
      process().name = std::move(text(v));
      result_.named_in_file.back() = true;
      break;
    case kProcessArrival: process().arrival = integer(v, 0, kMaxArrival); break;
    case kProcessPriority:
      process().priority = static_cast<int>(integer(v, INT_MIN, INT_MAX));
      break;
    default:
      requireKind(v, Kind::Array, "an array of bursts");
      push(Frame::Bursts);
  }
}

void Reader::burstValue(Level& level, const Value& v) {
  if (level.key == kBurstDevice) {
    burst_device_ = std::move(text(v));
    if (burst_device_.empty()) fail(keyPath(), "a device name must not be empty");
  } else {
    burst_length_ = integer(v, 1, kMaxBurstLength);
  }
}

void Reader::finishBurst() {
  const Level& level = stack_.back();
  const bool cpu = (level.seen & (1U << kBurstCpu)) != 0;
  const bool io = (level.seen & (1U << kBurstIo)) != 0;
  const bool device = (level.seen & (1U << kBurstDevice)) != 0;
  if (cpu && io) fail(here(), "a burst has either \"cpu\" or \"io\", not both");
  if (!cpu && !io) fail(here(), "a burst needs a \"cpu\" or an \"io\" length");
  if (cpu && device) fail(here(), "\"device\" is only for IO bursts");
  Burst burst;
  burst.length = static_cast<std::uint32_t>(burst_length_);
  burst.kind = cpu ? BurstKind::Cpu : BurstKind::Io;
  if (device) {
    auto [it, added] = device_index_.try_emplace(burst_device_, static_cast<std::uint16_t>(0));
    if (added) {
      if (scenario().devices.size() >= kMaxDevices) {
        fail(here() + ".device", "at most " + std::to_string(kMaxDevices) + " different devices");
      }
      it->second = static_cast<std::uint16_t>(scenario().devices.size());
      scenario().devices.push_back(burst_device_);
    }
    burst.device = it->second;
  }
  process().bursts.push_back(burst);
}

void Reader::expectValue(Level& level, const Value& v) {
  Expectations& expect = *scenario().expect;
  if (level.frame == Frame::Expect && level.key == 0) {
    requireKind(v, Kind::Object, "an object");
    push(Frame::ExpectProcesses);
  } else if (level.frame == Frame::Expect) {
    expect.run[level.key_text] = number(v);
  } else if (level.frame == Frame::ExpectProcesses) {
    requireKind(v, Kind::Object, "an object of metrics");
    expect_process_ = &expect.processes[level.key_text];
    push(Frame::ExpectProcess);
  } else {
    (*expect_process_)[level.key_text] = number(v);
  }
}

bool Reader::end_object() {
  const Level& level = stack_.back();
  const auto missing = [&](int key) { return (level.seen & (1U << key)) == 0; };
  switch (level.frame) {
    case Frame::Root:
      if (missing(kRootProcesses)) fail("top level", "missing required key \"processes\"");
      break;
    case Frame::Policy:
      if (missing(kPolicyName)) fail("policy", "missing required key \"name\"");
      break;
    case Frame::Process:
      if (missing(kProcessBursts)) fail(here(), "missing required key \"bursts\"");
      break;
    case Frame::Burst: finishBurst(); break;
    default: break;
  }
  stack_.pop_back();
  return true;
}

}  // namespace

std::string lineAndColumn(std::string_view text, std::size_t byte_position) {
  const std::size_t end = std::min(byte_position > 0 ? byte_position - 1 : 0, text.size());
  std::size_t line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < end; ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(end - line_start + 1);
}

ReadScenario readScenarioJson(std::string_view json_text) {
  Reader reader(json_text);
  Json::sax_parse(json_text.begin(), json_text.end(), &reader);
  ReadScenario result = reader.take();
  std::vector<ProcessSpec>& processes = result.scenario.processes;
  for (std::size_t i = 0; i < processes.size(); ++i) {
    if (!result.named_in_file[i]) processes[i].name = "P" + std::to_string(i + 1);
  }
  return result;
}

}  // namespace sim::detail
