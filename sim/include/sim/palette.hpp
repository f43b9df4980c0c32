// sim/palette.hpp: the colors charts give processes, shared by the SVG
// writer and the GUI so that a process looks the same everywhere.
#pragma once

#include <cstdint>
#include <string>

#include "sim/types.hpp"

namespace sim {

struct Rgb {
  std::uint8_t r = 0;
  std::uint8_t g = 0;
  std::uint8_t b = 0;

  friend bool operator==(const Rgb&, const Rgb&) = default;
};

// A stable color for a process: the same id gives the same color on every
// run and machine. Hues step by the golden angle so that neighbours differ
// strongly; two lightness levels alternate so that a color repeats only
// after many processes. Every color is light enough for black text
// (textColorOn returns black for it): dark hues are lifted.
Rgb processColor(ProcessId process);

// Black or white, whichever reads better on `background`.
Rgb textColorOn(Rgb background);

// "#rrggbb".
std::string hexColor(Rgb color);

}  // namespace sim
