// ostep/python_random.hpp: Python's `random` module, number for number.
//
// OSTEP's homework tools draw every random choice from CPython 3's
// `random` module, so reproducing their answers needs the same generator:
// the Mersenne Twister MT19937 (Matsumoto and Nishimura, 1998), seeded and
// read exactly as CPython does. tests/ostep/python_random_test.cpp checks
// each function against sequences printed by python3 (3.11).
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "ostep/python_int.hpp"

namespace ostep {

class PythonRandom {
 public:
  // random.seed(n) for an integer n: MT19937's init_by_array over the
  // 32-bit words of |n|, least significant first (0 is the one word 0).
  explicit PythonRandom(std::int64_t seed = 0);
  explicit PythonRandom(const PythonInt& seed);
  void seed(const PythonInt& seed);

  // [Draws] Each consumes the generator exactly as its Python namesake.
  std::uint32_t nextWord();               // one MT19937 output (genrand_uint32)
  double random();                        // random.random(): 53 bits in [0, 1)
  std::uint64_t getrandbits(int bits);    // random.getrandbits(k), 0 <= k <= 64
  std::uint64_t randbelow(std::uint64_t n);  // random._randbelow(n), n >= 1: [0, n) by rejection
  // random.randrange(start, stop) and random.randint(low, high) (high
  // included). Throws std::invalid_argument on an empty range, as Python
  // raises ValueError.
  std::int64_t randrange(std::int64_t start, std::int64_t stop);
  std::int64_t randint(std::int64_t low, std::int64_t high);

  // random.choice(items): items must not be empty.
  template <typename T>
  const T& choice(std::span<const T> items) {
    return items[randbelow(items.size())];
  }
  // random.shuffle(items): Fisher-Yates from the last element down.
  template <typename T>
  void shuffle(std::vector<T>& items) {
    for (std::size_t i = items.size(); i-- > 1;) {
      const std::size_t j = randbelow(i + 1);
      std::swap(items[i], items[j]);
    }
  }

 private:
  static constexpr std::size_t kStateWords = 624;
  void initGenrand(std::uint32_t seed);
  void initByArray(const std::vector<std::uint32_t>& key);
  void twist();

  std::array<std::uint32_t, kStateWords> state_{};
  std::size_t index_ = kStateWords;
};

}  // namespace ostep
