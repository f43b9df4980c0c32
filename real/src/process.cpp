#include "real/process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <exception>
#include <stdexcept>
#include <system_error>
#include <mutex>

#include "exec_child.hpp"
#include "fd.hpp"
#include "pidfd.hpp"
#include "process_registry.hpp"

extern char** environ;

namespace real {

namespace {

std::string defaultName() {
  static std::atomic<int> counter{0};
  return "Process-" + std::to_string(++counter);
}

int decodeExit(const siginfo_t& info) {
  if (info.si_code == CLD_EXITED) return info.si_status;
  return -info.si_status;  // CLD_KILLED or CLD_DUMPED
}

void resetSignalsInChild() {
  struct sigaction default_action {};
  default_action.sa_handler = SIG_DFL;
  sigemptyset(&default_action.sa_mask);
  for (int signal_number = 1; signal_number < NSIG; ++signal_number) {
    // Fails harmlessly for SIGKILL, SIGSTOP and glibc's reserved signals.
    ::sigaction(signal_number, &default_action, nullptr);
  }
  sigset_t empty;
  sigemptyset(&empty);
  ::pthread_sigmask(SIG_SETMASK, &empty, nullptr);
}

// Functions that only a forked child calls would otherwise be looked up by
// the dynamic linker again in every child (lazy binding: the parent's GOT
// never got them). Calling each once in the parent, harmlessly, makes every
// later child inherit the resolved entries. About 20% of a child's CPU time.
void bindChildFunctionsOnce() {
  static std::once_flag once;
  std::call_once(once, [] {
    const int saved_errno = errno;
    struct sigaction current {};
    ::sigaction(SIGCHLD, nullptr, &current);  // a query: changes nothing
    sigset_t set;
    sigemptyset(&set);
    ::close_range(~0U, ~0U, 0);  // a range no descriptor can be in
    errno = saved_errno;
  });
}

}  // namespace

Process::Process() : name_(defaultName()) {}

Process::Process(Body body, std::string name, Tag)
    : name_(name.empty() ? defaultName() : std::move(name)), body_(std::move(body)) {}

std::unique_ptr<Process> Process::command(std::vector<std::string> argv, std::string name) {
  if (argv.empty()) throw std::invalid_argument("Process::command: empty command");
  std::unique_ptr<Process> process(new Process());
  if (!name.empty()) process->name_ = std::move(name);
  process->argv_ = std::move(argv);
  return process;
}

Process::~Process() {
  if (started()) {
    bool reaped = false;
    {
      std::lock_guard lock(state_mutex_);
      reaped = exitcode_.has_value();
    }
    if (!reaped) {
      if (daemon_) terminate();
      join();
    }
    ProcessRegistry::instance().remove(this);
  }
  if (pidfd_ >= 0) ::close(pidfd_);
}

void Process::set_daemon(bool daemon) {
  if (started()) throw std::logic_error("Process::set_daemon: process already started");
  daemon_ = daemon;
}

void Process::keep_fd(int fd) {
  if (started()) throw std::logic_error("Process::keep_fd: process already started");
  kept_fds_.push_back(fd);
  std::sort(kept_fds_.begin(), kept_fds_.end());
}

void Process::set_die_with_parent(bool die) {
  if (started()) throw std::logic_error("Process::set_die_with_parent: process already started");
  die_with_parent_ = die;
}

void Process::set_stdout(int fd) {
  if (started()) throw std::logic_error("Process::set_stdout: process already started");
  if (argv_.empty()) throw std::logic_error("Process::set_stdout: only a command child has its output redirected");
  stdout_fd_ = fd;
}

void Process::run() {
  if (body_) exit_status_ = body_();
}

void Process::start() {
  {
    std::lock_guard lock(state_mutex_);
    if (started() || starting_) throw std::logic_error("Process::start: " + name_ + " was already started");
    starting_ = true;
  }
  // Not under state_mutex_: the forked child gets a copy of this object, and
  // its run() may call this object's methods.
  pid_t pid = 0;
  try {
    pid = argv_.empty() ? startForked() : startCommand();
  } catch (...) {
    std::lock_guard lock(state_mutex_);
    starting_ = false;
    throw;
  }
  const int pidfd = detail::pidfdOpen(pid);
  std::lock_guard lock(state_mutex_);
  pidfd_ = pidfd;
  pid_ = pid;
  if (pidfd_ < 0) {
    // Out of descriptors (EMFILE, ENFILE), or something else reaped our
    // child (SIGCHLD ignored). The child may be running: kill it first so
    // that reaping it never blocks.
    const int error = errno;
    ::kill(pid, SIGKILL);
    siginfo_t info{};
    ::waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED);
    exitcode_ = decodeExit(info);
    detail::throwErrno(error, "Process::start: pidfd_open");
  }
  ProcessRegistry::instance().add(this);
}

