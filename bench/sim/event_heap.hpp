// The bare binary heap the engine is compared with: 16-byte events, one
// pop of the earliest and one push 1..10 ticks later per operation (the
// "hold" model of event-queue benchmarks). Used by sim_bench
// (BM_HeapHold, BM_EngineVsHeap) and by heap_hold (end_to_end.sh).
#pragma once

#include <cstdint>
#include <functional>
#include <queue>
#include <vector>

namespace bench {

struct HeapEvent {  // 16 bytes, like the engine's CoreEvent / IoEvent
  std::int64_t tick = 0;
  std::int32_t id = 0;
  std::uint32_t generation = 0;
};
static_assert(sizeof(HeapEvent) == 16);

struct Later {
  bool operator()(const HeapEvent& a, const HeapEvent& b) const {
    return a.tick != b.tick ? a.tick > b.tick : a.id > b.id;
  }
};

using EventHeap = std::priority_queue<HeapEvent, std::vector<HeapEvent>, Later>;

inline std::uint64_t nextRandom(std::uint64_t& x) {  // xorshift64: cheap, so the heap dominates
  x ^= x << 13;
  x ^= x >> 7;
  x ^= x << 17;
  return x;
}

inline EventHeap filledHeap(std::size_t size) {
  std::vector<HeapEvent> events(size);
  std::uint64_t random = 88172645463325252ULL;
  for (std::size_t i = 0; i < size; ++i) {
    events[i] = {static_cast<std::int64_t>(nextRandom(random) % 10), static_cast<std::int32_t>(i), 0};
  }
  return EventHeap(Later{}, std::move(events));
}

// `operations` times: pop the earliest event, push it back 1..10 ticks later.
inline std::int64_t hold(EventHeap& heap, std::int64_t operations) {
  std::uint64_t random = 0x9E3779B97F4A7C15ULL;
  std::int64_t checksum = 0;
  for (std::int64_t i = 0; i < operations; ++i) {
    const HeapEvent top = heap.top();
    heap.pop();
    heap.push({top.tick + 1 + static_cast<std::int64_t>(nextRandom(random) % 10), top.id, top.generation + 1});
    checksum += top.tick;
  }
  return checksum;
}

}  // namespace bench
