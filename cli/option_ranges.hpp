// cli/option_ranges.hpp: the range of every numeric option. A value outside
// its range, NaN and infinity are refused while parsing (exit 2, with a
// message naming the option); docs/cli.md lists every range.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

namespace cli {

// A real number in [min, max]; NaN and infinity are outside every range.
CLI::Validator finiteRange(double min, double max);
// A whole number in [min, max] (no fraction, no exponent).
CLI::Validator wholeRange(long long min, long long max);

// Refuses any word the subcommand did not define (an unknown --option or a
// stray argument) and, for `real`'s subcommands, stops extras from passing
// up to `real`. Call after the subcommand's options are added.
void refuseUnknownOptions(CLI::App& command);

// Limits of `real serve` that follow the machine's resource limits.
int maxServeWorkers();      // min(1024, RLIMIT_NPROC soft limit)
int maxServeConnections();  // RLIMIT_NOFILE soft limit minus 64 descriptors kept free, at least 1

}  // namespace cli
