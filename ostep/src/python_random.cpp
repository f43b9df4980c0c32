// MT19937 as published by Matsumoto and Nishimura, read the way CPython's
// random module reads it.
#include "ostep/python_random.hpp"

#include <algorithm>
#include <bit>
#include <stdexcept>

namespace ostep {

namespace {
constexpr std::size_t kShift = 397;                 // M: the middle word of the recurrence
constexpr std::uint32_t kTwistMatrix = 0x9908b0dfU;  // a: the last row of the twist matrix
constexpr std::uint32_t kUpperBit = 0x80000000U;
constexpr std::uint32_t kLowerBits = 0x7fffffffU;
constexpr std::uint32_t kArraySeed = 19650218U;     // init_by_array starts from init_genrand(this)
}  // namespace

PythonRandom::PythonRandom(std::int64_t seed) { this->seed(PythonInt::fromInt64(seed)); }

PythonRandom::PythonRandom(const PythonInt& seed) { this->seed(seed); }

void PythonRandom::seed(const PythonInt& seed) {
  std::vector<std::uint32_t> key = seed.magnitude;  // the sign plays no part: Python seeds with abs(n)
  if (key.empty()) key.push_back(0);
  initByArray(key);
}

void PythonRandom::initGenrand(std::uint32_t seed) {
  state_[0] = seed;
  for (std::size_t i = 1; i < kStateWords; ++i) {
    const std::uint32_t previous = state_[i - 1];
    state_[i] = 1812433253U * (previous ^ (previous >> 30)) + static_cast<std::uint32_t>(i);
  }
  index_ = kStateWords;
}

void PythonRandom::initByArray(const std::vector<std::uint32_t>& key) {
  initGenrand(kArraySeed);
  std::size_t i = 1;
  std::size_t j = 0;
  for (std::size_t k = std::max(kStateWords, key.size()); k > 0; --k) {
    const std::uint32_t previous = state_[i - 1];
    state_[i] = (state_[i] ^ ((previous ^ (previous >> 30)) * 1664525U)) + key[j] + static_cast<std::uint32_t>(j);
    ++i;
    ++j;
    if (i >= kStateWords) {
      state_[0] = state_[kStateWords - 1];
      i = 1;
    }
    if (j >= key.size()) j = 0;
  }
  for (std::size_t k = kStateWords - 1; k > 0; --k) {
    const std::uint32_t previous = state_[i - 1];
    state_[i] = (state_[i] ^ ((previous ^ (previous >> 30)) * 1566083941U)) - static_cast<std::uint32_t>(i);
    ++i;
    if (i >= kStateWords) {
      state_[0] = state_[kStateWords - 1];
      i = 1;
    }
  }
  state_[0] = kUpperBit;  // the state is never all zero
  index_ = kStateWords;
}

void PythonRandom::twist() {
  for (std::size_t i = 0; i < kStateWords; ++i) {
    const std::uint32_t y = (state_[i] & kUpperBit) | (state_[(i + 1) % kStateWords] & kLowerBits);
    state_[i] = state_[(i + kShift) % kStateWords] ^ (y >> 1) ^ ((y & 1U) != 0 ? kTwistMatrix : 0U);
  }
  index_ = 0;
}

std::uint32_t PythonRandom::nextWord() {
  if (index_ >= kStateWords) twist();
  std::uint32_t y = state_[index_++];
  y ^= y >> 11;
  y ^= (y << 7) & 0x9d2c5680U;
  y ^= (y << 15) & 0xefc60000U;
  y ^= y >> 18;
  return y;
}

double PythonRandom::random() {
  const std::uint32_t high = nextWord() >> 5;  // 27 bits
  const std::uint32_t low = nextWord() >> 6;   // 26 bits
  return (high * 67108864.0 + low) * (1.0 / 9007199254740992.0);
}

std::uint64_t PythonRandom::getrandbits(int bits) {
  if (bits < 0 || bits > 64) throw std::invalid_argument("getrandbits: the number of bits must be 0 to 64");
  if (bits == 0) return 0;
  if (bits <= 32) return nextWord() >> (32 - bits);
  // Python fills the number from its least significant word up; only the
  // last (most significant) word is cut to the bits that remain.
  const std::uint64_t low = nextWord();
  const std::uint64_t high = nextWord() >> (64 - bits);
  return low | (high << 32);
}

std::uint64_t PythonRandom::randbelow(std::uint64_t n) {
  if (n == 0) throw std::invalid_argument("randbelow: the range is empty");
  const int bits = std::bit_width(n);
  std::uint64_t r = getrandbits(bits);
  while (r >= n) r = getrandbits(bits);
  return r;
}

std::int64_t PythonRandom::randrange(std::int64_t start, std::int64_t stop) {
  if (stop <= start) throw std::invalid_argument("randrange: the range is empty");
  const std::uint64_t width = static_cast<std::uint64_t>(stop) - static_cast<std::uint64_t>(start);
  return static_cast<std::int64_t>(static_cast<std::uint64_t>(start) + randbelow(width));
}

std::int64_t PythonRandom::randint(std::int64_t low, std::int64_t high) {
  if (high < low) throw std::invalid_argument("randint: the range is empty");
  const std::uint64_t width = static_cast<std::uint64_t>(high) - static_cast<std::uint64_t>(low) + 1;
  if (width != 0) return static_cast<std::int64_t>(static_cast<std::uint64_t>(low) + randbelow(width));
  // width 0 stands for the whole 64-bit range, 2^64 values: Python draws
  // 65 bits (three words, the last cut to one bit) until that bit is 0.
  for (;;) {
    const std::uint64_t bits = nextWord() | (std::uint64_t{nextWord()} << 32);
    if ((nextWord() >> 31) == 0) return static_cast<std::int64_t>(static_cast<std::uint64_t>(low) + bits);
  }
}

}  // namespace ostep
