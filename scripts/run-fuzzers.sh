#!/usr/bin/env bash
# Runs every libFuzzer target built in BUILD_DIR (make fuzz) for SECONDS
# each, starting from the seeds: the presets and fuzz/seeds/scenario for
# the scenario reader, fuzz/seeds/* for the others (fuzz/seeds/cli: one
# argument per line). A crash, a leak or a timeout fails the run and leaves
# the input in BUILD_DIR/fuzz-artifacts/.
set -euo pipefail
build=${1:?usage: run-fuzzers.sh BUILD_DIR SECONDS}
seconds=${2:?usage: run-fuzzers.sh BUILD_DIR SECONDS}
root="$(cd "$(dirname "$0")/.." && pwd)"
artifacts="$build/fuzz-artifacts"
mkdir -p "$artifacts"

run() {
  local name=$1
  shift
  local corpus="$build/fuzz-corpus/$name"
  mkdir -p "$corpus"
  echo "fuzz: $name for ${seconds} s"
  "$build/fuzz/$name" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -print_final_stats=1 -artifact_prefix="$artifacts/$name-" "$corpus" "$@" 2>"$build/fuzz-$name.log" ||
    { tail -40 "$build/fuzz-$name.log"; echo "fuzz: $name failed; the input is in $artifacts" >&2; exit 1; }
  grep -E '^stat::number_of_executed_units' "$build/fuzz-$name.log" || true
}

run fuzz_scenario_reader "$root/assets/scenarios" "$root/fuzz/seeds/scenario"
run fuzz_burst_text "$root/fuzz/seeds/burst_text"
if [ -x "$build/fuzz/fuzz_gui_script" ]; then
  run fuzz_gui_script "$root/fuzz/seeds/gui_script"
fi
# The command line runs each input in a directory under TMPDIR that it
# removes; one it could not remove (after a crash) stays in the build tree.
mkdir -p "$build/fuzz-tmp"
TMPDIR="$build/fuzz-tmp" run fuzz_cli_args "$root/fuzz/seeds/cli"
