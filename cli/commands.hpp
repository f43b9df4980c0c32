// cli/commands.hpp: each subcommand of `procsim` registers itself here.
// A command's callback returns the process exit status: 0 success,
// 1 internal failure or failed check, 2 bad input.
#pragma once

#include <CLI/CLI.hpp>

namespace cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitBadInput = 2;

// Each add*Command adds a subcommand to `app` and sets `status` when it runs.
void addRunCommand(CLI::App& app, int& status);
void addCompareCommand(CLI::App& app, int& status);
void addPoliciesCommand(CLI::App& app, int& status);
void addSweepCommand(CLI::App& app, int& status);
void addGenCommand(CLI::App& app, int& status);
void addValidateCommand(CLI::App& app, int& status);
void addCheckCommand(CLI::App& app, int& status);
void addRealCommand(CLI::App& app, int& status);
void addOstepCommand(CLI::App& app, int& status);

// The whole command line: parses `argv`, runs the subcommand and returns
// the exit status. procsim's main() is this call; a test binary may
// register policies of its own before it.
int runProcsim(int argc, char** argv);

}  // namespace cli
