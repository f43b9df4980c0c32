// sim/burst_text.hpp: bursts written compactly, as in "c5 i3 c2" (CPU 5,
// IO 3, CPU 2). An IO burst may name its device: "i3@disk"; "a3" is an
// asynchronous IO (the process runs on while it is served). Used by the
// GUI's scenario editor and by tests.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sim/scenario.hpp"

namespace sim {

struct BurstTextError {
  std::size_t column = 0;   // 1-based column in the text where the problem starts
  std::string message;      // e.g. "token 2 \"x3\": starts with 'c' (CPU) or 'i' (IO)"
};

struct ParsedBursts {
  std::vector<Burst> bursts;
  std::vector<std::string> devices;   // device name of each burst ("" for CPU)
  std::vector<BurstTextError> errors; // empty when the text is valid
};

// Parses and checks the text: tokens c<N>, i<N>[@device] or a<N>[@device] (either case)
// separated by spaces or commas, lengths 1..kMaxBurstLength, alternating,
// first and last CPU. Every bad token is reported, not only the first.
ParsedBursts parseBurstText(std::string_view text);

// Writes bursts back in the same form ("c5 i3@disk c2").
std::string burstText(const Scenario& scenario, const ProcessSpec& process);

// Puts parsed bursts into a process of `scenario`, interning device names.
void assignBursts(Scenario& scenario, ProcessSpec& process, const ParsedBursts& parsed);

}  // namespace sim
