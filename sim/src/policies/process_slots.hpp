// Internal: a queue's per-process state, sized by the processes the queue
// holds rather than by the largest process id.
//
// With per-core run queues every core has its own policy instance; a vector
// indexed by process id in each would cost processes x cores. Instead each
// instance gives the processes it holds a dense local slot:
//
// - ProcessSlots maps a ProcessId to its slot: an open-addressing hash map
//   (linear probing, at most half full, erase by backward shift, so no
//   tombstones) with a free list. A released slot is the next one handed
//   out, so slotCount() is the most processes held at once.
// - ProcessTable<T> keeps one T per slot beside that map, and the id that
//   holds each slot. A queue that is the run's only one (the global queue)
//   sees every process anyway: it may index by id instead (slot = id, no
//   map, the vector grown to the largest id), which costs no hashing.
//
// Slots are an address, never an order: policies break ties by process id.
#pragma once

#include <cstdint>
#include <vector>

#include "sim/types.hpp"

namespace sim::detail {

class ProcessSlots {
 public:
  static constexpr std::int32_t kNoSlot = -1;

  // The slot `id` holds, or kNoSlot.
  std::int32_t find(ProcessId id) const {
    if (buckets_.empty()) return kNoSlot;
    for (std::size_t i = home(id);; i = (i + 1) & mask()) {
      const Bucket& b = buckets_[i];
      if (b.id == id) return b.slot;
      if (b.id == kNoProcess) return kNoSlot;
    }
  }

  // The slot of `id` (>= 0), given one when it held none: the last slot
  // released, or else a new one. `added` says whether it was given now.
  std::int32_t acquire(ProcessId id, bool& added) {
    if ((size_ + 1) * 2 > buckets_.size()) grow();
    std::size_t i = home(id);
    for (; buckets_[i].id != kNoProcess; i = (i + 1) & mask()) {
      if (buckets_[i].id == id) {
        added = false;
        return buckets_[i].slot;
      }
    }
    std::int32_t slot = slot_count_;
    if (free_.empty()) {
      ++slot_count_;
    } else {
      slot = free_.back();
      free_.pop_back();
    }
    buckets_[i] = {id, slot};
    ++size_;
    added = true;
    return slot;
  }

  // Releases the slot `id` holds; returns it, or kNoSlot when it held none.
  std::int32_t release(ProcessId id) {
    if (buckets_.empty()) return kNoSlot;
    std::size_t i = home(id);
    for (; buckets_[i].id != id; i = (i + 1) & mask()) {
      if (buckets_[i].id == kNoProcess) return kNoSlot;
    }
    const std::int32_t slot = buckets_[i].slot;
    free_.push_back(slot);
    --size_;
    // Backward shift: each later entry of the run that may live at i moves there.
    for (std::size_t j = (i + 1) & mask(); buckets_[j].id != kNoProcess; j = (j + 1) & mask()) {
      const std::size_t from_home = (j - home(buckets_[j].id)) & mask();
      if (from_home >= ((j - i) & mask())) {
        buckets_[i] = buckets_[j];
        i = j;
      }
    }
    buckets_[i] = Bucket{};
    return slot;
  }

  std::size_t size() const { return size_; }                  // processes holding a slot
  std::int32_t slotCount() const { return slot_count_; }       // slots made: the most held at once
  std::size_t bucketCount() const { return buckets_.size(); }  // a power of two, >= 2 x size()

 private:
  struct Bucket {
    ProcessId id = kNoProcess;
    std::int32_t slot = kNoSlot;
  };

  std::size_t mask() const { return buckets_.size() - 1; }
  // Fibonacci hashing: the top bits of id x 2^64 / golden ratio. Ids a
  // fixed stride apart (a per-core queue's) spread over the whole table.
  std::size_t home(ProcessId id) const {
    const std::uint64_t mixed = static_cast<std::uint64_t>(static_cast<std::uint32_t>(id)) * 0x9E3779B97F4A7C15ULL;
    return static_cast<std::size_t>(mixed >> shift_);
  }

