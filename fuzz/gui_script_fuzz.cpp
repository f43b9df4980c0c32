// The GUI script reader (procsim-gui --script) on arbitrary text: it never
// crashes, and either returns actions or names the line of the error.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "app/script.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  std::string error;
  const auto actions = gui::parseScript(text, "fuzz", error);
  if (!actions && error.rfind("fuzz:", 0) != 0) std::abort();
  return 0;
}
