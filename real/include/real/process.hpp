// real/process.hpp: a child process you can start, watch and stop, shaped
// like Python's multiprocessing.Process. Linux only.
//
// Three ways to start a child:
//   - with a target callable: fork, run it in the child, _exit;
//   - by subclassing Process and overriding run();
//   - an external command (Process::command), started with posix_spawn, or
//     (set_die_with_parent) with _Fork and only system calls before execve.
//
// The rule for library users: a callable or subclass child runs ordinary
// C++ (allocation, locks, exceptions) after fork, which POSIX leaves
// undefined in a process that has other threads (a lock held by another
// thread at the fork stays locked forever in the child). So start callable
// and subclass children only from a single-threaded process (procsim's CLI),
// or before the first thread exists. A threaded program (procsim-gui) starts
// commands instead: Process::command never runs C++ in the child. procsim-gui
// runs its built-in children as `procsim real child KIND ...`.
//
// Guarantees (each is a test in tests/real/):
//   - Each child is reaped in exactly one place (waitid on its pidfd, under a
//     mutex); the result is cached, so calls from several threads agree.
//   - Signals go through the pidfd and never to a child already reaped, so a
//     recycled pid is never hit.
//   - A failed exec is reported by start() (std::system_error with the errno)
//     and leaves no zombie.
//   - The child sees only fds 0, 1, 2 (plus any listed with keep_fd), even
//     while other threads open descriptors or start processes.
//   - The child starts with an empty signal mask and default handlers.
//   - stdio is flushed before fork, so buffered output never prints twice.
//   - No SIGCHLD handler is installed.
//   - With set_die_with_parent(true) the child gets SIGKILL when the thread
//     that started it ends, even by SIGKILL (PR_SET_PDEATHSIG, set first in
//     the child and checked against the parent's pid recorded before fork).
#pragma once

#include <sys/types.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace real {

class Process {
 public:
  // A child that will run run(); subclasses override run().
  Process();
  // A child that will run target(). If target returns an int, that is the
  // exit status (0..255); if it returns void, the status is 0. If it throws,
  // the status is 1 and the exception's message goes to stderr.
  template <class Target>
    requires std::is_invocable_v<Target&>
  explicit Process(Target target, std::string name = {})
      : Process(wrap(std::move(target)), std::move(name), Tag{}) {}

  // An external command: argv[0] is looked up in PATH like execvp.
  static std::unique_ptr<Process> command(std::vector<std::string> argv,
                                          std::string name = {});

  // A started child that is still unreaped when its Process is destroyed is
  // ended the way the parent's normal exit ends it: a daemon is terminated,
  // any other child is joined (the destructor waits).
  virtual ~Process();
  Process(const Process&) = delete;
  Process& operator=(const Process&) = delete;

  // Starts the child. Throws std::logic_error if called twice, and
  // std::system_error (carrying the errno) if fork, posix_spawn or exec fails,
  // or if pidfd_open fails (EMFILE): then the child is killed and reaped
  // first, so start() never blocks on a running child.
  void start();

  // Waits until the child has ended and reaps it. Safe from several threads.
  void join();
  // Waits at most `timeout`; true if the child has ended (and is reaped).
  bool join(std::chrono::milliseconds timeout);

  // True from start() until the child has ended. A stopped child is alive.
  bool is_alive();

  // SIGTERM / SIGKILL. Does nothing before start() or after the child was
  // reaped. send_signal returns whether the signal was sent.
  void terminate();
  void kill();
  bool send_signal(int signal_number);

  // Empty before start and while running; the exit status after a normal
  // end; -N after death by signal N.
  std::optional<int> exitcode();

  pid_t pid() const { return pid_.load(); }  // 0 before start
  const std::string& name() const { return name_; }
  void set_name(std::string name) { name_ = std::move(name); }
  bool daemon() const { return daemon_; }
  // Must be set before start(): a daemon is terminated when its parent ends
  // normally; any other child is joined then.
  void set_daemon(bool daemon);
  // Lets the child keep an open descriptor (forked children only; a command
  // child always sees only 0, 1, 2). Must be called before start().
  void keep_fd(int fd);
  bool started() const { return pid_.load() != 0; }
  // Must be set before start(): the child is sent SIGKILL when the thread
  // that called start() ends (PR_SET_PDEATHSIG), so it never outlives its
  // parent. Off by default (a child outlives a parent killed by SIGKILL, as
  // with Python's multiprocessing). Start such children from a thread that
  // outlives them (the main thread, or one that joins them). start()
  // returns only once the child has armed the signal.
  void set_die_with_parent(bool die);
  bool die_with_parent() const { return die_with_parent_; }
  // Command children only, before start(): `fd` becomes the child's
  // standard output (the caller keeps and closes its own copy).
  void set_stdout(int fd);

 protected:
  // Runs in the child. The default runs the target given to the constructor.
  virtual void run();

 private:
  struct Tag {};
  using Body = std::function<int()>;
  Process(Body body, std::string name, Tag);

  template <class Target>
  static Body wrap(Target target) {
    if constexpr (std::is_convertible_v<std::invoke_result_t<Target&>, int>) {
      return [t = std::move(target)]() mutable { return static_cast<int>(t()); };
    } else {
      return [t = std::move(target)]() mutable { t(); return 0; };
    }
  }

  pid_t startForked();
  pid_t startCommand();
  [[noreturn]] void runInChild();
  // Reaps if the child has ended (never blocks); returns whether it is
  // reaped. Caller holds
  // state_mutex_.
  bool reapIfEnded();
  void closePidfdIfUnused();  // caller holds state_mutex_
  void endAtParentExit();
  friend class ProcessRegistry;

  std::string name_;
  bool daemon_ = false;
  Body body_;
  std::vector<std::string> argv_;  // non-empty for a command
  std::vector<int> kept_fds_;
  bool die_with_parent_ = false;
  int stdout_fd_ = -1;  // command children: their standard output when >= 0
  int exit_status_ = 0;  // the child's status once the target returned

  std::atomic<pid_t> pid_{0};  // set once by start(), read from any thread
  bool starting_ = false;       // start() is under way (guarded by state_mutex_)
  int pidfd_ = -1;  // open from start() until reaped and no join() polls it
  int pollers_ = 0;  // join() calls polling pidfd_ right now
  std::mutex state_mutex_;
  std::optional<int> exitcode_;  // cached once reaped
};

// Ends every child this process started and has not reaped: daemons are
// terminated, the others joined. Runs at normal exit (atexit) and in a forked
// child after its run() returns; callable directly too.
void end_children_at_exit();

}  // namespace real
