#include "command_runner.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

extern char** environ;

namespace real_test {

namespace {

using Clock = std::chrono::steady_clock;

pid_t spawnProcsim(const std::vector<std::string>& args, int out_fd, int err_fd) {
  std::vector<std::string> argv{PROCSIM_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  std::vector<char*> pointers;
  for (std::string& arg : argv) pointers.push_back(arg.data());
  pointers.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out_fd, 1);
  if (err_fd >= 0) posix_spawn_file_actions_adddup2(&actions, err_fd, 2);
  pid_t pid = -1;
  const int error = posix_spawn(&pid, pointers[0], &actions, nullptr, pointers.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  REQUIRE(error == 0);
  return pid;
}

// Waits for `pid` until `deadline`, in poll on its pidfd (readable once it
// has ended); exit status, 128 + signal, or -1.
int waitUntilExit(pid_t pid, Clock::time_point deadline) {
  const int pidfd = static_cast<int>(::syscall(SYS_pidfd_open, pid, 0));
  REQUIRE(pidfd >= 0);
  int result = -1;
  for (;;) {
    int status = 0;
    if (::waitpid(pid, &status, WNOHANG) == pid) {
      result = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      break;
    }
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (left <= 0) break;
    pollfd ended{pidfd, POLLIN, 0};
    ::poll(&ended, 1, static_cast<int>(left) + 1);
  }
  ::close(pidfd);
  return result;
}

}  // namespace

CommandResult runProcsim(const std::vector<std::string>& args, std::chrono::milliseconds timeout) {
  int out[2];
  int err[2];
  REQUIRE(::pipe2(out, O_CLOEXEC) == 0);
  REQUIRE(::pipe2(err, O_CLOEXEC) == 0);
  const pid_t pid = spawnProcsim(args, out[1], err[1]);
  ::close(out[1]);
  ::close(err[1]);
  CommandResult result;
  const auto deadline = Clock::now() + timeout;
  pollfd fds[2] = {{out[0], POLLIN, 0}, {err[0], POLLIN, 0}};
  int open_count = 2;
  while (open_count > 0 && Clock::now() < deadline) {
    if (::poll(fds, 2, 100) <= 0) continue;
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      char buffer[4096];
      const ssize_t got = ::read(fds[i].fd, buffer, sizeof buffer);
      if (got > 0) {
        (i == 0 ? result.out : result.err).append(buffer, static_cast<std::size_t>(got));
      } else {
        ::close(fds[i].fd);
        fds[i].fd = -1;
        --open_count;
      }
    }
  }
  for (auto& descriptor : fds) {
    if (descriptor.fd >= 0) ::close(descriptor.fd);
  }
  result.status = waitUntilExit(pid, deadline);
  if (result.status == -1) {
    ::kill(pid, SIGKILL);
    ::waitpid(pid, nullptr, 0);
  }
  return result;
}

BackgroundProcsim::BackgroundProcsim(const std::vector<std::string>& args, ErrorStream error) {
  int out[2];
  int err[2] = {-1, -1};
  REQUIRE(::pipe2(out, O_CLOEXEC) == 0);
  if (error == ErrorStream::Captured) REQUIRE(::pipe2(err, O_CLOEXEC) == 0);
  pid_ = spawnProcsim(args, out[1], err[1]);
  ::close(out[1]);
  out_fd_ = out[0];
  lines_.emplace(out_fd_);
  if (error == ErrorStream::Captured) {
    ::close(err[1]);
    err_fd_ = err[0];
    error_lines_.emplace(err_fd_);
  }
}

BackgroundProcsim::~BackgroundProcsim() {
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
  }
  if (out_fd_ >= 0) ::close(out_fd_);
  if (err_fd_ >= 0) ::close(err_fd_);
}

std::string BackgroundProcsim::readLine(std::chrono::milliseconds timeout) { return lines_->next(timeout); }

std::string BackgroundProcsim::readErrorLine(std::chrono::milliseconds timeout) {
  REQUIRE(error_lines_.has_value());
  return error_lines_->next(timeout);
}

int BackgroundProcsim::stop(int signal_number, std::chrono::milliseconds timeout) {
  ::kill(pid_, signal_number);
  const int status = waitUntilExit(pid_, Clock::now() + timeout);
  if (status != -1) pid_ = -1;
  return status;
}

}  // namespace real_test
