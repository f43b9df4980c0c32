// ostep/python_format.hpp: numbers read and written as Python reads and
// writes them, so that the tools' data lines come out byte for byte.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ostep {

// float(text): optional spaces and sign, decimal digits (single underscores
// between digits), a fraction, an exponent, or inf / infinity / nan in any
// case. nullopt when Python would raise ValueError, or when the value
// overflows a double.
std::optional<double> parsePythonFloat(std::string_view text);

// str(x) / repr(x) of a float: the shortest digits that read back as x,
// fixed notation for exponents -4 .. 15 (always with a fractional part,
// "24.0"), else scientific with at least two exponent digits ("1e-05").
std::string pythonFloatRepr(double value);

// The shortest decimal digits of a finite value and its decimal exponent:
// value = digits * 10^exponent, digits without trailing zeros.
struct DecimalDigits {
  std::string digits;  // e.g. "2675" for 2.675
  int exponent = 0;    // e.g. -3 for 2.675
  bool negative = false;
};
DecimalDigits shortestDigits(double value);

// '%Nd' % x for a float x: Python truncates toward zero first.
std::string formatTruncated(double value, int width);
// '%W.Pf' % x (W may be 0).
std::string formatFixed(double value, int width, int precision);

}  // namespace ostep
