// Internal: eevdf's ready queue. An augmented treap keyed by (vruntime, id)
// in which every node also knows the earliest (deadline, id) of its
// subtree, as Linux's augmented rbtree knows min_deadline. Finding the
// eligible process (vruntime <= V) with the earliest deadline walks one
// path from the root: O(log n) expected, as are insert and erase.
//
// Nodes live in a vector indexed by process id (a process is in the tree at
// most once), so nothing is allocated once the vector has grown, and copying
// the tree copies one vector. A node's treap priority is a bijective hash
// of its id: the shape, like everything else, is deterministic.
#pragma once

#include <cstdint>
#include <vector>

#include "sim/types.hpp"

namespace sim::detail {

class DeadlineTree {
 public:
  // `id` must not be in the tree.
  void insert(ProcessId id, std::int64_t vruntime, std::int64_t deadline);
  // `id` must be in the tree.
  void erase(ProcessId id);
  bool contains(ProcessId id) const {
    return id >= 0 && static_cast<std::size_t>(id) < nodes_.size() && nodes_[static_cast<std::size_t>(id)].linked;
  }
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

  // The process with the earliest (deadline, id) among those with vruntime
  // <= limit, or kNoProcess when there is none.
  ProcessId earliestEligible(std::int64_t limit) const;
  // The process with the smallest (vruntime, id), or kNoProcess.
  ProcessId leftmost() const;

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
      visit(static_cast<ProcessId>(n), node(n).vruntime, node(n).deadline);
      n = node(n).right;
    }
  }

 private:
  struct Node {
    std::int64_t vruntime = 0;
    std::int64_t deadline = 0;
    std::int64_t min_deadline = 0;  // earliest (deadline, id) in the subtree: its deadline
    std::int32_t min_id = -1;       // ... and its id
    std::int32_t left = -1;
    std::int32_t right = -1;
    bool linked = false;
  };

  Node& node(std::int32_t n) { return nodes_[static_cast<std::size_t>(n)]; }
  const Node& node(std::int32_t n) const { return nodes_[static_cast<std::size_t>(n)]; }
  bool keyBefore(std::int32_t a, std::int32_t b) const;       // (vruntime, id) of a < that of b
  static bool heavier(std::int32_t a, std::int32_t b);        // treap priority of a > that of b
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
