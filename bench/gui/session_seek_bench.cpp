// CPU time of moving the GUI's cursor to random ticks of a long run
// (gui::Session::seek: rewind to the nearest snapshot and replay, or step
// forward), the cost a user pays per scrub on the timeline.
// Usage: session_seek_bench SCENARIO.json [SEEKS]
#include <time.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <vector>

#include "model/session.hpp"

namespace {

double threadCpuMs() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: session_seek_bench SCENARIO.json [SEEKS]\n");
    return 2;
  }
  const int seeks = argc > 2 ? std::atoi(argv[2]) : 500;
  gui::Session session;
  const double load_start = threadCpuMs();
  if (!session.loadFile(argv[1])) {
    std::fprintf(stderr, "session_seek_bench: %s\n", session.lastError().c_str());
    return 2;
  }
  const double load_ms = threadCpuMs() - load_start;
  std::mt19937_64 random(1);
  std::uniform_int_distribution<sim::Tick> pick(-1, session.endTick());
  std::vector<double> times;
  for (int i = 0; i < seeks; ++i) {
    const sim::Tick target = pick(random);
    const double start = threadCpuMs();
    session.seek(target);
    times.push_back(threadCpuMs() - start);
  }
  std::sort(times.begin(), times.end());
  double sum = 0;
  for (const double t : times) sum += t;
  const auto p99 = times[std::min(times.size() - 1, static_cast<std::size_t>(0.99 * static_cast<double>(times.size())))];
  std::printf("load and run %.0f ms; %d random seeks over %lld ticks: mean %.2f ms  p99 %.2f ms  max %.2f ms\n", load_ms,
              seeks, static_cast<long long>(session.endTick() + 1), sum / static_cast<double>(times.size()), p99,
              times.back());
  return 0;
}
