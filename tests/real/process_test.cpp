// The guarantees of real::Process, one test each (issue 3, "Processes").
#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <cerrno>
#include <cstdio>
#include <sstream>
#include <stdexcept>
#include <system_error>
#include <thread>
#include <vector>

#include "real/process.hpp"
#include "real/process_info.hpp"
#include "test_support.hpp"

using namespace std::chrono_literals;
using real::Process;
using real_test::LeakCheck;

namespace {

struct Pipe {
  int read_end = -1;
  int write_end = -1;
  Pipe() {
    int fds[2];
    REQUIRE(::pipe2(fds, O_CLOEXEC) == 0);
    read_end = fds[0];
    write_end = fds[1];
  }
  ~Pipe() {
    closeWrite();
    if (read_end >= 0) ::close(read_end);
  }
  void closeWrite() {
    if (write_end >= 0) ::close(write_end);
    write_end = -1;
  }
  std::string readAll() {
    closeWrite();
    std::string text;
    char buffer[256];
    ssize_t got = 0;
    while ((got = ::read(read_end, buffer, sizeof buffer)) > 0) text.append(buffer, static_cast<std::size_t>(got));
    return text;
  }
};

class Reporter : public Process {
 public:
  Reporter(int fd, int value) : fd_(fd), value_(value) { keep_fd(fd); }

 protected:
  void run() override {
    const std::string text = std::to_string(value_) + " " + std::to_string(::getppid());
    if (::write(fd_, text.data(), text.size()) < 0) throw std::runtime_error("write failed");
  }

 private:
  int fd_;
  int value_;
};

// In the child, asks its own (copied) Process object about itself.
class SelfQuestioner : public Process {
 public:
  explicit SelfQuestioner(int fd) : fd_(fd) { keep_fd(fd); }

 protected:
  void run() override {
    const std::string text = std::string(is_alive() ? "alive" : "not-alive") + " " +
                             (exitcode().has_value() ? "code" : "no-code") + " " + name();
    if (::write(fd_, text.data(), text.size()) < 0) throw std::runtime_error("write failed");
  }

 private:
  int fd_;
};

}  // namespace

TEST_CASE("a child started with a callable runs it in another process and reports its status",
          "[real][process]") {
  LeakCheck leaks;
  Process child([] { return ::getpid() == ::getppid() ? 99 : 7; });
  child.start();
  CHECK(child.pid() > 0);
  CHECK(child.pid() != ::getpid());
  child.join();
  CHECK(child.exitcode() == 7);
  CHECK_FALSE(child.is_alive());
  leaks.check();
}

TEST_CASE("a subclass's run() runs in the child, whose parent is this process",
          "[real][process]") {
  LeakCheck leaks;
  {
    Pipe pipe;
    Reporter child(pipe.write_end, 42);
    child.start();
    child.join();
    CHECK(pipe.readAll() == "42 " + std::to_string(::getpid()));
    CHECK(child.exitcode() == 0);
  }
  leaks.check();
}

TEST_CASE("a subclass's run() can call its own object's methods in the child without deadlock",
          "[real][process]") {
  LeakCheck leaks;
  {
    Pipe pipe;
    SelfQuestioner child(pipe.write_end);
    child.set_name("questioner");
    child.set_daemon(true);  // a stuck child is terminated, not waited for, if the test fails
    child.start();
    REQUIRE(child.join(10s));
    // The child's copy was taken before start() finished: it is not started.
    CHECK(pipe.readAll() == "not-alive no-code questioner");
    CHECK(child.exitcode() == 0);
  }
  leaks.check();
}

TEST_CASE("exitcode is empty before start and while running, then the exit status",
          "[real][process]") {
  LeakCheck leaks;
  Process child([] {
    std::this_thread::sleep_for(200ms);
    return 3;
  });
  CHECK_FALSE(child.exitcode().has_value());
  CHECK_FALSE(child.is_alive());
  child.start();
  CHECK(child.is_alive());
  CHECK_FALSE(child.exitcode().has_value());
  child.join();
  CHECK(child.exitcode() == 3);
  leaks.check();
}

