// pidfd.hpp: the pidfd system calls, through syscall() so that no particular
// glibc wrapper is needed.
#pragma once

#include <sys/types.h>

namespace real::detail {

// A close-on-exec descriptor that refers to `pid` until it is closed, even
// after the pid is reaped and reused. -1 and errno on failure.
int pidfdOpen(pid_t pid);
// 0 or -1 and errno.
int pidfdSendSignal(int pidfd, int signal_number);

// Closes every descriptor >= 3 that is not in `kept` (sorted ascending).
// Async-signal-safe: used between fork and _exit.
void closeDescriptorsFrom3Except(const int* kept, int kept_count);

}  // namespace real::detail
