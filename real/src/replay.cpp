#include "real/replay.hpp"

#include <fcntl.h>
#include <sched.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cmath>
#include <cstring>
#include <memory>
#include <sstream>
#include <system_error>

#include "burst_worker.hpp"
#include "fd.hpp"
#include "replay_timeline.hpp"
#include "real/process.hpp"
#include "sim/engine.hpp"
#include "sim/metrics.hpp"
#include "sim/scenario_json.hpp"

namespace real {

namespace {

using detail::WorkerReport;
using detail::WorkerSpec;

constexpr std::int64_t kNsPerMs = 1'000'000;

std::string formatSeconds(double seconds) {
  std::ostringstream text;
  text.precision(seconds < 10 ? 2 : 0);
  text << std::fixed << seconds << " s";
  return text.str();
}

std::vector<int> allowedCpus() {
  cpu_set_t set;
  CPU_ZERO(&set);
  if (::sched_getaffinity(0, sizeof set, &set) != 0) detail::throwErrno("replay: sched_getaffinity");
  std::vector<int> cpus;
  for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu) {
    if (CPU_ISSET(cpu, &set)) cpus.push_back(cpu);
  }
  return cpus;
}

sim::Tick simulatedMakespan(sim::Scenario scenario, int cores) {
  scenario.cores = cores;
  sim::Engine engine(std::move(scenario), {.record_trace = false, .snapshots = false});
  engine.runToEnd();
  return sim::computeMetrics(engine, /*with_processes=*/false).makespan;
}

// The started workers. However the replay ends, every one still running is
// killed and every one is reaped before this is destroyed.
class WorkerGroup {
 public:
  WorkerGroup() = default;
  WorkerGroup(const WorkerGroup&) = delete;
  WorkerGroup& operator=(const WorkerGroup&) = delete;
  ~WorkerGroup() {
    for (auto& worker : workers_) {
      if (!worker->started()) continue;
      try {
        if (!worker->join(std::chrono::milliseconds(0))) worker->kill();
        worker->join();
      } catch (...) {
        // join() only throws for a broken pidfd; nothing more can be done here.
      }
    }
  }
  void add(std::unique_ptr<Process> worker) { workers_.push_back(std::move(worker)); }
  std::vector<std::unique_ptr<Process>>& workers() { return workers_; }

 private:
  std::vector<std::unique_ptr<Process>> workers_;
};

// Appends whole reports read from the non-blocking pipe; true at end of file.
bool drainReports(int fd, std::vector<char>& pending, std::vector<WorkerReport>& reports) {
  char buffer[64 * sizeof(WorkerReport)];
  for (;;) {
    const ssize_t got = ::read(fd, buffer, sizeof buffer);
    if (got > 0) {
      pending.insert(pending.end(), buffer, buffer + got);
      while (pending.size() >= sizeof(WorkerReport)) {
        WorkerReport report;
        std::memcpy(&report, pending.data(), sizeof report);
        pending.erase(pending.begin(), pending.begin() + sizeof report);
        reports.push_back(report);
      }
      continue;
    }
    if (got == 0) return true;
    if (errno == EINTR) continue;
    if (errno == EAGAIN) return false;
    detail::throwErrno("replay: reading the workers' reports");
  }
}

std::vector<WorkerSpec> workerSpecs(const sim::Scenario& scenario, const ReplayPlan& plan, std::int64_t tick_ns,
                                    int report_fd) {
  cpu_set_t cpus;
  CPU_ZERO(&cpus);
  for (const int cpu : plan.cpu_ids) CPU_SET(cpu, &cpus);
  std::vector<WorkerSpec> specs;
  specs.reserve(scenario.processes.size());
  for (std::size_t i = 0; i < scenario.processes.size(); ++i) {
    const sim::ProcessSpec& process = scenario.processes[i];
    WorkerSpec spec;
    spec.index = static_cast<std::int32_t>(i);
    spec.arrival_ns = process.arrival * tick_ns;
    spec.cpus = cpus;
    spec.report_fd = report_fd;
    process.name.copy(spec.name, sizeof spec.name - 1);
    for (const sim::Burst& burst : process.bursts) {
      spec.bursts.push_back({static_cast<std::int64_t>(burst.length) * tick_ns, burst.kind == sim::BurstKind::Cpu});
    }
    specs.push_back(std::move(spec));
  }
  return specs;
}

std::string describeFailure(const Process& worker, std::optional<int> exitcode, const WorkerReport* report) {
  std::string text = "replay: worker " + worker.name() + " (pid " + std::to_string(worker.pid()) + ") ";
  if (report != nullptr && report->error != 0) return text + "failed: " + std::strerror(report->error);
  if (exitcode && *exitcode < 0) return text + "was killed by signal " + std::to_string(-*exitcode);
  if (exitcode && *exitcode != 0) return text + "exited with code " + std::to_string(*exitcode);
  return text + "ended without reporting its measurements";
}

}  // namespace

