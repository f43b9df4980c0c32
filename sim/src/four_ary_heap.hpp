// Internal: a min-heap with four children per node, ordered by the static
// `Entry::before(a, b)` (true when `a` comes out first). A queue of a
// thousand entries is 5 levels deep instead of 10, and a node's children
// are adjacent, so a pop touches one or two cache lines per level. The
// comparison is a direct call the compiler inlines, not a function pointer.
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

namespace sim::detail {

template <class Entry>
class FourAryHeap {
 public:
  FourAryHeap() = default;
  // Takes entries already in heap order (another heap's, entry by entry).
  explicit FourAryHeap(std::vector<Entry> heap_order) : entries_(std::move(heap_order)) {}

  bool empty() const { return entries_.empty(); }
  std::size_t size() const { return entries_.size(); }
  const Entry& top() const { return entries_.front(); }
  const std::vector<Entry>& entries() const { return entries_; }  // in heap order
  void clear() { entries_.clear(); }

  void push(const Entry& entry) {
    std::size_t i = entries_.size();
    entries_.push_back(entry);
    while (i > 0) {
      const std::size_t parent = (i - 1) / kArity;
      if (!Entry::before(entry, entries_[parent])) break;
      entries_[i] = entries_[parent];
      i = parent;
    }
    entries_[i] = entry;
  }

  Entry pop() {
    const Entry first = entries_.front();
    const Entry last = entries_.back();
    entries_.pop_back();
    const std::size_t n = entries_.size();
    if (n == 0) return first;
    std::size_t i = 0;
    for (;;) {
      const std::size_t child = kArity * i + 1;
      if (child >= n) break;
      std::size_t best = child;
      const std::size_t end = child + kArity < n ? child + kArity : n;
      for (std::size_t c = child + 1; c < end; ++c) {
        if (Entry::before(entries_[c], entries_[best])) best = c;
      }
      if (!Entry::before(entries_[best], last)) break;
      entries_[i] = entries_[best];
      i = best;
    }
    entries_[i] = last;
    return first;
  }

 private:
  static constexpr std::size_t kArity = 4;
  std::vector<Entry> entries_;
};

}  // namespace sim::detail
