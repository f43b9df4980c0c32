// The map from process id to a queue's dense local slot
// (sim/src/policies/process_slots.hpp).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <map>
#include <random>
#include <vector>

#include "../../sim/src/policies/process_slots.hpp"

using sim::detail::ProcessSlots;
using sim::detail::ProcessTable;

namespace {

std::int32_t acquire(ProcessSlots& slots, sim::ProcessId id) {
  bool added = false;
  return slots.acquire(id, added);
}

}  // namespace

TEST_CASE("a slot map gives each new process the next slot and finds it again", "[sim][slots]") {
  ProcessSlots slots;
  CHECK(slots.find(7) == ProcessSlots::kNoSlot);  // empty: nothing to find
  bool added = false;
  CHECK(slots.acquire(5000, added) == 0);
  CHECK(added);
  CHECK(slots.acquire(3, added) == 1);
  CHECK(slots.acquire(1 << 30, added) == 2);
  CHECK(slots.acquire(3, added) == 1);  // held already: the same slot
  CHECK_FALSE(added);
  CHECK(slots.find(5000) == 0);
  CHECK(slots.find(3) == 1);
  CHECK(slots.find(1 << 30) == 2);
  CHECK(slots.find(4) == ProcessSlots::kNoSlot);
  CHECK(slots.size() == 3);
  CHECK(slots.slotCount() == 3);
}

TEST_CASE("a released slot is the next one handed out, and its process is forgotten", "[sim][slots]") {
  ProcessSlots slots;
  for (sim::ProcessId id = 10; id < 15; ++id) acquire(slots, id);  // slots 0..4
  CHECK(slots.release(12) == 2);
  CHECK(slots.release(12) == ProcessSlots::kNoSlot);  // released already
  CHECK(slots.release(99) == ProcessSlots::kNoSlot);  // never held
  CHECK(slots.release(10) == 0);
  CHECK(slots.find(12) == ProcessSlots::kNoSlot);
  CHECK(slots.size() == 3);
  CHECK(acquire(slots, 40) == 0);  // the last released first
  CHECK(acquire(slots, 41) == 2);
  CHECK(acquire(slots, 42) == 5);  // none free: a new slot
  CHECK(acquire(slots, 12) == 6);  // a process back after its release is new
  CHECK(slots.slotCount() == 7);
  CHECK(slots.find(11) == 1);
  CHECK(slots.find(13) == 3);
  CHECK(slots.find(14) == 4);
}

TEST_CASE("a slot map keeps every process through its growth and stays at most half full", "[sim][slots]") {
  ProcessSlots slots;
  for (sim::ProcessId id = 0; id < 1000; ++id) {
    REQUIRE(acquire(slots, id * 1024 + 3) == id);  // a per-core queue's ids: a fixed stride apart
    CHECK(slots.bucketCount() >= 2 * slots.size());
  }
  CHECK(slots.bucketCount() == 2048);
  for (sim::ProcessId id = 0; id < 1000; ++id) CHECK(slots.find(id * 1024 + 3) == id);
  CHECK(slots.find(1000 * 1024 + 3) == ProcessSlots::kNoSlot);
}

TEST_CASE("a slot map agrees with std::map over many seeded acquires and releases", "[sim][slots]") {
  const std::uint64_t seed = GENERATE(1, 2, 3);
  std::mt19937_64 rng(seed);
  ProcessSlots slots;
  std::map<sim::ProcessId, std::int32_t> model;
  std::vector<std::int32_t> free_slots;  // the model's free list, the last released on top
  std::size_t most_held = 0;
  for (int step = 0; step < 20000; ++step) {
    // Ids from a small range (many collisions and repeats) or anywhere.
    const auto id = static_cast<sim::ProcessId>(rng() % 2 == 0 ? rng() % 600 : rng() % 2'000'000'000);
    if (rng() % 3 == 0) {
      const auto found = model.find(id);
      const std::int32_t expected = found == model.end() ? ProcessSlots::kNoSlot : found->second;
      REQUIRE(slots.release(id) == expected);
      if (found != model.end()) {
        free_slots.push_back(found->second);
        model.erase(found);
      }
    } else {
      bool added = false;
      const std::int32_t slot = slots.acquire(id, added);
      const auto found = model.find(id);
      REQUIRE(added == (found == model.end()));
      if (found != model.end()) {
        REQUIRE(slot == found->second);
      } else {
        std::int32_t expected = static_cast<std::int32_t>(most_held);
        if (!free_slots.empty()) {
          expected = free_slots.back();
          free_slots.pop_back();
        }
        REQUIRE(slot == expected);
        model[id] = slot;
      }
    }
    most_held = std::max(most_held, model.size());
    REQUIRE(slots.size() == model.size());
  }
  CHECK(static_cast<std::size_t>(slots.slotCount()) == most_held);
  for (const auto& held : model) CHECK(slots.find(held.first) == held.second);
  for (sim::ProcessId id = 0; id < 600; ++id) {
    if (model.count(id) == 0) CHECK(slots.find(id) == ProcessSlots::kNoSlot);
  }
}

TEST_CASE("a process table starts a reused slot from a fresh value and knows who holds each slot", "[sim][slots]") {
  ProcessTable<std::int64_t> table;
  CHECK(table.find(4) == nullptr);
  const std::int32_t a = table.acquire(4);
  table[a] = 40;
  table[table.acquire(9)] = 90;
  CHECK(*table.find(4) == 40);
  CHECK(table.idAt(a) == 4);
  table.release(4);
  CHECK(table.find(4) == nullptr);
  CHECK(table.idAt(a) == sim::kNoProcess);
  const std::int32_t b = table.acquire(77);
  CHECK(b == a);
  CHECK(table[b] == 0);  // T{}, not 4's 40
  CHECK(table.idAt(b) == 77);
  std::vector<std::pair<sim::ProcessId, std::int64_t>> seen;
  table.forEach([&seen](sim::ProcessId id, std::int64_t& value) { seen.emplace_back(id, value); });
  CHECK(seen == std::vector<std::pair<sim::ProcessId, std::int64_t>>{{77, 0}, {9, 90}});
  CHECK(table.size() == 2);
  CHECK(table.slotCount() == 2);
}
