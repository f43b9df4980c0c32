// A segment tree over cores: the leftmost core with the least or the most
// of something, and the total, each in O(1) after an O(log n) update. The
// engine keeps two with per-core run queues: queue lengths for placing new
// processes and ready counts for stealing and balancing.
#pragma once

#include <cstdint>
#include <vector>

namespace sim::detail {

class LoadTree {
 public:
  void reset(std::size_t size) {
    size_ = 1;
    while (size_ < size) size_ *= 2;
    count_ = size;
    nodes_.assign(2 * size_, Node{});
    for (std::size_t i = 0; i < size_; ++i) {
      Node& leaf = nodes_[size_ + i];
      const bool real = i < count_;
      leaf = {real ? 0 : kNone, real ? 0 : -kNone, 0, static_cast<std::int32_t>(i), static_cast<std::int32_t>(i)};
    }
    for (std::size_t i = size_ - 1; i >= 1; --i) pull(i);
  }
  void set(std::size_t index, std::int64_t value) {
    std::size_t i = size_ + index;
    nodes_[i].min = nodes_[i].max = nodes_[i].sum = value;
    for (i /= 2; i >= 1; i /= 2) pull(i);
  }
  std::int64_t value(std::size_t index) const { return nodes_[size_ + index].sum; }
  std::size_t leftmostMin() const { return static_cast<std::size_t>(nodes_[1].min_at); }
  std::size_t leftmostMax() const { return static_cast<std::size_t>(nodes_[1].max_at); }
  std::int64_t total() const { return nodes_[1].sum; }

 private:
  static constexpr std::int64_t kNone = INT64_MAX / 4;  // padding leaves never win
  struct Node {
    std::int64_t min = 0, max = 0, sum = 0;
    std::int32_t min_at = 0, max_at = 0;
  };
  void pull(std::size_t i) {
    const Node& l = nodes_[2 * i];
    const Node& r = nodes_[2 * i + 1];
    Node& n = nodes_[i];
    n.sum = l.sum + r.sum;
    if (r.min < l.min) {
      n.min = r.min;
      n.min_at = r.min_at;
    } else {
      n.min = l.min;
      n.min_at = l.min_at;
    }
    if (r.max > l.max) {
      n.max = r.max;
      n.max_at = r.max_at;
    } else {
      n.max = l.max;
      n.max_at = l.max_at;
    }
  }
  std::size_t size_ = 1;
  std::size_t count_ = 0;
  std::vector<Node> nodes_;
};

}  // namespace sim::detail
