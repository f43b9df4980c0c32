#include "output_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <optional>
#include <streambuf>

namespace cli {

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

void complain(const std::string& path, const char* what, int error) {
  std::cerr << "procsim: " << path << ": " << what << ": " << std::strerror(error) << "\n";
}

// Runs `write` into `fd`; on failure returns the errno.
int writeTo(int fd, const std::function<void(std::ostream&)>& write) {
  FdBuffer buffer(fd);
  std::ostream out(&buffer);
  write(out);
  out.flush();
  if (buffer.error() != 0) return buffer.error();
  return out ? 0 : EIO;
}

// Follows symlinks (at most 40, as the kernel does) to the path that is
// written: a dangling link names the file to create.
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

mode_t currentUmask() {
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return mask;
}

bool writeInPlace(const std::string& path, const std::string& target,
                  const std::function<void(std::ostream&)>& write) {
  const int fd = ::open(target.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    complain(path, "cannot write", errno);
    return false;
  }
  int error = writeTo(fd, write);
  if (::close(fd) != 0 && error == 0 && errno != EINTR) error = errno;
  if (error != 0) {
    complain(path, "write failed", error);
    return false;
  }
  return true;
}

bool replaceRegular(const std::string& path, const std::string& target, const struct stat* existing,
                    const std::function<void(std::ostream&)>& write) {
  const std::filesystem::path where(target);
  const std::filesystem::path folder = where.has_parent_path() ? where.parent_path() : std::filesystem::path(".");
  std::string temporary = (folder / std::string(".").append(where.filename().string()).append(".XXXXXX")).string();
  const int fd = ::mkostemp(temporary.data(), O_CLOEXEC);
  if (fd < 0) {
    complain(path, "cannot write", errno);
    return false;
  }
  const mode_t mode = existing != nullptr ? (existing->st_mode & 07777) : (0666 & ~currentUmask());
  int error = ::fchmod(fd, mode) == 0 ? 0 : errno;
  if (error == 0 && existing != nullptr && ::geteuid() == 0 &&
      ::fchown(fd, existing->st_uid, existing->st_gid) != 0) {
    error = errno;
  }
  if (error == 0) error = writeTo(fd, write);
  if (error == 0 && ::fsync(fd) != 0) error = errno;
  if (::close(fd) != 0 && error == 0 && errno != EINTR) error = errno;
  if (error == 0 && ::rename(temporary.c_str(), target.c_str()) != 0) error = errno;
  if (error != 0) {
    ::unlink(temporary.c_str());
    complain(path, "write failed", error);
    return false;
  }
  return true;
}

// What identifies a file: device and inode when it exists, else its
// resolved path. Nothing for "-" and for files that are not regular.
struct FileIdentity {
  bool exists = false;
  dev_t device = 0;
  ino_t inode = 0;
  std::string resolved;
  bool operator==(const FileIdentity& other) const {
    if (exists != other.exists) return false;
    return exists ? device == other.device && inode == other.inode : resolved == other.resolved;
  }
};

std::optional<FileIdentity> identify(const std::string& path) {
  if (path.empty() || path == "-") return std::nullopt;
  struct stat status {};
  if (::stat(path.c_str(), &status) == 0) {
    if (!S_ISREG(status.st_mode)) return std::nullopt;
    return FileIdentity{true, status.st_dev, status.st_ino, {}};
  }
  std::error_code error;
  const auto target = followLinks(path);
  const std::filesystem::path resolved = std::filesystem::weakly_canonical(target ? *target : path, error);
  return FileIdentity{false, 0, 0, error ? path : resolved.string()};
}

}  // namespace

bool writeOutputFile(const std::string& path, const std::function<void(std::ostream&)>& write) {
  if (path == "-") {
    write(std::cout);
    return finishStandardOutput();
  }
  const auto target = followLinks(path);
  if (!target) {
    complain(path, "cannot write", errno);
    return false;
  }
  struct stat status {};
  if (::stat(target->c_str(), &status) == 0) {
    if (!S_ISREG(status.st_mode)) return writeInPlace(path, *target, write);
    return replaceRegular(path, *target, &status, write);
  }
  if (errno != ENOENT) {
    complain(path, "cannot write", errno);
    return false;
  }
  return replaceRegular(path, *target, nullptr, write);
}

bool checkDistinctPaths(const std::vector<std::string>& inputs, const std::vector<std::string>& outputs) {
  for (std::size_t i = 0; i < outputs.size(); ++i) {
    const auto output = identify(outputs[i]);
    if (!output) continue;
    for (const std::string& input : inputs) {
      const auto other = identify(input);
      if (other && *other == *output) {
        std::cerr << "procsim: " << outputs[i] << ": is also the input " << input
                  << "; writing it would destroy the input\n";
        return false;
      }
    }
    for (std::size_t j = 0; j < i; ++j) {
      const auto other = identify(outputs[j]);
      if (other && *other == *output) {
        std::cerr << "procsim: " << outputs[i] << ": is also the output " << outputs[j]
                  << "; give each output its own file\n";
        return false;
      }
    }
  }
  return true;
}

bool finishStandardOutput() {
  // std::cout writes through stdout's buffer, so its flush is the one that
  // meets the error; the second flush only confirms.
  errno = 0;
  std::cout.flush();
  int error = errno;
  const bool flushed = std::fflush(stdout) == 0;
  if (!flushed && error == 0) error = errno;
  if (flushed && !std::ferror(stdout) && std::cout) return true;
  std::cerr << "procsim: standard output: write failed: "
            << (error != 0 ? std::strerror(error) : "an earlier write failed") << "\n";
  std::cout.clear();
  std::clearerr(stdout);
  return false;
}

}  // namespace cli
