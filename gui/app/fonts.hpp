// gui/app/fonts.hpp: the UI font, with Chinese glyphs merged in when the
// Debian font package is installed.
#pragma once

namespace gui {

struct FontReport {
  bool chinese = false;  // CJK glyphs available: the zh language can be offered
  const char* latin_path = nullptr;  // nullptr: Dear ImGui's built-in font
  const char* cjk_path = nullptr;
};

// Loads fonts into ImGui's atlas at `pixel_size` (already HiDPI-scaled).
// Missing files are skipped, never fatal.
FontReport loadFonts(float pixel_size);

}  // namespace gui