pid_t Process::startForked() {
  ProcessRegistry::instance();  // its fork handlers must exist before fork
  bindChildFunctionsOnce();
  std::fflush(nullptr);
  // All signals stay blocked from fork until the child has reset its
  // handlers: a signal sent right after start() must not run one of ours.
  sigset_t all;
  sigset_t previous;
  sigfillset(&all);
  // The death signal belongs to the thread that forks: start() returns only
  // once the child has armed it (closed its end of this pipe), or a thread
  // that ends right after start() would leave a child that never gets it.
  detail::UniqueFd armed_read;
  detail::UniqueFd armed_write;
  if (die_with_parent_) {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) detail::throwErrno("Process::start: pipe2");
    armed_read.reset(fds[0]);
    armed_write.reset(fds[1]);
  }
  ::pthread_sigmask(SIG_SETMASK, &all, &previous);
  const pid_t parent = ::getpid();
  const pid_t pid = ::fork();
  if (pid == 0) {
    if (die_with_parent_) {
      // First of all: a parent killed before this line leaves no orphan.
      if (::prctl(PR_SET_PDEATHSIG, SIGKILL) != 0 || ::getppid() != parent) ::_exit(1);
      ::close(armed_write.get());
    }
    runInChild();
  }
  const int fork_error = errno;
  ::pthread_sigmask(SIG_SETMASK, &previous, nullptr);
  if (pid < 0) detail::throwErrno(fork_error, "Process::start: fork");
  if (die_with_parent_) {
    armed_write.reset();
    char ignored = 0;
    while (::read(armed_read.get(), &ignored, 1) < 0 && errno == EINTR) {
    }
  }
  return pid;
}

void Process::runInChild() {
  resetSignalsInChild();
  detail::closeDescriptorsFrom3Except(kept_fds_.data(), static_cast<int>(kept_fds_.size()));
  int status = 0;
  try {
    run();
    status = exit_status_;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "%s (pid %d): uncaught exception: %s\n", name_.c_str(),
                 static_cast<int>(::getpid()), error.what());
    status = 1;
  } catch (...) {
    std::fprintf(stderr, "%s (pid %d): uncaught exception\n", name_.c_str(),
                 static_cast<int>(::getpid()));
    status = 1;
  }
  end_children_at_exit();
  std::fflush(nullptr);
  // exit_group is what _exit does; through syscall(), already bound in the
  // parent (pidfd_open), rather than a fresh lookup of _exit in every child.
  ::syscall(SYS_exit_group, status & 0xff);
  ::_exit(status & 0xff);
}

