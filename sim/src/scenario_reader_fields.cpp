// Reading scenario JSON: what each key of each kind of object means.
#include <algorithm>
#include <climits>
#include <cstdint>
#include <string>

#include "huge_pages.hpp"
#include "scenario_check.hpp"
#include "scenario_reader_sax.hpp"
#include "text_hints.hpp"

namespace sim::detail {

namespace {
// Files written before the policy registry gave every policy "quantum" and
// "preemptive", documented as ignored where they do not apply; they still
// are, for a policy that has no parameter of that name. Their values must
// still be well formed (a positive quantum, a boolean).
void dropLegacyPolicyKeys(PolicySpec& policy) {
  const PolicyInfo* info = findPolicy(policy.name);
  if (info == nullptr) return;
  for (const char* legacy : {"quantum", "preemptive"}) {
    const auto given = policy.params.find(legacy);
    if (given == policy.params.end()) continue;
    const bool has = std::any_of(info->parameters.begin(), info->parameters.end(),
                                 [&](const ParamSchema& param) { return param.name == legacy; });
    if (has) continue;
    const bool quantum = std::string_view(legacy) == "quantum";
    const ParamValue& values = given->second;
    const bool well_formed = values.size() == 1 && (quantum ? values[0] >= 1 && values[0] <= kMaxQuantum
                                                            : values[0] == 0 || values[0] == 1);
    if (!well_formed) {
      fail(std::string("policy.") + legacy, quantum ? "must be a whole number of ticks from 1 to " +
                                                          std::to_string(kMaxQuantum) + " (ignored by " + policy.name + ")"
                                                    : "must be true or false (ignored by " + policy.name + ")");
    }
    policy.params.erase(given);
  }
}
}  // namespace

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
      reserveProcesses();
      push(Frame::Processes);
      break;
    case kRootRunQueues: {
      const std::string& kind = text(v);
      if (kind == "global") {
        scenario().run_queues = RunQueues::Global;
      } else if (kind == "per_core") {
        scenario().run_queues = RunQueues::PerCore;
      } else {
        fail(keyPath(), "must be \"global\" or \"per_core\", got " + quoteText(kind));
      }
      break;
    }
    case kRootBalance:
      requireKind(v, Kind::Object, "an object such as {\"interval\": 10, \"steal\": true}");
      push(Frame::Balance);
      break;
    case kRootCache:
      requireKind(v, Kind::Object, "an object such as {\"warmup\": 10, \"warm_rate\": 2, \"size\": 100}");
      scenario().cache.emplace();
      push(Frame::Cache);
      break;
    case kRootDevices:
      requireKind(v, Kind::Object, "an object of devices, such as {\"disk\": {\"servers\": 1}}");
      push(Frame::Devices);
      break;
    default:
      requireKind(v, Kind::Object, "an object");
      scenario().expect.emplace();
      push(Frame::Expect);
  }
}

// Every process has a "bursts" key, so the count of that word in the text
// bounds the process count from above: the list grows without moving.
void Reader::reserveProcesses() {
  constexpr std::string_view kBursts = "\"bursts\"";
  std::size_t upper_bound = 0;
  for (std::size_t at = text_.find(kBursts); at != std::string_view::npos; at = text_.find(kBursts, at + kBursts.size())) {
    ++upper_bound;
  }
  upper_bound = std::min<std::size_t>(upper_bound, kMaxProcesses);
  scenario().processes.reserve(upper_bound);
  adviseHugePages(scenario().processes.data(), upper_bound * sizeof(ProcessSpec));
  result_.named_in_file.reserve(upper_bound);
}

void Reader::policyValue(Level& level, const Value& v) {
  PolicySpec& policy = scenario().policy;
  switch (level.key) {
    case kPolicyName:
      checkPolicyName("policy.name", text(v));
      policy.name = std::move(text(v));
      break;
    case kPolicyMultiprogramming: policy.multiprogramming = flag(v); break;
    case kPolicyWakeupPreempts: policy.wakeup_preempts = flag(v); break;
    default: {
      ParamValue& values = policy.params[level.key_text];
      policy_param_kinds_[level.key_text] = v.kind;
      if (v.kind == Kind::Boolean) {
        values = {v.boolean ? 1 : 0};
      } else if (v.kind == Kind::Array) {
        push(Frame::PolicyList);
      } else {
        values = {integer(v, INT64_MIN, INT64_MAX)};
      }
    }
  }
}

// A boolean parameter must be written true or false, a number as a number.
void Reader::checkPolicyParamKinds() const {
  const PolicyInfo* info = findPolicy(result_.scenario.policy.name);
  if (info == nullptr) return;
  for (const auto& [key, kind] : policy_param_kinds_) {
    for (const ParamSchema& param : info->parameters) {
      if (param.name != key) continue;
      const bool boolean = param.type == ParamType::Boolean;
      if (boolean != (kind == Kind::Boolean)) {
        Value as_given;
        as_given.kind = kind;
        fail("policy." + key, std::string("must be ") + (boolean ? "true or false" : "a whole number") + ", got " +
                                  describe(as_given));
      }
    }
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
    case kProcessTickets: process().tickets = static_cast<std::int32_t>(integer(v, kMinTickets, kMaxTickets)); break;
    case kProcessNice: process().nice = static_cast<std::int32_t>(integer(v, kMinNice, kMaxNice)); break;
    case kProcessWorkingSet: process().working_set = integer(v, 0, kMaxWorkingSet); break;
    case kProcessAffinity:
      requireKind(v, Kind::Array, "an array of core numbers");
      push(Frame::Affinity);
      break;
    default:
      requireKind(v, Kind::Array, "an array of bursts");
      bursts_.clear();
      push(Frame::Bursts);
  }
}

void Reader::burstValue(Level& level, const Value& v) {
  if (level.key == kBurstAsync) {
    burst_async_ = flag(v);
  } else if (level.key == kBurstDevice) {
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
  if (cpu && (level.seen & (1U << kBurstAsync)) != 0) fail(here(), "\"async\" is only for IO bursts");
  Burst burst;
  burst.length = static_cast<std::uint32_t>(burst_length_);
  burst.kind = cpu ? BurstKind::Cpu : BurstKind::Io;
  burst.async = burst_async_;
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
  bursts_.push_back(burst);
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
      checkPolicyParamKinds();
      dropLegacyPolicyKeys(scenario().policy);
      checkPolicySpec(scenario().policy, "policy");
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

}  // namespace sim::detail
