// The ranked queue of sjf, srtf and priority (sim/src/ranked_policy.hpp):
// lowest rank first, ties in order of entry, with ranks of any size, and
// the head's urgency answered from the heap.
#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include <catch2/catch.hpp>

#include "sim/engine_state.hpp"
#include "sim/policy_registry.hpp"

namespace {

struct Ready {
  std::int64_t rank;
  std::uint64_t seq;
  sim::ProcessId id;
};

sim::ProcessView burstView(const Ready& ready) {
  sim::ProcessView view;
  view.id = ready.id;
  view.burst_remaining = ready.rank;
  view.ready_seq = ready.seq;
  return view;
}

std::unique_ptr<sim::Policy> srtf() {
  sim::PolicySpec spec;
  spec.name = "srtf";
  return sim::makePolicy(spec);
}

bool runsFirst(const Ready& a, const Ready& b) { return std::tie(a.rank, a.seq) < std::tie(b.rank, b.seq); }

// Pushes and pops `rounds` times at random against a sorted list; a rank of
// `huge` (when > 0) enters halfway.
void checkAgainstSortedList(std::uint32_t seed, std::int64_t huge) {
  const auto policy = srtf();
  const sim::EngineState state;
  std::mt19937 random(seed);
  std::vector<Ready> expected;
  std::uint64_t seq = std::uint64_t{1} << 33;  // ready_seq's upper half in play too
  for (int round = 0; round < 4000; ++round) {
    if (round == 2000 && huge > 0) {
      const Ready ready{huge, seq++, 999'999};
      policy->enqueue(burstView(ready));
      expected.push_back(ready);
    }
    if (random() % 3 != 0 || expected.empty()) {
      const Ready ready{static_cast<std::int64_t>(random() % 20), seq++, static_cast<sim::ProcessId>(round)};
      policy->enqueue(burstView(ready));
      expected.push_back(ready);
    } else {
      const auto first = std::min_element(expected.begin(), expected.end(), runsFirst);
      REQUIRE(policy->peekNext(0, state) == first->id);
      REQUIRE(policy->pickNext(0, state) == first->id);
      expected.erase(first);
    }
    REQUIRE(policy->readyCount() == expected.size());
  }
  std::stable_sort(expected.begin(), expected.end(), runsFirst);
  std::vector<sim::ProcessId> order;
  for (const Ready& ready : expected) order.push_back(ready.id);
  CHECK(policy->readyInOrder(state) == order);
}

}  // namespace

TEST_CASE("a ranked queue hands out the lowest rank first, ties in order of entry", "[sim][ranked]") {
  const std::uint32_t seed = GENERATE(1u, 2u, 3u);
  SECTION("ranks within 32 bits") { checkAgainstSortedList(seed, 0); }
  SECTION("a rank past 32 bits enters halfway") { checkAgainstSortedList(seed, std::int64_t{5} << 40); }
}

TEST_CASE("a rank past 32 bits orders after smaller ones and before larger ones", "[sim][ranked]") {
  const auto policy = srtf();
  const sim::EngineState state;
  policy->enqueue(burstView({3'000'000'000, 1, 0}));
  policy->enqueue(burstView({7, 2, 1}));
  policy->enqueue(burstView({4'000'000'000'000, 3, 2}));
  policy->enqueue(burstView({3'000'000'000, 0, 3}));  // same rank as 0, entered earlier
  CHECK(policy->readyInOrder(state) == std::vector<sim::ProcessId>{1, 3, 0, 2});
  CHECK(policy->pickNext(0, state) == 1);
  CHECK(policy->pickNext(0, state) == 3);
  CHECK(policy->pickNext(0, state) == 0);
  CHECK(policy->pickNext(0, state) == 2);
  CHECK(policy->pickNext(0, state) == sim::kNoProcess);
}

TEST_CASE("a ranked queue tells whether its head is more urgent than a running process", "[sim][ranked]") {
  const auto policy = srtf();
  sim::ProcessView running = burstView({5, 0, 9});
  CHECK(policy->headMoreUrgent(running) == false);  // empty
  policy->enqueue(burstView({5, 1, 0}));
  CHECK(policy->headMoreUrgent(running) == false);  // a tie does not preempt
  running.burst_remaining = 6;
  CHECK(policy->headMoreUrgent(running) == true);
  policy->enqueue(burstView({std::int64_t{1} << 40, 2, 1}));  // the queue turns wide
  CHECK(policy->headMoreUrgent(running) == true);
  running.burst_remaining = 4;
  CHECK(policy->headMoreUrgent(running) == false);
}
