#!/usr/bin/env bash
# `make run`: the GUI on the default scenario; where no display can be
# opened, the CLI's run of the same scenario in the terminal.
set -uo pipefail
build=${1:-build}
scenario="$(dirname "$0")/../assets/scenarios/default.json"
gui="$build/gui/procsim-gui"
if [ -x "$gui" ]; then
  "$gui" --scenario "$scenario"
  status=$?
  # 3: procsim-gui could not open a display (see docs/gui.md).
  [ "$status" -ne 3 ] && exit "$status"
  echo "make run: no display; showing the same scenario in the terminal instead" >&2
fi
exec "$build/cli/procsim" run "$scenario"
