// real/demos.hpp: the source material's multiprocessing experiments, run
// for real. Each returns what happened, as text lines and as JSON. Used by
// `procsim real demo` and by the GUI's Real panel. Every child an
// experiment starts dies with the thread that started it
// (Process::set_die_with_parent), so a caller killed in the middle of a demo,
// even by SIGKILL, leaves none behind.
#pragma once

#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace real {

struct DemoReport {
  std::vector<std::string> lines;  // the text output, one line each
  nlohmann::json json;             // the same facts, keyed for scripts
};

// Demo name -> experiment: isolation, join, terminate, zombie, two-ways, daemon.
const std::map<std::string, std::function<DemoReport()>>& realDemos();

}  // namespace real
