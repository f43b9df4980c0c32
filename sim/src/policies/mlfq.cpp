// mlfq: the multi-level feedback queue (OSTEP, chapter 8).
#include <algorithm>
#include <bit>
#include <string>

#include "mlfq_policy.hpp"
#include "sim/engine_state.hpp"
#include "sim/policy_registry.hpp"
#include "sim/scenario_json.hpp"

namespace sim::detail {

namespace {
std::size_t at(std::int64_t index) { return static_cast<std::size_t>(index); }
}  // namespace

MlfqPolicy::MlfqPolicy(MlfqOptions options) : options_(std::move(options)) {
  queues_.resize(options_.quantum.size());
  if (options_.boost > 0) next_boost_ = options_.boost;
}

MlfqPolicy::Track& MlfqPolicy::track(ProcessId process) { return tracks_.acquireValue(process); }

const MlfqPolicy::Track& MlfqPolicy::track(ProcessId process) const {
  static const Track unknown;
  const Track* t = tracks_.find(process);
  return t != nullptr ? *t : unknown;
}

void MlfqPolicy::startLevel(Track& t, std::int32_t level) const {
  t.level = level;
  t.ticks_left = options_.quantum[at(level)];
  t.allot_left = options_.allotment[at(level)];
}

// Rule 4: a process that has used its allotment at a level drops one level.
void MlfqPolicy::charge(Track& t, Tick cpu_ticks) {
  t.ticks_left -= cpu_ticks;
  if (t.ticks_left > 0) return;
  if (--t.allot_left > 0) {
    t.ticks_left = options_.quantum[at(t.level)];
    return;
  }
  startLevel(t, std::min(t.level + 1, levels() - 1));
}

int MlfqPolicy::highestReadyLevel() const {
  for (int level = 0; level < levels(); ++level) {
    if (!queues_[at(level)].empty()) return level;
  }
  return -1;
}

void MlfqPolicy::enqueue(const ProcessView& process) {
  Track& t = track(process.id);
  if (!t.known) {  // Rule 3: a new process enters at the top
    t.known = true;
    startLevel(t, 0);
  }
  std::deque<ProcessId>& queue = queues_[at(t.level)];
  if (t.front) {
    queue.push_front(process.id);
  } else {
    queue.push_back(process.id);
  }
  t.front = false;
  ++ready_;
}

ProcessId MlfqPolicy::pickNext(CoreId, const EngineState&) {
  const int level = highestReadyLevel();
  if (level < 0) return kNoProcess;
  const ProcessId next = queues_[at(level)].front();
  queues_[at(level)].pop_front();
  --ready_;
  return next;
}

ProcessId MlfqPolicy::peekNext(CoreId, const EngineState&) const {
  const int level = highestReadyLevel();
  return level < 0 ? kNoProcess : queues_[at(level)].front();
}

std::vector<ProcessId> MlfqPolicy::readyInOrder(const EngineState&) const {
  std::vector<ProcessId> order;
  order.reserve(ready_);
  for (const auto& queue : queues_) order.insert(order.end(), queue.begin(), queue.end());
  return order;
}

Tick MlfqPolicy::timeSlice(ProcessId process, const EngineState&) const {
  const Track& t = track(process);
  return t.boosted_running ? options_.quantum.front() : std::max<Tick>(1, t.ticks_left);
}

bool MlfqPolicy::moreUrgent(const ProcessView& a, const ProcessView& b) const {
  const auto levelOfView = [this](const ProcessView& view) {
    const Track& t = track(view.id);
    return t.boosted_running ? 0 : t.level;
  };
  return levelOfView(a) < levelOfView(b);
}

void MlfqPolicy::onDescheduled(ProcessId process, Tick cpu_ticks, Reason why) {
  Track& t = track(process);
  if (t.boosted_running) {  // a boost reached it on its core: it starts afresh at the top
    t.boosted_running = false;
    startLevel(t, 0);
  } else if (blocksOnLeaving(why) && options_.io_keeps_level) {
    // OSTEP's -S: a fresh quantum and allotment at its level; a quantum that
    // ran out at this very tick still counts as one used quantum of it.
    const bool used_up = cpu_ticks >= t.ticks_left;
    startLevel(t, t.level);
    if (used_up) charge(t, t.ticks_left);
  } else {
    charge(t, cpu_ticks);
  }
  switch (why) {
    case Reason::MoreUrgent:
    case Reason::WakeupDisplaced: t.front = true; break;  // it keeps its place at the head of its queue
    case Reason::IoStart:
    case Reason::Await: t.front = options_.io_to_front; break;
    default: t.front = false;
  }
  if (why == Reason::Finished) tracks_.release(process);
}

void MlfqPolicy::onSliceRenewed(ProcessId process, Tick cpu_ticks) {
  Track& t = track(process);
  if (t.boosted_running) {
    t.boosted_running = false;
    startLevel(t, 0);
    return;
  }
  charge(t, cpu_ticks);
}

void MlfqPolicy::onDispatched(ProcessId, CoreId, Tick) {}

// Rule 5: every process moves to the top. Ready processes join the top
// queue, the lowest level's first; running ones start afresh there when
// their slice ends or they leave the core.
TimerResult MlfqPolicy::onTimer(Tick now, const EngineState& state) {
  next_boost_ = now + options_.boost;
  TimerResult result;
  result.reason = Reason::Boost;
  for (int level = levels() - 1; level >= 1; --level) {
    for (const ProcessId id : queues_[at(level)]) {
      queues_.front().push_back(id);
      result.moved.push_back(id);
    }
    queues_[at(level)].clear();
  }
  tracks_.forEach([&](ProcessId id, Track& t) {
    if (!t.known || at(id) >= state.processes.size()) return;
    switch (state.processes[at(id)].state) {
      case State::Ready:
      case State::Blocked: startLevel(t, 0); break;
      case State::Running: t.boosted_running = true; break;
      default: break;
    }
  });
  return result;
}

std::vector<QueueView> MlfqPolicy::queues(const EngineState&) const {
  std::vector<QueueView> views;
  for (int level = 0; level < levels(); ++level) {
    QueueView view;
    const std::string quantum = std::to_string(options_.quantum[at(level)]);
    view.label = "level " + std::to_string(level) + " (quantum " + quantum + ")";
    view.label_zh = "第 " + std::to_string(level) + " 级（时间片 " + quantum + "）";
    for (const ProcessId id : queues_[at(level)]) {
      const Track& t = track(id);
      view.entries.push_back({id, {{"ticks left", t.ticks_left}, {"allotment left", t.allot_left}}});
    }
    views.push_back(std::move(view));
  }
  return views;
}

PolicyInfo mlfqPolicyInfo() {
  PolicyInfo info;
  info.name = "mlfq";
  info.description = "Multi-level feedback queue: run the highest non-empty level in turn; a process that uses up its "
                     "allotment drops a level; a boost lifts everyone to the top";
  info.description_zh = "多级反馈队列：轮流运行最高的非空级别；用完配额的进程降一级；定期提升让所有进程回到最高级";
  info.parameters = {
      {"levels", ParamType::Integer, 1, static_cast<std::int64_t>(kMaxParamListLength), 3, "Number of priority levels",
       "优先级的级数", "级数"},
      {"quantum", ParamType::IntegerList, 1, kMaxQuantum, 10,
       "Time slice in ticks: one value for every level, or one per level from the top", "时间片（tick）：所有级别一个值，或从最高级起每级一个",
       "时间片"},
      {"allotment", ParamType::IntegerList, 1, 1'000'000'000, 1,
       "Quanta a process may use at a level before it drops: one value, or one per level",
       "进程在一级上可用的时间片个数，用完后降级：一个值，或每级一个", "配额"},
      {"boost", ParamType::Integer, 0, kMaxQuantum, 0, "Ticks between priority boosts to the top level; 0: never",
       "每隔多少 tick 把所有进程提升到最高级；0 表示从不", "提升周期"},
      {"io_keeps_level", ParamType::Boolean, 0, 1, 0,
       "A process that starts IO keeps its level with a fresh quantum and allotment (OSTEP -S)",
       "开始 IO 的进程保持级别，并重新获得时间片和配额（OSTEP -S）", "IO 保级"},
      {"io_to_front", ParamType::Boolean, 0, 1, 0, "A process whose IO ends enters the front of its queue (OSTEP -I)",
       "IO 结束的进程排到本级队首（OSTEP -I）", "IO 后排队首"},
  };
  info.check = [](const PolicyArgs& args) {
    const std::int64_t levels = args.integer("levels");
    for (const char* key : {"quantum", "allotment"}) {
      const std::size_t count = args.values(key).size();
      if (count != 1 && count != static_cast<std::size_t>(levels)) {
        throw ScenarioError(std::string("policy.") + key, "give one value or one per level (" + std::to_string(levels) +
                                                              "), got " + std::to_string(count));
      }
    }
  };
  info.make = [](const PolicyArgs& args) {
    const auto levels = static_cast<std::size_t>(args.integer("levels"));
    MlfqOptions options;
    options.quantum = args.list("quantum", levels);
    options.allotment = args.list("allotment", levels);
    options.boost = args.integer("boost");
    options.io_keeps_level = args.flag("io_keeps_level");
    options.io_to_front = args.flag("io_to_front");
    return std::make_unique<MlfqPolicy>(std::move(options));
  };
  info.versus_linux =
      "Linux has no levels that a process drops through: CFS and EEVDF track each task's CPU use continuously and "
      "favour the tasks that used least, so an interactive task stays responsive without a periodic boost.";
  info.versus_linux_zh = "Linux 没有让进程逐级下降的队列：CFS 和 EEVDF 持续记录每个任务用过的 CPU 时间，优先运行用得最少的任务，"
                         "因此交互任务无需定期提升也能及时响应。";
  return info;
}

}  // namespace sim::detail
