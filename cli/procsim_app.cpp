#include <cstdio>
#include <exception>
#include <iostream>

#include "commands.hpp"
#include "output_file.hpp"

namespace cli {

int runProcsim(int argc, char** argv) {
  CLI::App app{"procsim: watch an operating system run many processes at once.\n"
               "Simulate scheduling policies on N cores, export traces, compare policies."};
  app.require_subcommand(1);
  app.set_version_flag("--version", "procsim 0.1.0");
  int status = kExitOk;
  addRunCommand(app, status);
  addCompareCommand(app, status);
  addPoliciesCommand(app, status);
  addSweepCommand(app, status);
  addGenCommand(app, status);
  addValidateCommand(app, status);
  addCheckCommand(app, status);
  addRealCommand(app, status);
  addOstepCommand(app, status);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    const int code = app.exit(error);
    if (!finishStandardOutput()) return kExitFailure;
    return code == 0 ? kExitOk : kExitBadInput;
  } catch (const std::exception& error) {
    std::cerr << "procsim: internal error: " << error.what() << "\n";
    return kExitFailure;
  }
  // Every command's output ends here: a write error is never silent.
  if (!finishStandardOutput() && status == kExitOk) status = kExitFailure;
  return status;
}

}  // namespace cli
