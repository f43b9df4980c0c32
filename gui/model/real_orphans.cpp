#include "model/real_orphans.hpp"

#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

namespace gui {

void adoptOrphans() { ::prctl(PR_SET_CHILD_SUBREAPER, 1); }

std::vector<pid_t> currentChildren() {
  std::vector<pid_t> found;
  const std::string me = std::to_string(::getpid());
  std::error_code ignored;
  for (const auto& entry : std::filesystem::directory_iterator("/proc", ignored)) {
    const std::string name = entry.path().filename().string();
    if (name.empty() || name.find_first_not_of("0123456789") != std::string::npos) continue;
    std::ifstream stat(entry.path() / "stat");
    std::string text;
    if (!std::getline(stat, text)) continue;
    const auto close = text.rfind(')');
    if (close == std::string::npos || close + 2 >= text.size()) continue;
    std::istringstream fields(text.substr(close + 2));
    std::string state, ppid;
    fields >> state >> ppid;
    if (ppid == me) found.push_back(static_cast<pid_t>(std::stol(name)));
  }
  return found;
}

int endAdoptedOrphans(std::chrono::milliseconds grace) {
  int ended = 0;
  // Killing one may hand us its own children: repeat a few rounds.
  for (int round = 0; round < 8; ++round) {
    std::vector<pid_t> orphans = currentChildren();
    if (orphans.empty()) break;
    // An unreaped child cannot be recycled, so these signals reach only it.
    for (const pid_t pid : orphans) ::kill(pid, SIGTERM);
    for (const pid_t pid : orphans) ::kill(pid, SIGCONT);
    const auto deadline = std::chrono::steady_clock::now() + grace;
    std::vector<pid_t> left = orphans;
    while (!left.empty() && std::chrono::steady_clock::now() < deadline) {
      std::erase_if(left, [](pid_t pid) { return ::waitpid(pid, nullptr, WNOHANG) != 0; });
      if (!left.empty()) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    for (const pid_t pid : left) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, nullptr, 0);
    }
    ended += static_cast<int>(orphans.size());
    grace = std::chrono::milliseconds(200);
  }
  return ended;
}

}  // namespace gui
