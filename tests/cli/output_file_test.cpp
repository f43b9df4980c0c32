// Output paths (cli/output_file.cpp): a regular file is replaced whole
// through an unpredictable temporary; anything else is written in place; a
// symlink stays a link; an output never overwrites an input or another
// output; a write error is never silent.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <thread>

#include "run_procsim.hpp"

namespace fs = std::filesystem;
using test::asset;
using test::runProcsim;

namespace {

// A fresh folder under the temp directory, removed at the end of the test.
struct TempDir {
  fs::path path;
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "procsim-out-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    path = pattern;
  }
  ~TempDir() { fs::remove_all(path); }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string operator/(const std::string& name) const { return (path / name).string(); }
};

void writeText(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

mode_t modeOf(const std::string& path) {
  struct stat status {};
  REQUIRE(::stat(path.c_str(), &status) == 0);
  return status.st_mode & 07777;
}

}  // namespace

TEST_CASE("an svg output replaces a regular file whole and leaves no temporary behind", "[cli][output]") {
  TempDir dir;
  writeText(dir / "chart.svg", "old");
  const auto r = runProcsim("run " + asset("rr.json") + " --svg " + (dir / "chart.svg") + " --format json");
  REQUIRE(r.status == 0);
  CHECK_THAT(test::readFile(dir / "chart.svg"), Catch::Contains("<svg"));
  CHECK(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator()) == 1);
}

TEST_CASE("a new output file gets mode 0666 less the umask and an existing one keeps its mode", "[cli][output]") {
  TempDir dir;
  writeText(dir / "kept.svg", "old");
  REQUIRE(::chmod((dir / "kept.svg").c_str(), 0600) == 0);
  const mode_t previous = ::umask(027);
  const auto r = runProcsim("run " + asset("rr.json") + " --format json --svg " + (dir / "new.svg") +
                            " --trace-out " + (dir / "kept.svg"));
  ::umask(previous);
  REQUIRE(r.status == 0);
  CHECK(modeOf(dir / "new.svg") == 0640);
  CHECK(modeOf(dir / "kept.svg") == 0600);
}

TEST_CASE("a symlink planted at the old temporary name redirects nothing", "[cli][output]") {
  TempDir dir;
  writeText(dir / "victim", "precious");
  fs::create_symlink(dir / "victim", dir / "out.svg.partial");
  const auto r = runProcsim("run " + asset("rr.json") + " --format json --svg " + (dir / "out.svg"));
  REQUIRE(r.status == 0);
  CHECK(test::readFile(dir / "victim") == "precious");
  CHECK_THAT(test::readFile(dir / "out.svg"), Catch::Contains("<svg"));
}

TEST_CASE("an output that is a symlink stays a link and its target gets the text", "[cli][output]") {
  TempDir dir;
  writeText(dir / "target.svg", "old");
  fs::create_symlink("target.svg", dir / "link.svg");
  SECTION("a link to an existing file") {}
  SECTION("a dangling link") { fs::remove(dir / "target.svg"); }
  const auto r = runProcsim("run " + asset("rr.json") + " --format json --svg " + (dir / "link.svg"));
  REQUIRE(r.status == 0);
  CHECK(fs::is_symlink(dir / "link.svg"));
  CHECK(fs::read_symlink(dir / "link.svg") == "target.svg");
  CHECK_THAT(test::readFile(dir / "target.svg"), Catch::Contains("<svg"));
}

TEST_CASE("an output that is a FIFO is written in place, not replaced by a regular file", "[cli][output]") {
  TempDir dir;
  const std::string fifo = dir / "pipe";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  const int reader = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  REQUIRE(reader >= 0);
  std::string received;
  std::thread drain([&] {
    ::fcntl(reader, F_SETFL, 0);  // blocking from here: read until procsim closes its end
    char buffer[4096];
    for (;;) {
      const ssize_t got = ::read(reader, buffer, sizeof buffer);
      if (got > 0) {
        received.append(buffer, static_cast<std::size_t>(got));
      } else if (got == 0 && !received.empty()) {
        break;
      } else if (got < 0) {
        break;
      }
    }
  });
  const auto r = runProcsim("run " + asset("rr.json") + " --format json --svg " + fifo);
  if (r.status != 0) {
    // Unblock the reader: open and close a writer so it sees the end.
    const int writer = ::open(fifo.c_str(), O_WRONLY | O_NONBLOCK);
    if (writer >= 0) {
      const char mark = 'x';
      [[maybe_unused]] const ssize_t n = ::write(writer, &mark, 1);
      ::close(writer);
    }
  }
  drain.join();
  ::close(reader);
  INFO(r.err);
  CHECK(r.status == 0);
  CHECK(fs::is_fifo(fifo));
  CHECK_THAT(received, Catch::Contains("<svg"));
}

TEST_CASE("a device output is written in place and a full device is an error with a message", "[cli][output]") {
  const auto null_out = runProcsim("run " + asset("rr.json") + " --format json --svg /dev/null");
  CHECK(null_out.status == 0);
  CHECK(fs::is_character_file("/dev/null"));
  const auto full = runProcsim("run " + asset("rr.json") + " --format json --trace-out /dev/full");
  CHECK(full.status != 0);
  CHECK_THAT(full.err, Catch::Contains("/dev/full") && Catch::Contains("No space left on device"));
  CHECK(fs::is_character_file("/dev/full"));
}

TEST_CASE("an output that is the input, or two outputs to one file, are refused and the files kept",
          "[cli][output]") {
  TempDir dir;
  const std::string input = dir / "in.json";
  fs::copy_file(asset("rr.json"), input);
  const std::string original = test::readFile(input);
  fs::create_symlink(input, dir / "alias.json");
  fs::create_hard_link(input, dir / "hard.json");
  SECTION("the same path") {
    const auto r = runProcsim("run " + input + " --svg " + input);
    CHECK(r.status == 2);
    CHECK_THAT(r.err, Catch::Contains("is also the input"));
  }
  SECTION("a symlink to the input") {
    const auto r = runProcsim("run " + input + " --trace-out " + (dir / "alias.json"));
    CHECK(r.status == 2);
    CHECK_THAT(r.err, Catch::Contains("is also the input"));
  }
  SECTION("a hard link to the input") {
    const auto r = runProcsim("run " + input + " --trace-out " + (dir / "hard.json"));
    CHECK(r.status == 2);
    CHECK_THAT(r.err, Catch::Contains("is also the input"));
  }
  SECTION("two outputs to one new file, spelt differently") {
    const auto r = runProcsim("run " + input + " --svg " + (dir / "x.out") + " --trace-out " + dir.path.string() +
                              "/./x.out");
    CHECK(r.status == 2);
    CHECK_THAT(r.err, Catch::Contains("is also the output"));
    CHECK_FALSE(fs::exists(dir / "x.out"));
  }
  CHECK(test::readFile(input) == original);
  CHECK(fs::is_symlink(dir / "alias.json"));
}

TEST_CASE("a write error on standard output is reported and the exit status is not 0", "[cli][output]") {
  const std::vector<std::string> commands{
      "run " + asset("rr.json"),
      "run " + asset("rr.json") + " --format json",
      "gen --processes 5",
      "check " + asset("rr.json"),
      "compare " + asset("rr.json") + " --policies fcfs,rr:2",
      "--help",
      "real ps 1",
  };
  for (const std::string& command : commands) {
    INFO(command);
    const auto r = runProcsim(command + " >/dev/full");
    CHECK(r.status != 0);
    CHECK_THAT(r.err, Catch::Contains("standard output") && Catch::Contains("No space left on device"));
  }
}
