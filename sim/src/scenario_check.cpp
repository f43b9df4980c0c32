#include "scenario_check.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <utility>
#include <string_view>
#include <type_traits>
#include <unordered_map>

#include "sim/metrics.hpp"
#include "sim/policy_registry.hpp"
#include "sim/scenario_json.hpp"
#include "text_hints.hpp"

namespace sim::detail {
namespace {

[[noreturn]] void fail(std::string where, std::string message) {
  throw ScenarioError(std::move(where), std::move(message));
}

std::string processPath(std::size_t index) {
  return "processes[" + std::to_string(index) + "]";
}

std::string burstPath(std::size_t process, std::size_t burst) {
  return processPath(process) + ".bursts[" + std::to_string(burst) + "]";
}

// `where` is a string or a function that makes one: paths are built only on failure.
template <typename Where>
void checkRange(const Where& where, std::int64_t value, std::int64_t low, std::int64_t high) {
  if (value >= low && value <= high) return;
  std::string place;
  if constexpr (std::is_invocable_v<Where>) {
    place = where();
  } else {
    place = where;
  }
  if (value < low) fail(place, "must be at least " + std::to_string(low) + ", got " + std::to_string(value));
  fail(place, "must be at most " + std::to_string(high) + ", got " + std::to_string(value));
}

std::vector<std::string_view> views(const std::vector<std::string>& words) {
  return {words.begin(), words.end()};
}

}  // namespace

void checkPolicyName(const std::string& where, const std::string& name) {
  if (isKnownPolicy(name)) return;
  const std::vector<std::string> known = policyNames();
  std::string list;
  for (const std::string& known_name : known) list += (list.empty() ? "" : ", ") + known_name;
  fail(where, "unknown policy " + quoteText(name) + didYouMean(name, views(known)) + "; known policies: " + list);
}

namespace {

void checkDevices(const std::vector<std::string>& devices) {
  if (devices.empty() || devices[0] != "io") fail("devices[0]", "the first device must be the default \"io\"");
  if (devices.size() > kMaxDevices) {
    fail("devices", "at most " + std::to_string(kMaxDevices) + " devices, got " + std::to_string(devices.size()));
  }
  std::unordered_map<std::string_view, std::size_t> seen;
  for (std::size_t i = 0; i < devices.size(); ++i) {
    const std::string where = "devices[" + std::to_string(i) + "]";
    if (devices[i].empty()) fail(where, "a device name must not be empty");
    if (!seen.emplace(devices[i], i).second) fail(where, "duplicate device " + quoteText(devices[i]));
  }
}

void checkBursts(const ProcessSpec& process, std::size_t index, std::size_t device_count) {
  const std::vector<Burst>& bursts = process.bursts;
  if (bursts.empty()) fail(processPath(index) + ".bursts", "a process needs at least one burst");
  if (static_cast<std::int64_t>(bursts.size()) > kMaxBurstsPerProcess) {
    fail(processPath(index) + ".bursts", "at most " + std::to_string(kMaxBurstsPerProcess) + " bursts, got " +
                                             std::to_string(bursts.size()));
  }
  for (std::size_t j = 0; j < bursts.size(); ++j) {
    const Burst& burst = bursts[j];
    const bool ok = burst.length >= 1 && burst.length <= kMaxBurstLength &&
                    (burst.kind == BurstKind::Cpu ? burst.device == 0 : burst.device < device_count) &&
                    (j == 0 ? burst.kind == BurstKind::Cpu : burst.kind != bursts[j - 1].kind);
    if (ok) continue;
    const std::string where = burstPath(index, j);
    if (burst.length < 1 || burst.length > kMaxBurstLength) {
      fail(where, "a burst lasts 1 to " + std::to_string(kMaxBurstLength) + " ticks, got " +
                      std::to_string(burst.length));
    }
    if (burst.kind == BurstKind::Cpu && burst.device != 0) fail(where, "a CPU burst has no device");
    if (burst.kind == BurstKind::Io && burst.device >= device_count) {
      fail(where, "device index " + std::to_string(burst.device) + " is not in devices");
    }
    if (j == 0 && burst.kind != BurstKind::Cpu) fail(where, "a process must begin with a CPU burst");
    if (j > 0 && burst.kind == bursts[j - 1].kind) {
      fail(where, burst.kind == BurstKind::Cpu ? "expected an IO burst after a CPU burst"
                                               : "expected a CPU burst after an IO burst");
    }
  }
  if (bursts.back().kind != BurstKind::Cpu) {
    fail(burstPath(index, bursts.size() - 1), "a process must end with a CPU burst");
  }
}

// Finds the first process (lowest index) whose name an earlier one has, in
// one pass over an open-addressed table of indices sized up front: no
// allocation per name and no sort. (Keeping hash bits beside each index
// doubled the table, and its page faults cost more than the compares saved.)
void checkNames(const std::vector<ProcessSpec>& processes, const std::vector<bool>* named_in_file) {
  const std::size_t count = processes.size();
  std::size_t slots = 16;
  while (slots < 2 * count) slots *= 2;
  constexpr std::uint32_t kEmpty = UINT32_MAX;
  std::vector<std::uint32_t> table(slots, kEmpty);  // process index of the first holder of a name
  std::size_t duplicate = count;  // the later process of the first clash
  std::size_t original = count;   // the first process with that name
  for (std::size_t i = 0; i < count; ++i) {
    const std::string& name = processes[i].name;
    if (name.empty()) fail(processPath(i) + ".name", "a process name must not be empty");
    if (duplicate != count) continue;  // still look for an empty name, which is reported first
    std::size_t slot = std::hash<std::string_view>{}(name) & (slots - 1);
    while (table[slot] != kEmpty && processes[table[slot]].name != name) slot = (slot + 1) & (slots - 1);
    if (table[slot] == kEmpty) {
      table[slot] = static_cast<std::uint32_t>(i);
    } else {
      duplicate = i;
      original = table[slot];
    }
  }
  if (duplicate == count) return;
  const std::string& name = processes[duplicate].name;
  auto explicitName = [&](std::size_t i) { return named_in_file == nullptr || (*named_in_file)[i]; };
  if (!explicitName(duplicate)) {
    fail(processPath(duplicate),
         "its default name " + quoteText(name) + " is already taken by " + processPath(original));
  }
  fail(processPath(duplicate) + ".name", "duplicate name " + quoteText(name) + " (also " + processPath(original) +
                                             (explicitName(original) ? "" : ", named by default") + ")");
}

void checkAffinity(const std::vector<CoreId>& affinity, std::size_t index, int cores) {
  const std::string where = processPath(index) + ".affinity";
  if (static_cast<std::int64_t>(affinity.size()) > cores) {
    fail(where, "at most one entry per core (" + std::to_string(cores) + "), got " + std::to_string(affinity.size()));
  }
  std::vector<bool> seen(static_cast<std::size_t>(cores), false);
  for (std::size_t k = 0; k < affinity.size(); ++k) {
    const std::string at = where + "[" + std::to_string(k) + "]";
    const CoreId core = affinity[k];
    if (core < 0 || core >= cores) {
      fail(at, "core " + std::to_string(core) + " does not exist: the scenario has " + std::to_string(cores) +
                   (cores == 1 ? " core (0)" : " cores (0 to " + std::to_string(cores - 1) + ")"));
    }
    if (seen[static_cast<std::size_t>(core)]) fail(at, "core " + std::to_string(core) + " is listed twice");
    seen[static_cast<std::size_t>(core)] = true;
  }
}

void checkExpectations(const Expectations& expect, const std::vector<ProcessSpec>& processes) {
  const std::vector<std::string> run_names = runMetricNames();
  const std::vector<std::string> process_names = processMetricNames();
  for (const auto& [metric, value] : expect.run) {
    if (std::find(run_names.begin(), run_names.end(), metric) == run_names.end()) {
      fail("expect", "unknown metric " + quoteText(metric) + didYouMean(metric, views(run_names)));
    }
    if (!std::isfinite(value)) fail("expect." + metric, "must be a finite number");
  }
  if (expect.processes.empty()) return;
  std::unordered_map<std::string_view, std::size_t> index;
  index.reserve(processes.size());
  for (std::size_t i = 0; i < processes.size(); ++i) index.emplace(processes[i].name, i);
  for (const auto& [process, metrics] : expect.processes) {
    const std::string where = "expect.processes." + process;
    if (index.find(process) == index.end()) fail(where, "no process is named " + quoteText(process));
    for (const auto& [metric, value] : metrics) {
      if (std::find(process_names.begin(), process_names.end(), metric) == process_names.end()) {
        fail(where, "unknown metric " + quoteText(metric) + didYouMean(metric, views(process_names)));
      }
      if (!std::isfinite(value)) fail(where + "." + metric, "must be a finite number");
    }
  }
}

}  // namespace

void checkScenario(const Scenario& scenario, const std::vector<bool>* named_in_file) {
  checkRange("cores", scenario.cores, 1, kMaxCores);
  checkPolicySpec(scenario.policy, "policy");
  checkRange("context_switch", scenario.context_switch, 0, kMaxContextSwitch);
  checkRange("balance.interval", scenario.balance.interval, 0, kMaxQuantum);
  if (scenario.run_queues == RunQueues::Global && scenario.balance != BalanceOptions{}) {
    fail("balance", "balancing needs per-core queues: add \"run_queues\": \"per_core\"");
  }
  if (scenario.cache) {
    checkRange("cache.warmup", scenario.cache->warmup, 0, kMaxQuantum);
    checkRange("cache.warm_rate", scenario.cache->warm_rate, 1, kMaxWarmRate);
    checkRange("cache.size", scenario.cache->size, 1, kMaxWorkingSet);
  }
  checkDevices(scenario.devices);
  for (const auto& [device, options] : scenario.device_options) {
    checkRange("devices." + device + ".servers", options.servers, 1, kMaxDeviceServers);
    const auto known = std::find(scenario.devices.begin(), scenario.devices.end(), device);
    if (known == scenario.devices.end()) {
      fail("devices." + device, "no IO burst uses device " + quoteText(device) +
                                    didYouMean(device, views(scenario.devices)));
    }
  }
  const std::vector<ProcessSpec>& processes = scenario.processes;
  if (processes.empty()) fail("processes", "a scenario needs at least one process");
  if (static_cast<std::int64_t>(processes.size()) > kMaxProcesses) {
    fail("processes", "at most " + std::to_string(kMaxProcesses) + " processes, got " +
                          std::to_string(processes.size()));
  }
  for (std::size_t i = 0; i < processes.size(); ++i) {
    checkRange([i] { return processPath(i) + ".arrival"; }, processes[i].arrival, 0, kMaxArrival);
    checkRange([i] { return processPath(i) + ".tickets"; }, processes[i].tickets, kMinTickets, kMaxTickets);
    checkRange([i] { return processPath(i) + ".nice"; }, processes[i].nice, kMinNice, kMaxNice);
    checkRange([i] { return processPath(i) + ".working_set"; }, processes[i].working_set, 0, kMaxWorkingSet);
    if (processes[i].working_set != 0 && !scenario.cache) {
      fail(processPath(i) + ".working_set",
           "a working set needs the cache model: add \"cache\": {\"warmup\": 10, \"warm_rate\": 2, \"size\": 100}");
    }
    checkBursts(processes[i], i, scenario.devices.size());
    if (!processes[i].affinity.empty()) checkAffinity(processes[i].affinity, i, scenario.cores);
  }
  checkNames(processes, named_in_file);
  if (scenario.expect) checkExpectations(*scenario.expect, processes);
}

}  // namespace sim::detail
