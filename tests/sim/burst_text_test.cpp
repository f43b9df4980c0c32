// The compact burst notation of the scenario editor: "c5 i3 c2".
#include <catch2/catch.hpp>

#include "sim/burst_text.hpp"

TEST_CASE("burst text c5 i3 c2 becomes CPU 5, IO 3, CPU 2 and writes back the same", "[sim][burst-text]") {
  sim::Scenario scenario;
  const sim::ParsedBursts parsed = sim::parseBurstText("c5 i3 c2");
  REQUIRE(parsed.errors.empty());
  sim::ProcessSpec process;
  sim::assignBursts(scenario, process, parsed);
  REQUIRE(process.bursts.size() == 3);
  CHECK(process.bursts[0].kind == sim::BurstKind::Cpu);
  CHECK(process.bursts[0].length == 5);
  CHECK(process.bursts[1].kind == sim::BurstKind::Io);
  CHECK(process.bursts[1].length == 3);
  CHECK(process.bursts[1].device == 0);
  CHECK(process.bursts[2].length == 2);
  CHECK(sim::burstText(scenario, process) == "c5 i3 c2");
}

TEST_CASE("burst text names a new IO device and keeps it when written back", "[sim][burst-text]") {
  sim::Scenario scenario;
  const sim::ParsedBursts parsed = sim::parseBurstText("C1, i4@disk, c1");
  REQUIRE(parsed.errors.empty());
  sim::ProcessSpec process;
  sim::assignBursts(scenario, process, parsed);
  REQUIRE(scenario.devices.size() == 2);
  CHECK(scenario.devices[1] == "disk");
  CHECK(process.bursts[1].device == 1);
  CHECK(sim::burstText(scenario, process) == "c1 i4@disk c1");
}

TEST_CASE("burst text errors name the token and its column", "[sim][burst-text]") {
  SECTION("a letter other than c or i") {
    const auto parsed = sim::parseBurstText("c5 x3 c2");
    REQUIRE(parsed.errors.size() == 1);
    CHECK_THAT(parsed.errors[0].message, Catch::StartsWith("token 2 \"x3\""));
    CHECK(parsed.errors[0].column == 4);
  }
  SECTION("two CPU bursts in a row") {
    const auto parsed = sim::parseBurstText("c5 c3");
    REQUIRE_FALSE(parsed.errors.empty());
    CHECK_THAT(parsed.errors[0].message, Catch::Contains("expected an IO burst"));
  }
  SECTION("beginning with IO") {
    const auto parsed = sim::parseBurstText("i2 c3");
    REQUIRE_FALSE(parsed.errors.empty());
    CHECK_THAT(parsed.errors[0].message, Catch::Contains("must begin with a CPU burst"));
  }
  SECTION("ending on IO") {
    const auto parsed = sim::parseBurstText("c5 i3");
    REQUIRE(parsed.errors.size() == 1);
    CHECK_THAT(parsed.errors[0].message, Catch::Contains("token 2") && Catch::Contains("end with a CPU burst"));
    CHECK(parsed.errors[0].column == 4);
  }
  SECTION("a zero or huge length, a device on CPU, a missing number") {
    CHECK_FALSE(sim::parseBurstText("c0").errors.empty());
    CHECK_FALSE(sim::parseBurstText("c99999999999").errors.empty());
    CHECK_FALSE(sim::parseBurstText("c3@disk").errors.empty());
    CHECK_FALSE(sim::parseBurstText("c").errors.empty());
    CHECK_FALSE(sim::parseBurstText("c1 i@ c1").errors.empty());
  }
  SECTION("nothing at all") {
    const auto parsed = sim::parseBurstText("  , ");
    REQUIRE(parsed.errors.size() == 1);
    CHECK_THAT(parsed.errors[0].message, Catch::Contains("no bursts"));
  }
  SECTION("every bad token is reported") {
    CHECK(sim::parseBurstText("x1 i2 y3").errors.size() == 2);
  }
}
