#include "text_hints.hpp"

#include <algorithm>
#include <cstdio>

namespace sim::detail {

std::size_t editDistance(std::string_view a, std::string_view b, std::size_t limit) {
  const std::size_t gap = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
  if (gap > limit) return limit + 1;
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      const std::size_t substitute = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
      row[j] = std::min({above + 1, row[j - 1] + 1, substitute});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string didYouMean(std::string_view word, const std::vector<std::string_view>& known) {
  constexpr std::size_t kLimit = 2;
  std::string_view best;
  std::size_t best_distance = kLimit + 1;
  for (std::string_view candidate : known) {
    const std::size_t distance = editDistance(word, candidate, kLimit);
    if (distance < best_distance) {
      best_distance = distance;
      best = candidate;
    }
  }
  if (best_distance > kLimit) return "";
  return " (did you mean \"" + std::string(best) + "\"?)";
}

void appendJsonString(std::string& out, std::string_view text) {
  out += '"';
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (byte < 0x20) {
          char escaped[8];
          std::snprintf(escaped, sizeof escaped, "\\u%04x", byte);
          out += escaped;
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

std::string quoteText(std::string_view text) {
  constexpr std::size_t kShown = 60;
  std::string out;
  if (text.size() <= kShown) {
    appendJsonString(out, text);
    return out;
  }
  std::size_t cut = kShown;
  // Do not cut a UTF-8 sequence in half.
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  appendJsonString(out, text.substr(0, cut));
  out.insert(out.size() - 1, "...");
  return out;
}

}  // namespace sim::detail
