#include "sim/generate.hpp"

#include <cmath>
#include <sstream>
#include <stdexcept>
#include <string>

namespace sim {
namespace {

// xoshiro256** (Blackman and Vigna), seeded through splitmix64: a fixed
// algorithm, so a seed gives the same numbers on every machine.
class Random {
 public:
  explicit Random(std::uint64_t seed) {
    for (std::uint64_t& word : state_) word = splitmix64(seed);
  }

  std::uint64_t next() {
    const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
    const std::uint64_t shifted = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= shifted;
    state_[3] = rotl(state_[3], 45);
    return result;
  }

  // Uniform in low..high (inclusive), without modulo bias.
  std::int64_t between(std::int64_t low, std::int64_t high) {
    const std::uint64_t span = static_cast<std::uint64_t>(high) - static_cast<std::uint64_t>(low) + 1;
    if (span == 0) return static_cast<std::int64_t>(next());  // the whole 64-bit range
    const std::uint64_t threshold = (0 - span) % span;
    std::uint64_t draw = next();
    while (draw < threshold) draw = next();
    return static_cast<std::int64_t>(static_cast<std::uint64_t>(low) + draw % span);
  }

  // Uniform in [0, 1) with 53 random bits.
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  static std::uint64_t splitmix64(std::uint64_t& x) {
    std::uint64_t z = (x += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }

  std::uint64_t state_[4] = {};
};

// A guard against a run that would need gigabytes just for its bursts.
constexpr std::int64_t kMaxGeneratedBursts = 200'000'000;

void checkOptions(const GenerateOptions& options) {
  auto require = [](bool ok, const std::string& message) {
    if (!ok) throw std::invalid_argument(message);
  };
  require(options.processes >= 1 && options.processes <= kMaxProcesses,
          "--processes must be between 1 and " + std::to_string(kMaxProcesses) + ", got " +
              std::to_string(options.processes));
  require(options.cores >= 1 && options.cores <= kMaxCores,
          "--cores must be between 1 and " + std::to_string(kMaxCores) + ", got " + std::to_string(options.cores));
  require(std::isfinite(options.io_ratio) && options.io_ratio >= 0 && options.io_ratio <= 1,
          "--io-ratio must be between 0 and 1, got " + std::to_string(options.io_ratio));
  require(options.max_burst >= 1 && options.max_burst <= kMaxBurstLength,
          "--max-burst must be between 1 and " + std::to_string(kMaxBurstLength) + ", got " +
              std::to_string(options.max_burst));
  require(options.arrival_span >= 0 && options.arrival_span <= kMaxArrival,
          "--arrival-span must be between 0 and " + std::to_string(kMaxArrival) + ", got " +
              std::to_string(options.arrival_span));
  const std::int64_t max_cpu_bursts = (kMaxBurstsPerProcess + 1) / 2;
  require(options.max_cpu_bursts >= 1 && options.max_cpu_bursts <= max_cpu_bursts,
          "--max-cpu-bursts must be between 1 and " + std::to_string(max_cpu_bursts) + ", got " +
              std::to_string(options.max_cpu_bursts));
  require(options.processes * (2 * std::int64_t{options.max_cpu_bursts} - 1) <= kMaxGeneratedBursts,
          "--processes x (2 x --max-cpu-bursts - 1) must stay within " + std::to_string(kMaxGeneratedBursts) +
              " bursts");
}

std::string describe(const GenerateOptions& options) {
  std::ostringstream text;
  text << "Random scenario from procsim gen: " << options.processes << " processes, " << options.cores
       << " cores, seed " << options.seed << ", io_ratio " << options.io_ratio << ", max_burst "
       << options.max_burst << ", arrival_span " << options.arrival_span << ", max_cpu_bursts "
       << options.max_cpu_bursts << ".";
  return text.str();
}

}  // namespace

Scenario generateScenario(const GenerateOptions& options) {
  checkOptions(options);
  Random random(options.seed);
  Scenario scenario;
  scenario.name = "random-" + std::to_string(options.seed);
  scenario.description = describe(options);
  scenario.cores = options.cores;
  scenario.processes.resize(static_cast<std::size_t>(options.processes));
  for (std::size_t i = 0; i < scenario.processes.size(); ++i) {
    ProcessSpec& process = scenario.processes[i];
    process.name = std::string("P").append(std::to_string(i + 1));
    process.arrival = random.between(0, options.arrival_span);
    process.priority = static_cast<int>(random.between(0, 9));
    const std::int64_t cpu_bursts = random.between(1, options.max_cpu_bursts);
    for (std::int64_t k = 0; k < cpu_bursts; ++k) {
      if (k > 0) {
        // Each CPU burst but the planned last is followed by IO with
        // probability io_ratio; otherwise the process ends there.
        if (random.unit() >= options.io_ratio) break;
        process.bursts.push_back(
            Burst{static_cast<std::uint32_t>(random.between(1, options.max_burst)), 0, BurstKind::Io});
      }
      process.bursts.push_back(
          Burst{static_cast<std::uint32_t>(random.between(1, options.max_burst)), 0, BurstKind::Cpu});
    }
  }
  return scenario;
}

}  // namespace sim
