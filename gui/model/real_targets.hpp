// gui/model/real_targets.hpp: what a child started from the Real panel runs.
// The three ways of the source material: a built-in target callable, a
// subclass overriding run(), or a command line typed by the user. The GUI
// has threads, so the built-in ones run as `procsim real child KIND SECONDS`
// (exec'd, no C++ after fork: real/process.hpp). Every child dies with the
// GUI, even one killed by SIGKILL (Process::set_die_with_parent).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "real/process.hpp"

namespace gui {

// How a child is started. The first three are target callables.
enum class ChildKind : int { Sleep, Burn, Alternate, Subclass, Command, Client, Count };
const char* childKindKey(ChildKind kind);  // "sleep", "burn", "alternate", "subclass", "command", "client"
bool parseChildKind(const std::string& key, ChildKind& out);

struct ChildRecipe {
  ChildKind kind = ChildKind::Sleep;
  double seconds = 5;        // Sleep, Burn, Alternate, Subclass: how long the child lives
  std::string command_line;  // Command: split on blanks, "..." and '...' keep blanks
  std::string name;          // empty: Process-N
  bool daemon = false;
};

// The child, not yet started. Throws std::invalid_argument for an empty or
// badly quoted command line, or seconds outside 0..3600, and
// std::runtime_error when the procsim command is missing.
std::unique_ptr<real::Process> makeChild(const ChildRecipe& recipe);

// Splits a command line into words; false on an unclosed quote.
bool splitCommandLine(const std::string& line, std::vector<std::string>& words);

}  // namespace gui
