#include "tool_support.hpp"

#include "ostep/tools.hpp"

namespace ostep {

const OptionSpec& specOf(std::span<const OptionSpec> specs, char letter) {
  for (const OptionSpec& spec : specs) {
    if (spec.short_name == letter) return spec;
  }
  throw std::logic_error(std::string("no flag -").append(1, letter));
}

std::int64_t integerOption(const ToolOptions& options, const OptionSpec& spec) {
  const auto value = options.integer(spec).toInt64();
  if (!value) throw BadInput(std::string("option -").append(1, spec.short_name).append(": value out of range"));
  return *value;
}

int runTool(const ToolFrame& frame, std::span<const std::string> args, std::ostream& out, std::ostream& err,
            const std::function<int(const ToolOptions&, std::ostream&)>& answer) {
  bool help = false;
  std::string error;
  const auto options = parseToolOptions(frame.specs, args, help, error);
  if (!options) {
    err << "procsim ostep " << frame.name << ": " << error << "\n";
    return kToolBadInput;
  }
  if (help) {
    out << toolOptionsHelp(frame.usage, frame.summary, frame.specs);
    return kToolOk;
  }
  try {
    return answer(*options, out);
  } catch (const BadInput& bad) {
    err << "procsim ostep " << frame.name << ": " << bad.what() << "\n";
    return kToolBadInput;
  }
}

}  // namespace ostep