  void grow() {
    std::vector<Bucket> old = std::move(buckets_);
    const std::size_t count = old.empty() ? 16 : old.size() * 2;
    buckets_.assign(count, Bucket{});
    shift_ = 64 - static_cast<unsigned>(__builtin_ctzll(count));
    for (const Bucket& b : old) {
      if (b.id == kNoProcess) continue;
      std::size_t i = home(b.id);
      while (buckets_[i].id != kNoProcess) i = (i + 1) & mask();
      buckets_[i] = b;
    }
  }

  std::vector<Bucket> buckets_;
  std::vector<std::int32_t> free_;  // released slots, the last released on top
  std::size_t size_ = 0;
  std::int32_t slot_count_ = 0;
  unsigned shift_ = 64;
};

// One T per slot: the state of each process a queue holds. A slot given out
// again starts from T{}, as a process new to the queue.
//
// Indexed by id (indexById(true)), every id up to the largest seen has a
// slot, its own id, holding T{} until it is first acquired and again once
// released; find() and forEach() see those T{} too.
template <class T>
class ProcessTable {
 public:
  // Slot = process id from now on; only before the first acquire.
  void indexById(bool by_id) { by_id_ = by_id; }

  // The slot of `id`, or ProcessSlots::kNoSlot.
  std::int32_t slotOf(ProcessId id) const {
    if (by_id_) return static_cast<std::size_t>(id) < values_.size() ? id : ProcessSlots::kNoSlot;
    return slots_.find(id);
  }

  // The slot of `id`; one holding T{} when it held none.
  std::int32_t acquire(ProcessId id) {
    if (by_id_) {
      if (static_cast<std::size_t>(id) >= values_.size()) values_.resize(static_cast<std::size_t>(id) + 1);
      return id;
    }
    bool added = false;
    const std::int32_t slot = slots_.acquire(id, added);
    if (!added) return slot;
    const auto at = static_cast<std::size_t>(slot);
    if (at == values_.size()) {
      values_.emplace_back();
      ids_.push_back(id);
    } else {
      values_[at] = T{};
      ids_[at] = id;
    }
    return slot;
  }
  T& acquireValue(ProcessId id) { return values_[static_cast<std::size_t>(acquire(id))]; }

  // `id` leaves the queue: its state is dropped and its slot freed.
  void release(ProcessId id) {
    if (by_id_) {
      if (static_cast<std::size_t>(id) < values_.size()) values_[static_cast<std::size_t>(id)] = T{};
      return;
    }
    const std::int32_t slot = slots_.release(id);
    if (slot != ProcessSlots::kNoSlot) ids_[static_cast<std::size_t>(slot)] = kNoProcess;
  }

  // The state of `id`, or nullptr when it holds no slot.
  const T* find(ProcessId id) const {
    const std::int32_t slot = slotOf(id);
    return slot == ProcessSlots::kNoSlot ? nullptr : &values_[static_cast<std::size_t>(slot)];
  }

  T& operator[](std::int32_t slot) { return values_[static_cast<std::size_t>(slot)]; }
  const T& operator[](std::int32_t slot) const { return values_[static_cast<std::size_t>(slot)]; }
  // The process holding `slot`, or kNoProcess when it is free.
  ProcessId idAt(std::int32_t slot) const { return by_id_ ? slot : ids_[static_cast<std::size_t>(slot)]; }
  // &state of `slot`, for a prefetch.
  const T* address(std::int32_t slot) const { return values_.data() + slot; }

  // Calls visit(id, state) for every process holding a slot, by slot.
  template <class Visit>
  void forEach(Visit visit) {
    for (std::size_t at = 0; at < values_.size(); ++at) {
      const ProcessId id = idAt(static_cast<std::int32_t>(at));
      if (id != kNoProcess) visit(id, values_[at]);
    }
  }

  std::size_t size() const { return slots_.size(); }  // hashed only: the processes holding a slot
  // Slots made: the most processes held at once, or by id the largest id + 1.
  std::int32_t slotCount() const { return by_id_ ? static_cast<std::int32_t>(values_.size()) : slots_.slotCount(); }

 private:
  bool by_id_ = false;
  ProcessSlots slots_;
  std::vector<T> values_;    // by slot
  std::vector<ProcessId> ids_;  // by slot: who holds it, kNoProcess when free
};

}  // namespace sim::detail
