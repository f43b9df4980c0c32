// Internal: a min-heap of (key, process) pairs, smallest key first, ties to
// the lower process id. Four children per node: a queue of a million ready
// processes is 10 levels deep instead of 20, and the four children of a
// node are 64 contiguous bytes, so a pop touches about one cache line per
// level.
#pragma once

#include <cstdint>
#include <vector>

#include "sim/types.hpp"

namespace sim::detail {

class VruntimeHeap {
 public:
  struct Entry {
    std::int64_t key;
    ProcessId process;
    std::int32_t slot;  // the owner's own index for the process (in the padding: still 16 bytes); no part of the order
  };

  bool empty() const { return entries_.empty(); }
  std::size_t size() const { return entries_.size(); }
  const Entry& top() const { return entries_.front(); }
  const std::vector<Entry>& entries() const { return entries_; }  // in heap order

  static bool before(const Entry& a, const Entry& b) {
    return a.key != b.key ? a.key < b.key : a.process < b.process;
  }

  void push(Entry entry) {
    std::size_t i = entries_.size();
    entries_.push_back(entry);
    while (i > 0) {
      const std::size_t parent = (i - 1) / kArity;
      if (!before(entry, entries_[parent])) break;
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
        if (before(entries_[c], entries_[best])) best = c;
      }
      if (!before(entries_[best], last)) break;
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
