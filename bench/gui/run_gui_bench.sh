#!/usr/bin/env bash
# Frame-build CPU time of procsim-gui on a trace of at least a million
# transitions, fully zoomed out and zoomed in, at 1280x720 under Xvfb.
# Usage: bench/gui/run_gui_bench.sh [BUILD_DIR] [FRAMES]
set -euo pipefail
build="${1:-build}"
frames="${2:-300}"
gui="$build/gui/procsim-gui"
maker="$build/bench/gui/make_bench_scenario"
for f in "$gui" "$maker" "$build/bench/gui/session_seek_bench"; do
  [ -x "$f" ] || { echo "run_gui_bench: $f not built (cmake --build $build --target benchmarks)"; exit 2; }
done
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$maker" "$work/million.json" --transitions 1000000
"$maker" "$work/table.json" --processes 100000
printf 'seek 1000000000\nzoom-all\nframes 2\n' > "$work/out.txt"
printf 'seek 1000000000\nzoom 100000 100200\nframes 2\n' > "$work/in.txt"
printf 'seek 1000000000\nzoom 0 2000000\npanel events\nframes 2\n' > "$work/events.txt"
printf 'seek 50000\nspeed 1000\nkey Space\n' > "$work/playing.txt"
printf 'seek 50000\npanel processes\nspeed 1000\nkey Space\n' > "$work/table_playing.txt"
run() {
  xvfb-run -a -s "-screen 0 1920x1080x24" "$gui" --scenario "$work/$1.json" --size 1280x720 \
    --script "$work/$2.txt" --bench-frames "$frames"
}
echo "1M transitions, zoomed out (whole run):   $(run million out)"
echo "1M transitions, zoomed in (200 ticks):    $(run million in)"
echo "1M transitions, event log panel open:     $(run million events)"
echo "1M transitions, playing at 1000 ticks/s:  $(run million playing)"
echo "100k processes, table open, playing:      $(run table table_playing)"

# Scrubbing: the CPU time of moving the cursor to random ticks (no window).
echo "1M transitions, scrubbing:  $("$build/bench/gui/session_seek_bench" "$work/million.json" 500)"
