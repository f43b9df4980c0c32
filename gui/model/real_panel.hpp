// gui/model/real_panel.hpp: everything the Real panel owns: the children,
// the servers, the experiments, the replay, and the log. The window polls
// it about 10 times a second and shuts it down when it closes, so that
// nothing started from the window outlives it.
#pragma once

#include <chrono>
#include <deque>
#include <string>

#include "model/real_children.hpp"
#include "model/real_experiments.hpp"
#include "model/real_replay_job.hpp"
#include "model/real_servers.hpp"

namespace gui {

class RealPanel {
 public:
  static constexpr std::chrono::milliseconds kPollPeriod{100};
  static constexpr std::chrono::milliseconds kCloseGrace{1000};  // SIGTERM, then SIGKILL after this
  static constexpr std::size_t kLogLines = 500;

  RealPanel();
  ~RealPanel();

  // Reads /proc and the clients' reports if a poll period has passed (or
  // `force`). Cheap: a few /proc reads per child.
  void poll(bool force = false);
  // Something is alive or running: the window should redraw at the poll rate.
  bool busy();
  // Ends everything (children, servers, experiment, replay); returns a summary.
  std::string shutdown();

  void addLog(const std::string& line);
  long long nowMs() const;  // since the panel was created: the real timeline's clock

  RealChildren children;
  RealServers servers;
  RealExperiments experiments;
  ReplayJob replay;
  std::deque<std::string> log;
  std::uint64_t log_generation = 0;  // bumped on every new line

 private:
  RealClock::time_point epoch_;
  RealClock::time_point last_poll_;
  bool shut_down_ = false;
};

}  // namespace gui