TEST_CASE("a callable that throws ends the child with exit code 1", "[real][process]") {
  LeakCheck leaks;
  Process child([]() -> int { throw std::runtime_error("deliberate failure in the child"); });
  child.start();
  child.join();
  CHECK(child.exitcode() == 1);
  leaks.check();
}

TEST_CASE("a child killed by signal N reports exit code -N", "[real][process]") {
  LeakCheck leaks;
  Process terminated([] { std::this_thread::sleep_for(30s); });
  Process killed([] { std::this_thread::sleep_for(30s); });
  terminated.start();
  killed.start();
  terminated.terminate();
  killed.kill();
  terminated.join();
  killed.join();
  CHECK(terminated.exitcode() == -SIGTERM);
  CHECK(killed.exitcode() == -SIGKILL);
  leaks.check();
}

TEST_CASE("a command child reports its exit status or the signal that ended it",
          "[real][process]") {
  LeakCheck leaks;
  auto exits = Process::command({"sh", "-c", "exit 3"});
  auto sleeps = Process::command({"sleep", "30"}, "sleeper");
  CHECK(sleeps->name() == "sleeper");
  exits->start();
  sleeps->start();
  exits->join();
  sleeps->kill();
  sleeps->join();
  CHECK(exits->exitcode() == 3);
  CHECK(sleeps->exitcode() == -SIGKILL);
  leaks.check();
}

TEST_CASE("children are named Process-N unless named", "[real][process]") {
  Process first([] {});
  Process second([] {}, "worker");
  CHECK(first.name().rfind("Process-", 0) == 0);
  CHECK(first.name().size() > 8);
  CHECK(second.name() == "worker");
}

TEST_CASE("each child is reaped once and every thread sees the same cached result",
          "[real][process]") {
  LeakCheck leaks;
  Process child([] {
    std::this_thread::sleep_for(100ms);
    return 5;
  });
  child.start();
  std::vector<std::thread> threads;
  std::vector<int> seen(8, -1000);
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&child, &seen, i] {
      if (i % 2 == 0) {
        child.join();
      } else {
        // Half the threads poll is_alive() on purpose, at most 10 s: that
        // it races safely with join() is what is tested.
        const auto give_up = std::chrono::steady_clock::now() + 10s;
        while (child.is_alive() && std::chrono::steady_clock::now() < give_up) std::this_thread::sleep_for(1ms);
      }
      seen[static_cast<std::size_t>(i)] = child.exitcode().value_or(-1);
    });
  }
  for (auto& thread : threads) thread.join();
  for (int value : seen) CHECK(value == 5);
  CHECK(child.exitcode() == 5);
  leaks.check();
}

TEST_CASE("a reaped child is never signalled and keeps its exit code", "[real][process]") {
  LeakCheck leaks;
  Process child([] { return 4; });
  child.start();
  child.join();
  CHECK_FALSE(child.send_signal(SIGTERM));
  child.terminate();
  child.kill();
  CHECK(child.exitcode() == 4);
  CHECK_FALSE(child.is_alive());
  leaks.check();
}

TEST_CASE("a signal reaches a child that has exited but is not yet reaped without harm",
          "[real][process]") {
  LeakCheck leaks;
  Process child([] { return 6; });
  child.start();
  REQUIRE(real_test::waitForExit(child.pid()));
  REQUIRE(real::read_process_info(child.pid())->state == 'Z');
  child.terminate();  // the pidfd still names the zombie, not a reused pid
  child.join();
  CHECK(child.exitcode() == 6);
  leaks.check();
}

