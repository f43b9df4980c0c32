// ostep/tool_options.hpp: the command-line grammar of the OSTEP tools.
//
// The tools parse their flags with Python's optparse (mlfq: argparse,
// which agrees on everything used here): short flags alone ("-c"),
// clustered ("-cp") or with a value attached ("-s5") or following
// ("-s 5"); long flags as "--seed 5" or "--seed=5", and abbreviated to any
// unambiguous prefix ("--se 5"); "--" ends the flags; other words are
// accepted and ignored, as the tools ignore them.
#pragma once

#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ostep/python_int.hpp"

namespace ostep {

enum class OptionKind {
  Flag,     // store_true
  Int,      // optparse "int": base from the prefix (ostep/python_int.hpp)
  String,   // any text
};

struct OptionSpec {
  char short_name = 0;           // 0: none
  std::string_view long_name;    // without "--"; empty: none
  OptionKind kind = OptionKind::Flag;
  std::string_view default_text; // as --help shows it; empty for flags
  std::string_view help;         // procsim's own words
};

// The flags given, by the name of their spec (the long name, or the short
// letter when there is none). A value given twice keeps the last, as
// optparse does.
struct ToolOptions {
  std::map<std::string, std::string, std::less<>> values;  // Int and String
  std::map<std::string, bool, std::less<>> flags;          // Flag: true when given

  bool flag(std::string_view name) const;
  // The value of an Int or String option, or its default.
  std::string text(const OptionSpec& spec) const;
  PythonInt integer(const OptionSpec& spec) const;  // spec must be Int; the value was checked when parsed
};

// Parses `args` against `specs`. On a bad flag, returns nullopt and sets
// `error` to one line that names it. `help` is set when -h or --help is given.
std::optional<ToolOptions> parseToolOptions(std::span<const OptionSpec> specs, std::span<const std::string> args,
                                            bool& help, std::string& error);

// The --help text: the usage line, then one line per flag with its default.
std::string toolOptionsHelp(std::string_view usage, std::string_view summary, std::span<const OptionSpec> specs);

std::string optionName(const OptionSpec& spec);  // "seed", or "c" for a short-only flag

}  // namespace ostep
