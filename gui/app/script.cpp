#include "app/script.hpp"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <limits>
#include <sstream>

namespace gui {

const std::vector<ScriptVerb> kScriptVerbs = {
    {"load", "r", 0, "open a scenario file"},
    {"step", "i", 1, "N ticks forward (default 1), like the Right key"},
    {"back", "i", 1, "N ticks back (default 1), like the Left key"},
    {"next-event", "i", 1, "to the next tick with a transition, N times"},
    {"home", "", 0, "back to the start"},
    {"seek", "i", 0, "put the cursor at tick T"},
    {"play", "i", 0, "play for N frames (1/60 s each)"},
    {"pause", "", 0, "stop playing"},
    {"speed", "n", 0, "ticks per second, 0.5..1000"},
    {"key", "s", 0, "press a key for one frame: Space, Right, Left, Home, Shift+Right"},
    {"policy", "s", 0, "a policy spec: NAME or NAME:KEY=VALUE... (procsim policies lists them)"},
    {"param", "ss", 0, "set a parameter of the current policy: KEY VALUE"},
    {"quantum", "i", 0, "the policy's time slice in ticks (its quantum parameter)"},
    {"preemptive", "b", 0, "on | off (the policy's preemptive parameter)"},
    {"cores", "i", 0, "number of cores"},
    {"context-switch", "i", 0, "switch cost in ticks"},
    {"multiprogramming", "b", 0, "on | off"},
    {"wakeup-preempts", "b", 0, "on | off"},
    {"run-queues", "s", 0, "global | per_core"},
    {"balance", "i", 0, "per-core queues: balance every N ticks (0: never)"},
    {"steal", "b", 0, "per-core queues: an idle core steals, on | off"},
    {"lang", "s", 0, "en | zh"},
    {"panel", "s", 0, "processes | metrics | events | compare | scenario"},
    {"compare", "", 0, "run every policy (the Compare panel's button)"},
    {"sweep", "siii", 1, "Compare panel: vary KEY from A to B [by STEP] and wait for the chart"},
    {"sweep-chart", "s", 0, "Compare panel's sweep chart: times | utilization | switches"},
    {"filter-process", "s", 0, "event log: show only this process (a name, or all)"},
    {"filter-kind", "s", 0, "event log: show only this transition kind (admit, dispatch, ..., or all)"},
    {"edit-bursts", "ir", 0, "set process I's burst text in the editor"},
    {"edit-name", "ir", 0, "set process I's name in the editor"},
    {"add-process", "", 0, "add a process in the editor"},
    {"apply", "", 0, "the editor's Apply button"},
    {"save", "r", 0, "the editor's Save button, to FILE"},
    {"zoom", "ii", 0, "show ticks FIRST..LAST in the timeline"},
    {"zoom-all", "", 0, "show the whole run in the timeline"},
    {"mouse", "nn", 0, "move the pointer to X Y (window coordinates) and hover there"},
    {"mouse-away", "", 0, "move the pointer out of the window"},
    {"click", "nn", 0, "left click at X Y"},
    {"drag", "nnnn", 0, "press at X0 Y0, move to X1 Y1, release"},
    {"wheel", "nnn", 0, "scroll N notches (positive: away from you, zooms in) at X Y"},
    {"frames", "i", 0, "render N frames"},
    {"screenshot", "r", 0, "save the window as PNG"},
    {"dump-state", "r", 0, "write the session state as JSON"},
    {"expect-error", "", 0, "the previous action must have failed (script goes on)"},
    {"real.tab", "s", 0, "open the Real panel's tab: children | servers | experiments | replay"},
    {"real.spawn", "r", 0, "start a child: sleep|burn|alternate|subclass SECONDS, or command WORDS...; [name=N] [daemon=on]"},
    {"real.join", "r", 0, "join child NAME (or pid) [TIMEOUT_MS, default 1000]"},
    {"real.terminate", "r", 0, "SIGTERM to child NAME"},
    {"real.kill", "r", 0, "SIGKILL to child NAME"},
    {"real.stop", "r", 0, "SIGSTOP to child NAME"},
    {"real.continue", "r", 0, "SIGCONT to child NAME"},
    {"real.clear", "", 0, "clear the rows of joined children"},
    {"real.serve", "r", 0, "start an echo server: tcp|udp [PORT, default 0: a free one]"},
    {"real.stop-server", "r", 0, "stop server number I (from 1)"},
    {"real.client", "r", 0, "start N client processes: N [server=I] [load=MESSAGES] [message=TEXT...]"},
    {"real.demo", "r", 0, "run an experiment: isolation | join | terminate | zombie | two-ways | daemon"},
    {"real.replay", "r", 1, "run the scenario for real [tick_ms=MS]"},
    {"real.cancel-replay", "", 0, "cancel a running replay"},
    {"wait-real", "r", 0, "wait (at most timeout=S, default 15) until: state NAME S | exit NAME CODE | log TEXT | demo NAME | replay | reaped"},
};

long long ScriptAction::number(std::size_t index) const { return std::atoll(args.at(index).c_str()); }
double ScriptAction::real(std::size_t index) const { return std::atof(args.at(index).c_str()); }
bool ScriptAction::flag(std::size_t index) const { return args.at(index) == "on"; }

namespace {

bool isInteger(const std::string& text) {
  long long value = 0;
  const auto [end, code] = std::from_chars(text.data(), text.data() + text.size(), value);
  return !text.empty() && code == std::errc() && end == text.data() + text.size();
}

// A finite number: NaN and infinity are outside every range.
bool isNumber(const std::string& text) {
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  return !text.empty() && end == text.c_str() + text.size() && std::isfinite(value);
}

// The range of a verb's numbers where more than "a number" is needed: the
// speed the Controls panel allows, and frame counts that become an int.
struct NumberRange {
  const char* verb;
  double min;
  double max;
};
constexpr NumberRange kNumberRanges[] = {
    {"speed", 0.5, 1000},
    {"frames", 0, std::numeric_limits<int>::max()},
    {"play", 0, std::numeric_limits<int>::max()},
};

// Empty if `word` (already a number) is in the verb's range, else the message.
std::string outOfRange(const std::string& verb, const std::string& word) {
  for (const NumberRange& range : kNumberRanges) {
    if (verb != range.verb) continue;
    const double value = std::strtod(word.c_str(), nullptr);
    if (value >= range.min && value <= range.max) return {};
    char bounds[64];
    std::snprintf(bounds, sizeof bounds, "%.10g..%.10g", range.min, range.max);
    return "'" + verb + "': " + word + " is outside " + bounds;
  }
  return {};
}

const ScriptVerb* findVerb(const std::string& name) {
  for (const ScriptVerb& verb : kScriptVerbs)
    if (name == verb.name) return &verb;
  return nullptr;
}

}  // namespace

bool readScriptFile(const std::string& path, std::string& text, std::string& error) {
  std::error_code ignored;
  if (std::filesystem::is_directory(path, ignored)) {
    error = path + ": is a directory, not a script";
    return false;
  }
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) {
    error = path + ": cannot read the script: " + std::strerror(errno);
    return false;
  }
  text.clear();
  char buffer[1 << 16];
  bool ok = true;
  for (std::size_t n; ok && (n = std::fread(buffer, 1, sizeof buffer, file)) > 0;) {
    if (text.size() + n > kMaxScriptBytes) {
      error = path + ": longer than " + std::to_string(kMaxScriptBytes >> 20) + " MiB, the largest script procsim-gui reads";
      ok = false;
    } else if (const char* nul = static_cast<const char*>(std::memchr(buffer, '\0', n)); nul != nullptr) {
      text.append(buffer, static_cast<std::size_t>(nul - buffer));
      error = path + ":" + std::to_string(1 + std::count(text.begin(), text.end(), '\n')) + ": a NUL byte; a script is text";
      ok = false;
    } else {
      text.append(buffer, n);
    }
  }
  if (ok && std::ferror(file)) {
    error = path + ": cannot read the script: " + std::strerror(errno);
    ok = false;
  }
  std::fclose(file);
  return ok;
}

