// Expected texts are Python's: python3 -c "print(repr(float('2.5')))" and so on.
#include <catch2/catch.hpp>

#include <cmath>

#include "ostep/python_format.hpp"

TEST_CASE("floats are written as Python's repr writes them", "[ostep][format]") {
  CHECK(ostep::pythonFloatRepr(24.0) == "24.0");
  CHECK(ostep::pythonFloatRepr(2.5) == "2.5");
  CHECK(ostep::pythonFloatRepr(0.1) == "0.1");
  CHECK(ostep::pythonFloatRepr(1.0 / 3.0) == "0.3333333333333333");
  CHECK(ostep::pythonFloatRepr(1e15) == "1000000000000000.0");
  CHECK(ostep::pythonFloatRepr(1e16) == "1e+16");
  CHECK(ostep::pythonFloatRepr(0.0001) == "0.0001");
  CHECK(ostep::pythonFloatRepr(0.00001) == "1e-05");
  CHECK(ostep::pythonFloatRepr(1.5e300) == "1.5e+300");
  CHECK(ostep::pythonFloatRepr(123456789012345678.0) == "1.2345678901234568e+17");
  CHECK(ostep::pythonFloatRepr(-0.0) == "-0.0");
  CHECK(ostep::pythonFloatRepr(HUGE_VAL) == "inf");
}

TEST_CASE("float() text is read as Python reads it", "[ostep][format]") {
  CHECK(ostep::parsePythonFloat(" 1_0.5 ") == 10.5);
  CHECK(ostep::parsePythonFloat(".5") == 0.5);
  CHECK(ostep::parsePythonFloat("5.") == 5.0);
  CHECK(ostep::parsePythonFloat("1e3") == 1000.0);
  CHECK(ostep::parsePythonFloat("-2") == -2.0);
  CHECK(ostep::parsePythonFloat("Infinity") == HUGE_VAL);
  for (const char* bad : {"", "abc", "1__0", "_1", "1_", "--1", "1e", "0x10", "1,5"}) {
    INFO(bad);
    CHECK_FALSE(ostep::parsePythonFloat(bad).has_value());
  }
}

TEST_CASE("%d of a float truncates toward zero and %f rounds as printf", "[ostep][format]") {
  // python3 -c "print('%3d|%3d|%3.2f|%.2f' % (0.9999999999999999, -2.7, 3.345, 2.675))"
  CHECK(ostep::formatTruncated(0.9999999999999999, 3) + "|" + ostep::formatTruncated(-2.7, 3) + "|" +
            ostep::formatFixed(3.345, 3, 2) + "|" + ostep::formatFixed(2.675, 0, 2) ==
        "  0| -2|3.35|2.67");
}
