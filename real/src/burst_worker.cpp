#include "burst_worker.hpp"

#include <fcntl.h>
#include <sys/prctl.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>

namespace real::detail {

namespace {

std::int64_t clockNs(clockid_t clock) {
  timespec now{};
  ::clock_gettime(clock, &now);
  return static_cast<std::int64_t>(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

void sleepUntil(std::int64_t monotonic_ns) {
  timespec at{};
  at.tv_sec = static_cast<time_t>(monotonic_ns / 1'000'000'000);
  at.tv_nsec = static_cast<long>(monotonic_ns % 1'000'000'000);
  while (::clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &at, nullptr) == EINTR) {
  }
}

// Real computation until this thread has used `length_ns` more CPU time.
void burnCpu(std::int64_t length_ns) {
  const std::int64_t target = clockNs(CLOCK_THREAD_CPUTIME_ID) + length_ns;
  static volatile std::uint64_t sink = 0;
  std::uint64_t x = 0x9e3779b97f4a7c15ULL ^ static_cast<std::uint64_t>(target);
  do {
    for (int i = 0; i < 2048; ++i) {  // a few microseconds between clock reads
      x ^= x << 13;
      x ^= x >> 7;
      x ^= x << 17;
    }
    sink = sink + x;
  } while (clockNs(CLOCK_THREAD_CPUTIME_ID) < target);
}

// /proc/self/schedstat: "run_ns wait_ns timeslices". Without allocating.
bool readSchedstat(std::int64_t& wait_ns, std::int64_t& timeslices) {
  const int fd = ::open("/proc/self/schedstat", O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  char text[128] = {};
  const ssize_t got = ::read(fd, text, sizeof text - 1);
  ::close(fd);
  if (got <= 0) return false;
  char* end = nullptr;
  std::strtoll(text, &end, 10);  // run time: CLOCK_PROCESS_CPUTIME_ID is used instead
  wait_ns = std::strtoll(end, &end, 10);
  timeslices = std::strtoll(end, &end, 10);
  return true;
}

void sendReport(int fd, const WorkerReport& report) {
  ssize_t rc = 0;
  do {
    rc = ::write(fd, &report, sizeof report);
  } while (rc < 0 && errno == EINTR);
}

}  // namespace

std::int64_t monotonicNs() { return clockNs(CLOCK_MONOTONIC); }

int runBurstWorker(const WorkerSpec& spec) {
  WorkerReport report;
  report.index = spec.index;
  if (spec.name[0] != '\0') ::prctl(PR_SET_NAME, spec.name, 0, 0, 0);
  if (::sched_setaffinity(0, sizeof spec.cpus, &spec.cpus) != 0) {
    report.error = errno;
    sendReport(spec.report_fd, report);
    return 1;
  }
  // Baselines just before the arrival sleep: fork and setup are not counted,
  // the wait for a CPU after the wakeup at arrival is.
  std::int64_t wait_before = 0;
  std::int64_t slices_before = 0;
  if (!readSchedstat(wait_before, slices_before)) {
    report.error = errno != 0 ? errno : EIO;
    sendReport(spec.report_fd, report);
    return 1;
  }
  const std::int64_t cpu_before = clockNs(CLOCK_PROCESS_CPUTIME_ID);
  sleepUntil(spec.start_ns + spec.arrival_ns);
  report.first_run_ns = monotonicNs() - spec.start_ns;

  for (const WorkerBurst& burst : spec.bursts) {
    if (burst.cpu) {
      burnCpu(burst.length_ns);
    } else {
      sleepUntil(monotonicNs() + burst.length_ns);
    }
  }
  report.end_ns = monotonicNs() - spec.start_ns;
  report.cpu_ns = clockNs(CLOCK_PROCESS_CPUTIME_ID) - cpu_before;
  std::int64_t wait_after = 0;
  std::int64_t slices_after = 0;
  if (!readSchedstat(wait_after, slices_after)) {
    report.error = errno != 0 ? errno : EIO;
    sendReport(spec.report_fd, report);
    return 1;
  }
  report.wait_ns = wait_after - wait_before;
  report.timeslices = slices_after - slices_before;
  sendReport(spec.report_fd, report);
  return 0;
}

}  // namespace real::detail