ReplayPlan planReplay(const sim::Scenario& scenario, const ReplayOptions& options) {
  sim::validateScenario(scenario);
  if (!(options.tick_ms >= kReplayMinTickMs && options.tick_ms <= kReplayMaxTickMs)) {
    std::ostringstream text;
    text << "the tick length must be from " << kReplayMinTickMs << " to " << kReplayMaxTickMs << " ms, not "
         << options.tick_ms;
    throw ReplayRefused(text.str());
  }
  ReplayPlan plan;
  plan.processes = static_cast<int>(scenario.processes.size());
  if (plan.processes > kReplayMaxProcesses) {
    throw ReplayRefused("a replay starts one real process per simulated one; " + std::to_string(plan.processes) +
                        " is more than the limit of " + std::to_string(kReplayMaxProcesses));
  }
  plan.cores_requested = scenario.cores;
  const std::vector<int> allowed = allowedCpus();
  plan.cpus = std::min<int>(scenario.cores, static_cast<int>(allowed.size()));
  plan.cpu_ids.assign(allowed.begin(), allowed.begin() + plan.cpus);
  plan.capped = plan.cpus < scenario.cores;
  if (plan.capped) {
    plan.capped_note = "the scenario has " + std::to_string(scenario.cores) + " cores but this process may use only " +
                       std::to_string(allowed.size()) + " CPUs (sched_getaffinity), so the workers share " +
                       std::to_string(plan.cpus) + " CPUs";
  }
  const sim::Tick makespan = simulatedMakespan(scenario, plan.cpus);
  plan.estimated_seconds = static_cast<double>(makespan) * options.tick_ms / 1000.0;
  if (plan.estimated_seconds > kReplayMaxSeconds && !options.force) {
    std::ostringstream text;
    text << "the replay would run for about " << formatSeconds(plan.estimated_seconds) << " (simulated makespan "
         << makespan << " ticks on " << plan.cpus << " CPUs x " << options.tick_ms << " ms), more than the limit of "
         << kReplayMaxSeconds << " s: choose a shorter tick, or force it";
    throw ReplayRefused(text.str());
  }
  // The sampler reads three /proc files per worker per sample: keep its CPU
  // use and the readings it keeps (at most about a million) bounded.
  const double tick_s = options.tick_ms / 1000.0;
  const double period_s = std::max({tick_s, plan.processes * 100e-6, plan.estimated_seconds * plan.processes / 1e6});
  plan.sample_period = std::chrono::nanoseconds(static_cast<std::int64_t>(period_s * 1e9));
  return plan;
}

