#!/usr/bin/env bash
# Installs procsim into a temporary prefix, builds a tiny consumer project
# against it with find_package(procsim), and runs it.
set -euo pipefail
build_dir=$1
source_dir=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cmake --install "$build_dir" --prefix "$work/prefix" >/dev/null
test -x "$work/prefix/bin/procsim"
test -f "$work/prefix/include/procsim/sim/engine.hpp"
cmake -S "$source_dir/tests/install/consumer" -B "$work/build" -DCMAKE_PREFIX_PATH="$work/prefix" >/dev/null
cmake --build "$work/build" >/dev/null
"$work/build/consumer"
"$work/prefix/bin/procsim" check "$work/prefix/share/procsim/scenarios/fcfs-convoy.json"
