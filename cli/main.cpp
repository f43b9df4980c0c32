// procsim: the headless face of the simulator.
#include <cstdio>
#include <exception>
#include <iostream>

#include "commands.hpp"
#include "output_file.hpp"

int main(int argc, char** argv) {
  CLI::App app{"procsim: watch an operating system run many processes at once.\n"
               "Simulate scheduling policies on N cores, export traces, compare policies."};
  app.require_subcommand(1);
  app.set_version_flag("--version", "procsim 0.1.0");
  int status = cli::kExitOk;
  cli::addRunCommand(app, status);
  cli::addCompareCommand(app, status);
  cli::addGenCommand(app, status);
  cli::addValidateCommand(app, status);
  cli::addCheckCommand(app, status);
  cli::addRealCommand(app, status);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    const int code = app.exit(error);
    if (!cli::finishStandardOutput()) return cli::kExitFailure;
    return code == 0 ? cli::kExitOk : cli::kExitBadInput;
  } catch (const std::exception& error) {
    std::cerr << "procsim: internal error: " << error.what() << "\n";
    return cli::kExitFailure;
  }
  // Every command's output ends here: a write error is never silent.
  if (!cli::finishStandardOutput() && status == cli::kExitOk) status = cli::kExitFailure;
  return status;
}
