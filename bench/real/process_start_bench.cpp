// real_process_start: start + join of COUNT children with real::Process, in
// a process that does nothing else (like the C floors it is compared with).
// Prints the mean time per child in ms.
// Usage: real_process_start callable COUNT | command COUNT PROGRAM
//        real_process_start bare COUNT       (fork + _exit + waitpid, no library:
//                                             what a C++ program pays before any)
//        real_process_start sigreset COUNT   (only the child's 64-handler reset,
//                                             run COUNT times in this process)
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "real/process.hpp"

int main(int argc, char** argv) {
  if (argc < 3) return 2;
  const std::string form = argv[1];
  const int count = std::atoi(argv[2]);
  if (count <= 0 || (form == "command" && argc < 4)) return 2;
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < count; ++i) {
    if (form == "bare") {
      const pid_t pid = ::fork();
      if (pid == 0) ::_exit(0);
      ::waitpid(pid, nullptr, 0);
      continue;
    }
    if (form == "sigreset") {
      struct sigaction default_action {};
      default_action.sa_handler = SIG_DFL;
      for (int signal_number = 1; signal_number < NSIG; ++signal_number) ::sigaction(signal_number, &default_action, nullptr);
      continue;
    }
    std::unique_ptr<real::Process> process =
        form == "command" ? real::Process::command({argv[3]}) : std::make_unique<real::Process>([] {});
    process->start();
    process->join();
  }
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count() / count;
  std::printf("%.4f\n", ms);
  return 0;
}
