#include "model/real_panel.hpp"

#include <vector>

#include "model/real_orphans.hpp"

namespace gui {

RealPanel::RealPanel() : epoch_(RealClock::now()), last_poll_(epoch_ - kPollPeriod) { adoptOrphans(); }
RealPanel::~RealPanel() { shutdown(); }

long long RealPanel::nowMs() const {
  return std::chrono::duration_cast<std::chrono::milliseconds>(RealClock::now() - epoch_).count();
}

void RealPanel::addLog(const std::string& line) {
  log.push_back(line);
  while (log.size() > kLogLines) log.pop_front();
  ++log_generation;
}

void RealPanel::poll(bool force) {
  const auto now = RealClock::now();
  if (!force && now - last_poll_ < kPollPeriod) return;
  last_poll_ = now;
  std::vector<std::string> lines;
  children.poll(nowMs(), lines);
  for (const std::string& line : lines) addLog(line);
}

bool RealPanel::busy() {
  return children.anyUnreaped() || servers.anyRunning() || experiments.running() ||
         replay.status() == ReplayStatus::Running;
}

std::string RealPanel::shutdown() {
  if (shut_down_) return {};
  shut_down_ = true;
  replay.finish();
  experiments.finish();
  const std::string servers_summary = servers.shutdownAll();
  const std::string children_summary = children.shutdown(kCloseGrace);
  // Now nothing of ours is unreaped: what is left are adopted grandchildren.
  const int orphans = endAdoptedOrphans(std::chrono::milliseconds(500));
  return children_summary + "; " + servers_summary + "; " + std::to_string(orphans) + " orphaned grandchild(ren) ended";
}

}  // namespace gui
