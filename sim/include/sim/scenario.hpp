// sim/scenario.hpp: a workload to simulate: cores, policy, processes.
// A Scenario is plain data. validateScenario() (sim/scenario_json.hpp) checks the
// invariants below; the engine requires a valid scenario.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "sim/types.hpp"

namespace sim {

// Limits that keep a scenario within what the engine and a person can use.
inline constexpr int kMaxCores = 1024;
inline constexpr std::int64_t kMaxProcesses = 10'000'000;
inline constexpr std::int64_t kMaxBurstsPerProcess = 1'000'000;
inline constexpr std::int64_t kMaxBurstLength = 1'000'000'000;      // ticks
inline constexpr std::int64_t kMaxArrival = 1'000'000'000'000;      // ticks
inline constexpr std::int64_t kMaxContextSwitch = 1'000'000;        // ticks
inline constexpr std::int64_t kMaxQuantum = 1'000'000'000;          // ticks
inline constexpr std::size_t kMaxDevices = 65535;
inline constexpr std::int32_t kMaxDeviceServers = 1'000'000;
inline constexpr std::int32_t kMinTickets = 1;
inline constexpr std::int32_t kMaxTickets = 1'000'000;   // so that 10M processes' total fits easily
inline constexpr std::int32_t kMinNice = -20;             // Linux's range
inline constexpr std::int32_t kMaxNice = 19;
inline constexpr std::int32_t kMaxWarmRate = 100;          // cache.warm_rate: ticks of work per tick
inline constexpr std::int64_t kMaxWorkingSet = 1'000'000'000;  // cache.size and working_set

enum class BurstKind : std::uint8_t { Cpu, Io };

// One burst: 8 bytes so that a million processes stay small.
struct Burst {
  std::uint32_t length = 1;    // ticks, >= 1
  std::uint16_t device = 0;    // IO only: index into Scenario::devices (0 = "io")
  BurstKind kind = BurstKind::Cpu;
  bool async = false;          // IO only: the process goes on running into its next CPU burst
};
static_assert(sizeof(Burst) == 8, "a burst stays 8 bytes");

struct ProcessSpec {
  std::string name;            // unique within the scenario
  Tick arrival = 0;            // >= 0
  int priority = 0;            // lower is more urgent (Silberschatz)
  std::vector<Burst> bursts;   // CPU, IO, CPU, ..., CPU: odd count, alternating
  std::int32_t tickets = 100;  // lottery and stride: share of the CPU, kMinTickets..kMaxTickets
  std::int32_t nice = 0;       // cfs and eevdf: kMinNice (most CPU) .. kMaxNice
  std::vector<CoreId> affinity = {};  // the cores it may run on, ascending, no repeats; empty: any core
  std::int64_t working_set = 0;  // with "cache": room it takes in a core's cache, 0..kMaxWorkingSet; 0: it never warms
};

// The value of one policy parameter: one number (a boolean is 0 or 1), or
// a list of numbers (sim/policy_registry.hpp says which).
using ParamValue = std::vector<std::int64_t>;

// The scheduling policy and the dispatcher options.
struct PolicySpec {
  std::string name = "fcfs";   // a registered policy (sim/policy_registry.hpp)
  std::map<std::string, ParamValue, std::less<>> params;  // given values only; others default
  bool multiprogramming = true;   // false: a blocked process keeps its core idle
  bool wakeup_preempts = false;   // true: a process whose IO ends runs at once
};

// Optional expected results, checked by `procsim check` (sim/expectations.hpp
// says how values are compared). Absent values are not checked.
struct Expectations {
  std::map<std::string, double> run;   // whole-run metric name -> value
  std::map<std::string, std::map<std::string, double>> processes;  // name -> metric -> value
};

// A device whose IO bursts contend: at most `servers` run at once; the
// others wait in the device's FIFO queue (Blocked, reason "waits for the
// device"). A device without options serves every IO at once.
struct DeviceOptions {
  std::int32_t servers = 1;  // 1 .. kMaxDeviceServers
  friend bool operator==(const DeviceOptions&, const DeviceOptions&) = default;
};

// Where ready processes wait: one queue for every core (the textbook's), or
// a queue per core, each with its own instance of the policy.
enum class RunQueues : std::uint8_t { Global, PerCore };

// Per-core queues only: every `interval` ticks (0: never) one process at a
// time moves from the longest queue to the shortest until they differ by at
// most one; with `steal`, an idle core whose queue is empty takes the next
// process of the longest queue.
struct BalanceOptions {
  Tick interval = 0;   // 0 .. kMaxQuantum
  bool steal = false;
  friend bool operator==(const BalanceOptions&, const BalanceOptions&) = default;
};

// The cache-warmth model of OSTEP's multi.py (docs/model.md, "Cache
// warmth"): a core's cache warms for a process after `warmup` ticks of
// running it there and then holds its working set, up to `size` in all
// (the least recently run leaves first); a warm process does `warm_rate`
// ticks of CPU work per tick. The defaults are multi.py's.
struct CacheOptions {
  Tick warmup = 10;               // 0 .. kMaxQuantum; 0: warm from its first tick on a core
  std::int32_t warm_rate = 2;     // 1 .. kMaxWarmRate
  std::int64_t size = 100;        // 1 .. kMaxWorkingSet
  friend bool operator==(const CacheOptions&, const CacheOptions&) = default;
};

struct Scenario {
  std::string name;
  std::string description;
  int cores = 1;                       // 1 .. kMaxCores
  PolicySpec policy;
  RunQueues run_queues = RunQueues::Global;
  BalanceOptions balance;              // per-core queues only
  std::optional<CacheOptions> cache;   // absent: no cache model (every tick does one tick of work)
  Tick context_switch = 0;             // ticks spent switching between two different processes
  std::vector<std::string> devices{"io"};  // IO device names; index 0 is the default "io"
  std::map<std::string, DeviceOptions, std::less<>> device_options;  // by name: the devices that contend
  std::vector<ProcessSpec> processes;  // at least one
  std::optional<Expectations> expect;

  // Index of a device name, adding it when new.
  std::uint16_t deviceIndex(const std::string& device_name);
};

// Total CPU ticks of a process (sum of its CPU bursts).
Tick totalCpu(const ProcessSpec& process);

}  // namespace sim
