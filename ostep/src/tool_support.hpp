// ostep/src/tool_support.hpp: what every `procsim ostep` tool does the same
// way: refuse bad input with one line, hand a long answer on in pieces, and
// wrap its run in the flag parsing and --help of ostep/tool_options.hpp.
#pragma once

#include <cstdint>
#include <functional>
#include <ostream>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>

#include "ostep/tool_options.hpp"

namespace ostep {

// Input the tool refuses; the message names the place, on one line.
class BadInput : public std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Text for the tool's standard output, handed on in pieces of about 64 KiB
// so that a long answer never sits in memory whole.
class Output {
 public:
  explicit Output(std::ostream& stream) : stream_(stream) {}
  ~Output() { flush(); }
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;
  Output& operator+=(const std::string& piece) {
    text_ += piece;
    if (text_.size() >= kChunk) flush();
    return *this;
  }
  void flush() {
    stream_ << text_;
    text_.clear();
  }

 private:
  static constexpr std::size_t kChunk = std::size_t{1} << 16;
  std::ostream& stream_;
  std::string text_;
};

// The spec of the short flag `letter`; std::logic_error when there is none.
const OptionSpec& specOf(std::span<const OptionSpec> specs, char letter);

// The value of an Int flag as a 64-bit number; BadInput when it does not fit.
std::int64_t integerOption(const ToolOptions& options, const OptionSpec& spec);

// What a tool is called and how its --help starts.
struct ToolFrame {
  std::string_view name;     // "scheduler"
  std::string_view usage;    // "procsim ostep scheduler [flags]"
  std::string_view summary;  // a few lines, procsim's words
  std::span<const OptionSpec> specs;
};

// Parses `args`, answers --help, runs `answer` with the flags, and turns a
// bad flag or a BadInput into one line "procsim ostep NAME: ..." on `err`
// and exit status 2.
int runTool(const ToolFrame& frame, std::span<const std::string> args, std::ostream& out, std::ostream& err,
            const std::function<int(const ToolOptions&, std::ostream&)>& answer);

}  // namespace ostep
