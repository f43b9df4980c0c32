// Reading a scenario file is bounded: endless or oversized input is refused
// after at most kMaxScenarioFileBytes (256 MiB), and a NUL byte is an error
// that names its place.
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "run_procsim.hpp"

using test::runProcsim;

TEST_CASE("endless input such as /dev/zero is refused with exit 2 in bounded time and memory", "[cli][input]") {
  // 1 GB of address space is far more than the 256 MiB limit needs, and far
  // less than reading /dev/zero to the end would take.
  const auto start = std::chrono::steady_clock::now();
  const auto from_file = runProcsim("validate /dev/zero", "");
  const auto elapsed = std::chrono::steady_clock::now() - start;
  INFO(from_file.err);
  CHECK(from_file.status == 2);
  CHECK_THAT(from_file.err, Catch::Contains("/dev/zero"));
  CHECK(elapsed < std::chrono::seconds(20));
  const std::string limited = "ulimit -v 1000000; " + std::string(PROCSIM_BIN) + " validate /dev/zero 2>/dev/null";
  CHECK(WEXITSTATUS(std::system(limited.c_str())) == 2);
}

TEST_CASE("a scenario file longer than 256 MiB is refused before it is read", "[cli][input]") {
  const auto path = std::filesystem::temp_directory_path() / ("procsim-big-" + std::to_string(::getpid()) + ".json");
  {
    std::ofstream out(path, std::ios::binary);
    out << "{\"processes\": []}";
  }
  std::filesystem::resize_file(path, (std::size_t{256} << 20) + 1);  // sparse: no disk used
  const auto r = runProcsim("validate " + path.string());
  std::filesystem::remove(path);
  CHECK(r.status == 2);
  CHECK_THAT(r.err, Catch::Contains("longer than 256 MiB"));
}

TEST_CASE("endless text on standard input is refused after 256 MiB", "[cli][input]") {
  const std::string command = "ulimit -v 2000000; yes | " + std::string(PROCSIM_BIN) + " validate - 2>&1 >/dev/null";
  FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::string err;
  char buffer[512];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) err.append(buffer, n);
  const int status = ::pclose(pipe);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 2);
  CHECK_THAT(err, Catch::Contains("<stdin>: longer than 256 MiB"));
}

TEST_CASE("a NUL byte in a scenario file is an error naming its line and column", "[cli][input]") {
  const auto path = std::filesystem::temp_directory_path() / ("procsim-nul-" + std::to_string(::getpid()) + ".json");
  std::string text = "{\n  \"cores\": 1,\n  \"processes\": [\n";
  text += '\0';
  text += "]}\n";
  {
    std::ofstream out(path, std::ios::binary);
    out << text;
  }
  const auto r = runProcsim("validate " + path.string());
  const auto piped = runProcsim("validate -", text);
  std::filesystem::remove(path);
  CHECK(r.status == 2);
  CHECK_THAT(r.err, Catch::Contains(path.string() + ": line 4, column 1") && Catch::Contains("NUL byte"));
  CHECK(piped.status == 2);
  CHECK_THAT(piped.err, Catch::Contains("<stdin>: line 4, column 1"));
}
