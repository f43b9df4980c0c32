#include "sim/scenario.hpp"

#include <stdexcept>

namespace sim {

std::uint16_t Scenario::deviceIndex(const std::string& device_name) {
  for (std::size_t i = 0; i < devices.size(); ++i) {
    if (devices[i] == device_name) return static_cast<std::uint16_t>(i);
  }
  if (devices.size() >= kMaxDevices) {
    throw std::length_error("a scenario has at most " + std::to_string(kMaxDevices) + " devices");
  }
  devices.push_back(device_name);
  return static_cast<std::uint16_t>(devices.size() - 1);
}

Tick totalCpu(const ProcessSpec& process) {
  Tick total = 0;
  for (const Burst& burst : process.bursts) {
    if (burst.kind == BurstKind::Cpu) total += burst.length;
  }
  return total;
}

}  // namespace sim
