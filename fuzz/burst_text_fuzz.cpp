// The burst notation parser ("c5 i3@disk c2") on arbitrary text: it never
// crashes, and either reports errors or returns alternating bursts.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "sim/burst_text.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const sim::ParsedBursts parsed = sim::parseBurstText(std::string_view(reinterpret_cast<const char*>(data), size));
  if (parsed.errors.empty() && parsed.bursts.size() != parsed.devices.size()) std::abort();
  return 0;
}
