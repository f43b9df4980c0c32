// A hint that a large array be backed by huge pages: with a million
// processes, the engine's random accesses otherwise miss the TLB on nearly
// every dispatch. No effect on results; a no-op where unsupported.
#pragma once

#include <cstddef>

namespace sim {

void adviseHugePages(const void* data, std::size_t bytes);

}  // namespace sim
