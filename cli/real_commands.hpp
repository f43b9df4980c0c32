// cli/real_commands.hpp: the subcommands of `procsim real`, each in its own
// file (real_serve.cpp, real_client.cpp, real_spawn.cpp, real_ps_watch.cpp,
// real_demo.cpp). Each adds itself under `real` and sets `status`.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

namespace cli {

void addRealServeCommand(CLI::App& real, int& status);
void addRealClientCommand(CLI::App& real, int& status);
void addRealSpawnCommand(CLI::App& real, int& status);
void addRealPsCommand(CLI::App& real, int& status);
void addRealWatchCommand(CLI::App& real, int& status);
void addRealDemoCommand(CLI::App& real, int& status);
void addRealReplayCommand(CLI::App& real, int& status);  // real_replay.cpp
void addRealChildCommand(CLI::App& real, int& status);   // real_child.cpp, hidden: procsim-gui's children

// Validators shared by the real subcommands: a port 0..65535, an IPv4
// host, a positive pid.
CLI::Validator realPortValidator();
CLI::Validator realHostValidator();
CLI::Validator realPidValidator();

}  // namespace cli
