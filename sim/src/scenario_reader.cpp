// Reading scenario JSON: the generic part of the SAX handler (paths,
// value types, keys) and the entry point.
#include <algorithm>
#include <string>

#include "scenario_reader.hpp"
#include "scenario_reader_sax.hpp"
#include "sim/metrics.hpp"
#include "text_hints.hpp"

namespace sim::detail {

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

const std::vector<std::string_view>& keysOf(Frame frame) {
  static const std::vector<std::string_view> root{"name", "description", "cores", "policy",
                                                  "context_switch", "processes", "expect", "devices",
                                                  "run_queues", "balance", "cache"};
  static const std::vector<std::string_view> balance{"interval", "steal"};
  static const std::vector<std::string_view> cache{"warmup", "warm_rate", "size"};
  static const std::vector<std::string_view> device{"servers"};
  static const std::vector<std::string_view> policy{"name", "multiprogramming", "wakeup_preempts"};
  static const std::vector<std::string_view> process{"name",    "arrival", "priority", "bursts",
                                                     "tickets", "nice",    "affinity", "working_set"};
  static const std::vector<std::string_view> burst{"cpu", "io", "device", "async"};
  static const std::vector<std::string_view> none;
  switch (frame) {
    case Frame::Root: return root;
    case Frame::Policy: return policy;
    case Frame::Process: return process;
    case Frame::Burst: return burst;
    case Frame::Device: return device;
    case Frame::Balance: return balance;
    case Frame::Cache: return cache;
    default: return none;
  }
}

bool Reader::parse_error(std::size_t position, const std::string& /*last_token*/,
                         const nlohmann::detail::exception& error) {
  std::string message = error.what();
  // Drop nlohmann's "[json.exception.parse_error.101] parse error at line 1, column 2: ".
  if (const auto bracket = message.find("] "); bracket != std::string::npos) message.erase(0, bracket + 2);
  if (message.rfind("parse error", 0) == 0) {
    if (const auto colon = message.find(": "); colon != std::string::npos) message.erase(0, colon + 2);
  }
  fail(lineAndColumn(text_, position), message);
}

std::string Reader::pathTo(std::size_t depth) const {
  std::string path;
  for (std::size_t i = 1; i < depth; ++i) {
    const Level& parent = stack_[i - 1];
    if (parent.frame == Frame::Processes || parent.frame == Frame::Bursts) {
      path.append(1, '[').append(std::to_string(parent.index)).append(1, ']');
    } else {
      if (!path.empty()) path += '.';
      path += parent.key_text;
    }
  }
  return path.empty() ? "top level" : path;
}

std::int64_t Reader::integer(const Value& v, std::int64_t low, std::int64_t high) const {
  const bool is_number = v.kind == Kind::Integer || v.kind == Kind::Float;
  if (!is_number) fail(keyPath(), std::string("must be an integer, got ") + describe(v));
  if (v.too_large) fail(keyPath(), "number too large for a 64-bit integer");
  if (v.kind == Kind::Float) fail(keyPath(), "must be an integer, got " + *v.text);
  if (v.integer >= low && v.integer <= high) return v.integer;
  const std::string got = ", got " + std::to_string(v.integer);
  if (v.integer < low) fail(keyPath(), "must be at least " + std::to_string(low) + got);
  fail(keyPath(), "must be at most " + std::to_string(high) + got);
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
  if (v.kind != Kind::Integer && v.kind != Kind::Float) {
    fail(keyPath(), std::string("must be a number, got ") + describe(v));
  }
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
  if (level.frame == Frame::Policy) {
    const auto fixed = std::find(known.begin(), known.end(), text);
    if (fixed == known.end()) {  // a parameter: checked against the policy's schema when the object ends
      level.key = kPolicyParameter;
      if (scenario().policy.params.count(text) != 0) fail(here(), "duplicate key " + quoteText(text));
      return true;
    }
  }
  if (level.frame == Frame::Devices) {
    if (text.empty()) fail(here(), "a device name must not be empty");
    if (scenario().device_options.count(text) != 0) fail(here(), "duplicate device " + quoteText(text));
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
    if (v.kind != Kind::Object) {
      fail("top level", std::string("a scenario must be a JSON object, got ") + describe(v));
    }
    push(Frame::Root);
    return true;
  }
  Level& level = stack_.back();
  switch (level.frame) {
    case Frame::Root: rootValue(level, v); break;
    case Frame::Policy: policyValue(level, v); break;
    case Frame::PolicyList: {
      ++level.index;
      const std::string where = here() + "[" + std::to_string(level.index) + "]";
      if (v.kind != Kind::Integer || v.too_large) fail(where, std::string("must be an integer, got ") + describe(v));
      if (level.index >= static_cast<std::int64_t>(kMaxParamListLength)) {
        fail(here(), "at most " + std::to_string(kMaxParamListLength) + " values");
      }
      scenario().policy.params[stack_[stack_.size() - 2].key_text].push_back(v.integer);
      break;
    }
    case Frame::Process: processValue(level, v); break;
    case Frame::Burst: burstValue(level, v); break;
    case Frame::Devices:
      requireKind(v, Kind::Object, "an object such as {\"servers\": 1}");
      scenario().device_options[level.key_text] = DeviceOptions{};
      push(Frame::Device);
      break;
    case Frame::Balance:
      if (level.key == kBalanceInterval) {
        scenario().balance.interval = integer(v, 0, kMaxQuantum);
      } else {
        scenario().balance.steal = flag(v);
      }
      break;
    case Frame::Cache: {
      CacheOptions& cache = *scenario().cache;
      if (level.key == kCacheWarmup) {
        cache.warmup = integer(v, 0, kMaxQuantum);
      } else if (level.key == kCacheWarmRate) {
        cache.warm_rate = static_cast<std::int32_t>(integer(v, 1, kMaxWarmRate));
      } else {
        cache.size = integer(v, 1, kMaxWorkingSet);
      }
      break;
    }
    case Frame::Affinity: {
      ++level.index;
      const std::string where = here() + "[" + std::to_string(level.index) + "]";
      if (v.kind != Kind::Integer || v.too_large) fail(where, std::string("must be a core number, got ") + describe(v));
      if (v.integer < 0 || v.integer >= kMaxCores) {
        fail(where, "must be a core number from 0 to " + std::to_string(kMaxCores - 1) + ", got " + std::to_string(v.integer));
      }
      process().affinity.push_back(static_cast<CoreId>(v.integer));
      break;
    }
    case Frame::Device:
      scenario().device_options[stack_[stack_.size() - 2].key_text].servers =
          static_cast<std::int32_t>(integer(v, 1, kMaxDeviceServers));
      break;
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
      burst_async_ = false;
      push(Frame::Burst);
      break;
    }
  }
  return true;
}

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

ReadScenario readScenarioJson(std::string_view json_text, bool plain_lexer) {
  ReadScenario result;
  if (Reader plain(json_text); plain_lexer && readPlainJson(json_text, plain)) {
    result = plain.take();
  } else {
    Reader reader(json_text);
    Json::sax_parse(json_text.begin(), json_text.end(), &reader);
    result = reader.take();
  }
  std::vector<ProcessSpec>& processes = result.scenario.processes;
  for (std::size_t i = 0; i < processes.size(); ++i) {
    if (!result.named_in_file[i]) processes[i].name = "P" + std::to_string(i + 1);
  }
  return result;
}

}  // namespace sim::detail
