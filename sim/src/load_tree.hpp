// A tournament tree over cores: the leftmost core with the least (or the
// most) of something, and the total. A value and the total change at
// once; the tree's inner nodes only when the leftmost core is asked for, so
// that the several changes a core goes through in one step cost one walk
// to the root (O(log n), stopping at the first node whose winner stays).
// The engine keeps two with per-core run queues: the least queue length
// for placing new processes, the most ready processes for stealing and
// balancing.
#pragma once

#include <cstdint>
#include <vector>

#include "core_set.hpp"

namespace sim::detail {

enum class Leftmost : std::uint8_t { Least, Most };

template <Leftmost kWanted>
class LoadTree {
 public:
  void reset(std::size_t size) {
    size_ = 1;
    while (size_ < size) size_ *= 2;
    total_ = 0;
    values_.assign(size, 0);
    values_.resize(size_, kPadding);
    winners_.assign(2 * size_, 0);
    for (std::size_t i = 0; i < size_; ++i) winners_[size_ + i] = static_cast<std::int32_t>(i);
    for (std::size_t i = size_ - 1; i >= 1; --i) winners_[i] = better(winners_[2 * i], winners_[2 * i + 1]);
    stale_.reset(size_);
  }
  void set(std::size_t index, std::int64_t value) {
    if (values_[index] == value) return;
    total_ += value - values_[index];
    values_[index] = value;
    stale_.insert(index);
  }
  std::int64_t value(std::size_t index) const { return values_[index]; }
  std::int64_t total() const { return total_; }
  // The lowest core with the least (Least) or the most (Most) value.
  std::size_t leftmost() {
    update();
    return static_cast<std::size_t>(winners_[1]);
  }

 private:
  static constexpr std::int64_t kPadding = kWanted == Leftmost::Least ? INT64_MAX / 4 : -INT64_MAX / 4;  // never wins
  // The winner of two cores, `left` being the lower: it wins ties.
  std::int32_t better(std::int32_t left, std::int32_t right) const {
    const std::int64_t l = values_[static_cast<std::size_t>(left)];
    const std::int64_t r = values_[static_cast<std::size_t>(right)];
    return (kWanted == Leftmost::Least ? r < l : r > l) ? right : left;
  }
  void update() {
    for (std::size_t index = stale_.next(0); index != CoreSet::kNone; index = stale_.next(index + 1)) {
      const auto changed = static_cast<std::int32_t>(index);
      for (std::size_t i = (size_ + index) / 2; i >= 1; i /= 2) {
        const std::int32_t winner = better(winners_[2 * i], winners_[2 * i + 1]);
        // Same winner, and not the core that changed: nothing above changes.
        if (winner == winners_[i] && winner != changed) break;
        winners_[i] = winner;
      }
    }
    stale_.clear();
  }
  std::size_t size_ = 1;
  std::int64_t total_ = 0;
  std::vector<std::int64_t> values_;   // by core; padding up to size_
  std::vector<std::int32_t> winners_;  // [1]: the root; [size_ + i]: core i
  CoreSet stale_;                      // cores whose value changed since the last update()
};

}  // namespace sim::detail
