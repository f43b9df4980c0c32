// procsim real ps [PID ...] and procsim real watch PID ...: what the kernel
// says about processes, once or over time, mapped onto the simulator's
// states.
#include <dirent.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "real/process_info.hpp"
#include "real/sampler.hpp"
#include "option_ranges.hpp"
#include "real_commands.hpp"
#include "stop_signals.hpp"
#include "sim/types.hpp"

namespace cli {

namespace {

double ms(std::chrono::nanoseconds time) { return static_cast<double>(time.count()) / 1e6; }

nlohmann::json infoJson(const real::ProcessInfo& info, real::ObservedState observed) {
  return {{"pid", info.pid},
          {"ppid", info.ppid},
          {"name", info.name},
          {"state", std::string(1, info.state)},
          {"kernel_state", std::string(real::describe_kernel_state(info.state))},
          {"observed", std::string(real::name(observed))},
          {"sim_state", std::string(sim::name(real::to_sim_state(observed)))},
          {"threads", info.threads},
          {"cpu_ms", ms(info.cpu_time())},
          {"rss_kb", info.rss_bytes / 1024},
          {"processor", info.processor},
          {"run_ms", ms(info.run_time)},
          {"wait_ms", ms(info.wait_time)},
          {"timeslices", info.timeslices}};
}

void printHeader() {
  std::printf("%8s %8s %-2s %-8s %4s %10s %10s %4s %10s %10s %8s  %s\n", "PID", "PPID", "S", "STATE", "THR", "CPU_MS",
              "RSS_KB", "CPU", "RUN_MS", "WAIT_MS", "SLICES", "NAME");
}

void printRow(const real::ProcessInfo& info, real::ObservedState observed) {
  std::printf("%8d %8d %-2c %-8s %4d %10.1f %10llu %4d %10.1f %10.1f %8llu  %s\n", static_cast<int>(info.pid),
              static_cast<int>(info.ppid), info.state, std::string(real::name(observed)).c_str(), info.threads,
              ms(info.cpu_time()), static_cast<unsigned long long>(info.rss_bytes / 1024), info.processor,
              ms(info.run_time), ms(info.wait_time), static_cast<unsigned long long>(info.timeslices), info.name.c_str());
}

std::vector<pid_t> allPids() {
  std::vector<pid_t> pids;
  DIR* directory = ::opendir("/proc");
  if (directory == nullptr) return pids;
  while (const dirent* entry = ::readdir(directory)) {
    const int pid = std::atoi(entry->d_name);
    if (pid > 0) pids.push_back(pid);
  }
  ::closedir(directory);
  std::sort(pids.begin(), pids.end());
  return pids;
}

int ps(std::vector<pid_t> pids, const std::string& format) {
  const bool everything = pids.empty();
  if (everything) pids = allPids();
  nlohmann::json rows = nlohmann::json::array();
  if (format == "text") printHeader();
  int status = kExitOk;
  for (const pid_t pid : pids) {
    const auto info = real::read_process_info(pid);
    if (!info) {
      if (!everything) {
        std::cerr << "procsim: real ps: no process with pid " << pid << "\n";
        status = kExitBadInput;
      }
      continue;
    }
    const real::ObservedState observed = real::observe(info);
    if (format == "json") {
      rows.push_back(infoJson(*info, observed));
    } else {
      printRow(*info, observed);
    }
  }
  if (format == "json") std::cout << rows.dump() << "\n";
  return status;
}

int watch(const std::vector<pid_t>& pids, double hz, double seconds, const std::string& format) {
  for (const pid_t pid : pids) {
    if (!real::read_process_info(pid)) {
      std::cerr << "procsim: real watch: no process with pid " << pid << "\n";
      return kExitBadInput;
    }
  }
  const auto tick = std::chrono::nanoseconds(static_cast<long long>(1e9 / hz));
  real::Sampler sampler(pids, tick);
  const StopSignals stop;  // SIGINT or SIGTERM ends the wait between samples at once
  int stopped_by = 0;
  const bool json = format == "json";
  if (!json) std::printf("%9s %8s %-2s %-8s %-10s %4s %10s %10s %8s\n", "TIME_S", "PID", "S", "STATE", "SIM", "CPU",
                         "RUN_MS", "WAIT_MS", "SLICES");
  const auto start = std::chrono::steady_clock::now();
  for (auto next = start;; next += tick) {
    if (real::wait_for_sample(next, stop.fd()) && (stopped_by = stop.take()) != 0) break;
    sampler.sample();
    if (!json) {
      const auto& readings = sampler.trace().readings.back();
      const double at = static_cast<double>(sampler.trace().readings.size() - 1) / hz;
      for (std::size_t i = 0; i < readings.size(); ++i) {
        const real::Reading& reading = readings[i];
        const std::string sim_state(sim::name(real::to_sim_state(reading.state)));
        if (reading.info) {
          std::printf("%9.3f %8d %-2c %-8s %-10s %4d %10.1f %10.1f %8llu\n", at, static_cast<int>(pids[i]),
                      reading.info->state, std::string(real::name(reading.state)).c_str(), sim_state.c_str(),
                      reading.info->processor, ms(reading.info->run_time), ms(reading.info->wait_time),
                      static_cast<unsigned long long>(reading.info->timeslices));
        } else {
          std::printf("%9.3f %8d %-2s %-8s %-10s\n", at, static_cast<int>(pids[i]), "-", "gone", sim_state.c_str());
        }
      }
      std::fflush(stdout);
    }
    if (sampler.all_ended() || std::chrono::steady_clock::now() - start + tick > std::chrono::duration<double>(seconds)) break;
  }
  const real::SampledTrace& trace = sampler.trace();
  if (json) {
    nlohmann::json samples = nlohmann::json::array();
    for (const auto& readings : trace.readings) {
      nlohmann::json row = nlohmann::json::array();
      for (const real::Reading& reading : readings) {
        row.push_back(reading.info ? infoJson(*reading.info, reading.state)
                                   : nlohmann::json{{"observed", "gone"}, {"sim_state", "terminated"}});
      }
      samples.push_back(row);
    }
    nlohmann::json transitions = nlohmann::json::array();
    for (const sim::Transition& transition : trace.transitions) {
      transitions.push_back({{"tick", transition.tick},
                             {"process", transition.process},
                             {"core", transition.core},
                             {"kind", std::string(sim::name(transition.kind))},
                             {"reason", std::string(sim::name(transition.reason))}});
    }
    std::cout << nlohmann::json{{"tick_seconds", 1.0 / hz}, {"pids", trace.pids}, {"names", trace.names},
                                {"samples", samples},        {"transitions", transitions}}
                     .dump()
              << "\n";
  } else {
    std::printf("%zu samples, %zu transitions in the simulator's trace form\n", trace.readings.size(),
                trace.transitions.size());
  }
  if (stopped_by == 0) return kExitOk;
  std::fprintf(stderr, "procsim: real watch: stopped by %s after %zu samples\n", stopSignalName(stopped_by),
               trace.readings.size());
  return 128 + stopped_by;
}

}  // namespace

void addRealPsCommand(CLI::App& real, int& status) {
  auto pids = std::make_shared<std::vector<pid_t>>();
  auto format = std::make_shared<std::string>("text");
  CLI::App* cmd = real.add_subcommand("ps", "Show processes as the kernel sees them: state, ppid, threads, CPU, run and wait time");
  cmd->add_option("PID", *pids, "Processes to show (default: all)")->check(realPidValidator());
  cmd->add_option("--format", *format, "text or json")->check(CLI::IsMember({"text", "json"}))->capture_default_str();
  refuseUnknownOptions(*cmd);
  cmd->callback([pids, format, &status] { status = ps(*pids, *format); });
}

void addRealWatchCommand(CLI::App& real, int& status) {
  struct WatchOptions {
    std::vector<pid_t> pids;
    double hz = 10;
    double seconds = 10;
    std::string format = "text";
  };
  auto options = std::make_shared<WatchOptions>();
  CLI::App* cmd = real.add_subcommand("watch", "Sample processes over time and map their states onto the simulator's");
  cmd->add_option("PID", options->pids, "Processes to watch")->required()->check(realPidValidator());
  cmd->add_option("--hz", options->hz, "Samples per second")->check(finiteRange(0.01, 1000))->capture_default_str();
  cmd->add_option("--seconds", options->seconds,
                  "Stop after this long, when all have ended, or on SIGINT or SIGTERM (what was sampled is printed, "
                  "then the exit status is 128 + the signal)")
      ->check(finiteRange(0.001, 604'800))
      ->capture_default_str();
  cmd->add_option("--format", options->format, "text or json")->check(CLI::IsMember({"text", "json"}))->capture_default_str();
  refuseUnknownOptions(*cmd);
  cmd->callback([options, &status] { status = watch(options->pids, options->hz, options->seconds, options->format); });
}

}  // namespace cli
