// gui/app/script.hpp: a list of UI actions, one per line, for tests and
// demos (`procsim-gui --script FILE`). Blank lines and `#` comments are
// skipped. The verbs are listed in docs/gui.md and in kScriptVerbs.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace gui {

struct ScriptAction {
  std::string verb;               // e.g. "step", "policy", "screenshot"
  std::vector<std::string> args;  // checked against the verb's shape when parsed
  int line = 0;                   // 1-based line in the script file

  long long number(std::size_t index) const;  // args[index] as an integer (already checked)
  double real(std::size_t index) const;       // args[index] as a number (already checked)
  bool flag(std::size_t index) const;         // args[index] is "on"
};

struct ScriptVerb {
  const char* name;
  const char* shape;  // one letter per argument: i integer, n number, b on|off, s text, r rest of line
  int optional;       // how many trailing arguments may be left out
  const char* help;
};
extern const std::vector<ScriptVerb> kScriptVerbs;

// The largest script file procsim-gui reads (16 MiB).
inline constexpr std::size_t kMaxScriptBytes = std::size_t{16} << 20;

// Reads a script file into `text`: false, with "PATH: message" in `error`,
// for a directory, a file that cannot be read, one longer than
// kMaxScriptBytes (endless input such as /dev/zero stops there) or one with
// a NUL byte (named by line).
bool readScriptFile(const std::string& path, std::string& text, std::string& error);

// Parses script text; on error returns nullopt and sets `error` to
// "NAME:LINE: message".
std::optional<std::vector<ScriptAction>> parseScript(const std::string& text, const std::string& name,
                                                     std::string& error);

}  // namespace gui
