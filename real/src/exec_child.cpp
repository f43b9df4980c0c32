#include "exec_child.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <system_error>

#include "fd.hpp"
#include "pidfd.hpp"

extern char** environ;

namespace real::detail {

namespace {

bool isExecutableFile(const std::string& path, int& error) {
  struct stat status {};
  if (::stat(path.c_str(), &status) != 0) return false;
  if (!S_ISREG(status.st_mode) || ::access(path.c_str(), X_OK) != 0) {
    error = EACCES;
    return false;
  }
  return true;
}

// Runs in the child between _Fork and execve: system calls only.
[[noreturn]] void execInChild(const ExecRequest& request, char* const* argv, pid_t parent, int report_fd) {
  struct sigaction default_action {};
  default_action.sa_handler = SIG_DFL;
  for (int signal_number = 1; signal_number < NSIG; ++signal_number) ::sigaction(signal_number, &default_action, nullptr);
  int error = 0;
  if (request.die_with_parent && (::prctl(PR_SET_PDEATHSIG, SIGKILL) != 0 || ::getppid() != parent)) {
    error = ESRCH;  // the parent is gone already: nobody would reap us
  }
  if (error == 0 && request.stdout_fd >= 0 && request.stdout_fd != STDOUT_FILENO &&
      ::dup2(request.stdout_fd, STDOUT_FILENO) < 0) {
    error = errno;
  }
  if (error == 0) {
    closeDescriptorsFrom3Except(&report_fd, 1);  // report_fd is close-on-exec
    sigset_t empty;
    sigemptyset(&empty);
    ::sigprocmask(SIG_SETMASK, &empty, nullptr);
    ::execve(request.path.c_str(), argv, environ);
    error = errno;
  }
  [[maybe_unused]] const ssize_t ignored = ::write(report_fd, &error, sizeof error);
  ::_exit(127);
}

}  // namespace

std::string findExecutable(const std::string& name) {
  if (name.empty()) throw std::system_error(ENOENT, std::generic_category(), "Process::start: cannot run ''");
  if (name.find('/') != std::string::npos) return name;
  const char* path_variable = std::getenv("PATH");
  const std::string search = path_variable != nullptr ? path_variable : "/bin:/usr/bin";
  int error = ENOENT;
  for (std::size_t begin = 0; begin <= search.size();) {
    std::size_t end = search.find(':', begin);
    if (end == std::string::npos) end = search.size();
    const std::string folder = end == begin ? "." : search.substr(begin, end - begin);
    const std::string candidate = folder + "/" + name;
    if (isExecutableFile(candidate, error)) return candidate;
    begin = end + 1;
  }
  throw std::system_error(error, std::generic_category(), "Process::start: cannot run '" + name + "'");
}

pid_t forkExec(const ExecRequest& request) {
  std::vector<char*> argv;
  argv.reserve(request.argv.size() + 1);
  for (const std::string& arg : request.argv) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) throwErrno("Process::start: pipe2");
  UniqueFd report_read(fds[0]);
  UniqueFd report_write(fds[1]);
  const pid_t parent = ::getpid();
  // Blocked from fork until the child has reset its handlers: a signal must
  // not run one of ours in the child.
  sigset_t all;
  sigset_t previous;
  sigfillset(&all);
  ::pthread_sigmask(SIG_SETMASK, &all, &previous);
  const pid_t pid = ::_Fork();
  if (pid == 0) execInChild(request, argv.data(), parent, report_write.get());
  const int fork_error = errno;
  ::pthread_sigmask(SIG_SETMASK, &previous, nullptr);
  if (pid < 0) throwErrno(fork_error, "Process::start: fork");
  report_write.reset();
  int exec_error = 0;
  ssize_t got = 0;
  do {
    got = ::read(report_read.get(), &exec_error, sizeof exec_error);
  } while (got < 0 && errno == EINTR);
  if (got == 0) return pid;  // the pipe closed on exec
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  throw std::system_error(got == static_cast<ssize_t>(sizeof exec_error) ? exec_error : EIO, std::generic_category(),
                          "Process::start: cannot run '" + request.argv[0] + "'");
}

}  // namespace real::detail
