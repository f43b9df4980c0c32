// gui/model/burst_text.hpp: the compact burst notation of the scenario
// editor, e.g. "c5 i3 c2": CPU 5 ticks, IO 3 ticks, CPU 2 ticks.
// An IO burst may name its device: "i3@disk". Tokens are separated by
// spaces or commas; case does not matter.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sim/scenario.hpp"

namespace gui {

struct BurstParse {
  bool ok = false;
  std::vector<sim::Burst> bursts;
  std::string error;        // empty when ok; names the token, e.g. "token 2 \"x3\": ..."
  std::size_t error_at = 0; // byte offset of the offending token
};

// Parses `text`; IO devices are added to `scenario.devices` when new.
// Checks the shape the engine requires: CPU first and last, alternating.
BurstParse parseBursts(std::string_view text, sim::Scenario& scenario);

// The notation of `bursts` ("c5 i3 c2"); the inverse of parseBursts.
std::string formatBursts(const std::vector<sim::Burst>& bursts, const sim::Scenario& scenario);

}  // namespace gui
