// Internal: the SAX handler behind readScenarioJson (scenario_reader.hpp).
// It keeps a stack of the objects and arrays it is inside, so every error
// can name its place, and builds the Scenario as values arrive.
#pragma once

#include <cstdint>
#include <limits>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "scenario_reader.hpp"
#include "sim/policy_registry.hpp"
#include "sim/scenario_json.hpp"

namespace sim::detail {

using Json = nlohmann::json;

[[noreturn]] inline void fail(std::string where, std::string message) {
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
const char* describe(const Value& value);

// [SECTION] Where we are in the document

enum class Frame : std::uint8_t { Root, Policy, PolicyList, Processes, Process, Bursts, Burst, Expect, ExpectProcesses, ExpectProcess,
                                  Devices, Device, Balance, Affinity, Cache };

struct Level {
  Frame frame = Frame::Root;
  std::int64_t index = -1;  // arrays: index of the current element
  std::uint32_t seen = 0;   // objects with fixed keys: a bit per key given
  int key = -1;             // objects with fixed keys: the pending key
  std::string key_text;     // objects: the pending key as written
};

// The keys an object of this kind accepts (none for maps such as expect).
const std::vector<std::string_view>& keysOf(Frame frame);

// Key ids: the index in keysOf(frame).
enum RootKey { kRootName, kRootDescription, kRootCores, kRootPolicy, kRootContextSwitch, kRootProcesses, kRootExpect,
               kRootDevices, kRootRunQueues, kRootBalance, kRootCache };
enum BalanceKey { kBalanceInterval, kBalanceSteal };
enum CacheKey { kCacheWarmup, kCacheWarmRate, kCacheSize };
enum PolicyKey { kPolicyName, kPolicyMultiprogramming, kPolicyWakeupPreempts, kPolicyParameter = 31 };
enum ProcessKey { kProcessName, kProcessArrival, kProcessPriority, kProcessBursts, kProcessTickets, kProcessNice,
                  kProcessAffinity, kProcessWorkingSet };
enum BurstKey { kBurstCpu, kBurstIo, kBurstDevice, kBurstAsync };

// Streams SAX events into result_, failing at the first wrong one. The
// per-key handlers live in scenario_reader_fields.cpp.

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
    if (stack_.back().frame == Frame::Affinity && stack_.back().index < 0) {
      fail(here(), "give at least one core, or leave \"affinity\" out to allow every core");
    }
    if (stack_.back().frame == Frame::Bursts) process().bursts.assign(bursts_.begin(), bursts_.end());
    stack_.pop_back();
    return true;
  }
  bool parse_error(std::size_t position, const std::string& last_token,
                   const nlohmann::detail::exception& error) override;

 private:
  bool value(const Value& v);  // any value, including the start of an object or array
  void rootValue(Level& level, const Value& v);
  void policyValue(Level& level, const Value& v);
  void processValue(Level& level, const Value& v);
  void burstValue(Level& level, const Value& v);
  void expectValue(Level& level, const Value& v);
  void finishBurst();
  void reserveProcesses();
  void checkPolicyParamKinds() const;

  void push(Frame frame) {
    stack_.emplace_back();
    stack_.back().frame = frame;
  }
  std::string pathTo(std::size_t depth) const;
  std::string here() const { return stack_.empty() ? "top level" : pathTo(stack_.size()); }
  std::string elementPath() const { return here() + "[" + std::to_string(stack_.back().index) + "]"; }
  std::string keyPath() const {
    return stack_.size() == 1 ? stack_.back().key_text : pathTo(stack_.size()) + "." + stack_.back().key_text;
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
  std::vector<Burst> bursts_;  // the process's bursts so far: one allocation of the right size per process
  // The burst being read.
  std::int64_t burst_length_ = 0;
  std::string burst_device_;
  bool burst_async_ = false;
  std::map<std::string, double>* expect_process_ = nullptr;
  std::map<std::string, Kind> policy_param_kinds_;  // how each policy parameter was written
};

// The fast path (scenario_reader_plain.cpp): feeds `reader` the events of
// plain JSON text, as nlohmann's SAX parser would. False when the text
// holds something it leaves to nlohmann; the reader is then half-filled
// and must be thrown away. Throws ScenarioError as the reader does.
bool readPlainJson(std::string_view text, Reader& reader);

}  // namespace sim::detail
