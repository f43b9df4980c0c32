#include "sim/types.hpp"

#include <array>

namespace sim {

namespace {
constexpr std::array<std::string_view, kStateCount> kStateNames = {
    "new", "ready", "running", "blocked", "terminated"};
constexpr std::array<std::string_view, kTransitionKindCount> kKindNames = {
    "admit", "dispatch", "preempt", "block", "wakeup", "exit", "requeue"};
constexpr std::array<std::string_view, kReasonCount> kReasonNames = {
    "arrival", "scheduled", "quantum expired", "preempted by a more urgent process",
    "displaced by a woken process", "IO start", "IO done", "finished", "priority boost",
    "waits for the device", "stolen by an idle core", "moved by load balancing",
    "awaits its asynchronous IO", "scheduled on a warm cache"};
constexpr std::array<State, kTransitionKindCount> kFrom = {
    State::New, State::Ready, State::Running, State::Running, State::Blocked, State::Running, State::Ready};
constexpr std::array<State, kTransitionKindCount> kTo = {
    State::Ready, State::Running, State::Ready, State::Blocked, State::Ready, State::Terminated, State::Ready};
}  // namespace

State fromState(TransitionKind kind) { return kFrom[static_cast<std::size_t>(kind)]; }
State toState(TransitionKind kind) { return kTo[static_cast<std::size_t>(kind)]; }

std::string_view name(State state) { return kStateNames[static_cast<std::size_t>(state)]; }
std::string_view name(TransitionKind kind) { return kKindNames[static_cast<std::size_t>(kind)]; }
std::string_view name(Reason reason) { return kReasonNames[static_cast<std::size_t>(reason)]; }

std::optional<TransitionKind> parseTransitionKind(std::string_view text) {
  for (std::size_t i = 0; i < kKindNames.size(); ++i) {
    if (kKindNames[i] == text) return static_cast<TransitionKind>(i);
  }
  return std::nullopt;
}

}  // namespace sim
