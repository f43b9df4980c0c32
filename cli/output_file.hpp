// cli/output_file.hpp: writing an output file whole or not at all, without
// ever replacing what is not a regular file.
#pragma once

#include <functional>
#include <ostream>
#include <string>
#include <vector>

namespace cli {

// Writes through `write` to `path`; "-" writes to standard output. A file
// is written by io::writeFileWhole (io/output_file.hpp: a regular file
// replaced atomically through a mkstemp temporary, a device or FIFO written
// in place, a symlink followed). On failure prints "procsim: PATH: reason"
// and returns false; a failed write leaves an existing regular file as it was.
bool writeOutputFile(const std::string& path, const std::function<void(std::ostream&)>& write);

// Refuses (message, false) an output that is also an input, or two outputs
// that are one file: the same device and inode when the file exists, else
// the same resolved path. "-" and outputs that are not regular files (such
// as /dev/null) are exempt. Empty paths are ignored.
bool checkDistinctPaths(const std::vector<std::string>& inputs, const std::vector<std::string>& outputs);

// Flushes standard output at the end of a command: a write error (a full
// disk, a closed pipe) prints "procsim: standard output: reason" and returns
// false.
bool finishStandardOutput();

}  // namespace cli
