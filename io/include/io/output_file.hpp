// io/output_file.hpp: writing an output file whole or not at all, without
// ever replacing what is not a regular file. Shared by procsim's CLI
// (--svg, --trace-out) and procsim-gui's editor (Save). POSIX only; the
// simulator (sim) stays free of it.
#pragma once

#include <functional>
#include <optional>
#include <ostream>
#include <string>

namespace io {

using Writer = std::function<void(std::ostream&)>;

// Writes through `write` to `path`:
//  - A regular file (or a new one) is replaced atomically: the text goes to
//    a temporary made by mkstemp in the same folder (".NAME.XXXXXX", never
//    a predictable name), fsync'd, and renamed into place only when every
//    byte is written; removed on failure. A new file gets mode
//    0666 & ~umask, an existing one keeps its mode (and owner, as root).
//  - Anything else (a device such as /dev/null, a FIFO, a terminal) is
//    opened and written in place: never removed or replaced.
//  - A symlink is followed (up to 40 links): its target is written, the
//    link stays.
// Every write, fsync, close and rename is checked. On failure returns false
// with `error` = "PATH: cannot write: reason" or "PATH: write failed:
// reason"; an existing regular file is then left as it was.
bool writeFileWhole(const std::string& path, const Writer& write, std::string& error);

// The path a write to `path` reaches, following symlinks (at most 40, as
// the kernel does): a dangling link names the file to create. Empty with
// errno ELOOP for a longer chain.
std::optional<std::string> followLinks(std::string path);

}  // namespace io
