// Internal: lottery's ready queue while it is dense (ticket_queue.hpp):
// the tickets of every id below a bound, 0 for those not ready, with the
// sum of every 16 consecutive entries one level up, and so on to the total.
// An entry, a removal and a search each touch one cache line or two per
// level (five levels for a million ids), and an entry or a removal finds
// its place by arithmetic rather than by a walk.
#pragma once

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

#include "sim/types.hpp"

namespace sim::detail {

class TicketArray {
 public:
  static constexpr std::size_t kFanout = 16;

  std::int64_t total() const { return sums_.empty() ? 0 : sums_.back().front(); }
  std::int32_t at(ProcessId id) const {
    const auto i = static_cast<std::size_t>(id);
    return i < tickets_.size() ? tickets_[i] : 0;
  }
  std::size_t capacity() const { return tickets_.size(); }

  void set(ProcessId id, std::int32_t tickets) {
    auto i = static_cast<std::size_t>(id);
    if (i >= tickets_.size()) grow(i + 1);
    const std::int64_t delta = tickets - tickets_[i];
    tickets_[i] = tickets;
    for (std::vector<std::int64_t>& level : sums_) {
      i /= kFanout;
      level[i] += delta;
    }
  }

  // The id holding ticket w (0 <= w < total()): the lowest id whose running
  // sum of tickets exceeds w.
  ProcessId find(std::int64_t w) const {
    std::size_t node = 0;
    for (std::size_t level = sums_.size() - 1; level-- > 0;) {
      node *= kFanout;
      while (sums_[level][node] <= w) w -= sums_[level][node++];
    }
    node *= kFanout;
    while (tickets_[node] <= w) w -= tickets_[node++];
    return static_cast<ProcessId>(node);
  }

  // Calls visit(id, tickets) for every id with tickets, in id order,
  // skipping empty groups of 16.
  template <class Visit>
  void forEach(Visit visit) const {
    for (std::size_t group = 0; group * kFanout < tickets_.size(); ++group) {
      if (sums_.front()[group] == 0) continue;
      for (std::size_t i = group * kFanout; i < (group + 1) * kFanout; ++i) {
        if (tickets_[i] > 0) visit(static_cast<ProcessId>(i), tickets_[i]);
      }
    }
  }

 private:
  // Room for at least twice the old ids, a multiple of 16; each level has
  // one sum per 16 entries of the level below (the last group may be
  // short) up to a single total. Rebuilt in O(capacity).
  void grow(std::size_t needed) {
    std::size_t capacity = std::max(needed, 2 * tickets_.size());
    capacity = (capacity + kFanout - 1) / kFanout * kFanout;
    tickets_.resize(capacity, 0);
    sums_.clear();
    std::size_t below = capacity;
    do {
      const std::size_t width = (below + kFanout - 1) / kFanout;
      std::vector<std::int64_t> level(width, 0);
      for (std::size_t i = 0; i < below; ++i) {
        level[i / kFanout] += sums_.empty() ? tickets_[i] : sums_.back()[i];
      }
      sums_.push_back(std::move(level));
      below = width;
    } while (below > 1);
  }

  std::vector<std::int32_t> tickets_;             // by process id: its tickets while ready, else 0
  std::vector<std::vector<std::int64_t>> sums_;   // [0]: sums of 16 ids, ..., back(): {total}
};

}  // namespace sim::detail
