#include <sys/resource.h>

#include <algorithm>

#include "real/server.hpp"

namespace real {

int max_connections_for_descriptor_limit() noexcept {
  constexpr rlim_t kKeptFree = 64;
  constexpr rlim_t kCeiling = 1'000'000;
  rlimit limit{};
  if (::getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) return static_cast<int>(kCeiling);
  const rlim_t files = limit.rlim_cur;
  return static_cast<int>(std::clamp<rlim_t>(files > kKeptFree ? files - kKeptFree : 1, 1, kCeiling));
}

int default_max_connections() noexcept { return std::min(1024, max_connections_for_descriptor_limit()); }

}  // namespace real
