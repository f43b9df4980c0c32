// procsim real replay FILE [--tick-ms M] [--format text|json]: run a
// scenario's processes as real workers and print the real turnaround,
// waiting and response next to the simulated ones (real/replay.hpp).
#include <cmath>
#include <cstdio>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <system_error>

#include "commands.hpp"
#include "real/replay.hpp"
#include "option_ranges.hpp"
#include "real_commands.hpp"
#include "scenario_input.hpp"
#include "stop_signals.hpp"
#include "sim/engine.hpp"
#include "sim/policy_registry.hpp"
#include "sim/scenario_json.hpp"

namespace cli {

namespace {

struct ReplayCommandOptions {
  std::string file;
  ScenarioOverrides overrides;
  double tick_ms = 10;
  bool force = false;
  std::string format = "text";
};

double rounded(double value) { return std::round(value * 100) / 100; }

std::string wrap(const std::string& text, std::size_t width = 78) {
  std::istringstream words(text);
  std::string word;
  std::string out;
  std::size_t column = 0;
  while (words >> word) {
    if (column > 0 && column + 1 + word.size() > width) {
      out += "\n";
      column = 0;
    } else if (column > 0) {
      out += " ";
      ++column;
    }
    out += word;
    column += word.size();
  }
  return out + "\n";
}

std::string cpuList(const std::vector<int>& cpus) {
  std::string text;
  for (const int cpu : cpus) text += (text.empty() ? "" : ",") + std::to_string(cpu);
  return text;
}

// One character per tick for each process of `trace`: R running, r ready,
// b blocked, blank before its arrival and after its exit.
std::vector<std::string> strips(const sim::Trace& trace, std::size_t processes, sim::Tick ticks) {
  std::vector<std::string> rows(processes, std::string(static_cast<std::size_t>(ticks), ' '));
  std::vector<sim::State> state(processes, sim::State::New);
  std::size_t next = 0;
  for (sim::Tick tick = 0; tick < ticks; ++tick) {
    for (; next < trace.size() && trace[next].tick <= tick; ++next) {
      state[static_cast<std::size_t>(trace[next].process)] = sim::toState(trace[next].kind);
    }
    for (std::size_t i = 0; i < processes; ++i) {
      const char mark = state[i] == sim::State::Running ? 'R'
                        : state[i] == sim::State::Ready ? 'r'
                        : state[i] == sim::State::Blocked ? 'b'
                                                          : ' ';
      rows[i][static_cast<std::size_t>(tick)] = mark;
    }
  }
  return rows;
}

// The simulated and the sampled real timeline, one above the other.
void printTimelines(const real::ReplayResult& result, const sim::Scenario& scenario) {
  constexpr sim::Tick kWidest = 100;
  sim::Engine engine(scenario, {.record_trace = true, .snapshots = false});
  engine.runToEnd();
  sim::Tick ticks = engine.now() + 1;
  if (!result.timeline.empty()) ticks = std::max(ticks, result.timeline.back().tick + 1);
  if (ticks > kWidest) {
    std::printf("(timelines not drawn: %lld ticks is more than %lld columns)\n\n", static_cast<long long>(ticks),
                static_cast<long long>(kWidest));
    return;
  }
  const std::vector<std::string> simulated = strips(engine.trace(), scenario.processes.size(), ticks);
  const std::vector<std::string> real = strips(result.timeline, scenario.processes.size(), ticks);
  std::printf("timelines, one column per tick (R running, r ready, b blocked; real = sampled every %.1f ms):\n",
              static_cast<double>(result.plan.sample_period.count()) / 1e6);
  for (std::size_t i = 0; i < scenario.processes.size(); ++i) {
    std::printf("  %-12s sim  |%s|\n", scenario.processes[i].name.c_str(), simulated[i].c_str());
    std::printf("  %-12s real |%s|\n", "", real[i].c_str());
  }
  std::printf("\n");
}

void printText(const real::ReplayResult& result, const sim::Scenario& scenario) {
  const real::ReplayPlan& plan = result.plan;
  std::printf("replay of %s: policy %s", scenario.name.empty() ? "the scenario" : ("\"" + scenario.name + "\"").c_str(),
              sim::policyLabel(scenario.policy).c_str());
  std::printf(", %d core%s -> %d worker%s on CPU%s %s, tick %g ms, %.2f s of wall time\n\n", plan.cores_requested,
              plan.cores_requested == 1 ? "" : "s", plan.processes, plan.processes == 1 ? "" : "s",
              plan.cpus == 1 ? "" : "s", cpuList(plan.cpu_ids).c_str(), result.tick_ms, result.wall_seconds);
  std::printf("%-12s %16s %16s %16s %16s\n", "", "turnaround", "waiting", "response", "cpu");
  std::printf("%-12s %7s %8s %7s %8s %7s %8s %7s %8s %7s\n", "process", "sim", "real", "sim", "real", "sim", "real",
              "sim", "real", "slices");
  for (const real::ReplayComparison& row : result.processes) {
    std::printf("%-12s %7lld %8.2f %7lld %8.2f %7lld %8.2f %7lld %8.2f %7lld\n", row.name.c_str(),
                static_cast<long long>(row.sim_turnaround), row.real_turnaround, static_cast<long long>(row.sim_waiting),
                row.real_waiting, static_cast<long long>(row.sim_response), row.real_response,
                static_cast<long long>(row.sim_cpu), row.real_cpu, row.timeslices);
  }
  std::printf("(every value in ticks of %g ms: real = measured time / tick; slices = times Linux gave it a CPU)\n\n",
              result.tick_ms);
  printTimelines(result, scenario);
  if (plan.capped) std::cout << wrap("CPU cap: " + plan.capped_note + ".");
  for (const std::string& note : result.notes) std::cout << wrap("Note: " + note + ".");
  std::cout << wrap(real::explainScheduling(scenario.policy, result.tick_ms));
}

void printJson(const real::ReplayResult& result) {
  nlohmann::json processes = nlohmann::json::array();
  for (const real::ReplayComparison& row : result.processes) {
    processes.push_back({{"name", row.name},
                         {"sim_turnaround", row.sim_turnaround},
                         {"real_turnaround", rounded(row.real_turnaround)},
                         {"sim_waiting", row.sim_waiting},
                         {"real_waiting", rounded(row.real_waiting)},
                         {"sim_response", row.sim_response},
                         {"real_response", rounded(row.real_response)},
                         {"sim_cpu", row.sim_cpu},
                         {"real_cpu", rounded(row.real_cpu)}});
  }
  std::cout << nlohmann::json{{"tick_ms", result.tick_ms},
                              {"cpus", result.plan.cpus},
                              {"capped", result.plan.capped},
                              {"capped_note", result.plan.capped_note},
                              {"wall_seconds", rounded(result.wall_seconds)},
                              {"notes", result.notes},
                              {"processes", processes}}
                   .dump()
            << "\n";
}

int replayCommand(const ReplayCommandOptions& options) {
  const auto scenario = loadScenarioForRun(options.file, options.overrides);
  if (!scenario) return kExitBadInput;
  real::ReplayOptions replay_options;
  replay_options.tick_ms = options.tick_ms;
  replay_options.force = options.force;
  try {
    const real::ReplayPlan plan = real::planReplay(*scenario, replay_options);
    if (plan.estimated_seconds > 1) {
      // Said once the workers run, with their pids (for `procsim real watch`).
      replay_options.on_started = [&plan](const std::vector<pid_t>& pids) {
        std::fprintf(stderr, "running %d workers for about %.1f s (pids", plan.processes, plan.estimated_seconds);
        for (const pid_t pid : pids) std::fprintf(stderr, " %d", static_cast<int>(pid));
        std::fprintf(stderr, ") ...\n");
      };
    }
    // SIGINT and SIGTERM are blocked while the workers run (they start with
    // an empty mask): the signalfd wakes the wait between samples at once,
    // and the workers are killed and reaped before procsim exits 130.
    StopSignals interrupts;
    replay_options.should_stop = [&interrupts] { return interrupts.pending(); };
    replay_options.wake_fd = interrupts.fd();
    const real::ReplayResult result = real::replay(*scenario, replay_options);
    if (options.format == "json") {
      printJson(result);
    } else {
      printText(result, *scenario);
    }
    return kExitOk;
  } catch (const real::ReplayRefused& error) {
    std::cerr << "procsim: real replay: " << options.file << ": " << error.what() << "\n";
    return kExitBadInput;
  } catch (const sim::ScenarioError& error) {
    std::cerr << "procsim: real replay: " << options.file << ": " << error.what() << "\n";
    return kExitBadInput;
  } catch (const real::ReplayInterrupted& error) {
    std::cerr << "procsim: real replay: " << error.what() << "\n";
    return 130;
  } catch (const std::exception& error) {
    std::cerr << "procsim: real replay: " << error.what() << "\n";
    return kExitFailure;
  }
}

}  // namespace

void addRealReplayCommand(CLI::App& real, int& status) {
  auto options = std::make_shared<ReplayCommandOptions>();
  CLI::App* cmd = real.add_subcommand(
      "replay", "Run a scenario's processes as real workers (CPU bursts busy, IO bursts asleep) and compare with the simulation");
  cmd->add_option("FILE", options->file, "Scenario file (\"-\" reads standard input)")->required();
  cmd->add_option("--tick-ms", options->tick_ms, "Wall-clock length of one tick, in milliseconds (1 to 1000)")
      ->check(finiteRange(real::kReplayMinTickMs, real::kReplayMaxTickMs))
      ->capture_default_str();
  cmd->add_flag("--force", options->force, "Run even if the estimated run is longer than 10 minutes");
  cmd->add_option("--format", options->format, "text or json")->check(CLI::IsMember({"text", "json"}))->capture_default_str();
  addOverrideOptions(*cmd, options->overrides);
  refuseUnknownOptions(*cmd);
  cmd->callback([options, &status] { status = replayCommand(*options); });
}

}  // namespace cli
