// Internal helpers for error messages: quoting user text and suggesting
// the closest known word for a typo.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace sim::detail {

// Levenshtein distance, or a value > limit as soon as it must exceed it.
std::size_t editDistance(std::string_view a, std::string_view b, std::size_t limit);

// ` (did you mean "arrival"?)` for the closest known word within edit
// distance 2, or "" when there is none.
std::string didYouMean(std::string_view word, const std::vector<std::string_view>& known);

// Text as a JSON string literal, cut to a readable length: "P1", "a\nb", "xxx...".
std::string quoteText(std::string_view text);

// Appends text as a JSON string literal (full length, escaped).
void appendJsonString(std::string& out, std::string_view text);

}  // namespace sim::detail
