#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "app/launch_options.hpp"
#include "app/script.hpp"

TEST_CASE("a script parses verbs with their arguments and skips comments", "[gui][script]") {
  std::string error;
  const auto actions = gui::parseScript("# comment\nstep 3\n\npolicy rr  # switch\nscreenshot /tmp/a b.png\n",
                                        "s.txt", error);
  REQUIRE(actions);
  REQUIRE(actions->size() == 3);
  CHECK((*actions)[0].verb == "step");
  CHECK((*actions)[0].number(0) == 3);
  CHECK((*actions)[1].args.at(0) == "rr");
  CHECK((*actions)[2].args.at(0) == "/tmp/a b.png");
  CHECK((*actions)[2].line == 5);
}

TEST_CASE("a bad script line is reported as file:line with the reason", "[gui][script]") {
  std::string error;
  SECTION("unknown verb") {
    CHECK_FALSE(gui::parseScript("step\nfly 3\n", "s.txt", error));
    CHECK(error == "s.txt:2: unknown action 'fly'");
  }
  SECTION("not a number") {
    CHECK_FALSE(gui::parseScript("step x\n", "s.txt", error));
    CHECK(error.find("s.txt:1:") == 0);
  }
  SECTION("missing argument") {
    CHECK_FALSE(gui::parseScript("seek\n", "s.txt", error));
    CHECK(error.find("needs 1 argument") != std::string::npos);
  }
  SECTION("bad on/off") {
    CHECK_FALSE(gui::parseScript("preemptive yes\n", "s.txt", error));
  }
}

TEST_CASE("a script number that is NaN, infinite or outside its verb's range is refused, naming the line",
          "[gui][script]") {
  std::string error;
  for (const std::string line : {"speed nan", "speed inf", "speed -inf", "mouse nan 10", "click 10 1e999"}) {
    INFO(line);
    CHECK_FALSE(gui::parseScript("step\n" + line + "\n", "s.txt", error));
    CHECK_THAT(error, Catch::StartsWith("s.txt:2: ") && Catch::Contains("is not a number"));
  }
  for (const std::string line : {"speed 0.1", "speed 1001", "frames 3000000000", "play -1"}) {
    INFO(line);
    CHECK_FALSE(gui::parseScript(line + "\n", "s.txt", error));
    CHECK_THAT(error, Catch::StartsWith("s.txt:1: ") && Catch::Contains("is outside"));
  }
  CHECK(error == "s.txt:1: 'play': -1 is outside 0..2147483647");
  const auto actions = gui::parseScript("speed 0.5\nspeed 1000\nframes 0\nplay 60\n", "s.txt", error);
  REQUIRE(actions.has_value());
  CHECK(actions->size() == 4);
}

TEST_CASE("launch options reject a bad size, tick or language with one line", "[gui][options]") {
  std::string error;
  CHECK_FALSE(gui::parseLaunchOptions({"--size", "12x"}, error));
  CHECK(error.find("--size") == 0);
  CHECK_FALSE(gui::parseLaunchOptions({"--tick", "-5"}, error));
  CHECK_FALSE(gui::parseLaunchOptions({"--lang", "fr"}, error));
  CHECK_FALSE(gui::parseLaunchOptions({"--screenshot"}, error));
  const auto options = gui::parseLaunchOptions({"--size", "1920x1080", "--lang", "zh", "--tick", "4"}, error);
  REQUIRE(options);
  CHECK(options->width == 1920);
  CHECK(options->height == 1080);
  CHECK(*options->tick == 4);
  CHECK(options->language == gui::Language::Chinese);
}

TEST_CASE("reading a script refuses a directory, a NUL byte and endless input, and comments only is no action",
          "[gui][script]") {
  const auto dir = std::filesystem::temp_directory_path() / ("procsim-script-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::string text;
  std::string error;
  CHECK_FALSE(gui::readScriptFile(dir.string(), text, error));
  CHECK(error == dir.string() + ": is a directory, not a script");
  CHECK_FALSE(gui::readScriptFile("/dev/zero", text, error));
  CHECK(error == "/dev/zero:1: a NUL byte; a script is text");
  {
    std::ofstream out(dir / "nul.txt", std::ios::binary);
    out << "step 1\nstep 2\n" << '\0' << "\n";
  }
  CHECK_FALSE(gui::readScriptFile((dir / "nul.txt").string(), text, error));
  CHECK(error == (dir / "nul.txt").string() + ":3: a NUL byte; a script is text");
  {
    std::ofstream out(dir / "long.txt", std::ios::binary);
    const std::string line(1023, '#');
    for (std::size_t written = 0; written <= gui::kMaxScriptBytes; written += line.size() + 1) out << line << '\n';
  }
  CHECK_FALSE(gui::readScriptFile((dir / "long.txt").string(), text, error));
  CHECK_THAT(error, Catch::Contains("longer than 16 MiB"));
  std::ofstream(dir / "comments.txt") << "# nothing to do\n\n   # still nothing\n";
  REQUIRE(gui::readScriptFile((dir / "comments.txt").string(), text, error));
  const auto actions = gui::parseScript(text, "comments.txt", error);
  REQUIRE(actions);
  CHECK(actions->empty());
  std::filesystem::remove_all(dir);
}