pid_t Process::startCommand() {
  if (die_with_parent_) {
    return detail::forkExec({detail::findExecutable(argv_[0]), argv_, stdout_fd_, true});
  }
  std::vector<char*> args;
  args.reserve(argv_.size() + 1);
  for (std::string& arg : argv_) args.push_back(arg.data());
  args.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawnattr_t attributes;
  ::posix_spawn_file_actions_init(&actions);
  ::posix_spawnattr_init(&attributes);
  if (stdout_fd_ >= 0 && stdout_fd_ != STDOUT_FILENO) ::posix_spawn_file_actions_adddup2(&actions, stdout_fd_, STDOUT_FILENO);
  ::posix_spawn_file_actions_addclosefrom_np(&actions, 3);
  sigset_t empty;
  sigset_t all;
  sigemptyset(&empty);
  sigfillset(&all);
  ::posix_spawnattr_setsigmask(&attributes, &empty);
  ::posix_spawnattr_setsigdefault(&attributes, &all);
  ::posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);

  pid_t pid = 0;
  // glibc reports a failed exec here and has already reaped that child.
  const int error = ::posix_spawnp(&pid, args[0], &actions, &attributes, args.data(), environ);
  ::posix_spawn_file_actions_destroy(&actions);
  ::posix_spawnattr_destroy(&attributes);
  if (error != 0) {
    throw std::system_error(error, std::generic_category(),
                            "Process::start: cannot run '" + argv_[0] + "'");
  }
  return pid;
}

bool Process::reapIfEnded() {
  if (exitcode_) return true;
  siginfo_t info{};
  int rc = 0;
  do {
    info = siginfo_t{};
    rc = ::waitid(P_PIDFD, static_cast<id_t>(pidfd_), &info, WEXITED | WNOHANG);
  } while (rc < 0 && errno == EINTR);
  if (rc < 0) detail::throwErrno("Process: waitid");
  if (info.si_pid == 0) return false;
  exitcode_ = decodeExit(info);
  ProcessRegistry::instance().remove(this);
  closePidfdIfUnused();
  return true;
}

void Process::closePidfdIfUnused() {
  if (exitcode_ && pollers_ == 0 && pidfd_ >= 0) {
    ::close(pidfd_);
    pidfd_ = -1;
  }
}

void Process::join() {
  if (!started()) throw std::logic_error("Process::join: " + name_ + " was not started");
  while (!join(std::chrono::milliseconds(-1))) {
  }
}

bool Process::join(std::chrono::milliseconds timeout) {
  if (!started()) throw std::logic_error("Process::join: " + name_ + " was not started");
  using Clock = std::chrono::steady_clock;
  const bool forever = timeout.count() < 0;
  const auto deadline = Clock::now() + (forever ? Clock::duration::zero() : timeout);
  for (;;) {
    // The pidfd is polled without the lock; pollers_ keeps a concurrent
    // reaper from closing it under us (the last poller closes it instead).
    int pidfd = -1;
    {
      std::lock_guard lock(state_mutex_);
      if (exitcode_) return true;
      pidfd = pidfd_;
      ++pollers_;
    }
    int wait_ms = -1;
    if (!forever) {
      const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now());
      wait_ms = static_cast<int>(std::clamp<long long>(left.count(), 0, 1'000'000'000));
    }
    // Readable once the child has exited: reap only then.
    pollfd descriptor{pidfd, POLLIN, 0};
    const int rc = ::poll(&descriptor, 1, wait_ms);
    const int poll_error = errno;
    {
      std::lock_guard lock(state_mutex_);
      --pollers_;
      const bool ended = rc > 0 ? reapIfEnded() : exitcode_.has_value();
      closePidfdIfUnused();
      if (ended) return true;
    }
    if (rc < 0 && poll_error != EINTR) detail::throwErrno(poll_error, "Process::join: poll");
    if (rc == 0 && !forever && Clock::now() >= deadline) return false;
  }
}

bool Process::is_alive() {
  if (!started()) return false;
  std::lock_guard lock(state_mutex_);
  return !reapIfEnded();
}

bool Process::send_signal(int signal_number) {
  if (!started()) return false;
  std::lock_guard lock(state_mutex_);
  // Under the lock nobody can reap, so the pidfd's process cannot vanish
  // between this check and the signal.
  if (exitcode_) return false;
  return detail::pidfdSendSignal(pidfd_, signal_number) == 0;
}

void Process::terminate() { send_signal(SIGTERM); }
void Process::kill() { send_signal(SIGKILL); }

std::optional<int> Process::exitcode() {
  if (!started()) return std::nullopt;
  std::lock_guard lock(state_mutex_);
  reapIfEnded();
  return exitcode_;
}

}  // namespace real
