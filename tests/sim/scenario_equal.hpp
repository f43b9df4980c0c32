// Field-by-field scenario comparison for round-trip tests. Devices are
// compared by the name each IO burst uses, since a writer may list them in
// a different order than a scenario built in code.
#pragma once

#include <catch2/catch.hpp>

#include "sim/policy_registry.hpp"
#include "sim/scenario.hpp"

inline void requireSameScenario(const sim::Scenario& a, const sim::Scenario& b) {
  CHECK(a.name == b.name);
  CHECK(a.description == b.description);
  CHECK(a.cores == b.cores);
  CHECK(a.policy.name == b.policy.name);
  CHECK(sim::resolvedParams(a.policy) == sim::resolvedParams(b.policy));
  CHECK(a.device_options == b.device_options);
  CHECK(a.policy.multiprogramming == b.policy.multiprogramming);
  CHECK(a.policy.wakeup_preempts == b.policy.wakeup_preempts);
  CHECK(a.context_switch == b.context_switch);
  CHECK(a.cache == b.cache);
  REQUIRE(a.processes.size() == b.processes.size());
  for (std::size_t i = 0; i < a.processes.size(); ++i) {
    const sim::ProcessSpec& pa = a.processes[i];
    const sim::ProcessSpec& pb = b.processes[i];
    INFO("process " << i);
    CHECK(pa.name == pb.name);
    CHECK(pa.arrival == pb.arrival);
    CHECK(pa.priority == pb.priority);
    CHECK(pa.working_set == pb.working_set);
    REQUIRE(pa.bursts.size() == pb.bursts.size());
    for (std::size_t j = 0; j < pa.bursts.size(); ++j) {
      INFO("burst " << j);
      CHECK(pa.bursts[j].kind == pb.bursts[j].kind);
      CHECK(pa.bursts[j].length == pb.bursts[j].length);
      CHECK(a.devices.at(pa.bursts[j].device) == b.devices.at(pb.bursts[j].device));
    }
  }
  REQUIRE(a.expect.has_value() == b.expect.has_value());
  if (a.expect) {
    CHECK(a.expect->run == b.expect->run);
    CHECK(a.expect->processes == b.expect->processes);
  }
}
