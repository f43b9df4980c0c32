#include "model/burst_text.hpp"

#include <cctype>
#include <charconv>

namespace gui {
namespace {

struct Token {
  std::string_view text;
  std::size_t offset = 0;
};

std::vector<Token> splitTokens(std::string_view text) {
  std::vector<Token> tokens;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == ',' || text[i] == '\t')) ++i;
    const std::size_t start = i;
    while (i < text.size() && text[i] != ' ' && text[i] != ',' && text[i] != '\t') ++i;
    if (i > start) tokens.push_back({text.substr(start, i - start), start});
  }
  return tokens;
}

std::string describe(std::size_t index, const Token& token, const std::string& message) {
  return "token " + std::to_string(index + 1) + " \"" + std::string(token.text) + "\": " + message;
}

}  // namespace

BurstParse parseBursts(std::string_view text, sim::Scenario& scenario) {
  BurstParse result;
  const auto tokens = splitTokens(text);
  if (tokens.empty()) {
    result.error = "no bursts: write them like \"c5 i3 c2\"";
    return result;
  }
  for (std::size_t index = 0; index < tokens.size(); ++index) {
    const Token& token = tokens[index];
    const char letter = static_cast<char>(std::tolower(static_cast<unsigned char>(token.text[0])));
    auto fail = [&](const std::string& message) {
      result.error = describe(index, token, message);
      result.error_at = token.offset;
      result.bursts.clear();
      return result;
    };
    if (letter != 'c' && letter != 'i') return fail("starts with 'c' (CPU) or 'i' (IO)");
    std::string_view rest = token.text.substr(1);
    std::string_view device;
    if (const auto at = rest.find('@'); at != std::string_view::npos) {
      device = rest.substr(at + 1);
      rest = rest.substr(0, at);
      if (letter == 'c') return fail("only IO bursts name a device");
      if (device.empty()) return fail("device name missing after '@'");
    }
    std::int64_t length = 0;
    const auto [end, code] = std::from_chars(rest.data(), rest.data() + rest.size(), length);
    if (rest.empty() || code != std::errc() || end != rest.data() + rest.size())
      return fail("needs a whole number of ticks, e.g. c5");
    if (length < 1 || length > sim::kMaxBurstLength)
      return fail("length must be 1.." + std::to_string(sim::kMaxBurstLength));
    const bool expect_cpu = index % 2 == 0;
    if (expect_cpu != (letter == 'c'))
      return fail(expect_cpu ? "expected a CPU burst here (bursts alternate c, i, c)"
                             : "expected an IO burst here (bursts alternate c, i, c)");
    sim::Burst burst;
    burst.length = static_cast<std::uint32_t>(length);
    burst.kind = letter == 'c' ? sim::BurstKind::Cpu : sim::BurstKind::Io;
    if (!device.empty()) burst.device = scenario.deviceIndex(std::string(device));
    result.bursts.push_back(burst);
  }
  if (result.bursts.back().kind != sim::BurstKind::Cpu) {
    const Token& last = tokens.back();
    result.error = describe(tokens.size() - 1, last, "the last burst must be CPU");
    result.error_at = last.offset;
    result.bursts.clear();
    return result;
  }
  result.ok = true;
  return result;
}

std::string formatBursts(const std::vector<sim::Burst>& bursts, const sim::Scenario& scenario) {
  std::string text;
  for (const sim::Burst& burst : bursts) {
    if (!text.empty()) text += ' ';
    text += burst.kind == sim::BurstKind::Cpu ? 'c' : 'i';
    text += std::to_string(burst.length);
    if (burst.kind == sim::BurstKind::Io && burst.device != 0 && burst.device < scenario.devices.size())
      text += "@" + scenario.devices[burst.device];
  }
  return text;
}

}  // namespace gui
