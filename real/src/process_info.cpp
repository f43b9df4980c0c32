#include "real/process_info.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <array>
#include <charconv>
#include <cstdlib>
#include <vector>

#include "fd.hpp"

namespace real {

namespace {

std::optional<std::string> readSmallFile(const std::string& path) {
  detail::UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (!fd.valid()) return std::nullopt;
  std::string text;
  std::array<char, 4096> buffer{};
  for (;;) {
    const ssize_t got = ::read(fd.get(), buffer.data(), buffer.size());
    if (got < 0) return std::nullopt;
    if (got == 0) break;
    text.append(buffer.data(), static_cast<std::size_t>(got));
  }
  return text;
}

template <class Number>
Number parseNumber(std::string_view text) {
  Number value{};
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

std::vector<std::string_view> splitFields(std::string_view text) {
  std::vector<std::string_view> fields;
  std::size_t at = 0;
  while (at < text.size()) {
    while (at < text.size() && (text[at] == ' ' || text[at] == '\t' || text[at] == '\n')) ++at;
    const std::size_t begin = at;
    while (at < text.size() && text[at] != ' ' && text[at] != '\t' && text[at] != '\n') ++at;
    if (at > begin) fields.push_back(text.substr(begin, at - begin));
  }
  return fields;
}

std::chrono::nanoseconds ticksToTime(std::uint64_t ticks) {
  static const long ticks_per_second = ::sysconf(_SC_CLK_TCK);
  return std::chrono::nanoseconds(static_cast<std::int64_t>(ticks * 1'000'000'000ULL /
                                                            static_cast<std::uint64_t>(ticks_per_second)));
}

// /proc/PID/stat: "pid (comm) state ppid ...". comm may hold spaces and
// parentheses, so the fields start after the last ')'.
bool parseStat(std::string_view text, ProcessInfo& info) {
  const std::size_t open = text.find('(');
  const std::size_t close = text.rfind(')');
  if (open == std::string_view::npos || close == std::string_view::npos || close < open) return false;
  info.name = std::string(text.substr(open + 1, close - open - 1));
  const std::vector<std::string_view> fields = splitFields(text.substr(close + 1));
  // fields[k] is field k + 3 of proc(5).
  if (fields.size() < 37) return false;
  info.state = fields[0].empty() ? '?' : fields[0][0];
  info.ppid = parseNumber<pid_t>(fields[1]);
  info.user_time = ticksToTime(parseNumber<std::uint64_t>(fields[11]));
  info.system_time = ticksToTime(parseNumber<std::uint64_t>(fields[12]));
  info.threads = parseNumber<int>(fields[17]);
  info.start_ticks = parseNumber<std::uint64_t>(fields[19]);
  static const long page_size = ::sysconf(_SC_PAGESIZE);
  info.rss_bytes = parseNumber<std::uint64_t>(fields[21]) * static_cast<std::uint64_t>(page_size);
  info.processor = parseNumber<int>(fields[36]);
  return true;
}

void parseStatus(std::string_view text, ProcessInfo& info) {
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(at, end - at);
    at = end + 1;
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    const std::string_view key = line.substr(0, colon);
    const std::vector<std::string_view> values = splitFields(line.substr(colon + 1));
    if (values.empty()) continue;
    if (key == "VmRSS") {
      info.rss_bytes = parseNumber<std::uint64_t>(values[0]) * 1024;
    } else if (key == "Threads") {
      info.threads = parseNumber<int>(values[0]);
    } else if (key == "voluntary_ctxt_switches") {
      info.voluntary_switches = parseNumber<std::uint64_t>(values[0]);
    } else if (key == "nonvoluntary_ctxt_switches") {
      info.involuntary_switches = parseNumber<std::uint64_t>(values[0]);
    }
  }
}

void parseSchedstat(std::string_view text, ProcessInfo& info) {
  const std::vector<std::string_view> fields = splitFields(text);
  if (fields.size() < 3) return;
  info.run_time = std::chrono::nanoseconds(parseNumber<std::int64_t>(fields[0]));
  info.wait_time = std::chrono::nanoseconds(parseNumber<std::int64_t>(fields[1]));
  info.timeslices = parseNumber<std::uint64_t>(fields[2]);
}

}  // namespace

std::optional<ProcessInfo> read_process_info(pid_t pid) {
  const std::string base = "/proc/" + std::to_string(pid) + "/";
  const std::optional<std::string> stat = readSmallFile(base + "stat");
  if (!stat) return std::nullopt;
  ProcessInfo info;
  info.pid = pid;
  if (!parseStat(*stat, info)) return std::nullopt;
  if (const auto status = readSmallFile(base + "status")) parseStatus(*status, info);
  if (const auto schedstat = readSmallFile(base + "schedstat")) parseSchedstat(*schedstat, info);
  return info;
}

std::string_view describe_kernel_state(char state) {
  switch (state) {
    case 'R': return "running";
    case 'S': return "sleeping";
    case 'D': return "disk sleep";
    case 'Z': return "zombie";
    case 'T': return "stopped";
    case 't': return "tracing stop";
    case 'X': return "dead";
    case 'I': return "idle";
    case 'P': return "parked";
    case 'W': return "waking";
    case 'K': return "wakekill";
    default: return "unknown";
  }
}

ObservedState observe(const std::optional<ProcessInfo>& now,
                      const std::optional<ProcessInfo>& previous) {
  if (!now) return ObservedState::Gone;
  switch (now->state) {
    case 'R': {
      if (!previous || previous->start_ticks != now->start_ticks) return ObservedState::Running;
      const auto ran = now->run_time - previous->run_time;
      const auto waited = now->wait_time - previous->wait_time;
      return ran >= waited ? ObservedState::Running : ObservedState::Ready;
    }
    case 'Z':
    case 'X':
      return ObservedState::Zombie;
    case 'T':
    case 't':
      return ObservedState::Stopped;
    default:
      return ObservedState::Blocked;
  }
}

sim::State to_sim_state(ObservedState state) {
  switch (state) {
    case ObservedState::Running: return sim::State::Running;
    case ObservedState::Ready: return sim::State::Ready;
    case ObservedState::Blocked:
    case ObservedState::Stopped: return sim::State::Blocked;
    case ObservedState::Zombie:
    case ObservedState::Gone: return sim::State::Terminated;
  }
  return sim::State::Blocked;
}

std::string_view name(ObservedState state) {
  switch (state) {
    case ObservedState::Running: return "running";
    case ObservedState::Ready: return "ready";
    case ObservedState::Blocked: return "blocked";
    case ObservedState::Stopped: return "stopped";
    case ObservedState::Zombie: return "zombie";
    case ObservedState::Gone: return "gone";
  }
  return "unknown";
}

}  // namespace real
