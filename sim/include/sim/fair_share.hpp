// sim/fair_share.hpp: Linux's fair schedulers as procsim models them, the
// policies `cfs` and `eevdf` (docs/model.md says their rules in full).
//
// Units. Time is whole ticks. Virtual time (vruntime, deadlines, lag,
// min_vruntime, the average V) is a whole number of *virtual units*: 1024
// units are one tick of CPU at nice 0. A process of weight w that runs r
// ticks gains r * 1024 * 1024 / w units; the remainder of that division is
// kept per process and carried into its next charge, so a process's
// vruntime is always exactly floor(total of r * 1024 * 1024 / w) since it
// was last placed. All arithmetic is integer: runs are deterministic.
//
// When virtual time is charged. The engine reports CPU work to a policy
// when a slice ends (renewed or not) and when a process leaves its core;
// vruntime is charged then, not tick by tick. A running process's vruntime
// is therefore its value at its dispatch or last renewal.
#pragma once

#include <array>
#include <cstdint>

#include "sim/policy.hpp"

namespace sim {

// Linux's sched_prio_to_weight: the weight of nice -20 .. 19. Nice 0 is
// 1024; each step of nice is about 1.25 times less CPU.
inline constexpr std::array<std::int32_t, 40> kNiceWeights = {
    88761, 71755, 56483, 46273, 36291,  // -20 .. -16
    29154, 23254, 18705, 14949, 11916,  // -15 .. -11
    9548,  7620,  6100,  4904,  3906,   // -10 .. -6
    3121,  2501,  1991,  1586,  1277,   //  -5 .. -1
    1024,  820,   655,   526,   423,    //   0 .. 4
    335,   272,   215,   172,   137,    //   5 .. 9
    110,   87,    70,    56,    45,     //  10 .. 14
    36,    29,    23,    18,    15,     //  15 .. 19
};
inline constexpr std::int32_t kNiceZeroWeight = 1024;
inline constexpr std::int64_t kVirtualUnitsPerTick = 1024;  // at nice 0

// The weight of a nice value; values outside -20..19 are clamped to it.
constexpr std::int32_t niceWeight(int nice) {
  const int clamped = nice < -20 ? -20 : (nice > 19 ? 19 : nice);
  return kNiceWeights[static_cast<std::size_t>(clamped + 20)];
}

// Virtual units that `ticks` of CPU are worth at `weight`, rounded down:
// ticks * 1024 * 1024 / weight.
constexpr std::int64_t virtualTime(Tick ticks, std::int32_t weight) {
  return ticks * kVirtualUnitsPerTick * kNiceZeroWeight / weight;
}

// [Inspection] What a fair policy holds about one process and about its
// queue, for tests and the GUI. Values are virtual units unless stated.
struct FairEntity {
  bool known = false;        // the policy has seen the process (it has entered the queue once)
  bool runnable = false;     // ready or running under this policy instance
  std::int32_t weight = kNiceZeroWeight;
  std::int64_t vruntime = 0;
  std::int64_t deadline = 0; // eevdf: its virtual deadline; cfs: 0
  std::int64_t lag = 0;      // eevdf: V - vruntime when runnable, the lag it keeps while asleep; cfs: 0
};

struct FairQueue {
  std::int64_t min_vruntime = 0;  // cfs: the monotonic minimum; eevdf: 0
  std::int64_t avg_vruntime = 0;  // eevdf: V rounded down; cfs: 0
  std::int64_t total_weight = 0;  // of the runnable processes (ready and running)
  std::int64_t runnable = 0;      // ready and running processes
};

// cfs and eevdf implement this; a test or view may dynamic_cast Engine::policy() to it.
class FairSharePolicy : public Policy {
 public:
  virtual FairEntity entity(ProcessId process) const = 0;
  virtual FairQueue queue() const = 0;
};

}  // namespace sim
