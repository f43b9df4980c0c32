// lottery's ready queue (sim/src/policies/ticket_tree.hpp and the queue
// that changes between it and a flat array, ticket_queue.hpp) against a
// plain sorted map walked ticket by ticket, on seeded random runs.
#include <cstdint>
#include <map>
#include <random>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "../../sim/src/policies/ticket_queue.hpp"

using sim::detail::TicketQueue;
using sim::detail::TicketTree;

namespace {

using Reference = std::map<std::int32_t, std::int32_t>;  // id -> tickets

// The documented draw, the slow way: walk in id order adding tickets.
std::int32_t holderOf(const Reference& reference, std::int64_t w) {
  std::int64_t running = 0;
  for (const auto& [id, tickets] : reference) {
    running += tickets;
    if (running > w) return id;
  }
  return -1;
}

template <class Tickets>
std::vector<std::pair<std::int32_t, std::int32_t>> contents(const Tickets& tree) {
  std::vector<std::pair<std::int32_t, std::int32_t>> out;
  tree.forEach([&](sim::ProcessId id, std::int32_t tickets) { out.emplace_back(static_cast<std::int32_t>(id), tickets); });
  return out;
}

// Every entry, the total, and the holder of the first and last ticket of
// every process and of a few random tickets.
template <class Tickets>
void checkAgainst(const Tickets& tree, const Reference& reference, std::mt19937_64& rng) {
  TicketTree::Spot spot;
  REQUIRE(tree.size() == reference.size());
  REQUIRE(contents(tree) == std::vector<std::pair<std::int32_t, std::int32_t>>(reference.begin(), reference.end()));
  std::int64_t total = 0;
  for (const auto& [id, tickets] : reference) {
    REQUIRE(tree.find(total, spot) == id);
    REQUIRE(tree.find(total + tickets - 1, spot) == id);
    total += tickets;
  }
  REQUIRE(tree.total() == total);
  for (int i = 0; i < 20 && total > 0; ++i) {
    const auto w = static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(total));
    REQUIRE(tree.find(w, spot) == holderOf(reference, w));
  }
}

}  // namespace

TEST_CASE("ticket tree: the holder of a ticket is found by counting tickets in id order", "[sim][lottery]") {
  TicketTree tree;
  tree.insert(5, 1);
  tree.insert(2, 2);
  tree.insert(9, 3);
  // Id order 2, 5, 9: tickets 0-1 are 2's, 2 is 5's, 3-5 are 9's.
  CHECK(tree.total() == 6);
  CHECK(tree.size() == 3);
  CHECK(tree.find(0) == 2);
  CHECK(tree.find(1) == 2);
  CHECK(tree.find(2) == 5);
  CHECK(tree.find(3) == 9);
  CHECK(tree.find(5) == 9);
  CHECK(tree.ticketsOf(9) == 3);
  CHECK(tree.ticketsOf(4) == 0);
  CHECK(tree.erase(5) == 1);
  CHECK(tree.find(2) == 9);
  CHECK(tree.ticketsOf(5) == 0);
  CHECK(tree.total() == 5);
}

TEST_CASE("ticket tree: random entries and removals agree with a sorted map walked ticket by ticket", "[sim][lottery]") {
  // Id ranges from a handful (one leaf) to a million (sparse, three inner
  // levels); each run fills to about `fill` processes and drains to empty,
  // so leaves and inner nodes split, share, merge and the root collapses.
  const auto [id_range, fill, min_height] =
      GENERATE(table<std::int32_t, int, int>({{40, 30, 0}, {5000, 3000, 2}, {1 << 20, 10000, 3}}));
  std::mt19937_64 rng(20261207U + static_cast<std::uint64_t>(id_range));
  TicketTree tree;
  Reference reference;
  int max_height = 0;
  for (int phase = 0; phase < 4; ++phase) {
    const bool filling = phase % 2 == 0;
    for (int op = 0; op < 3 * fill; ++op) {
      const auto id = static_cast<std::int32_t>(rng() % static_cast<std::uint64_t>(id_range));
      const bool take_out = reference.count(id) > 0 && (!filling || rng() % 4 == 0);
      if (take_out && rng() % 2 == 0) {
        REQUIRE(tree.erase(id) == reference.at(id));
        reference.erase(id);
      } else if (take_out) {
        // As lottery's pick: find a ticket's holder, then remove it there.
        TicketTree::Spot spot;
        const auto w = static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(tree.total()));
        const std::int32_t found = tree.find(w, spot);
        REQUIRE(reference.count(found) == 1);
        REQUIRE(tree.erase(spot) == reference.at(found));
        reference.erase(found);
      } else if (reference.count(id) == 0 && (filling || rng() % 4 == 0)) {
        const auto tickets = static_cast<std::int32_t>(1 + rng() % 400);
        tree.insert(id, tickets);
        reference.emplace(id, tickets);
      }
      REQUIRE(tree.ticketsOf(id) == (reference.count(id) > 0 ? reference.at(id) : 0));
      if (op % (fill / 10 + 1) == 0) checkAgainst(tree, reference, rng);
      max_height = std::max(max_height, tree.height());
    }
    if (!filling) {
      while (!reference.empty()) {
        const auto it = reference.begin();
        REQUIRE(tree.erase(it->first) == it->second);
        reference.erase(it);
      }
      REQUIRE(tree.empty());
      REQUIRE(tree.nodesInUse() == 0);
    }
    checkAgainst(tree, reference, rng);
  }
  CHECK(max_height >= min_height);
}

