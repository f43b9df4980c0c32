#include "pidfd.hpp"

#include <sys/syscall.h>
#include <unistd.h>

#include <climits>

namespace real::detail {

int pidfdOpen(pid_t pid) {
  return static_cast<int>(::syscall(SYS_pidfd_open, pid, 0));
}

int pidfdSendSignal(int pidfd, int signal_number) {
  return static_cast<int>(::syscall(SYS_pidfd_send_signal, pidfd, signal_number, nullptr, 0));
}

namespace {
void closeRange(unsigned first, unsigned last) {
  if (first > last) return;
  if (::close_range(first, last, 0) == 0) return;
  // Old kernels: close one by one up to the descriptor limit.
  const long limit = ::sysconf(_SC_OPEN_MAX);
  const unsigned top = limit > 0 && static_cast<unsigned long>(limit) - 1 < last
                           ? static_cast<unsigned>(limit - 1)
                           : last;
  for (unsigned fd = first; fd <= top; ++fd) ::close(static_cast<int>(fd));
}
}  // namespace

void closeDescriptorsFrom3Except(const int* kept, int kept_count) {
  unsigned next = 3;
  for (int i = 0; i < kept_count; ++i) {
    if (kept[i] < 3) continue;
    const auto fd = static_cast<unsigned>(kept[i]);
    if (fd > next) closeRange(next, fd - 1);
    if (fd + 1 > next) next = fd + 1;
  }
  closeRange(next, UINT_MAX);
}

}  // namespace real::detail
