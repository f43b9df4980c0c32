#include "real/demos.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "real/process.hpp"
#include "real/process_info.hpp"

namespace real {

namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

// The global of the isolation experiment (the source's `count = 100`).
int g_count = 100;

// A close-on-exec pipe whose write end a child keeps (keep_fd) to report.
class ReportPipe {
 public:
  ReportPipe() {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe2 failed");
    read_ = fds[0];
    write_ = fds[1];
  }
  ~ReportPipe() {
    closeWrite();
    ::close(read_);
  }
  ReportPipe(const ReportPipe&) = delete;
  ReportPipe& operator=(const ReportPipe&) = delete;
  int writeEnd() const { return write_; }
  // Everything the children wrote, once they have all closed their ends.
  std::string readAll() {
    closeWrite();
    std::string text;
    char buffer[512];
    ssize_t got = 0;
    while ((got = ::read(read_, buffer, sizeof buffer)) > 0) text.append(buffer, static_cast<std::size_t>(got));
    return text;
  }
  static void write(int fd, const std::string& text) {
    if (::write(fd, text.data(), text.size()) != static_cast<ssize_t>(text.size())) throw std::runtime_error("report lost");
  }

 private:
  void closeWrite() {
    if (write_ >= 0) ::close(write_);
    write_ = -1;
  }
  int read_ = -1;
  int write_ = -1;
};

double secondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

std::string fixed(double value, int digits = 3) {
  std::ostringstream out;
  out.setf(std::ios::fixed);
  out.precision(digits);
  out << value;
  return out.str();
}

std::string pidText(pid_t pid) { return std::to_string(pid); }

// Every child a demo starts dies with the thread that started it
// (PR_SET_PDEATHSIG, Process::set_die_with_parent): procsim killed in the
// middle of a demo leaves no child behind, and a child that starts children
// of its own takes them with it.
void startTied(real::Process& child) {
  child.set_die_with_parent(true);
  child.start();
}

DemoReport isolation() {
  g_count = 100;
  ReportPipe pipe;
  const int report = pipe.writeEnd();
  real::Process child([report] {
    g_count = 0;
    ReportPipe::write(report, std::to_string(g_count));
  });
  child.keep_fd(report);
  startTied(child);
  child.join();
  const int child_value = std::stoi(pipe.readAll());
  DemoReport out;
  out.lines = {"parent pid " + pidText(::getpid()) + ": count = 100, then starts a child",
               "child  pid " + pidText(child.pid()) + ": sets count = 0 and reads " + std::to_string(child_value),
               "parent pid " + pidText(::getpid()) + ": after join still reads count = " + std::to_string(g_count),
               "each process has its own copy of memory: the child changed only its copy"};
  out.json = {{"parent_pid", ::getpid()}, {"child_pid", child.pid()}, {"parent_value", g_count}, {"child_value", child_value}};
  return out;
}

DemoReport joinTiming() {
  const std::vector<std::chrono::milliseconds> sleeps{300ms, 200ms, 100ms};
  auto sleeper = [](std::chrono::milliseconds time) { return [time] { std::this_thread::sleep_for(time); }; };
  DemoReport out;
  nlohmann::json serial_pids = nlohmann::json::array();
  nlohmann::json concurrent_pids = nlohmann::json::array();

  auto start = Clock::now();
  for (const auto time : sleeps) {
    real::Process child(sleeper(time));
    startTied(child);
    child.join();
    serial_pids.push_back(child.pid());
    out.lines.push_back("serial: child pid " + pidText(child.pid()) + " slept " + fixed(time.count() / 1000.0, 1) +
                        " s, joined right after its start");
  }
  const double serial = secondsSince(start);

  start = Clock::now();
  std::vector<std::unique_ptr<real::Process>> children;
  for (const auto time : sleeps) children.push_back(std::make_unique<real::Process>(sleeper(time)));
  for (auto& child : children) startTied(*child);
  for (auto& child : children) {
    child->join();
    concurrent_pids.push_back(child->pid());
  }
  const double concurrent = secondsSince(start);
  out.lines.push_back("concurrent: children pids " + concurrent_pids[0].dump() + ", " + concurrent_pids[1].dump() + ", " +
                      concurrent_pids[2].dump() + " all started, then all joined");
  out.lines.push_back("serial total " + fixed(serial) + " s (about 0.3 + 0.2 + 0.1), concurrent total " + fixed(concurrent) +
                      " s (about the longest, 0.3)");
  out.lines.push_back("join only waits; where the joins are placed decides whether the children overlap");
  out.json = {{"serial_seconds", serial},
              {"concurrent_seconds", concurrent},
              {"serial_pids", serial_pids},
              {"concurrent_pids", concurrent_pids}};
  return out;
}

DemoReport terminateDemo() {
  real::Process child([] { std::this_thread::sleep_for(10s); }, "sleeper");
  startTied(child);
  child.terminate();
  const bool alive_immediately = child.is_alive();
  std::this_thread::sleep_for(100ms);
  const bool alive_after_wait = child.is_alive();
  child.join();
  const int code = *child.exitcode();
  DemoReport out;
  out.lines = {"started " + child.name() + " pid " + pidText(child.pid()) + " (it would sleep 10 s), sent SIGTERM at once",
               std::string("is_alive() right after terminate(): ") + (alive_immediately ? "true" : "false") +
                   " (the signal is delivered, not yet acted on)",
               std::string("is_alive() after 0.1 s: ") + (alive_after_wait ? "true" : "false"),
               "exitcode: " + std::to_string(code) + " (-15: ended by signal 15, SIGTERM)"};
  out.json = {{"pid", child.pid()},
              {"alive_immediately", alive_immediately},
              {"alive_after_wait", alive_after_wait},
              {"exitcode", code}};
  return out;
}

DemoReport zombie() {
  real::Process child([] {});
  startTied(child);
  // Only /proc is read here: is_alive() or exitcode() would reap the child.
  std::string before = "?";
  const auto deadline = Clock::now() + 5s;
  while (Clock::now() < deadline) {
    const auto info = real::read_process_info(child.pid());
    before = info ? std::string(1, info->state) : "gone";
    if (before == "Z") break;
    std::this_thread::sleep_for(1ms);
  }
  child.join();
  const auto after_info = real::read_process_info(child.pid());
  const std::string after = after_info ? std::string(1, after_info->state) : "gone";
  DemoReport out;
  out.lines = {"child pid " + pidText(child.pid()) + " exited at once; the parent has not joined it yet",
               "its state in /proc/" + pidText(child.pid()) + "/stat: " + before +
                   " (zombie: terminated, its exit status kept until the parent reaps it)",
               "after join (the parent reaped it): " + after + " (exit code " + std::to_string(*child.exitcode()) + ")"};
  out.json = {{"pid", child.pid()}, {"state_before_join", before}, {"state_after_join", after}, {"exitcode", *child.exitcode()}};
  return out;
}

class Task : public real::Process {
 public:
  explicit Task(int report) : report_(report) { keep_fd(report); }

