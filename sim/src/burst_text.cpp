#include "sim/burst_text.hpp"

#include <cctype>
#include <charconv>

namespace sim {

namespace {

bool isSeparator(char c) { return c == ' ' || c == '\t' || c == ','; }

// "token 2 \"x3\": message"
std::string aboutToken(std::size_t number, std::string_view token, const std::string& message) {
  return "token " + std::to_string(number) + " \"" + std::string(token) + "\": " + message;
}

}  // namespace

ParsedBursts parseBurstText(std::string_view text) {
  ParsedBursts parsed;
  std::size_t i = 0;
  std::size_t number = 0;
  std::size_t last_start = 0;
  std::string_view last_token;
  bool next_is_cpu = true;  // by position, so one bad token does not put the rest out of step
  while (i < text.size()) {
    if (isSeparator(text[i])) {
      ++i;
      continue;
    }
    const std::size_t start = i;
    while (i < text.size() && !isSeparator(text[i])) ++i;
    const std::string_view token = text.substr(start, i - start);
    ++number;
    last_start = start;
    last_token = token;
    const bool expect_cpu = next_is_cpu;
    next_is_cpu = !next_is_cpu;
    auto fail = [&](const std::string& message) { parsed.errors.push_back({start + 1, aboutToken(number, token, message)}); };
    const char letter = static_cast<char>(std::tolower(static_cast<unsigned char>(token[0])));
    if (letter != 'c' && letter != 'i' && letter != 'a') {
      fail("starts with 'c' (CPU), 'i' (IO) or 'a' (asynchronous IO)");
      continue;
    }
    const bool cpu = letter == 'c';
    std::string_view rest = token.substr(1);
    std::string device;
    if (const auto at = rest.find('@'); at != std::string_view::npos) {
      device = std::string(rest.substr(at + 1));
      rest = rest.substr(0, at);
      if (cpu) {
        fail("only IO bursts name a device, as i3@disk");
        continue;
      }
      if (device.empty()) {
        fail("device name missing after '@'");
        continue;
      }
    }
    std::int64_t length = 0;
    const auto [end, error] = std::from_chars(rest.data(), rest.data() + rest.size(), length);
    if (rest.empty() || error != std::errc() || end != rest.data() + rest.size()) {
      fail("needs a whole number of ticks, e.g. c5");
      continue;
    }
    if (length < 1 || length > kMaxBurstLength) {
      fail("a burst lasts 1 to " + std::to_string(kMaxBurstLength) + " ticks");
      continue;
    }
    if (cpu != expect_cpu) {
      fail(number == 1 ? "a process must begin with a CPU burst"
           : cpu                 ? "expected an IO burst after a CPU burst (bursts alternate c, i, c)"
                                 : "expected a CPU burst after an IO burst (bursts alternate c, i, c)");
      continue;
    }
    parsed.bursts.push_back({static_cast<std::uint32_t>(length), 0, cpu ? BurstKind::Cpu : BurstKind::Io, letter == 'a'});
    parsed.devices.push_back(cpu ? "" : (device.empty() ? "io" : device));
  }
  if (parsed.errors.empty()) {
    if (parsed.bursts.empty()) {
      parsed.errors.push_back({1, "no bursts: write them like \"c5 i3 c2\""});
    } else if (number % 2 == 0) {  // an even count ends on IO
      parsed.errors.push_back({last_start + 1, aboutToken(number, last_token, "a process must end with a CPU burst")});
    }
  }
  return parsed;
}

std::string burstText(const Scenario& scenario, const ProcessSpec& process) {
  std::string text;
  for (const Burst& burst : process.bursts) {
    if (!text.empty()) text += ' ';
    text += burst.kind == BurstKind::Cpu ? 'c' : (burst.async ? 'a' : 'i');
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
