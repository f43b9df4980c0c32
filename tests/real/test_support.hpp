// test_support.hpp: what every real test checks at its end: no zombie child
// left behind and no descriptor leaked; plus small waiting helpers.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <functional>
#include <set>
#include <string>
#include <vector>

namespace real_test {

// The open descriptors of `pid` ("self" for this process), by number.
std::set<int> openDescriptors(const std::string& pid = "self");

// Children of this process in state Z (exited, not reaped).
std::vector<pid_t> zombieChildren();

// Polls `condition` every millisecond until it holds or `timeout` passes.
bool waitUntil(const std::function<bool()>& condition,
               std::chrono::milliseconds timeout = std::chrono::seconds(5));

// Waits for events of a child of this process without reaping it
// (waitid with WNOWAIT), so that real::Process still reaps it itself.
// Blocks until `pid` has stopped: call it only for a child that is sure to
// stop (it was sent SIGSTOP, or raises it itself). False if it ended instead.
bool waitForStop(pid_t pid);
// Until `pid` has exited or `timeout` passes, in poll on a pidfd; false on
// timeout. A child of this process is a zombie then; any other process is a
// zombie or gone (a pid that is gone already counts as exited).
bool waitForExit(pid_t pid, std::chrono::milliseconds timeout = std::chrono::seconds(10));
// Whether the process behind `pidfd` ends within `timeout` (poll, no sleep).
// A pidfd taken while the process's parent has not reaped it names that very
// process for good, even once it is gone and its pid reused.
bool endsWithin(int pidfd, std::chrono::milliseconds timeout);

// The children of `pid`'s main thread (/proc/PID/task/PID/children), zombies
// included; empty if `pid` is gone.
std::set<pid_t> childrenOf(pid_t pid);

// Reads lines from a descriptor (a pipe from a child), waiting in poll.
class LineReader {
 public:
  explicit LineReader(int fd) : fd_(fd) {}
  // The next line without its '\n'; empty if none comes within `timeout`
  // or the writer closed first.
  std::string next(std::chrono::milliseconds timeout = std::chrono::seconds(10));

 private:
  int fd_;
  std::string buffered_;
};

// A field of /proc/PID/status, e.g. "SigBlk"; empty if absent.
std::string statusField(pid_t pid, const std::string& key);

// The whole content of a file; empty if it cannot be read.
std::string readFile(const std::string& path);

// Seconds since `start` on the steady clock.
double secondsSince(std::chrono::steady_clock::time_point start);

// Scales a load for slow (sanitizer) builds: PROCSIM_REAL_LOAD_SCALE=0.05
// runs 5% of the messages. Never below `minimum`.
long scaledLoad(long full, long minimum = 1);

// The threads of this process right now.
std::size_t threadCount();

// Records the descriptors and threads at construction; check() verifies that
// the same descriptors are open again, the thread count is back, and no
// child is left a zombie.
class LeakCheck {
 public:
  LeakCheck();
  void check() const;

 private:
  std::set<int> descriptors_;
  std::size_t threads_;
};

}  // namespace real_test
