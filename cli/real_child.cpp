// procsim real child KIND -- WORDS...: hidden. The bodies of the children
// procsim-gui starts. The GUI has threads, so it never runs C++ in a forked
// child (real/process.hpp, the rule); it execs this command instead:
//   sleep|burn|alternate|subclass SECONDS   the Children tab's built-in kinds
//   client tcp|udp HOST PORT MESSAGES TEXT  one client of the Servers tab
//                                           (MESSAGES 0: one exchange of TEXT)
//   replay-worker WORDS...                  one worker of a replay (real/replay.hpp)
#include <time.h>

#include <charconv>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>
#include <thread>

#include "commands.hpp"
#include "option_ranges.hpp"
#include "real/endpoint.hpp"
#include "real/load_client.hpp"
#include "real/replay.hpp"
#include "real_commands.hpp"

namespace cli {

namespace {

double cpuSeconds() {
  timespec now{};
  ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9;
}

// Busy work until this process has used `seconds` more of CPU time.
void burnCpu(double seconds) {
  const double until = cpuSeconds() + seconds;
  volatile unsigned long sink = 0;
  while (cpuSeconds() < until)
    for (int i = 0; i < 20000; ++i) sink = sink + static_cast<unsigned long>(i);
}

void sleepSeconds(double seconds) { std::this_thread::sleep_for(std::chrono::duration<double>(seconds)); }

// 0.2 s of CPU, 0.2 s asleep, until `seconds` of wall time have passed.
void alternate(double seconds) {
  const auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (std::chrono::steady_clock::now() < end) {
    burnCpu(0.2);
    sleepSeconds(0.2);
  }
}

std::string fixed(double value, int digits) {
  char text[64];
  std::snprintf(text, sizeof text, "%.*f", digits, value);
  return text;
}

// One exchange, or a checked load run over one connection; one line out.
int runClient(real::Transport transport, const real::Endpoint& server, long messages, const std::string& message) {
  try {
    if (messages <= 0) {
      const auto start = std::chrono::steady_clock::now();
      const std::string reply = real::exchange_once(transport, server, message, std::chrono::seconds(3));
      const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
      std::cout << "sent \"" << message << "\", reply \"" << reply << "\" in " << fixed(ms, 2) << " ms\n";
      return kExitOk;
    }
    real::LoadOptions load;
    load.transport = transport;
    load.server = server;
    load.connections = 1;
    load.messages = messages;
    load.reply_timeout = std::chrono::milliseconds(2000);
    const real::LoadReport result = real::run_load(load);
    std::cout << result.messages << " messages, " << result.errors << " errors, " << fixed(result.rate, 0) << " msg/s, p50 "
              << fixed(result.p50_us, 0) << " us, p99 " << fixed(result.p99_us, 0) << " us\n";
    return result.errors == 0 ? kExitOk : kExitFailure;
  } catch (const std::exception& e) {
    std::cout << "error: " << e.what() << "\n";
    return kExitFailure;
  }
}

int badWords(const std::string& kind, const std::string& what) {
  std::cerr << "procsim: real child " << kind << ": " << what << "\n";
  return kExitBadInput;
}

bool parseNumber(const std::string& text, double& value) {
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return !text.empty() && error == std::errc() && end == text.data() + text.size();
}

int client(const std::vector<std::string>& words) {
  if (words.size() != 5) return badWords("client", "expected tcp|udp HOST PORT MESSAGES TEXT");
  if (words[0] != "tcp" && words[0] != "udp") return badWords("client", "the protocol must be tcp or udp");
  const auto port = real::parse_port(words[2]);
  double messages = -1;
  if (!real::is_valid_host(words[1]) || !port || *port == 0) return badWords("client", "bad HOST or PORT");
  if (!parseNumber(words[3], messages) || !(messages >= 0 && messages <= 1'000'000) || messages != static_cast<long>(messages))
    return badWords("client", "MESSAGES must be a whole number from 0 to 1000000");
  return runClient(words[0] == "tcp" ? real::Transport::Tcp : real::Transport::Udp, real::Endpoint{words[1], *port},
                   static_cast<long>(messages), words[4]);
}

int child(const std::string& kind, const std::vector<std::string>& words) {
  if (kind == "client") return client(words);
  if (kind == "replay-worker") {
    std::string error;
    const int status = real::runReplayWorker(words, error);
    if (status == kExitBadInput) return badWords(kind, error);
    return status;
  }
  double seconds = -1;
  if (words.size() != 1 || !parseNumber(words[0], seconds) || !(seconds >= 0 && seconds <= 3600))
    return badWords(kind, "expected SECONDS from 0 to 3600");
  if (kind == "burn") {
    burnCpu(seconds);
  } else if (kind == "alternate") {
    alternate(seconds);
  } else {
    sleepSeconds(seconds);  // sleep, and subclass (the source's Myprocess(3) sleeps)
  }
  return kExitOk;
}

}  // namespace

void addRealChildCommand(CLI::App& real, int& status) {
  auto kind = std::make_shared<std::string>();
  auto words = std::make_shared<std::vector<std::string>>();
  CLI::App* cmd = real.add_subcommand("child", "The body of a child started by procsim-gui (not for direct use)");
  cmd->group("");  // hidden from --help
  cmd->add_option("KIND", *kind, "sleep, burn, alternate, subclass, client or replay-worker")
      ->required()
      ->check(CLI::IsMember({"sleep", "burn", "alternate", "subclass", "client", "replay-worker"}));
  cmd->add_option("WORDS", *words, "The kind's arguments, after --");
  refuseUnknownOptions(*cmd);
  cmd->callback([kind, words, &status] { status = child(*kind, *words); });
}

}  // namespace cli
