// Expected data lines were printed by OSTEP's scheduler.py under python3
// 3.11 with the same flags; the public cases in tests/data/ostep are
// checked by ctest ("ostep case: scheduler_...").
#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "ostep/scheduler_tool.hpp"
#include "tool_run.hpp"

namespace {

using Run = ostep_test::ToolRun;

Run scheduler(const std::vector<std::string>& args) { return ostep_test::runTool(ostep::runSchedulerTool, args); }

// The lines the tool's answer and procsim's share: trace, per job, average.
std::vector<std::string> dataLines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (line.starts_with("  [ time") || line.starts_with("  Job") || line.starts_with("  Average")) {
      lines.push_back(line);
    }
  }
  return lines;
}

}  // namespace

TEST_CASE("round robin with decimal lengths keeps the tool's clock", "[ostep][scheduler]") {
  // python3 scheduler.py -p RR -l 2.5,0.1,1.25 -q 1 -c
  const Run run = scheduler({"-p", "RR", "-l", "2.5,0.1,1.25", "-q", "1", "-c"});
  REQUIRE(run.status == 0);
  CHECK(dataLines(run.out) == std::vector<std::string>{
                                  "  Job 0 ( length = 2.5 )",
                                  "  Job 1 ( length = 0.1 )",
                                  "  Job 2 ( length = 1.25 )",
                                  "  [ time   0 ] Run job   0 for 1.00 secs",
                                  "  [ time   1 ] Run job   1 for 0.10 secs ( DONE at 1.10 )",
                                  "  [ time   1 ] Run job   2 for 1.00 secs",
                                  "  [ time   2 ] Run job   0 for 1.00 secs",
                                  "  [ time   3 ] Run job   2 for 0.25 secs ( DONE at 3.35 )",
                                  "  [ time   3 ] Run job   0 for 0.50 secs ( DONE at 3.85 )",
                                  "  Job   0 -- Response: 0.00  Turnaround 3.85  Wait 1.35",
                                  "  Job   1 -- Response: 1.00  Turnaround 1.10  Wait 1.00",
                                  "  Job   2 -- Response: 1.10  Turnaround 3.35  Wait 2.10",
                                  "  Average -- Response: 0.70  Turnaround 2.77  Wait 1.48",
                              });
}

TEST_CASE("ten jobs of 0.1 end at the float sum 0.9999999999999999, printed as time 0", "[ostep][scheduler]") {
  // python3 scheduler.py -p SJF -l 0.1,0.1,0.1,0.1,0.1,0.1,0.1,0.1,0.1,0.1,0.7 -c
  const Run run = scheduler({"-p", "SJF", "-l", "0.1,0.1,0.1,0.1,0.1,0.1,0.1,0.1,0.1,0.1,0.7", "-c"});
  REQUIRE(run.status == 0);
  const auto lines = dataLines(run.out);
  REQUIRE(lines.size() == 11 + 11 + 11 + 1);
  CHECK(lines[21] == "  [ time   0 ] Run job 10 for 0.70 secs ( DONE at 1.70 )");
  CHECK(lines.back() == "  Average -- Response: 0.50  Turnaround 0.65  Wait 0.50");
}

TEST_CASE("without -c the tool lists the jobs and asks, with no answers", "[ostep][scheduler]") {
  const Run run = scheduler({"-s", "100"});
  REQUIRE(run.status == 0);
  CHECK(dataLines(run.out) == std::vector<std::string>{"  Job 0 ( length = 2 )", "  Job 1 ( length = 5 )",
                                                       "  Job 2 ( length = 8 )"});
  CHECK(run.out.find("-c") != std::string::npos);
}

TEST_CASE("a job alone under round robin is still shown one slice at a time", "[ostep][scheduler]") {
  const Run run = scheduler({"-p", "RR", "-l", "3", "-q", "1", "-c"});
  REQUIRE(run.status == 0);
  const auto lines = dataLines(run.out);
  REQUIRE(lines.size() == 1 + 3 + 1 + 1);
  CHECK(lines[1] == "  [ time   0 ] Run job   0 for 1.00 secs");
  CHECK(lines[2] == "  [ time   1 ] Run job   0 for 1.00 secs");
  CHECK(lines[3] == "  [ time   2 ] Run job   0 for 1.00 secs ( DONE at 3.00 )");
}

TEST_CASE("bad scheduler input is refused with one line and status 2", "[ostep][scheduler]") {
  using Case = std::pair<std::vector<std::string>, std::string>;
  const auto [args, message] = GENERATE(values<Case>({
      {{"-x"}, "no such option: -x"},
      {{"-p", "LIFO"}, "option -p: no policy 'LIFO' (FIFO, SJF or RR)"},
      {{"-l", "3,,4"}, "option -l: job 1: '' is not a number"},
      {{"-l", "0,3", "-c"}, "job 0 has length 0.0; procsim runs lengths above 0"},
      {{"-p", "RR", "-q", "0", "-c"}, "option -q: the quantum must be at least 1"},
      {{"-j", "0", "-c"}, "no jobs to run (-j 0)"},
      {{"-l", "1.0000001", "-c"}, "a job length has more than 6 decimals"},
  }));
  const Run run = scheduler(args);
  CHECK(run.status == 2);
  CHECK(run.out.empty());
  CHECK(run.err == "procsim ostep scheduler: " + message + "\n");
}
