#include "deadline_tree.hpp"

#include <cassert>

namespace sim::detail {

namespace {

// Murmur3's finalizer: a bijection on 32 bits, so no two ids tie.
std::uint32_t treapPriority(std::int32_t id) {
  auto h = static_cast<std::uint32_t>(id);
  h ^= h >> 16;
  h *= 0x85EBCA6BU;
  h ^= h >> 13;
  h *= 0xC2B2AE35U;
  h ^= h >> 16;
  return h;
}

}  // namespace

bool DeadlineTree::keyBefore(std::int32_t a, std::int32_t b) const {
  const Node& x = node(a);
  const Node& y = node(b);
  return x.vruntime != y.vruntime ? x.vruntime < y.vruntime : x.id < y.id;
}

bool DeadlineTree::heavier(std::int32_t a, std::int32_t b) const {
  return treapPriority(node(a).id) > treapPriority(node(b).id);
}

void DeadlineTree::pull(std::int32_t n) {
  Node& x = node(n);
  x.min_deadline = x.deadline;
  x.min_slot = n;
  for (const std::int32_t child : {x.left, x.right}) {
    if (child < 0) continue;
    const Node& c = node(child);
    if (earlierMin(c.min_deadline, c.min_slot, x.min_deadline, x.min_slot)) {
      x.min_deadline = c.min_deadline;
      x.min_slot = c.min_slot;
    }
  }
}

// Splits subtree t into the nodes whose key is before `key`'s and the rest.
void DeadlineTree::split(std::int32_t t, std::int32_t key, std::int32_t& less, std::int32_t& rest) {
  if (t < 0) {
    less = rest = -1;
    return;
  }
  if (keyBefore(t, key)) {
    split(node(t).right, key, node(t).right, rest);
    less = t;
  } else {
    split(node(t).left, key, less, node(t).left);
    rest = t;
  }
  pull(t);
}

// Joins two subtrees where every key of a is before every key of b.
std::int32_t DeadlineTree::merge(std::int32_t a, std::int32_t b) {
  if (a < 0) return b;
  if (b < 0) return a;
  if (heavier(a, b)) {
    node(a).right = merge(node(a).right, b);
    pull(a);
    return a;
  }
  node(b).left = merge(a, node(b).left);
  pull(b);
  return b;
}

// On the way down the subtree minimum can only become n's own: no need to
// read the siblings (each a cache miss in a tree of a million processes).
std::int32_t DeadlineTree::insertAt(std::int32_t t, std::int32_t n) {
  if (t < 0) return n;
  if (heavier(n, t)) {
    split(t, n, node(n).left, node(n).right);
    pull(n);
    return n;
  }
  if (keyBefore(n, t)) {
    node(t).left = insertAt(node(t).left, n);
  } else {
    node(t).right = insertAt(node(t).right, n);
  }
  Node& x = node(t);
  const Node& added = node(n);
  if (earlierMin(added.deadline, n, x.min_deadline, x.min_slot)) {
    x.min_deadline = added.deadline;
    x.min_slot = n;
  }
  return t;
}

std::int32_t DeadlineTree::eraseAt(std::int32_t t, std::int32_t n) {
  assert(t >= 0);
  if (t == n) return merge(node(t).left, node(t).right);
  if (keyBefore(n, t)) {
    node(t).left = eraseAt(node(t).left, n);
  } else {
    node(t).right = eraseAt(node(t).right, n);
  }
  if (node(t).min_slot == n) pull(t);  // otherwise the subtree's minimum stays
  return t;
}

void DeadlineTree::insert(std::int32_t slot, ProcessId id, std::int64_t vruntime, std::int64_t deadline) {
  assert(slot >= 0 && id >= 0 && !contains(slot));
  if (static_cast<std::size_t>(slot) >= nodes_.size()) nodes_.resize(static_cast<std::size_t>(slot) + 1);
  node(slot) = Node{vruntime, deadline, deadline, slot, -1, -1, id};
  root_ = insertAt(root_, slot);
  ++size_;
}

void DeadlineTree::erase(std::int32_t slot) {
  assert(contains(slot));
  root_ = eraseAt(root_, slot);
  Node& x = node(slot);
  x.id = kNoProcess;
  x.left = x.right = -1;
  --size_;
}

// Going down from the root: a node whose vruntime is at most `limit` is
// eligible with its whole left subtree (smaller keys), so both count and the
// walk goes right; otherwise only its left subtree can hold eligible nodes.
std::int32_t DeadlineTree::earliestEligible(std::int64_t limit, std::int64_t& below, std::int64_t& above) const {
  below = std::numeric_limits<std::int64_t>::min();
  above = std::numeric_limits<std::int64_t>::max();
  std::int64_t best_deadline = 0;
  std::int32_t best = kNoSlot;
  auto consider = [&](std::int64_t deadline, std::int32_t slot) {
    if (best < 0 || earlierMin(deadline, slot, best_deadline, best)) {
      best_deadline = deadline;
      best = slot;
    }
  };
  std::int32_t n = root_;
  while (n >= 0) {
    const Node& x = node(n);
    if (x.vruntime <= limit) {
      below = x.vruntime;  // the path's last such node has the largest
      consider(x.deadline, n);
      if (x.left >= 0) consider(node(x.left).min_deadline, node(x.left).min_slot);
      n = x.right;
    } else {
      above = x.vruntime;  // the path's last such node has the smallest
      n = x.left;
    }
  }
  return best;
}

std::int32_t DeadlineTree::leftmost() const {
  std::int32_t n = root_;
  if (n < 0) return kNoSlot;
  while (node(n).left >= 0) n = node(n).left;
  return n;
}

}  // namespace sim::detail
