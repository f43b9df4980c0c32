// A set of cores as a bitset: membership in O(1) and the lowest member at
// or after a core in O(cores / 64). The engine keeps its idle cores and
// the cores whose queue holds work in such sets, instead of scanning every
// core on every tick.
#pragma once

#include <bit>
#include <cstdint>
#include <vector>

namespace sim::detail {

class CoreSet {
 public:
  static constexpr std::size_t kNone = SIZE_MAX;

  // Empty, for cores 0 .. size-1.
  void reset(std::size_t size) { words_.assign((size + 63) / 64, 0); }
  void insert(std::size_t core) { words_[core / 64] |= bit(core); }
  void erase(std::size_t core) { words_[core / 64] &= ~bit(core); }
  void assign(std::size_t core, bool member) { member ? insert(core) : erase(core); }
  bool contains(std::size_t core) const { return (words_[core / 64] & bit(core)) != 0; }
  void insertAll(std::size_t size) {
    for (std::size_t core = 0; core < size; ++core) insert(core);
  }
  void clear() { words_.assign(words_.size(), 0); }
  bool empty() const {
    for (const std::uint64_t word : words_) {
      if (word != 0) return false;
    }
    return true;
  }

  // The lowest member >= `from`, or kNone.
  std::size_t next(std::size_t from) const { return nextWhere(from, [this](std::size_t w) { return words_[w]; }); }
  // The lowest core >= `from` in both this set and `other` (of the same size), or kNone.
  std::size_t nextAlsoIn(const CoreSet& other, std::size_t from) const {
    return nextWhere(from, [this, &other](std::size_t w) { return words_[w] & other.words_[w]; });
  }

 private:
  static std::uint64_t bit(std::size_t core) { return std::uint64_t{1} << (core % 64); }
  template <typename Word>
  std::size_t nextWhere(std::size_t from, Word word) const {
    std::size_t w = from / 64;
    if (w >= words_.size()) return kNone;
    std::uint64_t bits = word(w) & (~std::uint64_t{0} << (from % 64));
    while (bits == 0) {
      if (++w == words_.size()) return kNone;
      bits = word(w);
    }
    return w * 64 + static_cast<std::size_t>(std::countr_zero(bits));
  }
  std::vector<std::uint64_t> words_;
};

}  // namespace sim::detail