 protected:
  void run() override {
    ReportPipe::write(report_, "subclass " + std::to_string(::getppid()) + " " + std::to_string(::getpid()) + "\n");
  }

 private:
  int report_;
};

DemoReport twoWays() {
  ReportPipe pipe;
  const int report = pipe.writeEnd();
  real::Process by_callable([report] {
    ReportPipe::write(report, "callable " + std::to_string(::getppid()) + " " + std::to_string(::getpid()) + "\n");
  });
  by_callable.keep_fd(report);
  Task by_subclass(report);
  startTied(by_callable);
  by_callable.join();
  startTied(by_subclass);
  by_subclass.join();
  std::istringstream lines(pipe.readAll());
  DemoReport out;
  out.json = nlohmann::json::object();
  std::string way;
  pid_t parent = 0;
  pid_t self = 0;
  while (lines >> way >> parent >> self) {
    out.lines.push_back("started by " + way + ": child pid " + pidText(self) + ", its parent " + pidText(parent) +
                        (way == "callable" ? " (Process(target))" : " (a subclass overriding run())"));
    out.json[way] = {{"pid", self}, {"ppid", parent}};
  }
  out.json["callable"]["exitcode"] = *by_callable.exitcode();
  out.json["subclass"]["exitcode"] = *by_subclass.exitcode();
  out.json["parent_pid"] = ::getpid();
  out.lines.push_back("both ran their code in a new process whose parent is procsim, pid " + pidText(::getpid()));
  return out;
}

DemoReport daemonDemo() {
  ReportPipe pipe;
  const int report = pipe.writeEnd();
  real::Process parent([report] {
    real::Process daemon_child([] { std::this_thread::sleep_for(10s); }, "daemon");
    real::Process plain_child([] { std::this_thread::sleep_for(200ms); }, "plain");
    daemon_child.set_daemon(true);
    startTied(daemon_child);
    startTied(plain_child);
    const auto start = Clock::now();
    real::end_children_at_exit();  // what the parent's normal end does anyway
    ReportPipe::write(report, std::to_string(daemon_child.pid()) + " " + std::to_string(*daemon_child.exitcode()) + " " +
                                  std::to_string(plain_child.pid()) + " " + std::to_string(*plain_child.exitcode()) + " " +
                                  fixed(secondsSince(start)));
  });
  parent.keep_fd(report);
  startTied(parent);
  parent.join();
  std::istringstream fields(pipe.readAll());
  pid_t daemon_pid = 0;
  pid_t plain_pid = 0;
  int daemon_code = 0;
  int plain_code = 0;
  double waited = 0;
  fields >> daemon_pid >> daemon_code >> plain_pid >> plain_code >> waited;
  DemoReport out;
  out.lines = {"parent pid " + pidText(parent.pid()) + " started a daemon child (pid " + pidText(daemon_pid) +
                   ", would sleep 10 s) and a plain child (pid " + pidText(plain_pid) + ", sleeps 0.2 s), then ended",
               "daemon child: terminated when its parent ended, exit code " + std::to_string(daemon_code),
               "plain child: joined by its parent, exit code " + std::to_string(plain_code) + "; the parent waited " +
                   fixed(waited) + " s for it"};
  out.json = {{"parent_pid", parent.pid()},   {"daemon_pid", daemon_pid}, {"daemon_exitcode", daemon_code},
              {"child_pid", plain_pid},       {"child_exitcode", plain_code}, {"parent_waited_seconds", waited}};
  return out;
}

}  // namespace

const std::map<std::string, std::function<DemoReport()>>& realDemos() {
  static const std::map<std::string, std::function<DemoReport()>> demos{
      {"isolation", isolation}, {"join", joinTiming},   {"terminate", terminateDemo},
      {"zombie", zombie},       {"two-ways", twoWays}, {"daemon", daemonDemo}};
  return demos;
}

}  // namespace real
