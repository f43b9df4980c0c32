// Python's int(text, base) grammar, behind optparse's choice of base.
#include "ostep/python_int.hpp"

#include <algorithm>
#include <cctype>

namespace ostep {

namespace {

bool isPythonSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; }

int digitValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  const int lower = std::tolower(static_cast<unsigned char>(c));
  if (lower >= 'a' && lower <= 'z') return lower - 'a' + 10;
  return 99;
}

// magnitude = magnitude * factor + add
void multiplyAdd(std::vector<std::uint32_t>& magnitude, std::uint32_t factor, std::uint32_t add) {
  std::uint64_t carry = add;
  for (std::uint32_t& word : magnitude) {
    const std::uint64_t product = std::uint64_t{word} * factor + carry;
    word = static_cast<std::uint32_t>(product);
    carry = product >> 32;
  }
  if (carry != 0) magnitude.push_back(static_cast<std::uint32_t>(carry));
}

// magnitude /= divisor; returns the remainder
std::uint32_t divide(std::vector<std::uint32_t>& magnitude, std::uint32_t divisor) {
  std::uint64_t remainder = 0;
  for (std::size_t i = magnitude.size(); i-- > 0;) {
    const std::uint64_t current = (remainder << 32) | magnitude[i];
    magnitude[i] = static_cast<std::uint32_t>(current / divisor);
    remainder = current % divisor;
  }
  while (!magnitude.empty() && magnitude.back() == 0) magnitude.pop_back();
  return static_cast<std::uint32_t>(remainder);
}

// int(text, base) for base 2, 8, 10 or 16.
std::optional<PythonInt> parseInBase(std::string_view text, int base) {
  while (!text.empty() && isPythonSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && isPythonSpace(text.back())) text.remove_suffix(1);
  PythonInt result;
  if (!text.empty() && (text.front() == '+' || text.front() == '-')) {
    result.negative = text.front() == '-';
    text.remove_prefix(1);
  }
  bool underscore_allowed = false;  // right after a base prefix, or between digits
  if (base != 10 && text.size() >= 2 && text[0] == '0') {
    const char marker = static_cast<char>(std::tolower(static_cast<unsigned char>(text[1])));
    if ((base == 16 && marker == 'x') || (base == 8 && marker == 'o') || (base == 2 && marker == 'b')) {
      text.remove_prefix(2);
      underscore_allowed = true;
    }
  }
  bool any_digit = false;
  for (const char c : text) {
    if (c == '_') {
      if (!underscore_allowed) return std::nullopt;
      underscore_allowed = false;
      continue;
    }
    const int digit = digitValue(c);
    if (digit >= base) return std::nullopt;
    multiplyAdd(result.magnitude, static_cast<std::uint32_t>(base), static_cast<std::uint32_t>(digit));
    any_digit = true;
    underscore_allowed = true;
  }
  if (!any_digit || text.back() == '_') return std::nullopt;
  while (!result.magnitude.empty() && result.magnitude.back() == 0) result.magnitude.pop_back();
  if (result.isZero()) result.negative = false;
  return result;
}

}  // namespace

std::optional<PythonInt> parsePythonInt(std::string_view text) {
  // optparse picks the base from the first characters, then calls int().
  const auto starts = [&](std::string_view prefix) {
    return text.size() >= prefix.size() &&
           std::equal(prefix.begin(), prefix.end(), text.begin(),
                      [](char p, char t) { return p == std::tolower(static_cast<unsigned char>(t)); });
  };
  if (starts("0x")) return parseInBase(text, 16);
  if (starts("0b")) {
    const std::string_view digits = text.substr(2);
    return parseInBase(digits.empty() ? std::string_view("0") : digits, 2);
  }
  if (starts("0")) return parseInBase(text, 8);
  return parseInBase(text, 10);
}

std::optional<PythonInt> parsePythonDecimalInt(std::string_view text) { return parseInBase(text, 10); }

PythonInt PythonInt::fromInt64(std::int64_t value) {
  PythonInt result;
  result.negative = value < 0;
  std::uint64_t magnitude = result.negative ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
  while (magnitude != 0) {
    result.magnitude.push_back(static_cast<std::uint32_t>(magnitude));
    magnitude >>= 32;
  }
  return result;
}

std::optional<std::int64_t> PythonInt::toInt64() const {
  if (magnitude.size() > 2) return std::nullopt;
  std::uint64_t value = 0;
  for (std::size_t i = magnitude.size(); i-- > 0;) value = (value << 32) | magnitude[i];
  if (negative) {
    if (value > std::uint64_t{1} << 63) return std::nullopt;
    return static_cast<std::int64_t>(0 - value);
  }
  if (value >= std::uint64_t{1} << 63) return std::nullopt;
  return static_cast<std::int64_t>(value);
}

std::string PythonInt::toDecimal() const {
  if (isZero()) return "0";
  std::vector<std::uint32_t> rest = magnitude;
  std::string digits;
  while (!rest.empty()) {
    std::uint32_t chunk = divide(rest, 1'000'000'000U);
    for (int i = 0; i < 9 && (chunk != 0 || !rest.empty()); ++i) {
      digits.push_back(static_cast<char>('0' + chunk % 10));
      chunk /= 10;
    }
  }
  if (negative) digits.push_back('-');
  std::reverse(digits.begin(), digits.end());
  return digits;
}

}  // namespace ostep