TEST_CASE("ticket tree: its nodes follow the processes it holds, not the largest id", "[sim][lottery]") {
  TicketTree tree;
  // Every 1024th id up to a million, as one queue of 1024 cores holds.
  for (std::int32_t i = 0; i < 1000; ++i) tree.insert(i * 1024, 100);
  CHECK(tree.size() == 1000);
  CHECK(tree.total() == 100000);
  // Ids in rising order leave full leaves behind: 15 of 64 and one of 40,
  // under one root.
  CHECK(tree.nodesInUse() == 17);
  CHECK(tree.height() == 1);
  CHECK(tree.find(99999) == 999 * 1024);
  for (std::int32_t i = 0; i < 990; ++i) tree.erase(i * 1024);
  CHECK(tree.nodesInUse() == 1);
  CHECK(tree.height() == 0);
  CHECK(tree.find(0) == 990 * 1024);
}

TEST_CASE("ticket tree: a copy changes apart from the original", "[sim][lottery]") {
  TicketTree tree;
  for (std::int32_t id = 0; id < 500; ++id) tree.insert(id, 1 + id % 7);
  TicketTree copy = tree;
  for (std::int32_t id = 0; id < 500; id += 2) copy.erase(id);
  copy.insert(1000, 5);
  CHECK(tree.size() == 500);
  CHECK(tree.ticketsOf(0) == 1);
  CHECK(tree.ticketsOf(1000) == 0);
  CHECK(copy.size() == 251);
  CHECK(copy.ticketsOf(0) == 0);
  CHECK(copy.ticketsOf(1000) == 5);
  CHECK(copy.find(copy.total() - 1) == 1000);
}

TEST_CASE("ticket queue: every 1024th id stays a tree, consecutive ids turn to an array, and both draw alike",
          "[sim][lottery]") {
  TicketQueue spread;
  TicketQueue packed;
  Reference spread_reference;
  Reference packed_reference;
  for (std::int32_t i = 0; i < 1000; ++i) {
    spread.insert(i * 1024, 1 + i % 7);
    spread_reference.emplace(i * 1024, 1 + i % 7);
    packed.insert(i, 1 + i % 7);
    packed_reference.emplace(i, 1 + i % 7);
  }
  CHECK_FALSE(spread.dense());
  CHECK(packed.dense());
  std::mt19937_64 rng(7);
  checkAgainst(spread, spread_reference, rng);
  checkAgainst(packed, packed_reference, rng);
}

TEST_CASE("ticket queue: draws and removals agree with a sorted map while the queue changes form", "[sim][lottery]") {
  // Phases alternate between small ids, which turn the queue to an array,
  // and ids up to a million, which turn it back to a tree; each phase
  // first fills, then drains by draws as lottery does.
  std::mt19937_64 rng(20261208U);
  TicketQueue queue;
  Reference reference;
  int to_array = 0;
  int to_tree = 0;
  for (int phase = 0; phase < 8; ++phase) {
    const std::uint64_t id_range = phase % 2 == 0 ? 3000 : 1 << 20;
    for (int op = 0; op < 6000; ++op) {
      const bool was_dense = queue.dense();
      const bool draw = !reference.empty() && (op >= 3000 ? rng() % 16 != 0 : rng() % 4 == 0);
      if (draw) {
        TicketTree::Spot spot;
        const auto w = static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(queue.total()));
        const std::int32_t found = queue.find(w, spot);
        REQUIRE(found == holderOf(reference, w));
        queue.eraseFound(found, spot);
        reference.erase(found);
      } else {
        const auto id = static_cast<std::int32_t>(rng() % id_range);
        if (reference.count(id) == 0) {
          const auto tickets = static_cast<std::int32_t>(1 + rng() % 400);
          queue.insert(id, tickets);
          reference.emplace(id, tickets);
        }
      }
      to_array += !was_dense && queue.dense() ? 1 : 0;
      to_tree += was_dense && !queue.dense() ? 1 : 0;
      REQUIRE(queue.size() == reference.size());
      if (op % 500 == 0) checkAgainst(queue, reference, rng);
    }
    checkAgainst(queue, reference, rng);
  }
  CHECK(to_array >= 3);
  CHECK(to_tree >= 3);
}
