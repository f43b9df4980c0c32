// Counts the bytes the whole program holds on the heap, through a
// replacement of the global operator new and delete (allocation_counter.cpp).
// Only sim_bench links it: measuring memory this way is exact for the
// allocations the engine makes and does not depend on the OS's page reuse.
#pragma once

#include <cstddef>

namespace bench {

struct HeapUsage {
  std::size_t current = 0;  // bytes requested and not yet freed
  std::size_t peak = 0;     // highest `current` since the last resetPeak()
};

HeapUsage heapUsage();
void resetPeak();  // peak = current

}  // namespace bench
