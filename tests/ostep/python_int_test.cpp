// Expected values are Python's: optparse chooses the base, int() reads it.
#include <catch2/catch.hpp>

#include "ostep/python_int.hpp"

namespace {
std::string decimal(const char* text) {
  const auto value = ostep::parsePythonInt(text);
  return value ? value->toDecimal() : std::string("invalid");
}
}  // namespace

TEST_CASE("integer flags are read in the base optparse picks", "[ostep][int]") {
  CHECK(decimal("100") == "100");
  CHECK(decimal("-5") == "-5");
  CHECK(decimal("+7") == "7");
  CHECK(decimal(" 42 ") == "42");
  CHECK(decimal("1_000") == "1000");
  CHECK(decimal("0x1F") == "31");
  CHECK(decimal("0b101") == "5");
  CHECK(decimal("0b") == "0");
  CHECK(decimal("010") == "8");
  CHECK(decimal("0o10") == "8");
  CHECK(decimal("0") == "0");
  CHECK(decimal("-0") == "0");
  CHECK(decimal("12345678901234567890123") == "12345678901234567890123");
}

TEST_CASE("text that is not an integer is refused", "[ostep][int]") {
  for (const char* text : {"", "abc", "1.5", "08", "-0x5", "1__0", "_1", "1_", "0x", "5a", "--5"}) {
    INFO(text);
    CHECK(decimal(text) == "invalid");
  }
}

TEST_CASE("integers convert to 64 bits only when they fit", "[ostep][int]") {
  CHECK(ostep::parsePythonInt("9223372036854775807")->toInt64() == INT64_MAX);
  CHECK(ostep::parsePythonInt("-9223372036854775808")->toInt64() == INT64_MIN);
  CHECK_FALSE(ostep::parsePythonInt("9223372036854775808")->toInt64().has_value());
  CHECK(ostep::PythonInt::fromInt64(-123).toDecimal() == "-123");
}
