// Expected tables were printed by OSTEP's process-run.py under python3 3.11
// with the same flags; the public cases in tests/data/ostep are checked by
// ctest ("ostep case: process-run_...").
#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "ostep/process_run.hpp"
#include "tool_run.hpp"
#include "sim/engine.hpp"
#include "sim/metrics.hpp"

namespace {

using Run = ostep_test::ToolRun;

Run processRun(const std::vector<std::string>& args) { return ostep_test::runTool(ostep::runProcessRunTool, args); }

// The lines the tool's answer and procsim's share: the table and the Stats.
std::vector<std::string> dataLines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    const std::size_t digits = line.find_first_not_of(' ');
    const bool row = digits != std::string::npos && line.size() > 3 && std::isdigit(line[digits]) != 0 &&
                     (line[3] == ' ' || line[3] == '*');
    if (line.starts_with("Time") || line.starts_with("Stats:") || row) lines.push_back(line);
  }
  return lines;
}

}  // namespace

TEST_CASE("an IO takes one CPU tick, io_length blocked ticks, then io_done at the tick it ends", "[ostep][process-run]") {
  // python3 process-run.py -P c1,i -L 2 -c -p
  const Run run = processRun({"-P", "c1,i", "-L", "2", "-c", "-p"});
  REQUIRE(run.status == 0);
  CHECK(dataLines(run.out) == std::vector<std::string>{
                                  "Time        PID: 0           CPU           IOs",
                                  "  1        RUN:cpu             1          ",
                                  "  2         RUN:io             1          ",
                                  "  3        BLOCKED                           1",
                                  "  4        BLOCKED                           1",
                                  "  5*   RUN:io_done             1          ",
                                  "Stats: Total Time 5",
                                  "Stats: CPU Busy 3 (60.00%)",
                                  "Stats: IO Busy  2 (40.00%)",
                              });
}

TEST_CASE("under SWITCH_ON_END the CPU idles while the running process waits for its IO", "[ostep][process-run]") {
  // python3 process-run.py -P i,c1:c3 -L 1 -S SWITCH_ON_END -c -p
  const Run run = processRun({"-P", "i,c1:c3", "-L", "1", "-S", "SWITCH_ON_END", "-c", "-p"});
  REQUIRE(run.status == 0);
  CHECK(dataLines(run.out) == std::vector<std::string>{
                                  "Time        PID: 0        PID: 1           CPU           IOs",
                                  "  1         RUN:io         READY             1          ",
                                  "  2        BLOCKED         READY                           1",
                                  "  3*   RUN:io_done         READY             1          ",
                                  "  4        RUN:cpu         READY             1          ",
                                  "  5           DONE       RUN:cpu             1          ",
                                  "  6           DONE       RUN:cpu             1          ",
                                  "  7           DONE       RUN:cpu             1          ",
                                  "Stats: Total Time 7",
                                  "Stats: CPU Busy 6 (85.71%)",
                                  "Stats: IO Busy  1 (14.29%)",
                              });
}

TEST_CASE("under IO_RUN_IMMEDIATE the next process by number follows, not the one that waited longest",
          "[ostep][process-run]") {
  // python3 process-run.py -P i:c3:c3 -L 1 -I IO_RUN_IMMEDIATE -c -p
  const Run run = processRun({"-P", "i:c3:c3", "-L", "1", "-I", "IO_RUN_IMMEDIATE", "-c", "-p"});
  REQUIRE(run.status == 0);
  const auto lines = dataLines(run.out);
  REQUIRE(lines.size() == 1 + 8 + 3);
  CHECK(lines[2] == "  2        BLOCKED       RUN:cpu         READY             1             1");
  CHECK(lines[3] == "  3*   RUN:io_done         READY         READY             1          ");
  CHECK(lines[4] == "  4           DONE       RUN:cpu         READY             1          ");
  CHECK(lines[6] == "  6           DONE          DONE       RUN:cpu             1          ");
  CHECK(lines.back() == "Stats: IO Busy  1 (12.50%)");
}

TEST_CASE("an IO of length 0 ends at the next tick, and the process then waits for its turn", "[ostep][process-run]") {
  // python3 process-run.py -P i:c1 -L 0 -c -p
  const Run run = processRun({"-P", "i:c1", "-L", "0", "-c", "-p"});
  REQUIRE(run.status == 0);
  CHECK(dataLines(run.out) == std::vector<std::string>{
                                  "Time        PID: 0        PID: 1           CPU           IOs",
                                  "  1         RUN:io         READY             1          ",
                                  "  2*         READY       RUN:cpu             1          ",
                                  "  3    RUN:io_done          DONE             1          ",
                                  "Stats: Total Time 3",
                                  "Stats: CPU Busy 3 (100.00%)",
                                  "Stats: IO Busy  0 (0.00%)",
                              });
}

