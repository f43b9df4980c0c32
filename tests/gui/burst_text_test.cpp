#include <catch2/catch.hpp>

#include "model/burst_text.hpp"

TEST_CASE("burst text c5 i3 c2 becomes CPU 5, IO 3, CPU 2 and formats back the same", "[gui][editor]") {
  sim::Scenario scenario;
  const gui::BurstParse parsed = gui::parseBursts("c5 i3 c2", scenario);
  REQUIRE(parsed.ok);
  REQUIRE(parsed.bursts.size() == 3);
  CHECK(parsed.bursts[0].kind == sim::BurstKind::Cpu);
  CHECK(parsed.bursts[0].length == 5);
  CHECK(parsed.bursts[1].kind == sim::BurstKind::Io);
  CHECK(parsed.bursts[1].length == 3);
  CHECK(parsed.bursts[2].length == 2);
  CHECK(gui::formatBursts(parsed.bursts, scenario) == "c5 i3 c2");
}

TEST_CASE("burst text names a new IO device and keeps it when formatted", "[gui][editor]") {
  sim::Scenario scenario;
  const gui::BurstParse parsed = gui::parseBursts("C1, i4@disk, c1", scenario);
  REQUIRE(parsed.ok);
  REQUIRE(scenario.devices.size() == 2);
  CHECK(scenario.devices[1] == "disk");
  CHECK(parsed.bursts[1].device == 1);
  CHECK(gui::formatBursts(parsed.bursts, scenario) == "c1 i4@disk c1");
}

TEST_CASE("burst text errors name the offending token and its position", "[gui][editor]") {
  sim::Scenario scenario;
  SECTION("a letter other than c or i") {
    const gui::BurstParse parsed = gui::parseBursts("c5 x3 c2", scenario);
    CHECK_FALSE(parsed.ok);
    CHECK(parsed.error.find("token 2 \"x3\"") != std::string::npos);
    CHECK(parsed.error_at == 3);
  }
  SECTION("two CPU bursts in a row") {
    const gui::BurstParse parsed = gui::parseBursts("c5 c3", scenario);
    CHECK_FALSE(parsed.ok);
    CHECK(parsed.error.find("expected an IO burst") != std::string::npos);
  }
  SECTION("ending on IO") {
    const gui::BurstParse parsed = gui::parseBursts("c5 i3", scenario);
    CHECK_FALSE(parsed.ok);
    CHECK(parsed.error.find("last burst must be CPU") != std::string::npos);
  }
  SECTION("a zero length") {
    CHECK_FALSE(gui::parseBursts("c0", scenario).ok);
  }
  SECTION("nothing at all") {
    CHECK_FALSE(gui::parseBursts("   ", scenario).ok);
  }
}
