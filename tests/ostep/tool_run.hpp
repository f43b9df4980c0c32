// tests/ostep/tool_run.hpp: runs one OSTEP tool's entry point on arguments
// and keeps its exit status and what it printed.
#pragma once

#include <ostream>
#include <span>
#include <sstream>
#include <string>
#include <vector>

namespace ostep_test {

struct ToolRun {
  int status = -1;
  std::string out;
  std::string err;
};

using ToolEntry = int (*)(std::span<const std::string>, std::ostream&, std::ostream&);

inline ToolRun runTool(ToolEntry entry, const std::vector<std::string>& args) {
  std::ostringstream out;
  std::ostringstream err;
  ToolRun run;
  run.status = entry(args, out, err);
  run.out = out.str();
  run.err = err.str();
  return run;
}

}  // namespace ostep_test
