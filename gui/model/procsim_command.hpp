// gui/model/procsim_command.hpp: where procsim-gui finds the procsim
// command. The GUI has threads, so it never runs C++ in a forked child
// (real/process.hpp, the rule): every child it starts is an exec'd program,
// its built-in ones `procsim real child KIND ...`.
#pragma once

#include <string>
#include <vector>

namespace gui {

// The procsim executable: next to this program (/proc/self/exe's folder,
// as installed), else the one this build made. Throws std::runtime_error
// with a message for the window when neither exists.
std::string procsimExecutable();

// {procsim, "real", "child", kind, "--"}: append the kind's words.
std::vector<std::string> procsimChildCommand(const std::string& kind);

}  // namespace gui
