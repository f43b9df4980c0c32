// Internal: eevdf's ready queue. An augmented treap keyed by (vruntime, id)
// in which every node also knows the earliest (deadline, id) of its
// subtree, as Linux's augmented rbtree knows min_deadline. Finding the
// eligible process (vruntime <= V) with the earliest deadline walks one
// path from the root: O(log n) expected, as are insert and erase.
//
// Nodes live in a vector indexed by the owner's slot for the process
// (process_slots.hpp: dense, so the vector is as long as the most
// processes the queue has held), so nothing is allocated once the vector
// has grown, and copying the tree copies one vector. Keys and ties use the
// process id, never the slot; a node's treap priority is a bijective hash
// of its id: the shape, like everything else, is deterministic.
#pragma once

#include <cstdint>
#include <limits>
#include <vector>

#include "sim/types.hpp"

namespace sim::detail {

class DeadlineTree {
 public:
  static constexpr std::int32_t kNoSlot = -1;

  // `slot` must hold no process in the tree.
  void insert(std::int32_t slot, ProcessId id, std::int64_t vruntime, std::int64_t deadline);
  // `slot` must hold a process in the tree.
  void erase(std::int32_t slot);
  bool contains(std::int32_t slot) const {
    return slot >= 0 && static_cast<std::size_t>(slot) < nodes_.size() && node(slot).id != kNoProcess;
  }
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  ProcessId idAt(std::int32_t slot) const { return node(slot).id; }  // slot in the tree

  // The slot of the process with the earliest (deadline, id) among those
  // with vruntime <= limit, or kNoSlot when there is none. `below` gets the
  // largest vruntime <= limit in the tree (INT64_MIN if none), `above` the
  // smallest > limit (INT64_MAX if none): any limit in [below, above)
  // makes the same processes eligible.
  std::int32_t earliestEligible(std::int64_t limit, std::int64_t& below, std::int64_t& above) const;
  // The slot of the process with the smallest (vruntime, id), or kNoSlot.
  std::int32_t leftmost() const;

  // Calls visit(id, vruntime, deadline) for every process, by (vruntime, id).
  template <class Visit>
  void forEach(Visit visit) const {
    std::vector<std::int32_t> stack;
    std::int32_t n = root_;
    while (n >= 0 || !stack.empty()) {
      while (n >= 0) {
        stack.push_back(n);
        n = node(n).left;
      }
      n = stack.back();
      stack.pop_back();
      visit(node(n).id, node(n).vruntime, node(n).deadline);
      n = node(n).right;
    }
  }

 private:
  struct Node {                     // 40 bytes
    std::int64_t vruntime = 0;
    std::int64_t deadline = 0;
    std::int64_t min_deadline = 0;  // earliest (deadline, id) in the subtree: its deadline
    std::int32_t min_slot = -1;     // ... and its node
    std::int32_t left = -1;
    std::int32_t right = -1;
    ProcessId id = kNoProcess;      // kNoProcess: not in the tree
  };

  Node& node(std::int32_t n) { return nodes_[static_cast<std::size_t>(n)]; }
  const Node& node(std::int32_t n) const { return nodes_[static_cast<std::size_t>(n)]; }
  bool keyBefore(std::int32_t a, std::int32_t b) const;       // (vruntime, id) of a < that of b
  bool heavier(std::int32_t a, std::int32_t b) const;         // treap priority of a > that of b
  // (deadline, id) of the subtree minimum of `a` < that of `b`
  bool earlierMin(std::int64_t a_deadline, std::int32_t a_slot, std::int64_t b_deadline, std::int32_t b_slot) const {
    return a_deadline != b_deadline ? a_deadline < b_deadline : node(a_slot).id < node(b_slot).id;
  }
  void pull(std::int32_t n);                                   // recompute n's subtree minimum
  void split(std::int32_t t, std::int32_t key, std::int32_t& less, std::int32_t& rest);
  std::int32_t merge(std::int32_t a, std::int32_t b);
  std::int32_t insertAt(std::int32_t t, std::int32_t n);
  std::int32_t eraseAt(std::int32_t t, std::int32_t n);

  std::vector<Node> nodes_;
  std::int32_t root_ = -1;
  std::size_t size_ = 0;
};

}  // namespace sim::detail
