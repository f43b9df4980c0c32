// cli/stop_signals.hpp: SIGINT and SIGTERM as an event to wait on. The
// `real` subcommands that wait (spawn, replay, watch) block both signals and
// put this descriptor in their poll set, so a signal wakes the wait at once
// and the command ends in order: children killed and reaped, output written,
// then exit 128 + N (or the child's status).
#pragma once

#include <signal.h>

namespace cli {

class StopSignals {
 public:
  // Blocks SIGINT and SIGTERM in the calling thread (children started
  // meanwhile reset their mask) and opens a signalfd for them.
  StopSignals();
  // Discards a signal still pending, then restores the previous mask: a
  // signal that was acted on does not kill procsim afterwards.
  ~StopSignals();
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;

  // Readable while SIGINT or SIGTERM is pending.
  int fd() const { return fd_; }
  // Reads one pending signal: its number, 0 if none is pending.
  int take() const;
  // True while SIGINT or SIGTERM is pending (nothing is read).
  bool pending() const;

 private:
  sigset_t set_{};
  sigset_t previous_{};
  int fd_ = -1;
};

// "SIGINT" or "SIGTERM".
const char* stopSignalName(int signal_number);

}  // namespace cli
