#include "app/stop_signals.hpp"

#include <signal.h>

#include <atomic>

namespace gui {
namespace {

std::atomic<bool> g_pending{false};
std::atomic<bool> g_stop{false};

void onStopSignal(int signal_number) {
  if (!g_pending.load()) {
    ::signal(signal_number, SIG_DFL);
    ::raise(signal_number);
    return;
  }
  g_stop.store(true);
}

}  // namespace

void installStopSignals() {
  struct sigaction action {};
  action.sa_handler = onStopSignal;
  sigemptyset(&action.sa_mask);
  for (const int signal_number : {SIGINT, SIGTERM, SIGHUP}) ::sigaction(signal_number, &action, nullptr);
}

void setCleanupPending(bool pending) { g_pending.store(pending); }
bool stopRequested() { return g_stop.load(); }

}  // namespace gui
