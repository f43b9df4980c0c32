#include "model/real_children.hpp"

#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include <stdexcept>
#include <system_error>

namespace gui {
namespace {

SegmentKind segmentKind(real::ObservedState state) {
  switch (state) {
    case real::ObservedState::Running: return SegmentKind::Running;
    case real::ObservedState::Ready: return SegmentKind::Ready;
    case real::ObservedState::Blocked: return SegmentKind::Blocked;
    case real::ObservedState::Stopped: return SegmentKind::Stopped;
    case real::ObservedState::Zombie: return SegmentKind::Zombie;
    case real::ObservedState::Gone: break;
  }
  return SegmentKind::Zombie;
}

// Sample and hold: the state read at `now_ms` holds from then until the
// next reading; the previous interval is extended up to now.
void extendTimeline(SegmentRow& row, SegmentKind kind, long long now_ms, sim::ProcessId id) {
  const sim::Tick now = row.empty() ? now_ms : std::max<sim::Tick>(now_ms, row.back().start + 1);
  if (!row.empty() && row.back().kind == kind) {
    row.back().end = std::max(row.back().end, now + 1);
    return;
  }
  if (!row.empty()) row.back().end = now;
  row.push_back({now, now + 1, id, kind});
}

}  // namespace

bool childAlive(const ChildRow& row) { return !row.joined && row.observed != real::ObservedState::Zombie; }

std::string describeExitCode(const std::optional<int>& exitcode) {
  if (!exitcode) return {};
  std::string text = std::to_string(*exitcode);
  if (*exitcode < 0) {
    const char* abbrev = sigabbrev_np(-*exitcode);
    if (abbrev != nullptr) text += std::string(" (SIG") + abbrev + ")";
  }
  return text;
}

RealChildren::RealChildren() = default;
RealChildren::~RealChildren() { shutdown(std::chrono::milliseconds(1000)); }

int RealChildren::spawn(const ChildRecipe& recipe, std::string& error) {
  std::unique_ptr<real::Process> process;
  try {
    process = makeChild(recipe);
    process->start();
  } catch (const std::exception& e) {
    error = e.what();
    return -1;
  }
  ChildRow row;
  row.kind = recipe.kind;
  row.daemon = recipe.daemon;
  row.name = process->name();
  row.pid = process->pid();
  row.info = real::read_process_info(row.pid);
  row.process = std::move(process);
  rows_.push_back(std::move(row));
  return static_cast<int>(rows_.size() - 1);
}

int RealChildren::adopt(std::unique_ptr<real::Process> process, ChildKind kind, int output_fd) {
  ChildRow row;
  row.kind = kind;
  row.daemon = process->daemon();
  row.name = process->name();
  row.pid = process->pid();
  row.output_fd = output_fd;
  row.auto_join = true;
  row.process = std::move(process);
  rows_.push_back(std::move(row));
  return static_cast<int>(rows_.size() - 1);
}

bool RealChildren::join(std::size_t index, std::chrono::milliseconds timeout, std::string& error) {
  if (index >= rows_.size()) {
    error = "no such child";
    return false;
  }
  ChildRow& row = rows_[index];
  if (row.joined) {
    error = row.name + " was already joined";
    return false;
  }
  row.join_deadline = RealClock::now() + timeout;
  row.note.clear();
  return true;
}

bool RealChildren::signal(std::size_t index, int signal_number, std::string& error) {
  if (index >= rows_.size()) {
    error = "no such child";
    return false;
  }
  ChildRow& row = rows_[index];
  if (row.joined || !row.process->send_signal(signal_number)) {
    error = row.name + " has already been reaped";
    return false;
  }
  const char* abbrev = sigabbrev_np(signal_number);
  row.note = std::string("sent SIG") + (abbrev != nullptr ? abbrev : "?");
  return true;
}

void RealChildren::clearEnded() {
  for (ChildRow& row : rows_)
    if (row.joined) row.cleared = true;
}

void RealChildren::reaped(ChildRow& row) {
  row.joined = true;
  row.exitcode = row.process->exitcode();
  row.previous = row.info;
  row.info.reset();
  row.observed = real::ObservedState::Gone;
  row.join_deadline.reset();
}

void RealChildren::poll(long long now_ms, std::vector<std::string>& lines) {
  for (std::size_t i = 0; i < rows_.size(); ++i) {
    ChildRow& row = rows_[i];
    if (row.output_fd >= 0) {
      char buffer[1024];
      ssize_t got = 0;
      while ((got = ::read(row.output_fd, buffer, sizeof buffer)) > 0) row.output.append(buffer, static_cast<std::size_t>(got));
      for (std::size_t end; (end = row.output.find('\n')) != std::string::npos;) {
        lines.push_back(row.name + " (pid " + std::to_string(row.pid) + "): " + row.output.substr(0, end));
        row.output.erase(0, end + 1);
      }
      if (got == 0) {  // every writer closed: the client has ended
        if (!row.output.empty()) lines.push_back(row.name + " (pid " + std::to_string(row.pid) + "): " + row.output);
        row.output.clear();
        ::close(row.output_fd);
        row.output_fd = -1;
      }
    }
    if (row.joined) continue;
    if (row.join_deadline) {
      if (row.process->join(std::chrono::milliseconds(0))) {
        reaped(row);
        row.note = "joined";
        continue;
      }
      if (RealClock::now() >= *row.join_deadline) {
        row.join_deadline.reset();
        row.note = "join timed out";
      }
    }
    row.previous = row.info;
    row.info = real::read_process_info(row.pid);
    row.observed = real::observe(row.info, row.previous);
    if (row.auto_join && row.observed == real::ObservedState::Zombie && row.output_fd < 0) {
      row.process->join(std::chrono::milliseconds(0));
      reaped(row);
      continue;
    }
    extendTimeline(row.timeline, segmentKind(row.observed), now_ms, static_cast<sim::ProcessId>(i));
  }
}

std::string RealChildren::shutdown(std::chrono::milliseconds grace) {
  int daemons = 0, asked = 0, killed = 0;
  for (ChildRow& row : rows_) {
    if (row.joined) continue;
    row.process->terminate();
    row.process->send_signal(SIGCONT);  // a stopped child acts on SIGTERM only once continued
    ++(row.daemon ? daemons : asked);
  }
  const auto deadline = RealClock::now() + grace;
  for (ChildRow& row : rows_) {
    if (row.joined) continue;
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - RealClock::now());
    if (!row.process->join(std::max(left, std::chrono::milliseconds(0)))) {
      row.process->kill();
      ++killed;
      row.process->join();
    }
    reaped(row);
  }
  for (ChildRow& row : rows_) {
    if (row.output_fd >= 0) ::close(row.output_fd);
    row.output_fd = -1;
  }
  return std::to_string(daemons) + " daemon(s) terminated, " + std::to_string(asked) + " other child(ren) asked to end, " +
         std::to_string(killed) + " killed after the grace period; every child reaped";
}

int RealChildren::find(const std::string& name) const {
  for (std::size_t i = rows_.size(); i-- > 0;)
    if (rows_[i].name == name || std::to_string(rows_[i].pid) == name) return static_cast<int>(i);
  return -1;
}

bool RealChildren::anyUnreaped() const {
  for (const ChildRow& row : rows_)
    if (!row.joined || row.output_fd >= 0) return true;
  return false;
}

}  // namespace gui
