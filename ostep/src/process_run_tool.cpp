// procsim ostep process-run: process-run.py's flags, its table and its
// Stats lines; the prose around them is procsim's own.
#include <array>
#include <stdexcept>

#include "ostep/process_run.hpp"
#include "ostep/python_format.hpp"
#include "ostep/tool_options.hpp"
#include "ostep/tools.hpp"
#include "tool_support.hpp"

namespace ostep {

namespace {

// process-run.py's flags and defaults.
constexpr std::array kSpecs{
    OptionSpec{'s', "seed", OptionKind::Int, "0", "seed of the programs drawn for -l"},
    OptionSpec{'P', "program", OptionKind::String, "", "the programs, written out: c3,i,c1:c2 (overrides -l)"},
    OptionSpec{'l', "processlist", OptionKind::String, "",
               "processes to draw, X:Y,...: X instructions, each a CPU one with chance Y percent"},
    OptionSpec{'L', "iolength", OptionKind::Int, "5", "ticks an IO takes"},
    OptionSpec{'S', "switch", OptionKind::String, "SWITCH_ON_IO", "when the CPU switches: SWITCH_ON_IO or SWITCH_ON_END"},
    OptionSpec{'I', "iodone", OptionKind::String, "IO_RUN_LATER",
               "when a process whose IO ended runs: IO_RUN_LATER or IO_RUN_IMMEDIATE"},
    OptionSpec{'c', "", OptionKind::Flag, "", "show the answers"},
    OptionSpec{'p', "printstats", OptionKind::Flag, "", "with -c, the totals at the end"},
};
const OptionSpec& spec(char letter) { return specOf(kSpecs, letter); }

SwitchRule switchRuleNamed(const std::string& name) {
  if (name == "SWITCH_ON_IO") return SwitchRule::OnIo;
  if (name == "SWITCH_ON_END") return SwitchRule::OnEnd;
  throw BadInput("option -S: no rule '" + name + "' (SWITCH_ON_IO or SWITCH_ON_END)");
}

IoDoneRule ioDoneRuleNamed(const std::string& name) {
  if (name == "IO_RUN_LATER") return IoDoneRule::RunLater;
  if (name == "IO_RUN_IMMEDIATE") return IoDoneRule::RunImmediate;
  throw BadInput("option -I: no rule '" + name + "' (IO_RUN_LATER or IO_RUN_IMMEDIATE)");
}

ProcessRunSetup setupFrom(const ToolOptions& options) {
  ProcessRunSetup setup;
  setup.switch_rule = switchRuleNamed(options.text(spec('S')));
  setup.io_done_rule = ioDoneRuleNamed(options.text(spec('I')));
  const std::string program = options.text(spec('P'));
  const std::string list = options.text(spec('l'));
  if (program.empty() && list.empty()) throw BadInput("no processes: give -l X:Y,... or -P c3,i,...");
  try {
    setup.programs = program.empty() ? drawProcessRunPrograms(list, options.integer(spec('s')))
                                     : parseProcessRunPrograms(program);
  } catch (const std::invalid_argument& error) {
    throw BadInput(error.what());
  }
  setup.io_length = integerOption(options, spec('L'));
  if (setup.io_length < 0) throw BadInput("option -L: an IO cannot take less than 0 ticks");
  if (setup.io_length > sim::kMaxBurstLength) {
    throw BadInput("option -L: at most " + std::to_string(sim::kMaxBurstLength) + " ticks");
  }
  return setup;
}

// Python's '%Ns' % text: right-aligned in `width`, never cut.
void appendPadded(std::string& line, std::string_view text, std::size_t width) {
  if (text.size() < width) line.append(width - text.size(), ' ');
  line.append(text);
}

// [Data lines] Laid out exactly as process-run.py lays them out.
std::string headerLine(std::size_t processes) {
  std::string line = "Time";
  for (std::size_t pid = 0; pid < processes; ++pid) {
    std::string name = "PID:";
    appendPadded(name, std::to_string(pid), 2);
    appendPadded(line, name, 14);
  }
  appendPadded(line, "CPU", 14);
  appendPadded(line, "IOs", 14);
  return line + "\n";
}

void appendRow(std::string& line, const ProcessRunTick& row) {
  line.clear();
  appendPadded(line, std::to_string(row.tick), 3);
  line += row.io_done ? '*' : ' ';
  for (std::size_t pid = 0; pid < row.states.size(); ++pid) {
    if (static_cast<int>(pid) == row.executed_by) {
      appendPadded(line, std::string("RUN:").append(instructionName(row.executed)), 14);
    } else {
      appendPadded(line, processStateName(row.states[pid]), 14);
    }
  }
  appendPadded(line, row.executed_by >= 0 ? "1" : " ", 14);
  if (row.ios_in_flight > 0) appendPadded(line, std::to_string(row.ios_in_flight), 14);
  else line.append(10, ' ');
  line += '\n';
}

std::string statsLines(const ProcessRunMachine& machine) {
  const double total = static_cast<double>(machine.clock());
  const auto percent = [&](std::int64_t busy) {
    return std::string(" (").append(formatFixed(100.0 * static_cast<double>(busy) / total, 0, 2)).append("%)\n");
  };
  return "\nStats: Total Time " + std::to_string(machine.clock()) + "\nStats: CPU Busy " +
         std::to_string(machine.cpuBusy()) + percent(machine.cpuBusy()) + "Stats: IO Busy  " +
         std::to_string(machine.ioBusy()) + percent(machine.ioBusy()) + "\n";
}

std::string describe(const ProcessRunSetup& setup) {
  std::string text = "OSTEP process-run: " + std::to_string(setup.programs.size()) +
                     (setup.programs.size() == 1 ? " process" : " processes") + " on one CPU; an IO takes " +
                     std::to_string(setup.io_length) + " ticks.\n";
  text += setup.switch_rule == SwitchRule::OnIo
              ? "The CPU goes to the next ready process when the running one issues an IO or ends (SWITCH_ON_IO).\n"
              : "The CPU goes to the next ready process only when the running one ends (SWITCH_ON_END).\n";
  text += setup.io_done_rule == IoDoneRule::RunLater
              ? "A process whose IO ends waits for its turn (IO_RUN_LATER).\n"
              : "A process whose IO ends takes the CPU at once (IO_RUN_IMMEDIATE).\n";
  return text;
}

int answer(const ToolOptions& options, std::ostream& out) {
  ProcessRunSetup setup = setupFrom(options);
  Output text(out);
  text += describe(setup) + "\n";
  if (!options.flag("c")) {
    for (std::size_t pid = 0; pid < setup.programs.size(); ++pid) {
      std::string line = "Process " + std::to_string(pid) + ":";
      for (const Instruction instruction : setup.programs[pid]) line.append(" ").append(instructionName(instruction));
      if (setup.programs[pid].empty()) line += " (no instructions)";
      text += line + "\n";
    }
    text +=
        "\nFor each tick, write down what every process does, whether the CPU is busy and how\n"
        "many IOs are in flight. Then run the same command with -c to check (and -p for totals).\n";
    return kToolOk;
  }
  const std::size_t processes = setup.programs.size();
  ProcessRunMachine machine(std::move(setup));
  text += headerLine(processes);
  ProcessRunTick row;
  std::string line;
  while (!machine.finished()) {
    machine.step(row);
    appendRow(line, row);
    text += line;
  }
  if (options.flag("printstats")) text += statsLines(machine);
  return kToolOk;
}

}  // namespace

int runProcessRunTool(std::span<const std::string> args, std::ostream& out, std::ostream& err) {
  const ToolFrame frame{"process-run", "procsim ostep process-run [flags]",
                        "OSTEP's process-run homework (chapter 4): processes that compute and issue IOs on\n"
                        "one CPU. Without -c it shows the programs and asks; with -c it answers tick by tick.",
                        kSpecs};
  return runTool(frame, args, out, err, answer);
}

}  // namespace ostep
