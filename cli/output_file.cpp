#include "output_file.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>

namespace cli {

bool writeOutputFile(const std::string& path, const std::function<void(std::ostream&)>& write) {
  if (path == "-") {
    write(std::cout);
    return static_cast<bool>(std::cout);
  }
  const std::string temporary = path + ".partial";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) {
      std::cerr << "procsim: " << path << ": cannot write: " << std::strerror(errno) << "\n";
      return false;
    }
    write(out);
    out.flush();
    if (!out) {
      std::cerr << "procsim: " << path << ": write failed: " << std::strerror(errno) << "\n";
      std::remove(temporary.c_str());
      return false;
    }
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    std::cerr << "procsim: " << path << ": cannot write: " << std::strerror(errno) << "\n";
    std::remove(temporary.c_str());
    return false;
  }
  return true;
}

}  // namespace cli
