#include <catch2/catch.hpp>

#include <array>
#include <string>
#include <vector>

#include "ostep/tool_options.hpp"

namespace {

constexpr std::array kSpecs{
    ostep::OptionSpec{'s', "seed", ostep::OptionKind::Int, "0", "seed"},
    ostep::OptionSpec{'l', "jlist", ostep::OptionKind::String, "", "list"},
    ostep::OptionSpec{'m', "maxlen", ostep::OptionKind::Int, "10", "longest"},
    ostep::OptionSpec{'M', "maxio", ostep::OptionKind::Int, "10", "longest io"},
    ostep::OptionSpec{'c', "", ostep::OptionKind::Flag, "", "answers"},
    ostep::OptionSpec{'p', "printstats", ostep::OptionKind::Flag, "", "stats"},
};

struct Parsed {
  std::optional<ostep::ToolOptions> options;
  bool help = false;
  std::string error;
};

Parsed parse(std::vector<std::string> args) {
  Parsed parsed;
  parsed.options = ostep::parseToolOptions(kSpecs, args, parsed.help, parsed.error);
  return parsed;
}

}  // namespace

TEST_CASE("flags take their values in every form optparse accepts", "[ostep][options]") {
  SECTION("short, separate and attached") {
    const Parsed p = parse({"-s", "5", "-l3,4"});
    REQUIRE(p.options);
    CHECK(p.options->text(kSpecs[0]) == "5");
    CHECK(p.options->text(kSpecs[1]) == "3,4");
  }
  SECTION("clustered flags, the last one taking a value") {
    const Parsed p = parse({"-cps", "7"});
    REQUIRE(p.options);
    CHECK(p.options->flag("c"));
    CHECK(p.options->flag("printstats"));
    CHECK(p.options->integer(kSpecs[0]).toDecimal() == "7");
  }
  SECTION("long, with = or a separate value, abbreviated when unambiguous") {
    const Parsed p = parse({"--seed=0x10", "--jl", "1,2", "--print"});
    REQUIRE(p.options);
    CHECK(p.options->integer(kSpecs[0]).toDecimal() == "16");
    CHECK(p.options->text(kSpecs[1]) == "1,2");
    CHECK(p.options->flag("printstats"));
  }
  SECTION("a value may begin with a dash, and the last of two wins") {
    const Parsed p = parse({"-s", "-3", "-s", "-4"});
    REQUIRE(p.options);
    CHECK(p.options->integer(kSpecs[0]).toDecimal() == "-4");
  }
  SECTION("defaults, ignored words and --") {
    const Parsed p = parse({"extra", "--", "-x"});
    REQUIRE(p.options);
    CHECK(p.options->text(kSpecs[2]) == "10");
    CHECK_FALSE(p.options->flag("c"));
  }
  SECTION("-h and --help ask for help") {
    CHECK(parse({"-h"}).help);
    CHECK(parse({"--he"}).help);
  }
}

TEST_CASE("a bad flag is refused with one line that names it", "[ostep][options]") {
  CHECK(parse({"-x"}).error == "no such option: -x");
  CHECK(parse({"--nope"}).error == "no such option: --nope");
  CHECK(parse({"--ma", "3"}).error == "ambiguous option: --ma could be --maxlen --maxio");
  CHECK(parse({"-s"}).error == "-s needs a value");
  CHECK(parse({"--seed"}).error == "--seed needs a value");
  CHECK(parse({"-s", "1.5"}).error == "option --seed: '1.5' is not an integer");
  CHECK(parse({"--printstats=1"}).error == "--printstats takes no value");
}
