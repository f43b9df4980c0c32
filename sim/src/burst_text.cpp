#include "sim/burst_text.hpp"

#include <charconv>

namespace sim {

ParsedBursts parseBurstText(std::string_view text) {
  ParsedBursts parsed;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == ' ' || text[i] == '\t' || text[i] == ',') {
      ++i;
      continue;
    }
    const std::size_t start = i;
    while (i < text.size() && text[i] != ' ' && text[i] != '\t' && text[i] != ',') ++i;
    const std::string_view token = text.substr(start, i - start);
    const std::size_t column = start + 1;
    const char letter = token[0];
    if (letter != 'c' && letter != 'C' && letter != 'i' && letter != 'I') {
      parsed.errors.push_back({column, "\"" + std::string(token) + "\": a burst is c<ticks> or i<ticks>"});
      continue;
    }
    const bool cpu = letter == 'c' || letter == 'C';
    std::string_view rest = token.substr(1);
    std::string device;
    if (const auto at = rest.find('@'); at != std::string_view::npos) {
      device = std::string(rest.substr(at + 1));
      rest = rest.substr(0, at);
      if (cpu || device.empty()) {
        parsed.errors.push_back({column, "\"" + std::string(token) + "\": only an IO burst names a device, as i3@disk"});
        continue;
      }
    }
    std::int64_t length = 0;
    const auto [end, error] = std::from_chars(rest.data(), rest.data() + rest.size(), length);
    if (rest.empty() || error != std::errc() || end != rest.data() + rest.size()) {
      parsed.errors.push_back({column, "\"" + std::string(token) + "\": the length must be a whole number of ticks"});
      continue;
    }
    if (length < 1 || length > kMaxBurstLength) {
      parsed.errors.push_back({column, "\"" + std::string(token) + "\": a burst lasts 1 to " +
                                           std::to_string(kMaxBurstLength) + " ticks"});
      continue;
    }
    const bool expect_cpu = parsed.bursts.empty() || parsed.bursts.back().kind == BurstKind::Io;
    if (cpu != expect_cpu) {
      parsed.errors.push_back({column, parsed.bursts.empty() ? "a process must begin with a CPU burst"
                                       : cpu ? "expected an IO burst after a CPU burst"
                                             : "expected a CPU burst after an IO burst"});
      continue;
    }
    parsed.bursts.push_back({static_cast<std::uint32_t>(length), 0, cpu ? BurstKind::Cpu : BurstKind::Io});
    parsed.devices.push_back(cpu ? "" : (device.empty() ? "io" : device));
  }
  if (parsed.errors.empty()) {
    if (parsed.bursts.empty()) {
      parsed.errors.push_back({1, "a process needs at least one CPU burst"});
    } else if (parsed.bursts.back().kind == BurstKind::Io) {
      parsed.errors.push_back({text.size(), "a process must end with a CPU burst"});
    }
  }
  return parsed;
}

std::string burstText(const Scenario& scenario, const ProcessSpec& process) {
  std::string text;
  for (const Burst& burst : process.bursts) {
    if (!text.empty()) text += ' ';
    text += burst.kind == BurstKind::Cpu ? 'c' : 'i';
    text += std::to_string(burst.length);
    if (burst.kind == BurstKind::Io && burst.device != 0 && burst.device < scenario.devices.size()) {
      text += '@' + scenario.devices[burst.device];
    }
  }
  return text;
}

void assignBursts(Scenario& scenario, ProcessSpec& process, const ParsedBursts& parsed) {
  process.bursts = parsed.bursts;
  for (std::size_t i = 0; i < process.bursts.size(); ++i) {
    if (process.bursts[i].kind == BurstKind::Io) process.bursts[i].device = scenario.deviceIndex(parsed.devices[i]);
  }
}

}  // namespace sim
