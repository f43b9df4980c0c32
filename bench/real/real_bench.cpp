// real_bench: the real layer against its two references, in the same run on
// the same machine (docs/performance.md, "Real layer"):
//   - TCP echo:  minimal C thread-per-connection server | procsim real serve tcp | Python ThreadingTCPServer
//   - UDP echo:  minimal C recvfrom/sendto server       | procsim real serve udp | Python ThreadingUDPServer
//   - start + join of a child that exits at once:
//                fork/_exit/waitpid in C | real::Process(callable) | multiprocessing.Process (fork)
//                posix_spawn+waitpid in C | real::Process::command
//                (each a separate small program: real_process_start for ours)
// The load generator is real::run_load: C++ threads, request/response, every
// reply checked. Servers run as separate processes; both cores are shared
// between client and server.
//
// Usage: real_bench [--messages N] [--connections C] [--rounds R] [--children K] [--only tcp|udp|process]
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "real/endpoint.hpp"
#include "real/load_client.hpp"
#include "real/process.hpp"

namespace {


struct Settings {
  long messages = 20000;  // per connection
  int connections = 8;
  int rounds = 3;
  int children = 2000;
  std::string only;
};

std::uint16_t freePort(int type) {
  const int fd = ::socket(AF_INET, type | SOCK_CLOEXEC, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  socklen_t length = sizeof address;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  ::close(fd);
  return ntohs(address.sin_port);
}

struct Server {
  std::string label;
  std::vector<std::string> argv;  // "{port}" is replaced by the port
};

struct Sample {
  double rate = 0;
  double p50 = 0;
  double p99 = 0;
  long errors = 0;
};

// Starts the server, waits until it answers, runs the load, stops it.
Sample measure(const Server& server, real::Transport transport, const Settings& settings) {
  const std::uint16_t port = freePort(transport == real::Transport::Tcp ? SOCK_STREAM : SOCK_DGRAM);
  std::vector<std::string> argv = server.argv;
  for (std::string& arg : argv) {
    if (arg == "{port}") arg = std::to_string(port);
  }
  auto process = real::Process::command(argv, server.label);
  process->start();
  const real::Endpoint endpoint{"127.0.0.1", port};
  bool up = false;
  for (int attempt = 0; attempt < 500 && !up; ++attempt) {
    try {
      up = real::exchange_once(transport, endpoint, "ready?", std::chrono::milliseconds(100)) == "READY?";
    } catch (const std::exception&) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }
  Sample sample;
  if (up) {
    real::LoadOptions load;
    load.transport = transport;
    load.server = endpoint;
    load.connections = settings.connections;
    load.messages = settings.messages / 10;
    real::run_load(load);  // warm-up
    load.messages = settings.messages;
    const real::LoadReport report = real::run_load(load);
    sample = {report.rate, report.p50_us, report.p99_us, report.errors};
  } else {
    sample.errors = -1;
  }
  process->terminate();
  if (!process->join(std::chrono::seconds(5))) {
    process->kill();
    process->join();
  }
  return sample;
}

void benchServers(real::Transport transport, const std::vector<Server>& servers, const Settings& settings) {
  std::vector<std::vector<Sample>> samples(servers.size());
  // Rounds interleave the servers, so slow drift in the machine's load hits
  // all of them alike.
  for (int round = 0; round < settings.rounds; ++round) {
    for (std::size_t i = 0; i < servers.size(); ++i) samples[i].push_back(measure(servers[i], transport, settings));
  }
  std::printf("\n%s echo, %d connections x %ld messages of 32 bytes, median of %d rounds\n\n",
              std::string(real::name(transport)).c_str(), settings.connections, settings.messages, settings.rounds);
  std::printf("| server | msg/s | p50 us | p99 us | errors | vs floor |\n|---|---:|---:|---:|---:|---:|\n");
  double floor = 0;
  for (std::size_t i = 0; i < servers.size(); ++i) {
    auto& rounds = samples[i];
    std::sort(rounds.begin(), rounds.end(), [](const Sample& a, const Sample& b) { return a.rate < b.rate; });
    const Sample& median = rounds[rounds.size() / 2];
    long errors = 0;
    for (const Sample& s : rounds) errors += s.errors;
    if (i == 0) floor = median.rate;
    std::printf("| %s | %.0f | %.1f | %.1f | %ld | %.0f%% |\n", servers[i].label.c_str(), median.rate, median.p50,
                median.p99, errors, floor > 0 ? 100.0 * median.rate / floor : 0.0);
  }
  std::fflush(stdout);
}

double runForNumber(const std::vector<std::string>& argv) {
  std::string command;
  for (const std::string& arg : argv) command += "'" + arg + "' ";
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return -1;
  double value = -1;
  if (std::fscanf(pipe, "%lf", &value) != 1) value = -1;
  ::pclose(pipe);
  return value;
}

void benchProcesses(const Settings& settings) {
  const std::string n = std::to_string(settings.children);
  std::vector<double> fork_floor, bare, sigreset, callable, python, spawn_floor, command;
  // Each runs in a fresh process that does only this: fork's cost grows
  // with the parent's memory map, so all are measured from small processes.
  for (int round = 0; round < settings.rounds; ++round) {
    fork_floor.push_back(runForNumber({BENCH_DIR "/real_fork_floor", n}));
    bare.push_back(runForNumber({BENCH_DIR "/real_process_start", "bare", n}));
    sigreset.push_back(runForNumber({BENCH_DIR "/real_process_start", "sigreset", n}));
    callable.push_back(runForNumber({BENCH_DIR "/real_process_start", "callable", n}));
    python.push_back(runForNumber({"python3", SCRIPT_DIR "/process_start.py", std::to_string(settings.children / 4)}));
    spawn_floor.push_back(runForNumber({BENCH_DIR "/real_spawn_floor", n, "/bin/true"}));
    command.push_back(runForNumber({BENCH_DIR "/real_process_start", "command", n, "/bin/true"}));
  }
  auto median = [](std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
  };
  const double fork_ms = median(fork_floor);
  const double spawn_ms = median(spawn_floor);
  std::printf("\nstart + join of a child that exits at once, %d children, median of %d rounds\n\n", settings.children,
              settings.rounds);
  std::printf("| how | ms per child | vs its floor |\n|---|---:|---:|\n");
  std::printf("| C fork + _exit + waitpid (floor) | %.4f | 1.00x |\n", fork_ms);
  std::printf("| real::Process(callable) start + join | %.4f | %.2fx |\n", median(callable), median(callable) / fork_ms);
  std::printf("| (breakdown) bare fork + _exit + waitpid in the same C++ program | %.4f | %.2fx |\n", median(bare),
              median(bare) / fork_ms);
  std::printf("| (breakdown) the child's reset of 64 signal handlers alone | %.4f | |\n", median(sigreset));
  std::printf("| Python multiprocessing.Process (fork) | %.4f | %.2fx |\n", median(python), median(python) / fork_ms);
  std::printf("| C posix_spawn(/bin/true) + waitpid (floor) | %.4f | 1.00x |\n", spawn_ms);
  std::printf("| real::Process::command(/bin/true) start + join | %.4f | %.2fx |\n", median(command),
              median(command) / spawn_ms);
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  Settings settings;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    const std::string value = argv[i + 1];
    if (flag == "--messages") settings.messages = std::atol(value.c_str());
    else if (flag == "--connections") settings.connections = std::atoi(value.c_str());
    else if (flag == "--rounds") settings.rounds = std::max(1, std::atoi(value.c_str()));
    else if (flag == "--children") settings.children = std::max(4, std::atoi(value.c_str()));
    else if (flag == "--only") settings.only = value;
    else {
      std::fprintf(stderr, "real_bench: unknown option %s\n", flag.c_str());
      return 2;
    }
  }
  if (settings.only.empty() || settings.only == "tcp") {
    benchServers(real::Transport::Tcp,
                 {{"C thread per connection (floor)", {BENCH_DIR "/real_tcp_echo_floor", "{port}"}},
                  {"procsim real serve tcp", {PROCSIM_BINARY, "real", "serve", "tcp", "--port", "{port}"}},
                  {"Python ThreadingTCPServer", {"python3", SCRIPT_DIR "/tcp_echo.py", "{port}"}}},
                 settings);
  }
  if (settings.only.empty() || settings.only == "udp") {
    benchServers(real::Transport::Udp,
                 {{"C recvfrom/sendto (floor)", {BENCH_DIR "/real_udp_echo_floor", "{port}"}},
                  {"procsim real serve udp", {PROCSIM_BINARY, "real", "serve", "udp", "--port", "{port}"}},
                  {"Python ThreadingUDPServer", {"python3", SCRIPT_DIR "/udp_echo.py", "{port}"}}},
                 settings);
  }
  if (settings.only.empty() || settings.only == "process") benchProcesses(settings);
  return 0;
}
