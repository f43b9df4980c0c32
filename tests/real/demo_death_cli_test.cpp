// `procsim real demo`: every child a demo starts dies with procsim, even
// when procsim is killed by SIGKILL in the middle of the demo
// (PR_SET_PDEATHSIG, as for `real spawn` and the replay's workers).
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <set>
#include <vector>

#include "command_runner.hpp"
#include "test_support.hpp"

using namespace std::chrono_literals;
using real_test::BackgroundProcsim;
using real_test::childrenOf;

TEST_CASE("real demo's children die with procsim when it is killed by SIGKILL in the middle of a demo",
          "[real][cli][demo]") {
  // procsim -> the demo's parent -> a daemon child (sleeps 10 s) and a plain
  // one (0.2 s). A fork announces nothing to the grandparent: the three are
  // found in /proc, polled every millisecond for at most 10 s.
  BackgroundProcsim demo({"real", "demo", "daemon"});
  pid_t parent = 0;
  std::set<pid_t> grandchildren;
  const bool found = real_test::waitUntil(
      [&] {
        const std::set<pid_t> children = childrenOf(demo.pid());
        if (children.size() != 1) return false;
        parent = *children.begin();
        grandchildren = childrenOf(parent);
        return grandchildren.size() == 2;
      },
      10s);
  REQUIRE(found);
  // Taken while procsim is alive and nothing is reaped: each pidfd names its
  // process for good.
  std::vector<int> pidfds;
  for (const pid_t pid : {parent, *grandchildren.begin(), *grandchildren.rbegin()}) {
    const int pidfd = static_cast<int>(::syscall(SYS_pidfd_open, pid, 0));
    REQUIRE(pidfd >= 0);
    pidfds.push_back(pidfd);
  }
  // Frozen, the demo's parent cannot end its daemon child by itself any more
  // (as in the middle of a long step): only the death signal ends them.
  ::kill(parent, SIGSTOP);
  CHECK(demo.stop(SIGKILL) == 128 + SIGKILL);
  for (const int pidfd : pidfds) {
    const bool ended = real_test::endsWithin(pidfd, 5s);
    if (!ended) ::syscall(SYS_pidfd_send_signal, pidfd, SIGKILL, nullptr, 0);
    CHECK(ended);
    ::close(pidfd);
  }
}