TEST_CASE("a failed exec is reported by start with its errno and leaves no zombie",
          "[real][process]") {
  LeakCheck leaks;
  // posix_spawn, or _Fork and execve when the child dies with its parent.
  const bool die_with_parent = GENERATE(false, true);
  INFO("die_with_parent " << die_with_parent);
  SECTION("a program that does not exist") {
    auto missing = Process::command({"/nonexistent/procsim-no-such-program"});
    missing->set_die_with_parent(die_with_parent);
    try {
      missing->start();
      FAIL("start() did not report the failed exec");
    } catch (const std::system_error& error) {
      CHECK(error.code().value() == ENOENT);
    }
    CHECK_FALSE(missing->is_alive());
  }
  SECTION("a file that is not executable") {
    char path[] = "/tmp/procsim-real-noexec-XXXXXX";
    const int fd = ::mkstemp(path);
    REQUIRE(fd >= 0);
    ::close(fd);
    auto not_executable = Process::command({path});
    not_executable->set_die_with_parent(die_with_parent);
    try {
      not_executable->start();
      FAIL("start() did not report the failed exec");
    } catch (const std::system_error& error) {
      CHECK(error.code().value() == EACCES);
    }
    ::unlink(path);
  }
  SECTION("a name found nowhere on PATH") {
    auto nowhere = Process::command({"procsim-no-such-program-anywhere"});
    nowhere->set_die_with_parent(die_with_parent);
    try {
      nowhere->start();
      FAIL("start() did not report the missing program");
    } catch (const std::system_error& error) {
      CHECK(error.code().value() == ENOENT);
    }
  }
  CHECK(real_test::zombieChildren().empty());
  leaks.check();
}

TEST_CASE("a child sees only descriptors 0, 1 and 2 even while other threads open and spawn",
          "[real][process]") {
  LeakCheck leaks;
  std::atomic<bool> stop{false};
  // Careless neighbours: descriptors without close-on-exec, opened and closed
  // all the time, and more children started meanwhile.
  std::vector<std::thread> neighbours;
  for (int i = 0; i < 2; ++i) {
    neighbours.emplace_back([&stop] {
      while (!stop) {
        int fds[2];
        if (::pipe(fds) == 0) {
          std::this_thread::yield();
          ::close(fds[0]);
          ::close(fds[1]);
        }
      }
    });
  }
  neighbours.emplace_back([&stop] {
    while (!stop) {
      Process quick([] {});
      quick.start();
      quick.join();
    }
  });
  const std::set<int> standard{0, 1, 2};
  for (int round = 0; round < 10; ++round) {
    // The forked child stops itself once its target runs, after the
    // descriptors are closed; posix_spawn returns once the exec is done.
    Process forked([] {
      ::raise(SIGSTOP);
      std::this_thread::sleep_for(30s);
    });
    auto command = Process::command({"sleep", "30"});
    forked.start();
    command->start();
    REQUIRE(real_test::waitForStop(forked.pid()));
    CHECK(real_test::openDescriptors(std::to_string(forked.pid())) == standard);
    // sleep opens files of its own while it starts (locale): no event says
    // when it is done, so this one is polled.
    CHECK(real_test::waitUntil([&] { return real_test::openDescriptors(std::to_string(command->pid())) == standard; }));
    forked.kill();
    command->kill();
    forked.join();
    command->join();
  }
  stop = true;
  for (auto& thread : neighbours) thread.join();
  leaks.check();
}

