// cli/output_file.hpp: writing an output file whole or not at all.
#pragma once

#include <functional>
#include <ostream>
#include <string>

namespace cli {

// Writes through `write` into a temporary file beside `path`, then renames
// it into place, so a failed run never leaves half a file. "-" writes to
// standard output. On failure prints "procsim: PATH: reason" and returns false.
bool writeOutputFile(const std::string& path, const std::function<void(std::ostream&)>& write);

}  // namespace cli
