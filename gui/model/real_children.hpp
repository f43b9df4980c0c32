// gui/model/real_children.hpp: every child started from the Real panel, with
// what the kernel said about it at the last poll. Polled from the UI thread
// about 10 times a second; nothing here blocks for long (joins poll the
// pidfd without waiting, and a join's timeout is counted across polls).
//
// A child that has ended stays a zombie until it is joined (the panel shows
// Z, as the source material teaches); its row stays, greyed, until cleared.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/real_targets.hpp"
#include "model/timeline_model.hpp"
#include "real/process_info.hpp"

namespace gui {

using RealClock = std::chrono::steady_clock;

struct ChildRow {
  std::unique_ptr<real::Process> process;
  std::string name;
  ChildKind kind = ChildKind::Sleep;
  bool daemon = false;
  pid_t pid = 0;
  std::optional<real::ProcessInfo> info;      // the last reading; empty once reaped
  std::optional<real::ProcessInfo> previous;  // the reading before, for Running vs Ready
  real::ObservedState observed = real::ObservedState::Blocked;
  bool joined = false;                        // reaped; exitcode is set
  std::optional<int> exitcode;
  std::optional<RealClock::time_point> join_deadline;  // a join in progress
  std::string note;                           // the last action's outcome ("join timed out after 0.5 s")
  bool watch = true;                          // drawn on the real timeline
  SegmentRow timeline;                        // observed states; ticks are milliseconds since the panel's start
  int output_fd = -1;                         // clients: the read end of their report pipe
  std::string output;                         // clients: bytes read, not yet a whole line
  bool auto_join = false;                     // clients: reaped as soon as they end
  bool cleared = false;
};

// Python's is_alive(): started, and neither ended (a zombie has ended) nor reaped.
bool childAlive(const ChildRow& row);

// What a child's exit code means: "0", "-15 (SIGTERM)", "" while unknown.
std::string describeExitCode(const std::optional<int>& exitcode);

class RealChildren {
 public:
  RealChildren();
  ~RealChildren();  // ends everything (shutdown)
  RealChildren(const RealChildren&) = delete;
  RealChildren& operator=(const RealChildren&) = delete;

  // Starts a child; returns its row index, or -1 with `error` set.
  int spawn(const ChildRecipe& recipe, std::string& error);
  // Adopts a started child (clients); `output_fd` is read each poll.
  int adopt(std::unique_ptr<real::Process> process, ChildKind kind, int output_fd);

  // Row actions. Each returns false with `error` set when it cannot apply.
  bool join(std::size_t row, std::chrono::milliseconds timeout, std::string& error);
  bool signal(std::size_t row, int signal_number, std::string& error);  // SIGTERM, SIGKILL, SIGSTOP, SIGCONT
  void clearEnded();  // hides rows of children that were joined

  // Reads /proc for every unreaped child, advances joins in progress, reads
  // clients' reports (whole lines go to `lines`). `now_ms`: milliseconds
  // since the panel's start, the real timeline's clock.
  void poll(long long now_ms, std::vector<std::string>& lines);

  // Ends every child: daemons are terminated, the others asked to end
  // (SIGTERM) and killed after `grace`; every one is reaped. Returns a
  // one-line summary.
  std::string shutdown(std::chrono::milliseconds grace);

  std::vector<ChildRow>& rows() { return rows_; }
  const std::vector<ChildRow>& rows() const { return rows_; }
  int find(const std::string& name) const;  // the newest row with this name or pid, -1 if none
  bool anyUnreaped() const;

 private:
  void reaped(ChildRow& row);
  std::vector<ChildRow> rows_;
};

}  // namespace gui
