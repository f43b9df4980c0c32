// procsim: the headless face of the simulator.
#include "commands.hpp"

int main(int argc, char** argv) { return cli::runProcsim(argc, argv); }
