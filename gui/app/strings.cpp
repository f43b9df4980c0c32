#include "app/strings.hpp"

#include <array>
#include <cstdarg>
#include <cstdio>

namespace gui {
namespace {

struct Entry {
  const char* english;
  const char* chinese;
};

constexpr std::array<Entry, static_cast<std::size_t>(Str::Count)> kStrings{{
#define STRING(id, en, zh) {en, zh},
#include "app/strings.inc"
#undef STRING
}};

Language g_language = Language::English;

}  // namespace

void setLanguage(Language language) { g_language = language; }
Language language() { return g_language; }

const char* tr(Str id) {
  const Entry& entry = kStrings[static_cast<std::size_t>(id)];
  return g_language == Language::Chinese ? entry.chinese : entry.english;
}

// The format comes from the string table, not a literal: each *Format
// entry's conversions match the arguments at its call sites.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
const char* trf(char* buffer, std::size_t size, Str id, ...) {
  std::va_list args;
  va_start(args, id);
  std::vsnprintf(buffer, size, tr(id), args);
  va_end(args);
  return buffer;
}
#pragma GCC diagnostic pop

const char* languageCode(Language language) { return language == Language::Chinese ? "zh" : "en"; }

bool parseLanguage(std::string_view code, Language& out) {
  if (code == "en") {
    out = Language::English;
    return true;
  }
  if (code == "zh") {
    out = Language::Chinese;
    return true;
  }
  return false;
}

const char* tr(sim::State state) {
  static constexpr Str kIds[] = {Str::StateNew, Str::StateReady, Str::StateRunning, Str::StateBlocked,
                                 Str::StateTerminated};
  static_assert(std::size(kIds) == sim::kStateCount, "a string per state");
  return tr(kIds[static_cast<std::size_t>(state)]);
}

const char* tr(sim::TransitionKind kind) {
  static constexpr Str kIds[] = {Str::TransitionAdmit, Str::TransitionDispatch, Str::TransitionPreempt,
                                 Str::TransitionBlock, Str::TransitionWakeup,   Str::TransitionExit,
                                 Str::TransitionRequeue};
  static_assert(std::size(kIds) == sim::kTransitionKindCount, "a string per transition kind");
  return tr(kIds[static_cast<std::size_t>(kind)]);
}

const char* tr(sim::Reason reason) {
  static constexpr Str kIds[] = {Str::ReasonArrival,         Str::ReasonScheduled, Str::ReasonQuantumExpired,
                                 Str::ReasonMoreUrgent,      Str::ReasonWakeupDisplaced,
                                 Str::ReasonIoStart,         Str::ReasonIoDone,    Str::ReasonFinished,
                                 Str::ReasonBoost,           Str::ReasonDeviceQueue, Str::ReasonStolen,
                                 Str::ReasonBalanced,        Str::ReasonAwait,     Str::ReasonWarmCache};
  static_assert(std::size(kIds) == sim::kReasonCount, "a string per reason");
  return tr(kIds[static_cast<std::size_t>(reason)]);
}

}  // namespace gui
