#include "output_file.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <optional>

#include "io/output_file.hpp"

namespace cli {

namespace {

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
  const auto target = io::followLinks(path);
  const std::filesystem::path resolved = std::filesystem::weakly_canonical(target ? *target : path, error);
  return FileIdentity{false, 0, 0, error ? path : resolved.string()};
}

}  // namespace

bool writeOutputFile(const std::string& path, const std::function<void(std::ostream&)>& write) {
  if (path == "-") {
    write(std::cout);
    return finishStandardOutput();
  }
  std::string error;
  if (io::writeFileWhole(path, write, error)) return true;
  std::cerr << "procsim: " << error << "\n";
  return false;
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