TEST_CASE("a process without instructions still spends one idle tick running", "[ostep][process-run]") {
  // python3 process-run.py -P c0:c1 -c -p
  const Run run = processRun({"-P", "c0:c1", "-c", "-p"});
  REQUIRE(run.status == 0);
  const auto lines = dataLines(run.out);
  REQUIRE(lines.size() == 1 + 2 + 3);
  CHECK(lines[1] == "  1        RUNNING         READY                        ");
  CHECK(lines[2] == "  2           DONE       RUN:cpu             1          ");
  CHECK(lines[4] == "Stats: CPU Busy 1 (50.00%)");
}

TEST_CASE("-l draws each instruction from Python's random for the seed, process after process",
          "[ostep][process-run]") {
  // python3 process-run.py -s 1 -l 3:50,3:50 (the question lists the programs)
  using ostep::Instruction;
  const auto programs = ostep::drawProcessRunPrograms("3:50,3:50", ostep::PythonInt::fromInt64(1));
  REQUIRE(programs.size() == 2);
  CHECK(programs[0] == ostep::Program{Instruction::Cpu, Instruction::Io, Instruction::IoDone, Instruction::Io,
                                      Instruction::IoDone});
  CHECK(programs[1] == ostep::Program{Instruction::Cpu, Instruction::Cpu, Instruction::Cpu});
  const Run question = processRun({"-s", "1", "-l", "3:50,3:50"});
  REQUIRE(question.status == 0);
  CHECK(question.out.find("Process 0: cpu io io_done io io_done\n") != std::string::npos);
  CHECK(dataLines(question.out).empty());
}

TEST_CASE("without -p the table ends the answer, with no Stats lines", "[ostep][process-run]") {
  const Run run = processRun({"-P", "c2", "-c"});
  REQUIRE(run.status == 0);
  CHECK(dataLines(run.out).size() == 3);
  CHECK(run.out.find("Stats:") == std::string::npos);
}

TEST_CASE("where the models coincide the engine's run of the same scenario takes as long and keeps the CPU as busy",
          "[ostep][process-run][engine]") {
  // SWITCH_ON_END with any number of processes; SWITCH_ON_IO with two, where
  // "the next by number" and "the first in the ready queue" are the same one.
  using Rules = std::pair<ostep::SwitchRule, const char*>;
  const auto [switch_rule, list] = GENERATE(values<Rules>({{ostep::SwitchRule::OnEnd, "5:50,4:30,6:80"},
                                                           {ostep::SwitchRule::OnIo, "5:50,6:70"}}));
  const auto seed = GENERATE(range(0, 40));
  const auto io_length = GENERATE(1, 3, 5);
  ostep::ProcessRunSetup setup;
  setup.programs = ostep::drawProcessRunPrograms(list, ostep::PythonInt::fromInt64(seed));
  setup.switch_rule = switch_rule;
  setup.io_length = io_length;
  ostep::ProcessRunMachine machine(setup);
  ostep::ProcessRunTick row;
  while (!machine.finished()) machine.step(row);

  sim::EngineOptions options;
  options.snapshots = false;
  sim::Engine engine(ostep::processRunScenario(setup), options);
  engine.runToEnd();
  const sim::RunMetrics metrics = sim::computeMetrics(engine, false);
  CHECK(metrics.makespan == machine.clock());
  CHECK(metrics.busy_ticks == machine.cpuBusy());
}

TEST_CASE("bad process-run input is refused with one line and status 2", "[ostep][process-run]") {
  using Case = std::pair<std::vector<std::string>, std::string>;
  const auto [args, message] = GENERATE(values<Case>({
      {{"-x"}, "no such option: -x"},
      {{"-c"}, "no processes: give -l X:Y,... or -P c3,i,..."},
      {{"-l", "5"}, "option -l: process 0: '5' is not INSTRUCTIONS:PERCENT_CPU (for example 5:100)"},
      {{"-l", "5:100,x:50"}, "option -l: process 1: 'x' is not a whole number"},
      {{"-l", "5:half"}, "option -l: process 0: 'half' is not a number"},
      {{"-P", "c3,x2"}, "option -P: process 0: bad instruction 'x2' (c<N> or i)"},
      {{"-P", "c3::c1"}, "option -P: process 1: an empty instruction"},
      {{"-P", "c"}, "option -P: process 0: '' is not a whole number"},
      {{"-P", "c20000000"}, "option -P: process 0: more than 10000000 instructions in all"},
      {{"-l", "5:50", "-S", "SWITCH_NEVER"}, "option -S: no rule 'SWITCH_NEVER' (SWITCH_ON_IO or SWITCH_ON_END)"},
      {{"-l", "5:50", "-I", "LATER"}, "option -I: no rule 'LATER' (IO_RUN_LATER or IO_RUN_IMMEDIATE)"},
      {{"-l", "5:50", "-L", "-1"}, "option -L: an IO cannot take less than 0 ticks"},
      {{"-l", "5:50", "-L", "0x1000000000000000000"}, "option -L: value out of range"},
  }));
  const Run run = processRun(args);
  CHECK(run.status == 2);
  CHECK(run.out.empty());
  CHECK(run.err == "procsim ostep process-run: " + message + "\n");
}
