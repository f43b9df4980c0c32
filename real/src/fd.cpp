#include "fd.hpp"

#include <unistd.h>

#include <cerrno>
#include <system_error>

namespace real::detail {

void UniqueFd::reset(int fd) {
  if (fd_ >= 0) {
    // close() is not retried on EINTR: on Linux the descriptor is gone anyway.
    ::close(fd_);
  }
  fd_ = fd;
}

void throwErrno(const char* what) { throwErrno(errno, what); }

void throwErrno(int error, const char* what) {
  throw std::system_error(error, std::generic_category(), what);
}

}  // namespace real::detail
