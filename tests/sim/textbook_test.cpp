// The classic single-core examples (Silberschatz, Operating System Concepts,
// ch. 5) with their published average waiting times.
#include <catch2/catch.hpp>

#include "scenario_builder.hpp"

using test::P;

TEST_CASE("FCFS in arrival order has the textbook convoy average of 17", "[sim][textbook][fcfs]") {
  const auto m = test::runToEnd(test::makeScenario("fcfs", 1, {{"P1", 0, "c24"}, {"P2", 0, "c3"}, {"P3", 0, "c3"}}));
  CHECK(m.avg_waiting == Approx(17.0));
  CHECK(m.processes[0].waiting == 0);
  CHECK(m.processes[1].waiting == 24);
  CHECK(m.processes[2].waiting == 27);
  CHECK(m.avg_turnaround == Approx(27.0));
}

TEST_CASE("FCFS with the short jobs first waits only 3 on average", "[sim][textbook][fcfs]") {
  const auto m = test::runToEnd(test::makeScenario("fcfs", 1, {{"P2", 0, "c3"}, {"P3", 0, "c3"}, {"P1", 0, "c24"}}));
  CHECK(m.avg_waiting == Approx(3.0));
}

TEST_CASE("SJF on the textbook set waits 7 on average", "[sim][textbook][sjf]") {
  const auto m = test::runToEnd(
      test::makeScenario("sjf", 1, {{"P1", 0, "c6"}, {"P2", 0, "c8"}, {"P3", 0, "c7"}, {"P4", 0, "c3"}}));
  CHECK(m.avg_waiting == Approx(7.0));
  CHECK(m.processes[3].completion == 3);
  CHECK(m.processes[0].completion == 9);
  CHECK(m.processes[2].completion == 16);
  CHECK(m.processes[1].completion == 24);
}

TEST_CASE("SRTF on the textbook set waits 6.5 on average", "[sim][textbook][srtf]") {
  const auto m = test::runToEnd(
      test::makeScenario("srtf", 1, {{"P1", 0, "c8"}, {"P2", 1, "c4"}, {"P3", 2, "c9"}, {"P4", 3, "c5"}}));
  CHECK(m.avg_waiting == Approx(6.5));
  CHECK(m.processes[1].completion == 5);
  CHECK(m.processes[3].completion == 10);
  CHECK(m.processes[0].completion == 17);
  CHECK(m.processes[2].completion == 26);
}

TEST_CASE("RR with quantum 4 on the textbook set waits 17/3 on average", "[sim][textbook][rr]") {
  const auto m = test::runToEnd(test::makeScenario("rr", 1, {{"P1", 0, "c24"}, {"P2", 0, "c3"}, {"P3", 0, "c3"}}, 4));
  CHECK(m.avg_waiting == Approx(17.0 / 3.0));
  CHECK(m.processes[0].waiting == 6);
  CHECK(m.processes[1].waiting == 4);
  CHECK(m.processes[2].waiting == 7);
}

TEST_CASE("non-preemptive priority on the textbook set waits 8.2 on average", "[sim][textbook][priority]") {
  const auto m = test::runToEnd(test::makeScenario(
      "priority", 1,
      {{"P1", 0, "c10", 3}, {"P2", 0, "c1", 1}, {"P3", 0, "c2", 4}, {"P4", 0, "c1", 5}, {"P5", 0, "c5", 2}}));
  CHECK(m.avg_waiting == Approx(8.2));
  CHECK(m.processes[1].completion == 1);
  CHECK(m.processes[4].completion == 6);
  CHECK(m.processes[0].completion == 16);
}

TEST_CASE("preemptive priority lets an urgent arrival take the core at once", "[sim][textbook][priority]") {
  auto s = test::makeScenario("priority", 1, {{"low", 0, "c10", 5}, {"high", 3, "c2", 1}});
  s.policy.params["preemptive"] = {1};
  const auto m = test::runToEnd(s);
  CHECK(m.processes[1].completion == 5);
  CHECK(m.processes[1].waiting == 0);
  CHECK(m.processes[0].completion == 12);
  CHECK(m.processes[0].waiting == 2);
  CHECK(m.transitions[static_cast<std::size_t>(sim::TransitionKind::Preempt)] == 1);
}
