// process_registry.hpp: every started, not yet reaped Process of this
// process, so that a normal exit ends them (daemons terminated, others
// joined) and a forked child forgets its parent's children.
#pragma once

#include <mutex>
#include <vector>

namespace real {

class Process;

class ProcessRegistry {
 public:
  static ProcessRegistry& instance();

  void add(Process* process);
  void remove(Process* process);
  // Terminates the daemons and joins every registered child.
  void endAll();

 private:
  ProcessRegistry();
  static void lockBeforeFork();
  static void unlockInParent();
  static void resetInChild();

  std::mutex mutex_;
  std::vector<Process*> live_;
};

}  // namespace real