std::optional<std::vector<ScriptAction>> parseScript(const std::string& text, const std::string& name,
                                                     std::string& error) {
  std::vector<ScriptAction> actions;
  std::istringstream in(text);
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (const auto hash = line.find('#'); hash != std::string::npos) line.erase(hash);
    std::istringstream words(line);
    ScriptAction action;
    action.line = number;
    if (!(words >> action.verb)) continue;
    auto fail = [&](const std::string& message) {
      error = name + ":" + std::to_string(number) + ": " + message;
      return std::nullopt;
    };
    const ScriptVerb* verb = findVerb(action.verb);
    if (verb == nullptr) return fail("unknown action '" + action.verb + "'");
    const std::string shape = verb->shape;
    for (std::size_t i = 0; i < shape.size(); ++i) {
      std::string word;
      if (shape[i] == 'r') {
        std::getline(words >> std::ws, word);
        while (!word.empty() && (word.back() == ' ' || word.back() == '\r')) word.pop_back();
      } else {
        words >> word;
      }
      if (word.empty()) {
        if (static_cast<int>(shape.size() - i) <= verb->optional) break;
        return fail("'" + action.verb + "' needs " + std::to_string(shape.size()) + " argument(s): " + verb->help);
      }
      if ((shape[i] == 'i' && !isInteger(word)) || (shape[i] == 'n' && !isNumber(word)))
        return fail("'" + action.verb + "': '" + word + "' is not a number");
      if (shape[i] == 'i' || shape[i] == 'n') {
        if (const std::string message = outOfRange(action.verb, word); !message.empty()) return fail(message);
      }
      if (shape[i] == 'b' && word != "on" && word != "off")
        return fail("'" + action.verb + "': expected on or off, got '" + word + "'");
      action.args.push_back(word);
    }
    std::string extra;
    if (words >> extra) return fail("'" + action.verb + "': unexpected '" + extra + "'");
    actions.push_back(std::move(action));
  }
  return actions;
}

}  // namespace gui
