#include "sim/palette.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace sim {

namespace {

std::uint8_t channel(double value) {
  return static_cast<std::uint8_t>(std::lround(std::clamp(value, 0.0, 1.0) * 255.0));
}

// HSL to RGB; hue in degrees, saturation and lightness in 0..1.
Rgb fromHsl(double hue, double saturation, double lightness) {
  const double chroma = (1.0 - std::fabs(2.0 * lightness - 1.0)) * saturation;
  const double sector = std::fmod(hue / 60.0, 6.0);
  const double x = chroma * (1.0 - std::fabs(std::fmod(sector, 2.0) - 1.0));
  double r = 0, g = 0, b = 0;
  if (sector < 1) { r = chroma; g = x; }
  else if (sector < 2) { r = x; g = chroma; }
  else if (sector < 3) { g = chroma; b = x; }
  else if (sector < 4) { g = x; b = chroma; }
  else if (sector < 5) { r = x; b = chroma; }
  else { r = chroma; b = x; }
  const double m = lightness - chroma / 2.0;
  return {channel(r + m), channel(g + m), channel(b + m)};
}

double linear(std::uint8_t c) {
  const double v = c / 255.0;
  return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
}

double luminance(Rgb color) {
  return 0.2126 * linear(color.r) + 0.7152 * linear(color.g) + 0.0722 * linear(color.b);
}

// Contrast with black is (L + 0.05) / 0.05, with white 1.05 / (L + 0.05); equal at L ~ 0.179.
constexpr double kBlackTextLuminance = 0.179;

}  // namespace

Rgb processColor(ProcessId process) {
  constexpr double kGoldenAngle = 137.50776405003785;
  const auto index = static_cast<std::uint32_t>(process < 0 ? 0 : process);
  const double hue = std::fmod(210.0 + index * kGoldenAngle, 360.0);
  double lightness = (index / 7) % 2 == 0 ? 0.62 : 0.54;
  Rgb color = fromHsl(hue, 0.62, lightness);
  // Blues and purples are dark at the same lightness: lift them until black text reads on them.
  while (luminance(color) < kBlackTextLuminance + 0.02 && lightness < 0.9) {
    lightness += 0.02;
    color = fromHsl(hue, 0.62, lightness);
  }
  return color;
}

Rgb textColorOn(Rgb background) {
  return luminance(background) > kBlackTextLuminance ? Rgb{0, 0, 0} : Rgb{255, 255, 255};
}

std::string hexColor(Rgb color) {
  char text[8];
  std::snprintf(text, sizeof text, "#%02x%02x%02x", color.r, color.g, color.b);
  return text;
}

}  // namespace sim