TEST_CASE("the child starts with an empty signal mask and default handlers", "[real][process]") {
  LeakCheck leaks;
  sigset_t blocked;
  sigset_t previous_mask;
  sigemptyset(&blocked);
  sigaddset(&blocked, SIGUSR1);
  REQUIRE(::pthread_sigmask(SIG_BLOCK, &blocked, &previous_mask) == 0);
  struct sigaction ignore {};
  struct sigaction catcher {};
  struct sigaction previous_usr2 {};
  struct sigaction previous_hup {};
  ignore.sa_handler = SIG_IGN;
  catcher.sa_handler = [](int) {};
  REQUIRE(::sigaction(SIGUSR2, &ignore, &previous_usr2) == 0);
  REQUIRE(::sigaction(SIGHUP, &catcher, &previous_hup) == 0);

  Process forked([] {
    ::raise(SIGSTOP);  // once its target runs: the mask and handlers are reset by then
    std::this_thread::sleep_for(30s);
  });
  auto command = Process::command({"sleep", "30"});
  forked.start();
  command->start();
  REQUIRE(real_test::waitForStop(forked.pid()));
  ::pthread_sigmask(SIG_SETMASK, &previous_mask, nullptr);
  ::sigaction(SIGUSR2, &previous_usr2, nullptr);
  ::sigaction(SIGHUP, &previous_hup, nullptr);

  // glibc's posix_spawn leaves its two reserved signals (32 and 33, which no
  // program may use) ignored; every signal a program can use must be reset.
  const auto usable = [](const std::string& hex) {
    if (hex.empty()) return ~0ULL;
    return std::stoull(hex, nullptr, 16) & ~((1ULL << 31) | (1ULL << 32));
  };
  for (const pid_t pid : {forked.pid(), command->pid()}) {
    INFO("pid " << pid);
    INFO("SigBlk " << real_test::statusField(pid, "SigBlk") << " SigIgn "
                   << real_test::statusField(pid, "SigIgn") << " SigCgt "
                   << real_test::statusField(pid, "SigCgt"));
    CHECK(usable(real_test::statusField(pid, "SigBlk")) == 0);
    CHECK(usable(real_test::statusField(pid, "SigIgn")) == 0);
    CHECK(usable(real_test::statusField(pid, "SigCgt")) == 0);
  }
  forked.kill();
  command->kill();
  forked.join();
  command->join();
  leaks.check();
}

TEST_CASE("output buffered in stdio before start is written once, not again by the child",
          "[real][process]") {
  LeakCheck leaks;
  char path[] = "/tmp/procsim-real-stdio-XXXXXX";
  const int fd = ::mkstemp(path);
  REQUIRE(fd >= 0);
  FILE* file = ::fdopen(fd, "w");
  REQUIRE(file != nullptr);
  std::setvbuf(file, nullptr, _IOFBF, 4096);
  std::fputs("written by the parent before start\n", file);
  Process child([] {});
  child.keep_fd(fd);  // so that the child could write the buffer a second time
  child.start();
  child.join();
  std::fclose(file);
  const std::string text = real_test::readFile(path);
  ::unlink(path);
  CHECK(text == "written by the parent before start\n");
  leaks.check();
}

TEST_CASE("starting a process twice is an error", "[real][process]") {
  LeakCheck leaks;
  Process child([] {});
  child.start();
  CHECK_THROWS_AS(child.start(), std::logic_error);
  child.join();
  CHECK_THROWS_AS(child.start(), std::logic_error);
  CHECK(child.exitcode() == 0);
  leaks.check();
}

TEST_CASE("join with a timeout returns on time while the child keeps running", "[real][process]") {
  LeakCheck leaks;
  Process child([] { std::this_thread::sleep_for(30s); });
  child.start();
  const auto start = std::chrono::steady_clock::now();
  CHECK_FALSE(child.join(200ms));
  const double waited = real_test::secondsSince(start);
  CHECK(waited >= 0.19);
  CHECK(waited < 1.0);
  CHECK(child.is_alive());
  child.kill();
  CHECK(child.join(5s));
  CHECK(child.exitcode() == -SIGKILL);
  leaks.check();
}

TEST_CASE("join with a timeout returns as soon as the child ends", "[real][process]") {
  LeakCheck leaks;
  Process child([] { std::this_thread::sleep_for(50ms); });
  child.start();
  const auto start = std::chrono::steady_clock::now();
  CHECK(child.join(10s));
  CHECK(real_test::secondsSince(start) < 2.0);
  CHECK(child.exitcode() == 0);
  leaks.check();
}

