// ostep/python_int.hpp: a Python integer as the OSTEP tools read it.
//
// The tools take their integer flags through optparse's "int" type: an
// optional sign, then decimal digits, or 0x/0b/0o (or a bare leading 0,
// octal) with digits of that base; underscores may separate digits, and
// spaces around the text are ignored. Python's int has no size limit, and
// a seed may be any integer, so the magnitude is kept as 32-bit words.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ostep {

struct PythonInt {
  bool negative = false;
  std::vector<std::uint32_t> magnitude;  // least significant word first; empty for 0

  bool isZero() const { return magnitude.empty(); }
  std::optional<std::int64_t> toInt64() const;  // nullopt when it does not fit
  std::string toDecimal() const;                 // as Python's str(int) writes it
  static PythonInt fromInt64(std::int64_t value);
};

// Reads `text` as optparse reads an "int" option; nullopt when it is not one.
std::optional<PythonInt> parsePythonInt(std::string_view text);
// Reads `text` as int(text) reads it: decimal only, leading zeros allowed ("007" is 7).
std::optional<PythonInt> parsePythonDecimalInt(std::string_view text);

}  // namespace ostep
