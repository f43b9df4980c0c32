#include "ostep/tool_options.hpp"

#include <cstdio>

namespace ostep {

namespace {

constexpr OptionSpec kHelpSpec{'h', "help", OptionKind::Flag, "", "show this help and exit"};

std::string display(const OptionSpec& spec) {
  if (!spec.long_name.empty()) return std::string("--").append(spec.long_name);
  return std::string("-").append(1, spec.short_name);
}

struct Parser {
  std::span<const OptionSpec> specs;
  ToolOptions options;
  bool help = false;
  std::string error;

  const OptionSpec* findShort(char letter) const {
    if (letter == kHelpSpec.short_name) return &kHelpSpec;
    for (const OptionSpec& spec : specs) {
      if (spec.short_name == letter) return &spec;
    }
    return nullptr;
  }

  // An exact long name, else the only one that starts with `prefix`.
  const OptionSpec* findLong(std::string_view prefix) {
    std::vector<const OptionSpec*> matches;
    auto consider = [&](const OptionSpec& spec) {
      if (spec.long_name.empty()) return;
      if (spec.long_name == prefix) matches.insert(matches.begin(), &spec);
      else if (spec.long_name.starts_with(prefix)) matches.push_back(&spec);
    };
    consider(kHelpSpec);
    for (const OptionSpec& spec : specs) consider(spec);
    if (matches.empty()) {
      error = std::string("no such option: --").append(prefix);
      return nullptr;
    }
    if (matches.size() > 1 && matches[0]->long_name != prefix) {
      error = std::string("ambiguous option: --").append(prefix).append(" could be");
      for (const OptionSpec* match : matches) error.append(" ").append(display(*match));
      return nullptr;
    }
    return matches[0];
  }

  bool store(const OptionSpec& spec, const std::string& value) {
    if (spec.kind == OptionKind::Int && !parsePythonInt(value)) {
      error = "option " + display(spec) + ": '" + value + "' is not an integer";
      return false;
    }
    options.values[optionName(spec)] = value;
    return true;
  }

  void setFlag(const OptionSpec& spec) {
    if (&spec == &kHelpSpec) help = true;
    else options.flags[optionName(spec)] = true;
  }

  // Returns the number of arguments consumed, 0 on error.
  std::size_t parseLong(std::span<const std::string> args) {
    const std::string& arg = args[0];
    const std::size_t equals = arg.find('=');
    const std::string_view name = std::string_view(arg).substr(2, equals == std::string::npos ? std::string::npos : equals - 2);
    const OptionSpec* spec = findLong(name);
    if (spec == nullptr) return 0;
    if (spec->kind == OptionKind::Flag) {
      if (equals != std::string::npos) {
        error = display(*spec) + " takes no value";
        return 0;
      }
      setFlag(*spec);
      return 1;
    }
    if (equals != std::string::npos) return store(*spec, arg.substr(equals + 1)) ? 1 : 0;
    if (args.size() < 2) {
      error = display(*spec) + " needs a value";
      return 0;
    }
    return store(*spec, args[1]) ? 2 : 0;
  }

  std::size_t parseShort(std::span<const std::string> args) {
    const std::string& arg = args[0];
    for (std::size_t i = 1; i < arg.size(); ++i) {
      const OptionSpec* spec = findShort(arg[i]);
      if (spec == nullptr) {
        error = std::string("no such option: -").append(1, arg[i]);
        return 0;
      }
      if (spec->kind == OptionKind::Flag) {
        setFlag(*spec);
        continue;
      }
      if (i + 1 < arg.size()) return store(*spec, arg.substr(i + 1)) ? 1 : 0;
      if (args.size() < 2) {
        error = std::string("-").append(1, arg[i]).append(" needs a value");
        return 0;
      }
      return store(*spec, args[1]) ? 2 : 0;
    }
    return 1;
  }
};

}  // namespace

std::string optionName(const OptionSpec& spec) {
  return spec.long_name.empty() ? std::string(1, spec.short_name) : std::string(spec.long_name);
}

bool ToolOptions::flag(std::string_view name) const {
  const auto found = flags.find(name);
  return found != flags.end() && found->second;
}

std::string ToolOptions::text(const OptionSpec& spec) const {
  const auto found = values.find(optionName(spec));
  return found != values.end() ? found->second : std::string(spec.default_text);
}

PythonInt ToolOptions::integer(const OptionSpec& spec) const {
  return parsePythonInt(text(spec)).value_or(PythonInt{});
}

std::optional<ToolOptions> parseToolOptions(std::span<const OptionSpec> specs, std::span<const std::string> args,
                                            bool& help, std::string& error) {
  Parser parser{specs, {}, false, {}};
  std::size_t i = 0;
  while (i < args.size()) {
    const std::string& arg = args[i];
    std::size_t used = 1;
    if (arg == "--") break;
    if (arg.starts_with("--")) used = parser.parseLong(args.subspan(i));
    else if (arg.size() > 1 && arg[0] == '-') used = parser.parseShort(args.subspan(i));
    if (used == 0) {
      error = parser.error;
      return std::nullopt;
    }
    i += used;
  }
  help = parser.help;
  return parser.options;
}

std::string toolOptionsHelp(std::string_view usage, std::string_view summary, std::span<const OptionSpec> specs) {
  std::string out = std::string("usage: ").append(usage).append("\n\n").append(summary).append("\n\nflags:\n");
  auto line = [&](const OptionSpec& spec) {
    std::string names = spec.short_name != 0 ? std::string("-").append(1, spec.short_name) : std::string("  ");
    if (!spec.long_name.empty()) names.append(spec.short_name != 0 ? ", --" : "--").append(spec.long_name);
    if (spec.kind != OptionKind::Flag) names.append(spec.kind == OptionKind::Int ? " N" : " TEXT");
    char buffer[256];
    std::snprintf(buffer, sizeof buffer, "  %-22s ", names.c_str());
    out.append(buffer).append(spec.help);
    if (!spec.default_text.empty()) out.append(" (default ").append(spec.default_text).append(")");
    out.append("\n");
  };
  for (const OptionSpec& spec : specs) line(spec);
  line(kHelpSpec);
  return out;
}

}  // namespace ostep