TEST_CASE("a stopped child counts as alive", "[real][process]") {
  LeakCheck leaks;
  Process child([] { std::this_thread::sleep_for(30s); });
  child.start();
  REQUIRE(child.send_signal(SIGSTOP));
  REQUIRE(real_test::waitForStop(child.pid()));
  CHECK(real::read_process_info(child.pid())->state == 'T');
  CHECK(child.is_alive());
  CHECK_FALSE(child.exitcode().has_value());
  CHECK_FALSE(child.join(50ms));
  child.kill();
  child.join();
  CHECK(child.exitcode() == -SIGKILL);
  leaks.check();
}

TEST_CASE("no SIGCHLD handler is installed and other children are not reaped behind our back",
          "[real][process]") {
  LeakCheck leaks;
  const pid_t foreign = ::fork();
  REQUIRE(foreign >= 0);
  if (foreign == 0) ::_exit(11);
  Process ours([] { return 2; });
  ours.start();
  ours.join();
  struct sigaction current {};
  REQUIRE(::sigaction(SIGCHLD, nullptr, &current) == 0);
  CHECK(current.sa_handler == SIG_DFL);
  // The foreign child is still ours to reap: nothing reaped it for us.
  int status = 0;
  REQUIRE(::waitpid(foreign, &status, 0) == foreign);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 11);
  leaks.check();
}

TEST_CASE("a daemon child is terminated when its parent ends normally", "[real][process][daemon]") {
  LeakCheck leaks;
  {
    Pipe pipe;
    const int report = pipe.write_end;
    Process parent([report] {
      Process* daemon_child = new Process([] { std::this_thread::sleep_for(30s); });  // never deleted: ended at exit
      daemon_child->set_daemon(true);
      daemon_child->start();
      const auto info = real::read_process_info(daemon_child->pid());
      const std::string text = std::to_string(daemon_child->pid()) + " " +
                               std::to_string(info ? info->start_ticks : 0);
      if (::write(report, text.data(), text.size()) < 0) return 1;
      return 0;
    });
    parent.keep_fd(report);
    const auto start = std::chrono::steady_clock::now();
    parent.start();
    REQUIRE(parent.join(10s));
    CHECK(real_test::secondsSince(start) < 5.0);
    CHECK(parent.exitcode() == 0);
    std::istringstream fields(pipe.readAll());
    pid_t daemon_pid = 0;
    std::uint64_t daemon_start = 0;
    fields >> daemon_pid >> daemon_start;
    REQUIRE(daemon_pid > 0);
    const auto after = real::read_process_info(daemon_pid);
    CHECK((!after || after->start_ticks != daemon_start));
  }
  leaks.check();
}

TEST_CASE("a non-daemon child is joined when its parent ends normally", "[real][process][daemon]") {
  LeakCheck leaks;
  Process parent([] {
    Process* child = new Process([] { std::this_thread::sleep_for(300ms); });  // never deleted: joined at exit
    child->start();
    return 0;
  });
  const auto start = std::chrono::steady_clock::now();
  parent.start();
  REQUIRE(parent.join(10s));
  CHECK(real_test::secondsSince(start) >= 0.28);
  CHECK(parent.exitcode() == 0);
  leaks.check();
}

TEST_CASE("destroying a running daemon Process terminates and reaps it", "[real][process][daemon]") {
  LeakCheck leaks;
  pid_t pid = 0;
  {
    Process child([] { std::this_thread::sleep_for(30s); });
    child.set_daemon(true);
    child.start();
    pid = child.pid();
    CHECK(child.is_alive());
  }
  CHECK_FALSE(real::read_process_info(pid).has_value());
  leaks.check();
}

