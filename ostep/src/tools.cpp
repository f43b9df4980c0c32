#include "ostep/tools.hpp"

#include <array>

#include "ostep/process_run.hpp"
#include "ostep/scheduler_tool.hpp"

namespace ostep {

namespace {
constexpr std::array kTools{
    Tool{"process-run", "processes that compute and do IO on one CPU (OSTEP chapter 4)", runProcessRunTool},
    Tool{"scheduler", "FIFO, SJF and round robin on one CPU (OSTEP chapter 7)", runSchedulerTool},
    Tool{"mlfq", "the multi-level feedback queue (OSTEP chapter 8)", nullptr},
    Tool{"lottery", "lottery scheduling (OSTEP chapter 9)", nullptr},
    Tool{"multi", "multiprocessor scheduling with cache warmth (OSTEP chapter 10)", nullptr},
};
}  // namespace

std::span<const Tool> tools() { return kTools; }

const Tool* findTool(std::string_view name) {
  for (const Tool& tool : kTools) {
    if (tool.name == name) return &tool;
  }
  return nullptr;
}

}  // namespace ostep
