// The Real panel's script actions (real.spawn, real.terminate, ...,
// wait-real): the same model calls the panel's buttons make.
#include <signal.h>

#include <chrono>
#include <cstdlib>
#include <map>
#include <sstream>

#include "app/app.hpp"

namespace gui {
namespace {

std::vector<std::string> words(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> out;
  for (std::string word; in >> word;) out.push_back(word);
  return out;
}

// A number in [min, max]; NaN and infinity are outside every range, so a
// script's number becomes an int or a duration only once it fits.
bool toNumber(const std::string& text, double& out, double min, double max) {
  char* end = nullptr;
  out = std::strtod(text.c_str(), &end);
  return !text.empty() && end == text.c_str() + text.size() && out >= min && out <= max;
}

// Takes trailing key=value words out of `list` (keys in `keys`).
std::map<std::string, std::string> takeOptions(std::vector<std::string>& list, std::initializer_list<const char*> keys) {
  std::map<std::string, std::string> options;
  while (!list.empty()) {
    const std::string& last = list.back();
    bool taken = false;
    for (const char* key : keys) {
      const std::string prefix = std::string(key) + "=";
      if (last.rfind(prefix, 0) == 0) {
        options[key] = last.substr(prefix.size());
        taken = true;
      }
    }
    if (!taken) break;
    list.pop_back();
  }
  return options;
}

}  // namespace

bool App::executeRealAction(const ScriptAction& action, std::string& error) {
  const std::string& verb = action.verb;
  const std::string rest = action.args.empty() ? std::string() : action.args[0];
  std::vector<std::string> list = words(rest);
  auto childIndex = [&](std::size_t& index) {
    const int found = list.empty() ? -1 : real_.children.find(list[0]);
    if (found < 0) error = verb + ": no child named '" + (list.empty() ? "" : list[0]) + "'";
    index = static_cast<std::size_t>(found);
    return found >= 0;
  };
  state_.real.open = true;
  if (verb == "real.tab") {
    if (!parseRealTab(rest, state_.real.tab)) {
      error = "real.tab: expected children, servers, experiments or replay";
      return false;
    }
    state_.real.tab_requested = true;
    wait_frames_ = 2;
    return true;
  }
  if (verb == "real.spawn") {
    const auto options = takeOptions(list, {"name", "daemon"});
    ChildRecipe recipe;
    if (list.empty() || !parseChildKind(list[0], recipe.kind) || recipe.kind == ChildKind::Client) {
      error = "real.spawn: expected sleep|burn|alternate|subclass SECONDS or command WORDS...";
      return false;
    }
    if (recipe.kind == ChildKind::Command) {
      recipe.command_line = rest.substr(rest.find("command") + 7);
      for (const auto& [key, value] : options) {
        const auto at = recipe.command_line.rfind(key + "=" + value);
        if (at != std::string::npos) recipe.command_line.erase(at);
      }
    } else if (list.size() != 2 || !toNumber(list[1], recipe.seconds, 0, 3600)) {
      error = "real.spawn: " + list[0] + " needs SECONDS, 0 to 3600";
      return false;
    }
    if (options.count("name")) recipe.name = options.at("name");
    recipe.daemon = options.count("daemon") && options.at("daemon") == "on";
    if (real_.children.spawn(recipe, error) < 0) return false;
    real_.poll(true);
    state_.real.tab = RealTab::Children;
    state_.real.tab_requested = true;
    return true;
  }
  if (verb == "real.join") {
    std::size_t index = 0;
    if (!childIndex(index)) return false;
    double timeout_ms = 1000;
    if (list.size() > 1 && !toNumber(list[1], timeout_ms, 0, 3'600'000)) {
      error = "real.join: TIMEOUT_MS must be a number from 0 to 3600000";
      return false;
    }
    return real_.children.join(index, std::chrono::milliseconds(static_cast<long long>(timeout_ms)), error);
  }
  if (verb == "real.terminate" || verb == "real.kill" || verb == "real.stop" || verb == "real.continue") {
    std::size_t index = 0;
    if (!childIndex(index)) return false;
    const int signal_number = verb == "real.terminate" ? SIGTERM : verb == "real.kill" ? SIGKILL : verb == "real.stop" ? SIGSTOP : SIGCONT;
    return real_.children.signal(index, signal_number, error);
  }
  if (verb == "real.clear") {
    real_.children.clearEnded();
    return true;
  }
  if (verb == "real.serve") {
    double port = 0;
    if (list.empty() || (list[0] != "tcp" && list[0] != "udp") || (list.size() > 1 && !toNumber(list[1], port, 0, 65535))) {
      error = "real.serve: expected tcp|udp [PORT, 0 to 65535]";
      return false;
    }
    const int index = real_.servers.start(list[0] == "tcp" ? real::Transport::Tcp : real::Transport::Udp,
                                          static_cast<int>(port), "127.0.0.1", error);
    state_.real.tab = RealTab::Servers;
    state_.real.tab_requested = true;
    return index >= 0;
  }
  if (verb == "real.stop-server") {
    double index = 1;
    if (list.empty() || !toNumber(list[0], index, 1, static_cast<double>(real_.servers.rows().size()))) {
      error = "real.stop-server: expected a server number from 1";
      return false;
    }
    real_.servers.stop(static_cast<std::size_t>(index) - 1);
    return true;
  }
  if (verb == "real.client") {
    // real.client N [server=I] [load=M] [message=TEXT ...] (message takes the rest of the line)
    ClientRequest request;
    std::string line = rest;
    if (const auto at = line.find("message="); at != std::string::npos) {
      request.message = line.substr(at + 8);
      line.erase(at);
    }
    list = words(line);
    const auto options = takeOptions(list, {"server", "load"});
    double clients = 0, server = 1, load = 0;
    if (list.size() != 1 || !toNumber(list[0], clients, 1, 64) ||
        (options.count("server") && !toNumber(options.at("server"), server, 1, 1'000'000)) ||
        (options.count("load") && !toNumber(options.at("load"), load, 0, 1'000'000))) {
      error = "real.client: expected N (1 to 64) [server=I] [load=MESSAGES, 0 to 1000000] [message=TEXT]";
      return false;
    }
    request.clients = static_cast<int>(clients);
    request.messages = static_cast<long>(load);
    return real_.servers.launchClients(static_cast<std::size_t>(server) - 1, request, real_.children, error);
  }
  if (verb == "real.demo") {
    if (!real_.experiments.start(rest, error)) return false;
    state_.real.experiment = rest;
    state_.real.tab = RealTab::Experiments;
    state_.real.tab_requested = true;
    return true;
  }
  if (verb == "real.replay") {
    const auto options = takeOptions(list, {"tick_ms"});
    double tick_ms = 10;
    if (!list.empty() || (options.count("tick_ms") && !toNumber(options.at("tick_ms"), tick_ms, 1, 1000))) {
      error = "real.replay: expected [tick_ms=MS, 1 to 1000]";
      return false;
    }
    if (!session_.hasScenario()) {
      error = "no scenario is loaded";
      return false;
    }
    state_.real.tab = RealTab::Replay;
    state_.real.tab_requested = true;
    state_.real.tick_ms = static_cast<float>(tick_ms);
    return real_.replay.start(session_.scenario(), session_.timeline(), tick_ms, error);
  }
  if (verb == "real.cancel-replay") {
    real_.replay.cancel();
    return true;
  }
  if (verb == "wait-real") {
    const auto options = takeOptions(list, {"timeout"});
    double timeout = 15;
    if (list.empty() || (options.count("timeout") && !toNumber(options.at("timeout"), timeout, 0, 86'400))) {
      error = "wait-real: expected state NAME S | exit NAME CODE | log TEXT | demo NAME | replay [timeout=SECONDS, 0 to 86400]";
      return false;
    }
    waiting_real_ = list;
    wait_real_deadline_ = std::chrono::steady_clock::now() + std::chrono::milliseconds(static_cast<long long>(timeout * 1000));
    wait_real_line_ = action.line;
    return true;
  }
  error = "action '" + verb + "' is not implemented";
  return false;
}

bool App::realConditionHolds(std::string& error) {
  const std::vector<std::string>& c = waiting_real_;
  const std::string& what = c[0];
  if (what == "state" || what == "exit") {
    if (c.size() != 3) {
      error = "wait-real " + what + ": expected NAME VALUE";
      return false;
    }
    const int found = real_.children.find(c[1]);
    if (found < 0) return false;
    const ChildRow& row = real_.children.rows()[static_cast<std::size_t>(found)];
    if (what == "state") return row.info && std::string(1, row.info->state) == c[2];
    return row.exitcode && std::to_string(*row.exitcode) == c[2];
  }
  if (what == "log") {
    std::string text;
    for (std::size_t i = 1; i < c.size(); ++i) text += (i > 1 ? " " : "") + c[i];
    for (const std::string& line : real_.log)
      if (line.find(text) != std::string::npos) return true;
    return false;
  }
  if (what == "demo" && c.size() == 2) {
    const ExperimentResult result = real_.experiments.result(c[1]);
    return result.done;
  }
  if (what == "replay") {
    const ReplayStatus status = real_.replay.status();
    return status != ReplayStatus::Running && status != ReplayStatus::Idle;
  }
  if (what == "reaped") {  // every child joined
    for (const ChildRow& row : real_.children.rows())
      if (!row.joined) return false;
    return true;
  }
  error = "wait-real: unknown condition '" + what + "'";
  return false;
}

}  // namespace gui
