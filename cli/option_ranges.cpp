#include "option_ranges.hpp"

#include <sys/resource.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <iomanip>
#include <sstream>

#include "real/server.hpp"

namespace cli {

namespace {

std::string shown(double value) {
  std::ostringstream text;
  text << std::setprecision(15) << value;
  return text.str();
}

rlim_t softLimit(int resource) {
  rlimit limit{};
  if (::getrlimit(resource, &limit) != 0) return RLIM_INFINITY;
  return limit.rlim_cur;
}

}  // namespace

CLI::Validator finiteRange(double min, double max) {
  const std::string range = shown(min) + " to " + shown(max);
  return CLI::Validator(
      [min, max, range](std::string& text) -> std::string {
        const char* begin = text.c_str();
        char* end = nullptr;
        const double value = std::strtod(begin, &end);
        if (text.empty() || end != begin + text.size()) return "'" + text + "' is not a number";
        if (!std::isfinite(value) || value < min || value > max) return "must be " + range + ", not '" + text + "'";
        return {};
      },
      "NUMBER in " + range);
}

CLI::Validator wholeRange(long long min, long long max) {
  const std::string range = std::to_string(min) + " to " + std::to_string(max);
  return CLI::Validator(
      [min, max, range](std::string& text) -> std::string {
        long long value = 0;
        const char* begin = text.data();
        const char* end = begin + text.size();
        if (!text.empty() && *begin == '+') ++begin;
        const auto [stop, error] = std::from_chars(begin, end, value);
        if (error == std::errc() && stop == end && value >= min && value <= max) return {};
        return "must be a whole number from " + range + ", not '" + text + "'";
      },
      "INT in " + range);
}

void refuseUnknownOptions(CLI::App& command) { command.allow_extras(false); }

int maxServeWorkers() {
  const rlim_t processes = softLimit(RLIMIT_NPROC);
  return processes == RLIM_INFINITY ? 1024 : static_cast<int>(std::min<rlim_t>(1024, processes));
}

int maxServeConnections() { return real::max_connections_for_descriptor_limit(); }

}  // namespace cli
