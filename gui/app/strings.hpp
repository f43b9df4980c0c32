// gui/app/strings.hpp: the GUI's text in the current language.
// The strings themselves are in strings.inc; tr() returns UTF-8 that lives
// for the whole program.
#pragma once

#include <cstddef>
#include <string_view>

#include "sim/types.hpp"

namespace gui {

enum class Str : int {
#define STRING(id, en, zh) id,
#include "app/strings.inc"
#undef STRING
  Count
};

enum class Language : int { English, Chinese };

void setLanguage(Language language);
Language language();
const char* tr(Str id);
// Formats a translated printf-style string (the *Format entries) into
// `buffer`, truncating to `size`; returns `buffer`.
const char* trf(char* buffer, std::size_t size, Str id, ...);
const char* languageCode(Language language);          // "en", "zh"
bool parseLanguage(std::string_view code, Language& out);

// The textbook names of the model's vocabulary, translated.
const char* tr(sim::State state);
const char* tr(sim::TransitionKind kind);
const char* tr(sim::Reason reason);

}  // namespace gui
