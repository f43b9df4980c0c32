// process-run's programs: written out with -P, or drawn for a seed with -l.
#include <stdexcept>
#include <string>

#include "ostep/process_run.hpp"
#include "ostep/python_format.hpp"
#include "ostep/python_random.hpp"

namespace ostep {

namespace {

// text.split(separator), as Python splits: "" gives one empty piece.
std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> pieces;
  for (;;) {
    const std::size_t at = text.find(separator);
    pieces.push_back(text.substr(0, at));
    if (at == std::string_view::npos) return pieces;
    text.remove_prefix(at + 1);
  }
}

[[noreturn]] void tooMany(const std::string& place) {
  throw std::invalid_argument(place + ": more than " + std::to_string(kMaxProcessRunInstructions) +
                              " instructions in all");
}

// int(text) for a count of instructions: a negative count gives none, as
// range() of it is empty.
std::int64_t countOf(std::string_view text, const std::string& place) {
  const auto value = parsePythonDecimalInt(text);
  if (!value) throw std::invalid_argument(place + ": '" + std::string(text) + "' is not a whole number");
  if (value->negative) return 0;
  const auto count = value->toInt64();
  if (!count || *count > kMaxProcessRunInstructions) tooMany(place);
  return *count;
}

// Appends `count` instructions (an IO brings its IoDone), keeping `total`
// within kMaxProcessRunInstructions.
void append(Program& program, Instruction instruction, std::int64_t count, std::int64_t& total,
            const std::string& place) {
  const std::int64_t size = instruction == Instruction::Io ? 2 * count : count;
  if (size > kMaxProcessRunInstructions - total) tooMany(place);
  total += size;
  for (std::int64_t i = 0; i < count; ++i) {
    program.push_back(instruction);
    if (instruction == Instruction::Io) program.push_back(Instruction::IoDone);
  }
}

}  // namespace

std::string_view instructionName(Instruction instruction) {
  switch (instruction) {
    case Instruction::Cpu: return "cpu";
    case Instruction::Io: return "io";
    case Instruction::IoDone: return "io_done";
  }
  return "?";
}

std::vector<Program> parseProcessRunPrograms(std::string_view text) {
  std::vector<Program> programs;
  std::int64_t total = 0;
  for (const std::string_view source : split(text, ':')) {
    const std::string place = "option -P: process " + std::to_string(programs.size());
    Program program;
    for (const std::string_view item : split(source, ',')) {
      if (item.empty()) throw std::invalid_argument(place + ": an empty instruction");
      if (item[0] == 'c') {
        append(program, Instruction::Cpu, countOf(item.substr(1), place), total, place);
      } else if (item[0] == 'i') {
        append(program, Instruction::Io, 1, total, place);  // the tool ignores what follows the 'i'
      } else {
        throw std::invalid_argument(place + ": bad instruction '" + std::string(item) + "' (c<N> or i)");
      }
    }
    programs.push_back(std::move(program));
  }
  return programs;
}

std::vector<Program> drawProcessRunPrograms(std::string_view list, const PythonInt& seed) {
  // Every description is read before any is drawn: a refusal draws nothing.
  struct Description {
    std::int64_t count = 0;
    double chance_cpu = 0;
  };
  std::vector<Description> descriptions;
  for (const std::string_view item : split(list, ',')) {
    const std::string place = "option -l: process " + std::to_string(descriptions.size());
    const std::vector<std::string_view> parts = split(item, ':');
    if (parts.size() != 2) {
      throw std::invalid_argument(place + ": '" + std::string(item) +
                                  "' is not INSTRUCTIONS:PERCENT_CPU (for example 5:100)");
    }
    const std::int64_t count = countOf(parts[0], place);
    const auto percent = parsePythonFloat(parts[1]);
    if (!percent) throw std::invalid_argument(place + ": '" + std::string(parts[1]) + "' is not a number");
    descriptions.push_back({count, *percent / 100.0});
  }
  PythonRandom random(seed);
  std::vector<Program> programs;
  std::int64_t total = 0;
  for (const Description& description : descriptions) {
    const std::string place = "option -l: process " + std::to_string(programs.size());
    Program program;
    for (std::int64_t i = 0; i < description.count; ++i) {
      const bool cpu = random.random() < description.chance_cpu;
      append(program, cpu ? Instruction::Cpu : Instruction::Io, 1, total, place);
    }
    programs.push_back(std::move(program));
  }
  return programs;
}

}  // namespace ostep
