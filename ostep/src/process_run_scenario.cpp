// process-run's processes as a procsim scenario (ostep/process_run.hpp).
#include <algorithm>

#include "ostep/process_run.hpp"

namespace ostep {

sim::Scenario processRunScenario(const ProcessRunSetup& setup) {
  sim::Scenario scenario;
  scenario.name = "ostep process-run";
  scenario.cores = 1;
  scenario.policy.name = "fcfs";
  scenario.policy.multiprogramming = setup.switch_rule == SwitchRule::OnIo;
  scenario.policy.wakeup_preempts = setup.io_done_rule == IoDoneRule::RunImmediate;
  const auto io_ticks = static_cast<std::uint32_t>(std::max<std::int64_t>(setup.io_length, 1));
  for (std::size_t pid = 0; pid < setup.programs.size(); ++pid) {
    sim::ProcessSpec process;
    process.name = "PID:" + std::to_string(pid);
    std::uint32_t cpu = 0;
    for (const Instruction instruction : setup.programs[pid]) {
      ++cpu;
      if (instruction != Instruction::Io) continue;
      process.bursts.push_back(sim::Burst{cpu});  // the "io" instruction is the burst's last CPU tick
      process.bursts.push_back(sim::Burst{io_ticks, 0, sim::BurstKind::Io});
      cpu = 0;
    }
    process.bursts.push_back(sim::Burst{std::max<std::uint32_t>(cpu, 1)});
    scenario.processes.push_back(std::move(process));
  }
  return scenario;
}

}  // namespace ostep
