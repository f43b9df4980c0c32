// Runs the FCFS convoy on the installed engine: exits 0 when the average
// waiting time is the textbook's 17.
#include <cstdio>

#include <sim/engine.hpp>
#include <sim/metrics.hpp>

int main() {
  sim::Scenario scenario;
  scenario.cores = 1;
  for (unsigned length : {24u, 3u, 3u}) {
    sim::ProcessSpec process;
    process.name = "P" + std::to_string(scenario.processes.size() + 1);
    process.bursts.push_back({length, 0, sim::BurstKind::Cpu});
    scenario.processes.push_back(process);
  }
  sim::Engine engine(scenario);
  engine.runToEnd();
  const double waiting = sim::computeMetrics(engine).avg_waiting;
  std::printf("avg_waiting %.2f\n", waiting);
  return waiting == 17.0 ? 0 : 1;
}
