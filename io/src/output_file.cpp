#include "io/output_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <streambuf>

namespace io {

namespace {

// An ostream buffer over a file descriptor that remembers the first error.
class FdBuffer : public std::streambuf {
 public:
  explicit FdBuffer(int fd) : fd_(fd) { setp(buffer_.data(), buffer_.data() + buffer_.size()); }
  int error() const { return error_; }

 protected:
  int_type overflow(int_type ch) override {
    if (!drain()) return traits_type::eof();
    if (!traits_type::eq_int_type(ch, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(ch);
      pbump(1);
    }
    return traits_type::not_eof(ch);
  }
  int sync() override { return drain() ? 0 : -1; }

 private:
  bool drain() {
    const char* data = pbase();
    std::size_t left = static_cast<std::size_t>(pptr() - pbase());
    while (left > 0 && error_ == 0) {
      const ssize_t n = ::write(fd_, data, left);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        error_ = n < 0 ? errno : EIO;
        break;
      }
      data += n;
      left -= static_cast<std::size_t>(n);
    }
    setp(buffer_.data(), buffer_.data() + buffer_.size());
    return error_ == 0;
  }

  int fd_;
  int error_ = 0;
  std::array<char, 1 << 16> buffer_{};
};

// "PATH: what: reason" into `error`; returns false.
bool fail(const std::string& path, const char* what, int number, std::string& error) {
  error = std::string(path).append(": ").append(what).append(": ").append(std::strerror(number));
  return false;
}

// Runs `write` into `fd`; on failure returns the errno.
int writeTo(int fd, const Writer& write) {
  FdBuffer buffer(fd);
  std::ostream out(&buffer);
  write(out);
  out.flush();
  if (buffer.error() != 0) return buffer.error();
  return out ? 0 : EIO;
}

mode_t currentUmask() {
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return mask;
}

bool writeInPlace(const std::string& path, const std::string& target, const Writer& write, std::string& error) {
  const int fd = ::open(target.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) return fail(path, "cannot write", errno, error);
  int failure = writeTo(fd, write);
  if (::close(fd) != 0 && failure == 0 && errno != EINTR) failure = errno;
  return failure == 0 || fail(path, "write failed", failure, error);
}

bool replaceRegular(const std::string& path, const std::string& target, const struct stat* existing,
                    const Writer& write, std::string& error) {
  const std::filesystem::path where(target);
  const std::filesystem::path folder = where.has_parent_path() ? where.parent_path() : std::filesystem::path(".");
  std::string temporary = (folder / std::string(".").append(where.filename().string()).append(".XXXXXX")).string();
  const int fd = ::mkostemp(temporary.data(), O_CLOEXEC);
  if (fd < 0) return fail(path, "cannot write", errno, error);
  const mode_t mode = existing != nullptr ? (existing->st_mode & 07777) : (0666 & ~currentUmask());
  int failure = ::fchmod(fd, mode) == 0 ? 0 : errno;
  if (failure == 0 && existing != nullptr && ::geteuid() == 0 &&
      ::fchown(fd, existing->st_uid, existing->st_gid) != 0) {
    failure = errno;
  }
  if (failure == 0) failure = writeTo(fd, write);
  if (failure == 0 && ::fsync(fd) != 0) failure = errno;
  if (::close(fd) != 0 && failure == 0 && errno != EINTR) failure = errno;
  if (failure == 0 && ::rename(temporary.c_str(), target.c_str()) != 0) failure = errno;
  if (failure == 0) return true;
  ::unlink(temporary.c_str());
  return fail(path, "write failed", failure, error);
}

}  // namespace

std::optional<std::string> followLinks(std::string path) {
  for (int hops = 0; hops < 40; ++hops) {
    struct stat link {};
    if (::lstat(path.c_str(), &link) != 0 || !S_ISLNK(link.st_mode)) return path;
    std::error_code error;
    const std::filesystem::path target = std::filesystem::read_symlink(path, error);
    if (error) return path;
    path = target.is_absolute() ? target.string() : (std::filesystem::path(path).parent_path() / target).string();
  }
  errno = ELOOP;
  return std::nullopt;
}

bool writeFileWhole(const std::string& path, const Writer& write, std::string& error) {
  const auto target = followLinks(path);
  if (!target) return fail(path, "cannot write", errno, error);
  struct stat status {};
  if (::stat(target->c_str(), &status) == 0) {
    if (!S_ISREG(status.st_mode)) return writeInPlace(path, *target, write, error);
    return replaceRegular(path, *target, &status, write, error);
  }
  if (errno != ENOENT) return fail(path, "cannot write", errno, error);
  return replaceRegular(path, *target, nullptr, write, error);
}

}  // namespace io
