#include "test_support.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

namespace real_test {

std::set<int> openDescriptors(const std::string& pid) {
  std::set<int> descriptors;
  const std::string path = "/proc/" + pid + "/fd";
  DIR* directory = ::opendir(path.c_str());
  if (directory == nullptr) return descriptors;
  const int own = ::dirfd(directory);
  while (const dirent* entry = ::readdir(directory)) {
    if (entry->d_name[0] == '.') continue;
    const int fd = std::atoi(entry->d_name);
    if (pid == "self" && fd == own) continue;
    descriptors.insert(fd);
  }
  ::closedir(directory);
  return descriptors;
}

std::vector<pid_t> zombieChildren() {
  std::vector<pid_t> zombies;
  const pid_t self = ::getpid();
  DIR* directory = ::opendir("/proc");
  if (directory == nullptr) return zombies;
  while (const dirent* entry = ::readdir(directory)) {
    const pid_t pid = std::atoi(entry->d_name);
    if (pid <= 0) continue;
    const std::string text = readFile("/proc/" + std::to_string(pid) + "/stat");
    const auto close = text.rfind(')');
    if (close == std::string::npos) continue;
    std::istringstream fields(text.substr(close + 1));
    char state = '?';
    pid_t ppid = 0;
    fields >> state >> ppid;
    if (ppid == self && state == 'Z') zombies.push_back(pid);
  }
  ::closedir(directory);
  return zombies;
}

bool waitUntil(const std::function<bool()>& condition, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!condition()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return true;
}

bool waitForStop(pid_t pid) {
  siginfo_t info{};
  while (::waitid(P_PID, static_cast<id_t>(pid), &info, WSTOPPED | WEXITED | WNOWAIT) != 0) {
    if (errno != EINTR) return false;
  }
  return info.si_code == CLD_STOPPED;
}

bool waitForExit(pid_t pid, std::chrono::milliseconds timeout) {
  const int pidfd = static_cast<int>(::syscall(SYS_pidfd_open, pid, 0));
  if (pidfd < 0) return errno == ESRCH;  // reaped already
  const bool ended = endsWithin(pidfd, timeout);
  ::close(pidfd);
  return ended;
}

bool endsWithin(int pidfd, std::chrono::milliseconds timeout) {
  pollfd ended{pidfd, POLLIN, 0};
  int ready = 0;
  while ((ready = ::poll(&ended, 1, static_cast<int>(timeout.count()))) < 0 && errno == EINTR) {
  }
  return ready == 1;
}

std::set<pid_t> childrenOf(pid_t pid) {
  std::set<pid_t> pids;
  std::ifstream in("/proc/" + std::to_string(pid) + "/task/" + std::to_string(pid) + "/children");
  for (pid_t child = 0; in >> child;) pids.insert(child);
  return pids;
}

std::string LineReader::next(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (buffered_.find('\n') == std::string::npos) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return {};
    pollfd descriptor{fd_, POLLIN, 0};
    if (::poll(&descriptor, 1, static_cast<int>(left.count())) <= 0) continue;
    char buffer[1024];
    const ssize_t got = ::read(fd_, buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return {};
    buffered_.append(buffer, static_cast<std::size_t>(got));
  }
  const auto end = buffered_.find('\n');
  std::string line = buffered_.substr(0, end);
  buffered_.erase(0, end + 1);
  return line;
}

std::string statusField(pid_t pid, const std::string& key) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(key + ":", 0) == 0) {
      std::string value = line.substr(key.size() + 1);
      value.erase(0, value.find_first_not_of(" \t"));
      return value;
    }
  }
  return {};
}

std::string readFile(const std::string& path) {
  std::string text;
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return text;
  char buffer[4096];
  ssize_t got = 0;
  while ((got = ::read(fd, buffer, sizeof buffer)) > 0) text.append(buffer, static_cast<std::size_t>(got));
  ::close(fd);
  return text;
}

double secondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

long scaledLoad(long full, long minimum) {
  const char* text = std::getenv("PROCSIM_REAL_LOAD_SCALE");
  if (text == nullptr) return full;
  const double scale = std::atof(text);
  if (scale <= 0) return full;
  const long scaled = static_cast<long>(static_cast<double>(full) * scale);
  return scaled < minimum ? minimum : scaled;
}

std::size_t threadCount() {
  std::size_t count = 0;
  DIR* directory = ::opendir("/proc/self/task");
  if (directory == nullptr) return 0;
  while (const dirent* entry = ::readdir(directory)) count += entry->d_name[0] != '.';
  ::closedir(directory);
  return count;
}

namespace {
// ThreadSanitizer starts a helper thread of its own when the first thread
// is created; create one first so that the baseline already counts it. A
// joined thread can still be listed in /proc/self/task for a moment, so
// wait (briefly, bounded) until the count has stopped falling.
std::size_t settledThreadCount() {
  std::thread([] {}).join();
  std::size_t count = threadCount();
  for (int i = 0; i < 50; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    const std::size_t now = threadCount();
    if (now == count) break;
    count = now;
  }
  return count;
}
}  // namespace

LeakCheck::LeakCheck() : descriptors_(openDescriptors()), threads_(settledThreadCount()) {}

void LeakCheck::check() const {
  // Children end asynchronously only if something is wrong; give a leaked
  // zombie no chance to hide, but let closing sockets settle briefly.
  CHECK(zombieChildren().empty());
  waitUntil([&] { return openDescriptors() == descriptors_; }, std::chrono::seconds(2));
  CHECK(openDescriptors() == descriptors_);
  waitUntil([&] { return threadCount() == threads_; }, std::chrono::seconds(2));
  CHECK(threadCount() == threads_);
}

}  // namespace real_test