TEST_CASE("start reports a failed pidfd_open at once, with the child killed and reaped", "[real][process]") {
  LeakCheck leaks;
  // With every descriptor taken, UBSan cannot check a polymorphic type it
  // meets for the first time (it tests memory through a pipe): let it meet
  // Process and std::system_error now.
  auto warm_up = Process::command({"true"});
  warm_up->start();
  warm_up->join();
  try {
    throw std::system_error(EMFILE, std::generic_category(), "warm-up");
  } catch (const std::system_error& failure) {
    REQUIRE(failure.code().value() == EMFILE);
  }
  auto child = Process::command({"sleep", "30"});
  rlimit saved{};
  REQUIRE(::getrlimit(RLIMIT_NOFILE, &saved) == 0);
  // Every descriptor number below the limit in use: pidfd_open gets EMFILE.
  // The command child closes 3 and up before its exec, so it still runs.
  const std::set<int> open_now = real_test::openDescriptors();
  rlimit low = saved;
  low.rlim_cur = static_cast<rlim_t>(*open_now.rbegin() + 4);
  REQUIRE(::setrlimit(RLIMIT_NOFILE, &low) == 0);
  std::vector<int> fillers;
  for (int fd; (fd = ::open("/dev/null", O_RDONLY | O_CLOEXEC)) >= 0;) fillers.push_back(fd);
  const auto start = std::chrono::steady_clock::now();
  int error = 0;
  try {
    child->start();
  } catch (const std::system_error& failure) {
    for (const int fd : fillers) ::close(fd);
    fillers.clear();
    error = failure.code().value();
  }
  const double elapsed = real_test::secondsSince(start);
  for (const int fd : fillers) ::close(fd);
  REQUIRE(::setrlimit(RLIMIT_NOFILE, &saved) == 0);
  CHECK(error == EMFILE);
  CHECK(elapsed < 10);
  CHECK(child->exitcode() == -SIGKILL);
  CHECK(real_test::zombieChildren().empty());
  leaks.check();
}

TEST_CASE("a child set to die with its parent gets SIGKILL when the thread that started it ends",
          "[real][process]") {
  LeakCheck leaks;
  // A command (_Fork, then only system calls before execve) or a callable.
  const bool command = GENERATE(true, false);
  INFO((command ? "command" : "callable"));
  std::unique_ptr<Process> child =
      command ? Process::command({"sleep", "30"}) : std::make_unique<Process>([] { ::pause(); });
  child->set_die_with_parent(true);
  CHECK(child->die_with_parent());
  std::thread starter([&child] { child->start(); });
  starter.join();
  // The thread that started it has ended: the kernel sends SIGKILL.
  const bool ended = child->join(10s);
  if (!ended) child->kill();
  REQUIRE(ended);
  CHECK(child->exitcode() == -SIGKILL);
  leaks.check();
}

TEST_CASE("a child not set to die with its parent outlives the thread that started it", "[real][process]") {
  LeakCheck leaks;
  auto child = Process::command({"sleep", "30"});
  CHECK_FALSE(child->die_with_parent());
  std::thread starter([&child] { child->start(); });
  starter.join();
  CHECK_FALSE(child->join(200ms));
  child->kill();
  child->join();
  CHECK(child->exitcode() == -SIGKILL);
  leaks.check();
}

TEST_CASE("a command child's standard output can be a pipe", "[real][process]") {
  LeakCheck leaks;
  const bool die_with_parent = GENERATE(false, true);
  INFO("die_with_parent " << die_with_parent);
  {
    Pipe pipe;
    auto child = Process::command({"sh", "-c", "echo out; ls /proc/self/fd"});
    child->set_stdout(pipe.write_end);
    child->set_die_with_parent(die_with_parent);
    child->start();
    const std::string text = pipe.readAll();
    child->join();
    CHECK(child->exitcode() == 0);
    // Its output, and only descriptors 0, 1, 2 (and ls's own directory, 3).
    CHECK(text == "out\n0\n1\n2\n3\n");
  }
  Process callable([] {});
  CHECK_THROWS_AS(callable.set_stdout(1), std::logic_error);
  leaks.check();
}
