// burst_worker_args.cpp: a replay worker's spec as command-line words, for
// workers started as `procsim real child replay-worker ...`.
#include <algorithm>
#include <charconv>
#include <cstdint>

#include "burst_worker.hpp"

namespace real::detail {

namespace {

bool parseWhole(const std::string& text, std::int64_t& value) {
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return !text.empty() && error == std::errc() && end == text.data() + text.size();
}

bool parseCpus(const std::string& text, cpu_set_t& cpus) {
  CPU_ZERO(&cpus);
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t end = text.find(',', begin);
    if (end == std::string::npos) end = text.size();
    std::int64_t cpu = -1;
    if (!parseWhole(text.substr(begin, end - begin), cpu) || cpu < 0 || cpu >= CPU_SETSIZE) return false;
    CPU_SET(static_cast<int>(cpu), &cpus);
    begin = end + 1;
  }
  return CPU_COUNT(&cpus) > 0;
}

}  // namespace

std::vector<std::string> workerArguments(const WorkerSpec& spec) {
  std::string cpus;
  for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu) {
    if (!CPU_ISSET(cpu, &spec.cpus)) continue;
    if (!cpus.empty()) cpus += ',';
    cpus += std::to_string(cpu);
  }
  std::vector<std::string> words{std::to_string(spec.index), std::to_string(spec.start_ns),
                                 std::to_string(spec.arrival_ns), cpus, spec.name};
  for (const WorkerBurst& burst : spec.bursts) words.push_back(std::string(burst.cpu ? "c" : "i").append(std::to_string(burst.length_ns)));
  return words;
}

bool parseWorkerArguments(const std::vector<std::string>& words, WorkerSpec& spec, std::string& error) {
  if (words.size() < 5) {
    error = "expected INDEX START_NS ARRIVAL_NS CPUS NAME BURST...";
    return false;
  }
  std::int64_t index = -1;
  if (!parseWhole(words[0], index) || index < 0 || index > INT32_MAX) {
    error = "INDEX '" + words[0] + "' is not a whole number >= 0";
    return false;
  }
  spec.index = static_cast<std::int32_t>(index);
  if (!parseWhole(words[1], spec.start_ns) || !parseWhole(words[2], spec.arrival_ns) || spec.arrival_ns < 0) {
    error = "START_NS and ARRIVAL_NS must be whole numbers of nanoseconds";
    return false;
  }
  if (!parseCpus(words[3], spec.cpus)) {
    error = "CPUS '" + words[3] + "' is not a list of CPU numbers such as 0,1";
    return false;
  }
  spec.name[0] = '\0';
  words[4].copy(spec.name, sizeof spec.name - 1);
  spec.name[std::min(words[4].size(), sizeof spec.name - 1)] = '\0';
  spec.bursts.clear();
  for (std::size_t i = 5; i < words.size(); ++i) {
    const std::string& word = words[i];
    WorkerBurst burst;
    burst.cpu = !word.empty() && word[0] == 'c';
    if (word.empty() || (word[0] != 'c' && word[0] != 'i') || !parseWhole(word.substr(1), burst.length_ns) ||
        burst.length_ns < 0) {
      error = "burst '" + word + "' is not c or i followed by nanoseconds";
      return false;
    }
    spec.bursts.push_back(burst);
  }
  return true;
}

}  // namespace real::detail
