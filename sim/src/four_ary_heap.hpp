// Internal: a min-heap with four children per node, ordered by the static
// `Entry::before(a, b)` (true when `a` comes out first). A queue of a
// thousand entries is 5 levels deep instead of 10, and a node's children
// are adjacent: with 16-byte entries the storage starts 48 bytes into a
// cache line, so that every node's four children share one line and a pop
// touches one line per level. The comparison is a direct call the compiler
// inlines, not a function pointer.
#pragma once

#include <cstddef>
#include <new>
#include <utility>
#include <vector>

namespace sim::detail {

inline constexpr std::size_t kCacheLine = 64;

template <class T>
struct CacheLineAllocator {
  using value_type = T;
  CacheLineAllocator() = default;
  template <class U>
  CacheLineAllocator(const CacheLineAllocator<U>&) {}  // NOLINT: rebinding converts implicitly
  T* allocate(std::size_t n) { return static_cast<T*>(::operator new(n * sizeof(T), std::align_val_t{kCacheLine})); }
  void deallocate(T* p, std::size_t) { ::operator delete(p, std::align_val_t{kCacheLine}); }
  friend bool operator==(const CacheLineAllocator&, const CacheLineAllocator&) { return true; }
};

template <class Entry>
class FourAryHeap {
 public:
  FourAryHeap() : slots_(kPad) {}
  // Takes entries already in heap order (another heap's, entry by entry).
  template <class Range>
  static FourAryHeap inHeapOrder(const Range& entries) {
    FourAryHeap heap;
    heap.slots_.insert(heap.slots_.end(), entries.begin(), entries.end());
    return heap;
  }

  bool empty() const { return size() == 0; }
  std::size_t size() const { return slots_.size() - kPad; }
  const Entry& top() const { return slots_[kPad]; }
  const Entry* begin() const { return slots_.data() + kPad; }  // in heap order
  const Entry* end() const { return slots_.data() + slots_.size(); }
  void clear() { slots_.resize(kPad); }

  void push(const Entry& entry) {
    std::size_t i = size();
    slots_.push_back(entry);
    while (i > 0) {
      const std::size_t parent = (i - 1) / kArity;
      if (!Entry::before(entry, at(parent))) break;
      at(i) = at(parent);
      i = parent;
    }
    at(i) = entry;
  }

  Entry pop() {
    const Entry first = top();
    const Entry last = slots_.back();
    slots_.pop_back();
    const std::size_t n = size();
    if (n == 0) return first;
    std::size_t i = 0;
    for (;;) {
      const std::size_t child = kArity * i + 1;
      if (child >= n) break;
      std::size_t best = child;
      const std::size_t end = child + kArity < n ? child + kArity : n;
      for (std::size_t c = child + 1; c < end; ++c) {
        if (Entry::before(at(c), at(best))) best = c;
      }
      if (!Entry::before(at(best), last)) break;
      at(i) = at(best);
      i = best;
    }
    at(i) = last;
    return first;
  }

 private:
  static constexpr std::size_t kArity = 4;
  // Unused slots before the root: children 4i+1..4i+4 then start a line.
  static constexpr std::size_t kPad =
      kCacheLine % (kArity * sizeof(Entry)) == 0 ? kCacheLine / sizeof(Entry) - 1 : 0;
  Entry& at(std::size_t i) { return slots_[i + kPad]; }
  const Entry& at(std::size_t i) const { return slots_[i + kPad]; }
  std::vector<Entry, CacheLineAllocator<Entry>> slots_;
};

}  // namespace sim::detail
