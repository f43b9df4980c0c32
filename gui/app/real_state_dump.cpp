#include "app/real_state_dump.hpp"

#include <unistd.h>

#include <chrono>

#include "views/view_state.hpp"

namespace gui {
namespace {

using nlohmann::json;

double ms(std::chrono::nanoseconds time) { return static_cast<double>(time.count()) / 1e6; }

json childJson(const ChildRow& row) {
  const auto& info = row.info ? row.info : row.previous;
  json out = {{"name", row.name},
              {"pid", row.pid},
              {"kind", childKindKey(row.kind)},
              {"kernel_state", row.info ? std::string(1, row.info->state) : std::string()},
              {"observed", std::string(real::name(row.observed))},
              {"model_state", std::string(sim::name(real::to_sim_state(row.observed)))},
              {"alive", childAlive(row)},
              {"joined", row.joined},
              {"exitcode", row.exitcode ? json(*row.exitcode) : json()},
              {"exit_text", describeExitCode(row.exitcode)},
              {"daemon", row.daemon},
              {"watch", row.watch},
              {"timeline_segments", row.timeline.size()},
              {"note", row.note},
              {"cleared", row.cleared}};
  if (info) {
    out["ppid"] = info->ppid;
    out["cpu_ms"] = ms(info->cpu_time());
    out["rss_bytes"] = info->rss_bytes;
    out["run_ms"] = ms(info->run_time);
    out["wait_ms"] = ms(info->wait_time);
    out["timeslices"] = info->timeslices;
  }
  return out;
}

}  // namespace

json dumpRealState(RealPanel& real, const RealPageState& page) {
  json out;
  out["gui_pid"] = ::getpid();
  out["open"] = page.open;
  out["tab"] = realTabKey(page.tab);
  out["message"] = page.message;
  out["timeline_hover"] = page.timeline_hover;
  out["table_rows"] = page.table_rows;
  json children = json::array();
  for (const ChildRow& row : real.children.rows()) children.push_back(childJson(row));
  out["children"] = children;
  json servers = json::array();
  for (const ServerRow& row : real.servers.rows()) {
    const real::ServerStats stats = real.servers.stats(row);
    servers.push_back({{"transport", std::string(real::name(row.transport))},
                       {"host", row.address.host},
                       {"port", row.address.port},
                       {"pid", ::getpid()},
                       {"running", !row.stopped},
                       {"active_connections", stats.active_connections},
                       {"handler_threads", stats.handler_threads},
                       {"requests", row.replies->load()}});
  }
  out["servers"] = servers;
  out["log"] = json(std::vector<std::string>(real.log.begin(), real.log.end()));
  json results = json::object();
  for (const std::string& name : experimentNames()) {
    const ExperimentResult result = real.experiments.result(name);
    if (!result.running && !result.done) continue;
    results[name] = {{"done", result.done}, {"error", result.error}, {"seconds", result.seconds}, {"facts", result.facts},
                     {"lines", result.lines}};
  }
  out["experiments"] = {{"running", real.experiments.running()}, {"results", results}};
  json replay = {{"status", replayStatusKey(real.replay.status())},
                 {"error", real.replay.error()},
                 {"worker_pids", real.replay.workerPids()}};
  if (const auto plan = real.replay.plan())
    replay["plan"] = {{"processes", plan->processes},
                      {"cores_requested", plan->cores_requested},
                      {"cpus", plan->cpus},
                      {"capped", plan->capped},
                      {"capped_note", plan->capped_note},
                      {"estimated_seconds", plan->estimated_seconds}};
  if (const ReplayView* view = real.replay.view()) {
    json processes = json::array();
    for (const real::ReplayComparison& p : view->result.processes)
      processes.push_back({{"name", p.name},
                           {"burst_total", p.burst_total},
                           {"sim_turnaround", p.sim_turnaround},
                           {"real_turnaround", p.real_turnaround},
                           {"sim_waiting", p.sim_waiting},
                           {"real_waiting", p.real_waiting},
                           {"sim_response", p.sim_response},
                           {"real_response", p.real_response},
                           {"sim_cpu", p.sim_cpu},
                           {"real_cpu", p.real_cpu},
                           {"timeslices", p.timeslices}});
    replay["processes"] = processes;
    replay["sim_rows"] = view->sim_rows.size();
    replay["real_rows"] = view->real_rows.size();
    json segments = json::array();
    for (const SegmentRow& row : view->real_rows) segments.push_back(row.size());
    replay["real_segments"] = segments;
    replay["wall_seconds"] = view->result.wall_seconds;
  }
  out["replay"] = replay;
  return out;
}

}  // namespace gui
