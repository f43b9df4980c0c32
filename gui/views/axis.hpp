// gui/views/axis.hpp: steps between the labels of a chart's axis.
#pragma once

namespace gui {

// The smallest step of 1, 2 or 5 times a power of ten that is at least
// `min_step` (> 0); steps below 1 are powers of ten down to 1e-6.
inline double niceStep(double min_step) {
  double step = 1.0;
  while (step > min_step && step > 1e-6) step /= 10.0;
  while (step < min_step) {
    if (step * 2 >= min_step) return step * 2;
    if (step * 5 >= min_step) return step * 5;
    step *= 10;
  }
  return step;
}

}  // namespace gui
