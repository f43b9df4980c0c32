// heap_hold OPERATIONS SIZE: a whole program that fills a bare binary heap
// with SIZE events and does OPERATIONS push+pop pairs on it, nothing else;
// the end-to-end baseline of end_to_end.sh (docs/performance.md).
#include <cstdio>
#include <cstdlib>
#include <string>

#include "event_heap.hpp"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: heap_hold OPERATIONS SIZE\n");
    return 2;
  }
  const long long operations = std::atoll(argv[1]);
  const long long size = std::atoll(argv[2]);
  if (operations < 0 || size < 1) {
    std::fprintf(stderr, "heap_hold: OPERATIONS must be >= 0 and SIZE >= 1, got %s and %s\n", argv[1], argv[2]);
    return 2;
  }
  bench::EventHeap heap = bench::filledHeap(static_cast<std::size_t>(size));
  std::printf("checksum %lld\n", static_cast<long long>(bench::hold(heap, operations)));
  return 0;
}
