// procsim ostep scheduler: scheduler.py's flags and data lines; the prose
// around them is procsim's own.
#include <array>
#include <cmath>
#include <sstream>
#include <stdexcept>

#include "ostep/python_format.hpp"
#include "ostep/python_random.hpp"
#include "ostep/scheduler_tool.hpp"
#include "ostep/tool_options.hpp"
#include "ostep/tools.hpp"
#include "tool_support.hpp"
#include "sim/scenario.hpp"

namespace ostep {

namespace {

// scheduler.py's flags and defaults.
constexpr std::array kSpecs{
    OptionSpec{'s', "seed", OptionKind::Int, "0", "seed of the random job lengths"},
    OptionSpec{'j', "jobs", OptionKind::Int, "3", "number of random jobs"},
    OptionSpec{'l', "jlist", OptionKind::String, "", "run times instead of random jobs, comma-separated (10,15,20)"},
    OptionSpec{'m', "maxlen", OptionKind::Int, "10", "longest random job"},
    OptionSpec{'p', "policy", OptionKind::String, "FIFO", "FIFO, SJF or RR"},
    OptionSpec{'q', "quantum", OptionKind::Int, "1", "time slice of RR"},
    OptionSpec{'c', "", OptionKind::Flag, "", "show the answers"},
};
const OptionSpec& spec(char letter) { return specOf(kSpecs, letter); }

std::int64_t fitting(const ToolOptions& options, char letter) { return integerOption(options, spec(letter)); }

std::vector<SchedulerJob> drawJobs(const ToolOptions& options) {
  const std::int64_t count = fitting(options, 'j');
  const double longest = static_cast<double>(fitting(options, 'm'));
  if (count > sim::kMaxProcesses) {
    throw BadInput("option -j: at most " + std::to_string(sim::kMaxProcesses) + " jobs");
  }
  PythonRandom random(options.integer(spec('s')));
  std::vector<SchedulerJob> jobs;
  for (std::int64_t id = 0; id < count; ++id) {
    // int(maxlen * random()) + 1: truncated toward zero.
    const auto length = static_cast<std::int64_t>(std::trunc(longest * random.random())) + 1;
    jobs.push_back({static_cast<int>(id), static_cast<double>(length), std::to_string(length)});
  }
  return jobs;
}

std::vector<SchedulerJob> listedJobs(const std::string& list) {
  std::vector<SchedulerJob> jobs;
  std::size_t begin = 0;
  for (;;) {
    const std::size_t comma = list.find(',', begin);
    const std::string item = list.substr(begin, comma == std::string::npos ? std::string::npos : comma - begin);
    const auto length = parsePythonFloat(item);
    if (!length) throw BadInput("option -l: job " + std::to_string(jobs.size()) + ": '" + item + "' is not a number");
    jobs.push_back({static_cast<int>(jobs.size()), *length, pythonFloatRepr(*length)});
    if (comma == std::string::npos) break;
    begin = comma + 1;
  }
  return jobs;
}

SchedulerPolicy policyNamed(const std::string& name) {
  if (name == "FIFO") return SchedulerPolicy::Fifo;
  if (name == "SJF") return SchedulerPolicy::Sjf;
  if (name == "RR") return SchedulerPolicy::Rr;
  throw BadInput("option -p: no policy '" + name + "' (FIFO, SJF or RR)");
}

// [Data lines] Formatted exactly as scheduler.py formats them.
void appendTraceLine(Output& out, double time, int job, double ran, bool done, bool wide_job) {
  std::string line = "  [ time " + formatTruncated(time, 3) + " ] Run job ";
  line += wide_job ? formatTruncated(job, 3) : std::to_string(job);
  line += " for " + formatFixed(ran, 0, 2) + " secs";
  if (done) line += " ( DONE at " + formatFixed(time + ran, 0, 2) + " )";
  out += line + "\n";
}

std::string statsLine(int job, double response, double turnaround, double wait) {
  return "  Job " + formatTruncated(job, 3) + " -- Response: " + formatFixed(response, 3, 2) + "  Turnaround " +
         formatFixed(turnaround, 3, 2) + "  Wait " + formatFixed(wait, 3, 2) + "\n";
}

std::string averageLine(double response, double turnaround, double wait, std::size_t count) {
  const auto n = static_cast<double>(count);
  return "  Average -- Response: " + formatFixed(response / n, 3, 2) + "  Turnaround " +
         formatFixed(turnaround / n, 3, 2) + "  Wait " + formatFixed(wait / n, 3, 2) + "\n";
}

// FIFO and SJF: each job runs once, to its end, in the engine's order.
void answerRunToEnd(const std::vector<SchedulerJob>& jobs, const std::vector<SchedulerSlice>& slices,
                    Output& out) {
  out += "How the CPU runs them, one job after another:\n";
  double time = 0;
  for (const SchedulerSlice& slice : slices) {
    appendTraceLine(out, time, slice.job, jobs[static_cast<std::size_t>(slice.job)].length, true, false);
    time += jobs[static_cast<std::size_t>(slice.job)].length;
  }
  out += "\nEach job, in the order it ran (its wait is its response):\n";
  double start = 0;
  double responses = 0;
  double turnarounds = 0;
  double waits = 0;
  for (const SchedulerSlice& slice : slices) {
    const double length = jobs[static_cast<std::size_t>(slice.job)].length;
    out += statsLine(slice.job, start, start + length, start);
    responses += start;
    turnarounds += start + length;
    waits += start;
    start += length;
  }
  out += std::string("\n").append(averageLine(responses, turnarounds, waits, jobs.size())).append("\n");
}

// RR: the tool's clock, advanced slice by slice in its own arithmetic.
void answerRoundRobin(const std::vector<SchedulerJob>& jobs, const std::vector<SchedulerSlice>& slices,
                      double quantum, Output& out) {
  out += "How the CPU runs them, slice by slice:\n";
  const std::size_t n = jobs.size();
  std::vector<double> left(n);
  std::vector<double> response(n, -1);
  std::vector<double> turnaround(n, 0);
  std::vector<double> wait(n, 0);
  std::vector<double> last_ran(n, 0);
  for (std::size_t i = 0; i < n; ++i) left[i] = jobs[i].length;
  double time = 0;
  for (const SchedulerSlice& slice : slices) {
    const auto j = static_cast<std::size_t>(slice.job);
    if (response[j] == -1) response[j] = time;
    wait[j] += time - last_ran[j];
    double ran = quantum;
    if (slice.finished) {
      ran = left[j];
      turnaround[j] = time + ran;
    } else {
      left[j] -= quantum;
    }
    appendTraceLine(out, time, slice.job, ran, slice.finished, true);
    time += ran;
    last_ran[j] = time;
  }
  out += "\nEach job:\n";
  double responses = 0;
  double turnarounds = 0;
  double waits = 0;
  for (std::size_t i = 0; i < n; ++i) {
    turnarounds += turnaround[i];
    responses += response[i];
    waits += wait[i];
    out += statsLine(static_cast<int>(i), response[i], turnaround[i], wait[i]);
  }
  out += std::string("\n").append(averageLine(responses, turnarounds, waits, n)).append("\n");
}

std::string describe(const ToolOptions& options, const std::string& policy) {
  std::string line = "OSTEP scheduler, policy " + policy;
  if (policy == "RR") line += " (quantum " + options.integer(spec('q')).toDecimal() + ")";
  const std::string list = options.text(spec('l'));
  if (!list.empty()) return line + ", the jobs of the list " + list + "\n";
  return line + ", " + options.integer(spec('j')).toDecimal() + " jobs of 1 to " +
         options.integer(spec('m')).toDecimal() + " seconds drawn with seed " + options.integer(spec('s')).toDecimal() +
         "\n";
}

int schedule(const ToolOptions& options, std::ostream& out) {
  const std::string policy_name = options.text(spec('p'));
  const SchedulerPolicy policy = policyNamed(policy_name);
  const std::string list = options.text(spec('l'));
  const std::vector<SchedulerJob> jobs = list.empty() ? drawJobs(options) : listedJobs(list);

  std::string text = describe(options, policy_name) + "\nThe jobs and their run times:\n";
  // Nothing is written before every check has passed: a refusal prints no answer.
  for (const SchedulerJob& job : jobs) text += "  Job " + std::to_string(job.id) + " ( length = " + job.text + " )\n";
  text += "\n";
  if (!options.flag("c")) {
    text +=
        "Work out each job's response time, turnaround time and wait time under " + policy_name +
        ".\nThen run the same command again with -c to check your answers; another seed\n"
        "(-s N) or your own run times (-l 10,15,20) make a new problem.\n";
    out << text;
    return kToolOk;
  }
  if (jobs.empty()) throw BadInput("no jobs to run (-j 0)");
  for (const SchedulerJob& job : jobs) {
    if (!std::isfinite(job.length) || job.length <= 0) {
      throw BadInput("job " + std::to_string(job.id) + " has length " + job.text + "; procsim runs lengths above 0");
    }
  }
  const std::int64_t quantum = fitting(options, 'q');
  if (policy == SchedulerPolicy::Rr && quantum < 1) throw BadInput("option -q: the quantum must be at least 1");
  std::vector<SchedulerSlice> slices;
  try {
    slices = runSchedulerJobs(jobs, policy, quantum);
  } catch (const std::invalid_argument& error) {
    throw BadInput(error.what());
  }
  Output answer(out);
  answer += text + "Answers\n\n";
  if (policy == SchedulerPolicy::Rr) answerRoundRobin(jobs, slices, static_cast<double>(quantum), answer);
  else answerRunToEnd(jobs, slices, answer);
  return kToolOk;
}

}  // namespace

int runSchedulerTool(std::span<const std::string> args, std::ostream& out, std::ostream& err) {
  const ToolFrame frame{"scheduler", "procsim ostep scheduler [flags]",
                        "OSTEP's scheduler homework (chapter 7): jobs that all arrive at time 0, run under\n"
                        "FIFO, SJF or round robin. Without -c it asks; with -c it answers.",
                        kSpecs};
  return runTool(frame, args, out, err, schedule);
}

}  // namespace ostep
