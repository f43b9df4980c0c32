#include "process_registry.hpp"

#include <pthread.h>

#include <algorithm>
#include <cstdlib>

#include "real/process.hpp"

namespace real {

ProcessRegistry& ProcessRegistry::instance() {
  // Never destroyed: atexit handlers and late destructors may still use it.
  static ProcessRegistry* registry = new ProcessRegistry();
  return *registry;
}

ProcessRegistry::ProcessRegistry() {
  // Holding the lock across fork means the child gets a consistent, unlocked
  // copy, which it then empties: its parent's children are not its own.
  ::pthread_atfork(&lockBeforeFork, &unlockInParent, &resetInChild);
  std::atexit(&end_children_at_exit);
}

void ProcessRegistry::lockBeforeFork() { instance().mutex_.lock(); }
void ProcessRegistry::unlockInParent() { instance().mutex_.unlock(); }
void ProcessRegistry::resetInChild() {
  ProcessRegistry& registry = instance();
  registry.live_.clear();
  registry.mutex_.unlock();
}

void ProcessRegistry::add(Process* process) {
  std::lock_guard lock(mutex_);
  live_.push_back(process);
}

void ProcessRegistry::remove(Process* process) {
  std::lock_guard lock(mutex_);
  std::erase(live_, process);
}

void ProcessRegistry::endAll() {
  std::vector<Process*> snapshot;
  {
    std::lock_guard lock(mutex_);
    snapshot = live_;
  }
  for (Process* process : snapshot) {
    if (process->daemon()) process->terminate();
  }
  for (Process* process : snapshot) process->join();
}

void end_children_at_exit() { ProcessRegistry::instance().endAll(); }

}  // namespace real
