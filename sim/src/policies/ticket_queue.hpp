// Internal: lottery's ready queue, the ready processes' tickets by id in
// one of two forms that answer every question alike, so the draw cannot
// tell which is in use:
// - dense: a TicketArray over every id below a bound, while the ready
//   processes are a fair share of those ids (the global queue of a big run
//   holds most of them): a place found by arithmetic, not a walk;
// - sparse: a TicketTree (a per-core queue of 1024 cores holds one id in
//   1024): memory in the ready processes, whatever the largest id.
// Memory is O(ready processes) in both. The sparse form turns dense when
// the ready processes reach a quarter of its largest id + 1; the dense one
// turns sparse when a removal leaves fewer than one per 32 ids of its
// array, or an entry would need more than 8 ids per ready process. A change
// costs O(ready processes), paid for by the entries or removals since the last.
#pragma once

#include <algorithm>
#include <cstdint>

#include "ticket_array.hpp"
#include "ticket_tree.hpp"

namespace sim::detail {

class TicketQueue {
 public:
  // `id` must not be in the queue; tickets > 0.
  void insert(ProcessId id, std::int32_t tickets) {
    const auto end = static_cast<std::size_t>(id) + 1;
    if (dense_ && end > array_.capacity() && (size_ + 1) * 8 < end) makeSparse();
    ++size_;
    if (dense_) {
      array_.set(id, tickets);
      return;
    }
    tree_.insert(id, tickets);
    bound_ = std::max(bound_, end);
    if (size_ * 4 >= bound_) makeDense();
  }

  // The holder of ticket w (0 <= w < total()), counting in id order; in
  // the sparse form `spot` remembers where, for erase.
  ProcessId find(std::int64_t w, TicketTree::Spot& spot) const {
    return dense_ ? array_.find(w) : tree_.find(w, spot);
  }
  // Removes `id`, which find() returned with `spot`, the queue unchanged since.
  void eraseFound(ProcessId id, const TicketTree::Spot& spot) {
    --size_;
    if (!dense_) {
      tree_.erase(spot);
      if (size_ == 0) bound_ = 0;
      return;
    }
    array_.set(id, 0);
    if (size_ * 32 < array_.capacity()) makeSparse();
  }

  std::int32_t ticketsOf(ProcessId id) const { return dense_ ? array_.at(id) : tree_.ticketsOf(id); }
  std::int64_t total() const { return dense_ ? array_.total() : tree_.total(); }
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  bool dense() const { return dense_; }

  // Calls visit(id, tickets) for every process, in id order.
  template <class Visit>
  void forEach(Visit visit) const {
    if (dense_) {
      array_.forEach(visit);
    } else {
      tree_.forEach(visit);
    }
  }

 private:
  void makeSparse() {
    bound_ = 0;
    array_.forEach([&](ProcessId id, std::int32_t tickets) {
      tree_.insert(id, tickets);
      bound_ = static_cast<std::size_t>(id) + 1;
    });
    array_ = TicketArray{};
    dense_ = false;
  }
  void makeDense() {
    tree_.forEach([&](ProcessId id, std::int32_t tickets) { array_.set(id, tickets); });
    tree_ = TicketTree{};
    dense_ = true;
  }

  TicketArray array_;     // the dense form, empty while sparse
  TicketTree tree_;       // the sparse form, empty while dense
  bool dense_ = false;
  std::size_t size_ = 0;  // ready processes
  std::size_t bound_ = 0; // sparse: one past the largest id entered since it turned sparse or was empty
};

}  // namespace sim::detail
