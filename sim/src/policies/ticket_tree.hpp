// Internal: the sparse form of lottery's ready queue (ticket_queue.hpp).
// A B+ tree keyed by process id: leaves hold up to 64 (id, tickets) pairs
// in id order, inner nodes up to 16 children with the lowest id and the
// ticket sum of each. Finding the holder of ticket w (counting tickets in
// id order) walks one path from the root subtracting sums, as do an entry
// and a removal: O(log n) each, one or two cache lines per level.
//
// The size follows the processes held, not the largest id: a per-core
// queue of a thousand processes among a million ids keeps a few dozen
// nodes. Nodes live in two pool vectors with free lists, so nothing is
// allocated once the pools have grown, and copying the tree copies vectors.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "sim/types.hpp"

namespace sim::detail {

class TicketTree {
 public:
  static constexpr int kMaxHeight = 32;  // inner levels; 16 suffice for 2^31 ids at the minimum fill
  // One step of a walk from the root: the inner node and the child taken.
  struct Step {
    std::int32_t node = -1;
    int slot = 0;
  };
  using Path = std::array<Step, kMaxHeight>;
  // Where find() found a process: erase(spot) removes it without a second
  // walk. Valid until the tree next changes.
  struct Spot {
    Path path{};
    std::int32_t leaf = -1;
    int pos = 0;
  };

  // `id` must not be in the tree; tickets > 0.
  void insert(ProcessId id, std::int32_t tickets);
  // `id` must be in the tree. Returns its tickets.
  std::int32_t erase(ProcessId id);
  // Removes the process find() named in `spot`. Returns its tickets.
  std::int32_t erase(const Spot& spot);

  // The process holding ticket w (0 <= w < total()): walking the processes
  // in id order adding up tickets, the first whose running sum exceeds w.
  ProcessId find(std::int64_t w, Spot& spot) const;
  ProcessId find(std::int64_t w) const {
    Spot spot;
    return find(w, spot);
  }
  // The tickets of `id`, or 0 when it is not in the tree.
  std::int32_t ticketsOf(ProcessId id) const;

  std::int64_t total() const { return total_; }
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  // Leaves and inner nodes in use (not those on the free lists).
  std::size_t nodesInUse() const {
    return leaves_.size() - free_leaves_.size() + inners_.size() - free_inners_.size();
  }
  // Inner levels above the leaves.
  int height() const { return height_; }

  // Calls visit(id, tickets) for every process, in id order.
  template <class Visit>
  void forEach(Visit visit) const {
    if (root_ < 0) return;
    std::int32_t n = root_;
    for (int level = 0; level < height_; ++level) n = inners_[static_cast<std::size_t>(n)].child[0];
    for (; n >= 0; n = leaves_[static_cast<std::size_t>(n)].next) {
      const Leaf& leaf = leaves_[static_cast<std::size_t>(n)];
      for (int i = 0; i < leaf.count; ++i) visit(static_cast<ProcessId>(leaf.ids[i]), leaf.tickets[i]);
    }
  }

 private:
  struct Leaf {
    static constexpr int kCapacity = 64;
    static constexpr int kMinimum = kCapacity / 4;  // below this a leaf borrows from or merges with a neighbour
    std::int32_t count = 0;
    std::int32_t next = -1;  // the next leaf in id order, -1 for the last
    std::array<std::int32_t, kCapacity> ids{};
    std::array<std::int32_t, kCapacity> tickets{};

    void insertAt(int pos, std::int32_t id, std::int32_t entry_tickets);
    void eraseAt(int pos);
    std::int64_t sum() const;
    std::int32_t firstKey() const { return ids[0]; }
    void adoptKey(std::int32_t) {}
    void absorb(const Leaf& right) { next = right.next; }
    static void move(Leaf& a, Leaf& b, int k);
  };
  struct Inner {
    static constexpr int kCapacity = 16;
    static constexpr int kMinimum = kCapacity / 4;
    std::int32_t count = 0;
    std::array<std::int32_t, kCapacity> keys{};   // keys[i], i >= 1: above every id under child i-1, at most any under child i
    std::array<std::int32_t, kCapacity> child{};  // leaves on the lowest inner level, else inner nodes
    std::array<std::int64_t, kCapacity> sums{};   // the tickets under child i

    void insertAt(int pos, std::int32_t key, std::int32_t node, std::int64_t sum);
    void eraseAt(int pos);
    std::int64_t sum() const;
    std::int32_t firstKey() const { return keys[0]; }
    void adoptKey(std::int32_t key) { keys[0] = key; }  // the parent's key, before keys[0] joins a neighbour's
    void absorb(const Inner&) {}
    static void move(Inner& a, Inner& b, int k);  // see moveEntries in the .cpp
  };
  Leaf& leaf(std::int32_t n) { return leaves_[static_cast<std::size_t>(n)]; }
  const Leaf& leaf(std::int32_t n) const { return leaves_[static_cast<std::size_t>(n)]; }
  Inner& inner(std::int32_t n) { return inners_[static_cast<std::size_t>(n)]; }
  const Inner& inner(std::int32_t n) const { return inners_[static_cast<std::size_t>(n)]; }
  template <class Node>
  static std::int32_t newNode(std::vector<Node>& pool, std::vector<std::int32_t>& free);
  static int slotFor(const Inner& node, std::int32_t id);
  // Walks from the root to the leaf that holds or would hold `id`, writing
  // the height_ steps to `path`; returns the leaf.
  std::int32_t descend(std::int32_t id, Path& path) const;
  // Moves the entries of full node n from `keep` on to a new node, returned.
  template <class Node>
  static std::int32_t splitOff(std::int32_t n, int keep, std::vector<Node>& pool, std::vector<std::int32_t>& free);
  // After a split below path[level], enters the new right part (lowest id
  // `key`, node `node`, `sum` tickets) in that step's node, splitting
  // upwards as needed. `appending`: the entry went past the last id, and
  // full nodes stay full, the new ones starting with the one entry.
  void enterSibling(const Path& path, int level, std::int32_t key, std::int32_t node, std::int64_t sum,
                    bool appending);
  // After a removal, the underfull child at `step` shares entries with a
  // neighbour or merges with it; returns whether they merged.
  template <class Node>
  bool refill(const Step& step, std::vector<Node>& pool, std::vector<std::int32_t>& free);

  std::vector<Leaf> leaves_;
  std::vector<Inner> inners_;
  std::vector<std::int32_t> free_leaves_;
  std::vector<std::int32_t> free_inners_;
  std::int32_t root_ = -1;  // a leaf when height_ is 0
  int height_ = 0;          // inner levels above the leaves
  std::int64_t total_ = 0;
  std::size_t size_ = 0;
};

}  // namespace sim::detail
