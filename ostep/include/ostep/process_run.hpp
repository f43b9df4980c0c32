// ostep/process_run.hpp: OSTEP's process-run.py (chapter 4): processes of
// CPU and IO instructions on one CPU, tick by tick, with the tool's
// programs for a seed and its rules for switching (docs/ostep.md lists the
// flags and where the model differs from procsim's engine).
#pragma once

#include <cstdint>
#include <deque>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ostep/python_int.hpp"
#include "sim/scenario.hpp"

namespace ostep {

// [Programs] One instruction takes one tick of CPU. An IO is always
// followed by the IoDone that handles its completion.
enum class Instruction : std::uint8_t { Cpu, Io, IoDone };
std::string_view instructionName(Instruction instruction);  // "cpu", "io", "io_done"

using Program = std::vector<Instruction>;

// The most instructions procsim loads in all (the tool has no limit).
inline constexpr std::int64_t kMaxProcessRunInstructions = 10'000'000;

// -P: processes separated by ':', each a list like "c7,i,c1" (compute 7
// ticks, an IO, compute 1). Throws std::invalid_argument naming the place.
std::vector<Program> parseProcessRunPrograms(std::string_view text);
// -l: "X:Y,..." where X instructions are drawn each as a CPU one with
// chance Y percent (random() < Y/100), one process after another from the
// generator seeded with `seed`. Throws std::invalid_argument naming the place.
std::vector<Program> drawProcessRunPrograms(std::string_view list, const PythonInt& seed);

// [Rules] -S and -I.
enum class SwitchRule : std::uint8_t { OnIo, OnEnd };           // SWITCH_ON_IO, SWITCH_ON_END
enum class IoDoneRule : std::uint8_t { RunLater, RunImmediate };  // IO_RUN_LATER, IO_RUN_IMMEDIATE

struct ProcessRunSetup {
  std::vector<Program> programs;  // at least one
  SwitchRule switch_rule = SwitchRule::OnIo;
  IoDoneRule io_done_rule = IoDoneRule::RunLater;
  std::int64_t io_length = 5;     // ticks an IO is in flight, 0 .. sim::kMaxBurstLength
};

// [Machine] The tool's clock: ticks 1, 2, ...; in each, an IO due at that
// tick ends first (at most one can: IOs start one per tick and all last
// io_length), then the running process executes one instruction.
enum class ProcessState : std::uint8_t { Ready, Running, Blocked, Done };
std::string_view processStateName(ProcessState state);  // as the tool prints it: "READY", ..., "BLOCKED"

// One row of the tool's table.
struct ProcessRunTick {
  std::int64_t tick = 0;
  bool io_done = false;          // an IO ended at this tick (the tool marks it '*')
  int executed_by = -1;          // the process that ran an instruction, -1: the CPU idled
  Instruction executed = Instruction::Cpu;
  std::vector<ProcessState> states;  // every process while the instruction ran
  std::int64_t ios_in_flight = 0;    // IOs that end after this tick
};

class ProcessRunMachine {
 public:
  explicit ProcessRunMachine(ProcessRunSetup setup);
  bool finished() const { return done_ == states_.size(); }
  void step(ProcessRunTick& row);  // one tick; `row` is reused to spare allocations
  std::int64_t cpuBusy() const { return cpu_busy_; }  // ticks in which an instruction ran
  std::int64_t ioBusy() const { return io_busy_; }    // ticks with an IO in flight
  std::int64_t clock() const { return clock_; }       // the last tick

 private:
  struct PendingIo {
    std::int64_t ends = 0;
    int process = 0;
  };
  void runNext();          // the next ready process after the current one, by number, wrapping
  void run(int process);
  void finishIfDone();
  std::int64_t runnable() const;

  ProcessRunSetup setup_;
  std::vector<std::size_t> next_instruction_;
  std::vector<ProcessState> states_;
  std::deque<PendingIo> pending_;  // in order of their ends
  std::size_t done_ = 0;
  int current_ = 0;
  std::int64_t clock_ = 0;
  std::int64_t cpu_busy_ = 0;
  std::int64_t io_busy_ = 0;
};

// The same processes as a procsim scenario: one core, fcfs, a CPU burst per
// run of instructions (an IO instruction ends its burst, the IoDone starts
// the next), an IO burst of io_length between; SWITCH_ON_END is
// multiprogramming off, IO_RUN_IMMEDIATE is wakeup_preempts. Processes
// without instructions get one tick (the tool spends a tick on them too);
// io_length 0 becomes 1 (the engine's shortest burst).
sim::Scenario processRunScenario(const ProcessRunSetup& setup);

// `procsim ostep process-run [flags]` (ostep/tools.hpp).
int runProcessRunTool(std::span<const std::string> args, std::ostream& out, std::ostream& err);

}  // namespace ostep
