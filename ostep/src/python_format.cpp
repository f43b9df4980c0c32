#include "ostep/python_format.hpp"

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <system_error>

namespace ostep {

namespace {
bool isPythonSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; }
bool isDigit(char c) { return c >= '0' && c <= '9'; }

bool equalsIgnoringCase(std::string_view text, std::string_view word) {
  if (text.size() != word.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[i])) != word[i]) return false;
  }
  return true;
}
}  // namespace

std::optional<double> parsePythonFloat(std::string_view text) {
  while (!text.empty() && isPythonSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && isPythonSpace(text.back())) text.remove_suffix(1);
  bool negative = false;
  if (!text.empty() && (text.front() == '+' || text.front() == '-')) {
    negative = text.front() == '-';
    text.remove_prefix(1);
  }
  if (equalsIgnoringCase(text, "inf") || equalsIgnoringCase(text, "infinity")) {
    return negative ? -HUGE_VAL : HUGE_VAL;
  }
  if (equalsIgnoringCase(text, "nan")) return std::nan("");
  std::string plain;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '_') {
      if (i == 0 || i + 1 == text.size() || !isDigit(text[i - 1]) || !isDigit(text[i + 1])) return std::nullopt;
      continue;
    }
    if (!isDigit(c) && c != '.' && c != 'e' && c != 'E' && c != '+' && c != '-') return std::nullopt;
    plain.push_back(c);
  }
  if (plain.empty() || plain.front() == '+' || plain.front() == '-') return std::nullopt;
  double value = 0;
  const char* end = plain.data() + plain.size();
  const auto [stop, error] = std::from_chars(plain.data(), end, value, std::chars_format::general);
  if (error != std::errc() || stop != end) return std::nullopt;
  return negative ? -value : value;
}

DecimalDigits shortestDigits(double value) {
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific);
  const std::string_view text(buffer, static_cast<std::size_t>(result.ptr - buffer));
  DecimalDigits out;
  std::size_t i = 0;
  if (text[i] == '-') {
    out.negative = true;
    ++i;
  }
  const std::size_t e = text.find('e');
  for (; i < e; ++i) {
    if (text[i] != '.') out.digits.push_back(text[i]);
  }
  int exponent = 0;
  const char* exponent_begin = text.data() + e + 1;
  if (*exponent_begin == '+') ++exponent_begin;
  std::from_chars(exponent_begin, text.data() + text.size(), exponent);
  while (out.digits.size() > 1 && out.digits.back() == '0') out.digits.pop_back();
  out.exponent = exponent - static_cast<int>(out.digits.size()) + 1;
  return out;
}

std::string pythonFloatRepr(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value < 0 ? "-inf" : "inf";
  const DecimalDigits d = shortestDigits(value);
  const int count = static_cast<int>(d.digits.size());
  const int point = count + d.exponent;  // digits before the decimal point
  std::string out = d.negative ? "-" : "";
  const int scientific_exponent = point - 1;
  if (scientific_exponent < -4 || scientific_exponent >= 16) {
    out += d.digits.substr(0, 1);
    if (count > 1) out.append(".").append(d.digits.substr(1));
    char exponent[16];
    std::snprintf(exponent, sizeof exponent, "e%c%02d", scientific_exponent < 0 ? '-' : '+',
                  std::abs(scientific_exponent));
    return out.append(exponent);
  }
  if (point <= 0) return out.append("0.").append(static_cast<std::size_t>(-point), '0').append(d.digits);
  if (point >= count) return out.append(d.digits).append(static_cast<std::size_t>(point - count), '0').append(".0");
  return out.append(d.digits.substr(0, static_cast<std::size_t>(point)))
      .append(".")
      .append(d.digits.substr(static_cast<std::size_t>(point)));
}

std::string formatTruncated(double value, int width) {
  char buffer[512];
  const double whole = std::trunc(value);
  if (std::fabs(whole) < 9e18) {
    std::snprintf(buffer, sizeof buffer, "%*lld", width, static_cast<long long>(whole));
  } else {
    std::snprintf(buffer, sizeof buffer, "%*.0f", width, whole);  // an integral double prints exactly
  }
  return buffer;
}

std::string formatFixed(double value, int width, int precision) {
  char buffer[512];
  std::snprintf(buffer, sizeof buffer, "%*.*f", width, precision, value);
  return buffer;
}

}  // namespace ostep
