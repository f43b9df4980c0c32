// exec_child.hpp: starting a command that dies with its parent. posix_spawn
// cannot set PR_SET_PDEATHSIG, so the child is made with _Fork (no atfork
// handlers run) and does only async-signal-safe system calls before execve:
// everything it needs is prepared before the fork, nothing is allocated
// after it. Private to real::Process (real/process.hpp).
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace real::detail {

// argv[0] resolved as execvp would: a name with a slash as it is, else the
// first PATH entry where it is an executable regular file. Throws
// std::system_error (ENOENT, or EACCES when only non-executables match).
std::string findExecutable(const std::string& name);

struct ExecRequest {
  std::string path;               // from findExecutable
  std::vector<std::string> argv;  // argv[0] first
  int stdout_fd = -1;             // >= 0: becomes the child's standard output
  bool die_with_parent = true;    // PR_SET_PDEATHSIG(SIGKILL), checked against getppid()
};

// Starts the child and returns its pid once it has called execve. A failed
// exec (its errno comes back through a close-on-exec pipe) reaps the child
// and throws std::system_error. The child starts with default signal
// handlers, an empty signal mask and only descriptors 0, 1 and 2.
pid_t forkExec(const ExecRequest& request);

}  // namespace real::detail
