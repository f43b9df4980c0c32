#include "ticket_tree.hpp"

#include <algorithm>
#include <cassert>
#include <numeric>

namespace sim::detail {

namespace {

// Moves k entries between neighbours a and b (a before b) in every array
// named: the last k of a to the front of b when k > 0, the first -k of b
// to the end of a when k < 0. Counts are updated.
template <class Node, class... Arrays>
void moveEntries(Node& a, Node& b, int k, Arrays Node::*... arrays) {
  if (k > 0) {
    const auto shift = [&](auto& from, auto& to) {
      std::copy_backward(to.begin(), to.begin() + b.count, to.begin() + b.count + k);
      std::copy(from.begin() + (a.count - k), from.begin() + a.count, to.begin());
    };
    (shift(a.*arrays, b.*arrays), ...);
  } else {
    const auto shift = [&](auto& from, auto& to) {
      std::copy(from.begin(), from.begin() - k, to.begin() + a.count);
      std::copy(from.begin() - k, from.begin() + b.count, from.begin());
    };
    (shift(b.*arrays, a.*arrays), ...);
  }
  a.count -= k;
  b.count += k;
}

// Opens slot `pos` in every array named, for one more entry.
template <class Node, class... Arrays>
void openSlot(Node& node, int pos, Arrays Node::*... arrays) {
  const auto shift = [&](auto& array) {
    std::copy_backward(array.begin() + pos, array.begin() + node.count, array.begin() + node.count + 1);
  };
  (shift(node.*arrays), ...);
  ++node.count;
}

// Closes slot `pos` in every array named, one entry fewer.
template <class Node, class... Arrays>
void closeSlot(Node& node, int pos, Arrays Node::*... arrays) {
  const auto shift = [&](auto& array) {
    std::copy(array.begin() + pos + 1, array.begin() + node.count, array.begin() + pos);
  };
  (shift(node.*arrays), ...);
  --node.count;
}

}  // namespace

// [SECTION] The node kinds: what splitting and refilling need of each

void TicketTree::Leaf::move(Leaf& a, Leaf& b, int k) { moveEntries(a, b, k, &Leaf::ids, &Leaf::tickets); }
void TicketTree::Inner::move(Inner& a, Inner& b, int k) {
  moveEntries(a, b, k, &Inner::keys, &Inner::child, &Inner::sums);
}

void TicketTree::Leaf::eraseAt(int pos) { closeSlot(*this, pos, &Leaf::ids, &Leaf::tickets); }
void TicketTree::Inner::eraseAt(int pos) { closeSlot(*this, pos, &Inner::keys, &Inner::child, &Inner::sums); }

std::int64_t TicketTree::Leaf::sum() const {
  return std::accumulate(tickets.begin(), tickets.begin() + count, std::int64_t{0});
}
std::int64_t TicketTree::Inner::sum() const {
  return std::accumulate(sums.begin(), sums.begin() + count, std::int64_t{0});
}

void TicketTree::Leaf::insertAt(int pos, std::int32_t id, std::int32_t entry_tickets) {
  openSlot(*this, pos, &Leaf::ids, &Leaf::tickets);
  ids[static_cast<std::size_t>(pos)] = id;
  tickets[static_cast<std::size_t>(pos)] = entry_tickets;
}
void TicketTree::Inner::insertAt(int pos, std::int32_t key, std::int32_t node, std::int64_t sum) {
  openSlot(*this, pos, &Inner::keys, &Inner::child, &Inner::sums);
  keys[static_cast<std::size_t>(pos)] = key;
  child[static_cast<std::size_t>(pos)] = node;
  sums[static_cast<std::size_t>(pos)] = sum;
}

template <class Node>
std::int32_t TicketTree::newNode(std::vector<Node>& pool, std::vector<std::int32_t>& free) {
  if (free.empty()) {
    pool.emplace_back();
    return static_cast<std::int32_t>(pool.size() - 1);
  }
  const std::int32_t n = free.back();
  free.pop_back();
  pool[static_cast<std::size_t>(n)] = Node{};
  return n;
}

// [SECTION] Walks

int TicketTree::slotFor(const Inner& node, std::int32_t id) {
  int slot = 0;
  while (slot + 1 < node.count && node.keys[static_cast<std::size_t>(slot + 1)] <= id) ++slot;
  return slot;
}

std::int32_t TicketTree::descend(std::int32_t id, Path& path) const {
  std::int32_t n = root_;
  for (int level = 0; level < height_; ++level) {
    const Inner& node = inner(n);
    const int slot = slotFor(node, id);
    path[static_cast<std::size_t>(level)] = {n, slot};
    n = node.child[static_cast<std::size_t>(slot)];
  }
  return n;
}

ProcessId TicketTree::find(std::int64_t w, Spot& spot) const {
  assert(w >= 0 && w < total_);
  std::int32_t n = root_;
  for (int level = 0; level < height_; ++level) {
    const Inner& node = inner(n);
    int slot = 0;
    while (node.sums[static_cast<std::size_t>(slot)] <= w) w -= node.sums[static_cast<std::size_t>(slot++)];
    spot.path[static_cast<std::size_t>(level)] = {n, slot};
    n = node.child[static_cast<std::size_t>(slot)];
  }
  const Leaf& last = leaf(n);
  std::size_t i = 0;
  while (last.tickets[i] <= w) w -= last.tickets[i++];
  spot.leaf = n;
  spot.pos = static_cast<int>(i);
  return static_cast<ProcessId>(last.ids[i]);
}

std::int32_t TicketTree::ticketsOf(ProcessId id) const {
  if (root_ < 0) return 0;
  Path path;
  const Leaf& last = leaf(descend(static_cast<std::int32_t>(id), path));
  const auto end = last.ids.begin() + last.count;
  const auto at = std::lower_bound(last.ids.begin(), end, static_cast<std::int32_t>(id));
  return at != end && *at == id ? last.tickets[static_cast<std::size_t>(at - last.ids.begin())] : 0;
}

// [SECTION] Entry

void TicketTree::insert(ProcessId process, std::int32_t tickets) {
  assert(tickets > 0);
  const auto id = static_cast<std::int32_t>(process);
  total_ += tickets;
  ++size_;
  if (root_ < 0) {
    root_ = newNode(leaves_, free_leaves_);
    height_ = 0;
  }
  Path path;
  const std::int32_t n = descend(id, path);
  for (int level = 0; level < height_; ++level) {
    const Step& step = path[static_cast<std::size_t>(level)];
    inner(step.node).sums[static_cast<std::size_t>(step.slot)] += tickets;
  }
  const auto position = [&](const Leaf& node) {
    const auto at = std::lower_bound(node.ids.begin(), node.ids.begin() + node.count, id);
    assert(at == node.ids.begin() + node.count || *at != id);
    return static_cast<int>(at - node.ids.begin());
  };
  const int pos = position(leaf(n));
  if (leaf(n).count < Leaf::kCapacity) {
    leaf(n).insertAt(pos, id, tickets);
    return;
  }
  // Processes entering in id order (arrivals) leave full leaves behind.
  const bool appending = leaf(n).next < 0 && pos == Leaf::kCapacity;
  const std::int32_t right = splitOff(n, appending ? Leaf::kCapacity : Leaf::kCapacity / 2, leaves_, free_leaves_);
  Leaf& a = leaf(n);
  Leaf& b = leaf(right);
  b.next = a.next;
  a.next = right;
  if (appending || pos > a.count) {
    b.insertAt(pos - a.count, id, tickets);
  } else {
    a.insertAt(pos, id, tickets);
  }
  enterSibling(path, height_ - 1, b.ids[0], right, b.sum(), appending);
}

template <class Node>
std::int32_t TicketTree::splitOff(std::int32_t n, int keep, std::vector<Node>& pool, std::vector<std::int32_t>& free) {
  const std::int32_t right = newNode(pool, free);
  Node& a = pool[static_cast<std::size_t>(n)];
  Node::move(a, pool[static_cast<std::size_t>(right)], a.count - keep);
  return right;
}

void TicketTree::enterSibling(const Path& path, int level, std::int32_t key, std::int32_t node, std::int64_t sum,
                              bool appending) {
  for (; level >= 0; --level) {
    const Step& step = path[static_cast<std::size_t>(level)];
    inner(step.node).sums[static_cast<std::size_t>(step.slot)] -= sum;
    const int pos = step.slot + 1;
    if (inner(step.node).count < Inner::kCapacity) {
      inner(step.node).insertAt(pos, key, node, sum);
      return;
    }
    const std::int32_t right =
        splitOff(step.node, appending ? Inner::kCapacity : Inner::kCapacity / 2, inners_, free_inners_);
    Inner& a = inner(step.node);
    Inner& b = inner(right);
    if (appending || pos > a.count) {
      b.insertAt(pos - a.count, key, node, sum);
    } else {
      a.insertAt(pos, key, node, sum);
    }
    key = b.keys[0];
    node = right;
    sum = b.sum();
  }
  // The root split: a new root above the two parts.
  assert(height_ < kMaxHeight);
  const std::int32_t top = newNode(inners_, free_inners_);
  Inner& root = inner(top);
  root.insertAt(0, 0, root_, total_ - sum);
  root.insertAt(1, key, node, sum);
  root_ = top;
  ++height_;
}

// [SECTION] Removal

std::int32_t TicketTree::erase(ProcessId process) {
  const auto id = static_cast<std::int32_t>(process);
  Spot spot;
  spot.leaf = descend(id, spot.path);
  const Leaf& last = leaf(spot.leaf);
  const auto at = std::lower_bound(last.ids.begin(), last.ids.begin() + last.count, id);
  assert(at != last.ids.begin() + last.count && *at == id);
  spot.pos = static_cast<int>(at - last.ids.begin());
  return erase(spot);
}

std::int32_t TicketTree::erase(const Spot& spot) {
  const Path& path = spot.path;
  Leaf& last = leaf(spot.leaf);
  const std::int32_t tickets = last.tickets[static_cast<std::size_t>(spot.pos)];
  last.eraseAt(spot.pos);
  for (int level = 0; level < height_; ++level) {
    const Step& step = path[static_cast<std::size_t>(level)];
    inner(step.node).sums[static_cast<std::size_t>(step.slot)] -= tickets;
  }
  total_ -= tickets;
  --size_;

  if (height_ == 0) {
    if (last.count == 0) {
      free_leaves_.push_back(root_);
      root_ = -1;
    }
    return tickets;
  }
  if (last.count >= Leaf::kMinimum) return tickets;
  if (!refill(path[static_cast<std::size_t>(height_ - 1)], leaves_, free_leaves_)) return tickets;
  for (int level = height_ - 1; level > 0; --level) {
    if (inner(path[static_cast<std::size_t>(level)].node).count >= Inner::kMinimum) return tickets;
    if (!refill(path[static_cast<std::size_t>(level - 1)], inners_, free_inners_)) return tickets;
  }
  if (inner(root_).count == 1) {
    free_inners_.push_back(root_);
    root_ = inner(root_).child[0];
    --height_;
  }
  return tickets;
}

// The child at `step` has too few entries: it and a neighbour share their
// entries evenly, or become one node when they fit in one.
template <class Node>
bool TicketTree::refill(const Step& step, std::vector<Node>& pool, std::vector<std::int32_t>& free) {
  Inner& parent = inner(step.node);
  const auto a = static_cast<std::size_t>(step.slot + 1 < parent.count ? step.slot : step.slot - 1);
  const std::size_t b = a + 1;
  Node& left = pool[static_cast<std::size_t>(parent.child[a])];
  Node& right = pool[static_cast<std::size_t>(parent.child[b])];
  right.adoptKey(parent.keys[b]);
  const std::int64_t both = parent.sums[a] + parent.sums[b];
  if (left.count + right.count <= Node::kCapacity) {
    left.absorb(right);
    Node::move(left, right, -right.count);
    parent.sums[a] = both;
    free.push_back(parent.child[b]);
    parent.eraseAt(static_cast<int>(b));
    return true;
  }
  Node::move(left, right, left.count - (left.count + right.count) / 2);
  parent.keys[b] = right.firstKey();
  parent.sums[a] = left.sum();
  parent.sums[b] = both - parent.sums[a];
  return false;
}

}  // namespace sim::detail