ReplayResult replay(const sim::Scenario& scenario, const ReplayOptions& options) {
  ReplayResult result;
  result.plan = planReplay(scenario, options);
  result.scenario_name = scenario.name;
  result.policy = scenario.policy.name;
  result.policy_spec = scenario.policy;
  result.tick_ms = options.tick_ms;
  const auto tick_ns = static_cast<std::int64_t>(std::llround(options.tick_ms * 1e6));

  sim::Engine engine(scenario, {.record_trace = false, .snapshots = false});
  engine.runToEnd();
  const sim::RunMetrics simulated = sim::computeMetrics(engine);

  int pipe_fds[2];
  if (::pipe2(pipe_fds, O_CLOEXEC) != 0) detail::throwErrno("replay: pipe2");
  detail::UniqueFd report_read(pipe_fds[0]);
  detail::UniqueFd report_write(pipe_fds[1]);
  if (::fcntl(report_read.get(), F_SETFL, O_NONBLOCK) != 0) detail::throwErrno("replay: fcntl");

  std::vector<WorkerSpec> specs = workerSpecs(scenario, result.plan, tick_ns, report_write.get());
  const std::size_t count = specs.size();
  // Time 0 of every arrival: far enough ahead that every worker is started
  // before it (a command takes longer: it loads a program).
  const std::int64_t per_worker_ms = options.worker_command.empty() ? 2 : 10;
  const std::int64_t lead_ns = 30 * kNsPerMs + static_cast<std::int64_t>(count) * per_worker_ms * kNsPerMs;
  const std::int64_t start_ns = detail::monotonicNs() + lead_ns;
  for (WorkerSpec& spec : specs) spec.start_ns = start_ns;

  WorkerGroup group;
  std::vector<pid_t> pids;
  for (std::size_t i = 0; i < count; ++i) {
    std::unique_ptr<Process> worker;
    if (options.worker_command.empty()) {
      worker = std::make_unique<Process>([spec = std::move(specs[i])] { return detail::runBurstWorker(spec); },
                                         scenario.processes[i].name);
      worker->keep_fd(report_write.get());
    } else {
      std::vector<std::string> argv = options.worker_command;
      for (std::string& word : detail::workerArguments(specs[i])) argv.push_back(std::move(word));
      worker = Process::command(std::move(argv), scenario.processes[i].name);
      worker->set_stdout(report_write.get());
    }
    // A worker dies with this thread, even one killed by SIGKILL.
    worker->set_die_with_parent(true);
    Process& started = *worker;
    group.add(std::move(worker));
    started.start();
    pids.push_back(started.pid());
  }
  report_write.reset();
  if (options.on_started) options.on_started(pids);
  const std::int64_t late_ns = detail::monotonicNs() - start_ns;
  if (late_ns > 0) {
    result.notes.push_back("starting the workers took " + std::to_string(late_ns / kNsPerMs) +
                           " ms longer than planned: arrivals in that span begin late, which adds to their response");
  }

  // Sample until every worker has ended (or give up well past the estimate).
  const auto sampling_start = std::chrono::steady_clock::now();
  const auto give_up = sampling_start + std::chrono::nanoseconds(lead_ns) +
                       std::chrono::duration_cast<std::chrono::nanoseconds>(
                           std::chrono::duration<double>(30 + 4 * result.plan.estimated_seconds));
  Sampler sampler(pids, result.plan.sample_period);
  std::vector<char> pending;
  std::vector<WorkerReport> reports;
  for (auto next = sampling_start;; next += result.plan.sample_period) {
    // Wait for the next sample, or until the wake descriptor says to stop.
    while (wait_for_sample(next, options.wake_fd) && !(options.should_stop && options.should_stop())) {
    }
    result.sample_ticks.push_back(static_cast<double>(detail::monotonicNs() - start_ns) / static_cast<double>(tick_ns));
    sampler.sample();
    drainReports(report_read.get(), pending, reports);
    if (options.should_stop && options.should_stop()) {
      throw ReplayInterrupted("replay interrupted: " + std::to_string(count) + " workers killed and reaped");
    }
    if (sampler.all_ended()) break;
    if (std::chrono::steady_clock::now() > give_up) {
      throw std::runtime_error("replay: the workers did not finish within " +
                               formatSeconds(30 + 4 * result.plan.estimated_seconds) + "; they were killed");
    }
  }
  for (auto& worker : group.workers()) worker->join();
  // An interrupt from the terminal reaches the workers too: a worker killed
  // by it is an interrupted replay, not a failed one.
  if (options.should_stop && options.should_stop()) {
    throw ReplayInterrupted("replay interrupted: its " + std::to_string(count) + " workers are reaped");
  }
  // Every worker has exited, so all its reports are in the pipe already: one
  // more drain reads them (waiting for end of file instead could hang if an
  // unrelated fork elsewhere in this process still holds the write end).
  drainReports(report_read.get(), pending, reports);

  std::vector<const WorkerReport*> by_index(count, nullptr);
  for (const WorkerReport& report : reports) {
    if (report.index >= 0 && static_cast<std::size_t>(report.index) < count) by_index[report.index] = &report;
  }
  double last_end_ns = 0;
  for (std::size_t i = 0; i < count; ++i) {
    Process& worker = *group.workers()[i];
    const std::optional<int> exitcode = worker.exitcode();
    const WorkerReport* report = by_index[i];
    if (report == nullptr || report->error != 0 || exitcode != 0) {
      throw std::runtime_error(describeFailure(worker, exitcode, report));
    }
    const sim::ProcessSpec& process = scenario.processes[i];
    const sim::ProcessMetrics& metrics = simulated.processes[i];
    const double arrival_ns = static_cast<double>(process.arrival * tick_ns);
    const auto ticks = [tick_ns](double ns) { return ns / static_cast<double>(tick_ns); };
    ReplayComparison row;
    row.name = process.name;
    row.arrival = process.arrival;
    row.sim_turnaround = metrics.turnaround;
    row.real_turnaround = ticks(static_cast<double>(report->end_ns) - arrival_ns);
    row.sim_waiting = metrics.waiting;
    row.real_waiting = ticks(static_cast<double>(report->wait_ns));
    row.sim_response = metrics.response;
    row.real_response = ticks(static_cast<double>(report->first_run_ns) - arrival_ns);
    row.sim_cpu = metrics.cpu;
    row.real_cpu = ticks(static_cast<double>(report->cpu_ns));
    for (const sim::Burst& burst : process.bursts) row.burst_total += burst.length;
    row.timeslices = report->timeslices;
    result.processes.push_back(std::move(row));
    last_end_ns = std::max(last_end_ns, static_cast<double>(report->end_ns));
  }
  result.wall_seconds = last_end_ns / 1e9;

  result.trace = sampler.trace();
  std::vector<sim::Tick> arrivals;
  for (const sim::ProcessSpec& process : scenario.processes) arrivals.push_back(process.arrival);
  result.timeline = detail::replayTimeline(result.trace, result.sample_ticks, arrivals);
  return result;
}

int runReplayWorker(const std::vector<std::string>& words, std::string& error) {
  detail::WorkerSpec spec;
  if (!detail::parseWorkerArguments(words, spec, error)) return 2;
  spec.report_fd = STDOUT_FILENO;
  return detail::runBurstWorker(spec);
}

}  // namespace real
