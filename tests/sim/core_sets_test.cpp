// The engine's per-core bookkeeping: the bitset of cores and the
// tournament tree of queue loads (sim/src/core_set.hpp, load_tree.hpp).
#include <catch2/catch.hpp>

#include <cstdint>
#include <random>
#include <vector>

#include "../../sim/src/core_set.hpp"
#include "../../sim/src/load_tree.hpp"

using sim::detail::CoreSet;
using sim::detail::LoadTree;
using sim::detail::Leftmost;

TEST_CASE("a core set finds its lowest member at or after a core, across words", "[sim][core_set]") {
  CoreSet set;
  set.reset(200);
  CHECK(set.empty());
  CHECK(set.next(0) == CoreSet::kNone);
  set.insert(3);
  set.insert(64);
  set.insert(199);
  CHECK(set.next(0) == 3);
  CHECK(set.next(4) == 64);
  CHECK(set.next(65) == 199);
  CHECK(set.next(200) == CoreSet::kNone);
  set.erase(64);
  CHECK(set.next(4) == 199);
  CHECK(set.contains(3));
  CHECK_FALSE(set.contains(64));

  CoreSet other;
  other.reset(200);
  other.insert(199);
  other.insert(5);
  CHECK(set.nextAlsoIn(other, 0) == 199);
}

TEST_CASE("a load tree names the leftmost least and most loaded core after any changes", "[sim][core_set]") {
  const std::size_t cores = GENERATE(1, 5, 64, 1000);
  LoadTree<Leftmost::Least> least;
  LoadTree<Leftmost::Most> most;
  least.reset(cores);
  most.reset(cores);
  std::vector<std::int64_t> values(cores, 0);
  CHECK(least.leftmost() == 0);
  CHECK(most.leftmost() == 0);
  std::mt19937 random(7);
  for (int step = 0; step < 3000; ++step) {
    const std::size_t core = random() % cores;
    values[core] = static_cast<std::int64_t>(random() % 6);
    least.set(core, values[core]);
    most.set(core, values[core]);
    if (step % 3 != 0) continue;  // several changes between questions, as in one engine step
    std::size_t lowest = 0, highest = 0;
    std::int64_t total = 0;
    for (std::size_t c = 0; c < cores; ++c) {
      if (values[c] < values[lowest]) lowest = c;
      if (values[c] > values[highest]) highest = c;
      total += values[c];
    }
    INFO("cores " << cores << " step " << step);
    REQUIRE(least.leftmost() == lowest);
    REQUIRE(most.leftmost() == highest);
    REQUIRE(most.total() == total);
    REQUIRE(least.value(core) == values[core]);
  }
}
