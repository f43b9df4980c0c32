// sim/types.hpp: the vocabulary of the simulator: ticks, ids, states,
// transitions and their reasons. Every other header builds on these.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace sim {

// Time is a whole number of ticks from 0. A tick has no wall-clock meaning.
using Tick = std::int64_t;

// Processes are numbered 0..N-1 in scenario order; cores 0..C-1.
using ProcessId = std::int32_t;
using CoreId = std::int32_t;

inline constexpr ProcessId kNoProcess = -1;
inline constexpr CoreId kNoCore = -1;

// The five states of the textbook process model.
enum class State : std::uint8_t { New, Ready, Running, Blocked, Terminated };
inline constexpr int kStateCount = 5;

// The transitions between them, named as the textbook names them, and one
// that keeps the state: the policy moved a ready process.
enum class TransitionKind : std::uint8_t {
  Admit,     // New -> Ready
  Dispatch,  // Ready -> Running
  Preempt,   // Running -> Ready
  Block,     // Running -> Blocked (the IO-triggered switch)
  Wakeup,    // Blocked -> Ready
  Exit,      // Running -> Terminated (Blocked -> Terminated, core -1, when it awaited asynchronous IO)
  Requeue,   // Ready -> Ready: moved within or between queues (an MLFQ boost; a migration, core = the new one)
};
inline constexpr int kTransitionKindCount = 7;

// Why a transition happened.
enum class Reason : std::uint8_t {
  Arrival,         // admit: the process arrived
  Scheduled,       // dispatch: the policy chose it for an idle core
  QuantumExpired,  // preempt: its time slice ran out while others waited
  MoreUrgent,      // preempt: a strictly more urgent process became ready
  WakeupDisplaced, // preempt: wakeup_preempts gave its core to a woken process
  IoStart,         // block: its CPU burst ended and an IO burst begins
  IoDone,          // wakeup: its IO burst ended
  Finished,        // exit: its last CPU burst ended
  Boost,           // requeue: the policy's timer raised its priority (MLFQ)
  DeviceQueue,     // block: its IO waits in the queue of a device whose servers are all busy
  Stolen,          // requeue: an idle core took it from another core's queue
  Balanced,        // requeue: load balancing moved it to a shorter core queue
  Await,           // block: it waits for its asynchronous IO (before a synchronous IO, or at its end);
                   // exit (from Blocked, core -1): the last of that IO ended after its last CPU burst
  WarmCache,       // dispatch: as Scheduled, onto a core whose cache holds its working set (the cache model)
};
inline constexpr int kReasonCount = 14;

// The reasons a process leaves its core blocked: it comes back when its IO
// ends (IoStart), or when its asynchronous IO does (Await).
constexpr bool blocksOnLeaving(Reason why) { return why == Reason::IoStart || why == Reason::Await; }

State fromState(TransitionKind kind);
State toState(TransitionKind kind);

// Stable lower-case names used in files, the CLI and the trace.
std::string_view name(State state);
std::string_view name(TransitionKind kind);
std::string_view name(Reason reason);

std::optional<TransitionKind> parseTransitionKind(std::string_view text);

}  // namespace sim
