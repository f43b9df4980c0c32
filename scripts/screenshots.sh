#!/usr/bin/env bash
# Regenerates the GUI screenshots in docs/images/ from the default scenario
# (and of the Real panel, which starts real processes on this machine),
# through the real window under Xvfb. Usage: scripts/screenshots.sh [BUILD_DIR]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$root/build}"
gui="$build/gui/procsim-gui"
[ -x "$gui" ] || { echo "screenshots: $gui not built (cmake --build $build --target procsim-gui)"; exit 2; }
out="$root/docs/images"
mkdir -p "$out"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cat > "$work/shots.txt" <<SCRIPT
# Tick 3: task1 blocks on IO and task5 takes its core (the source lesson's example).
seek 3
screenshot $out/gui-tick3-en.png
lang zh
screenshot $out/gui-tick3-zh.png
lang en
seek 6
panel events
screenshot $out/gui-tick6-events.png
policy rr
quantum 2
panel compare
compare
screenshot $out/gui-rr-quantum2-compare.png
panel scenario
screenshot $out/gui-editor.png
# The scheduler zoo: an idle core steals (a migration link), a fair
# policy's queue with its virtual times, lottery tickets, and a sweep.
panel processes
load $root/assets/scenarios/per-core-steal.json
seek 4
zoom 0 8
screenshot $out/gui-zoo-steal.png
load $root/assets/scenarios/lottery-vs-stride.json
seek 20
screenshot $out/gui-zoo-lottery.png
load $root/assets/scenarios/cfs-nice.json
policy eevdf
seek 7
lang zh
screenshot $out/gui-zoo-eevdf-zh.png
lang en
load $root/assets/scenarios/rr.json
panel compare
sweep quantum 1 12
screenshot $out/gui-compare-sweep.png
SCRIPT
xvfb-run -a -s "-screen 0 1920x1080x24" "$gui" --scenario "$root/assets/scenarios/default.json" \
  --size 1280x720 --lang en --script "$work/shots.txt"

# The Real panel: real children, servers and clients, an experiment, and the
# default scenario run for real (docs/gui.md, "The Real panel").
cat > "$work/real.txt" <<SCRIPT
real.spawn sleep 30 name=sleeper
real.spawn burn 30 name=burner
real.spawn alternate 30 name=mixed
real.spawn subclass 30 name=subclass
real.spawn command sleep 30 name=command daemon=on
real.spawn sleep 1 name=short
wait-real state sleeper S
frames 40
real.stop subclass
frames 40
real.terminate sleeper
wait-real state sleeper Z
frames 60
real.join short 2000
wait-real exit short 0
frames 20
screenshot $out/gui-real-children-en.png
lang zh
screenshot $out/gui-real-children-zh.png
lang en
real.serve tcp
real.serve udp
real.client 2 message=hello procsim
real.client 1 server=2 message=over udp
real.client 2 load=20000
wait-real log over udp
wait-real log 20000 messages
frames 10
screenshot $out/gui-real-servers.png
real.demo join
wait-real demo join
frames 5
screenshot $out/gui-real-experiments-en.png
real.demo zombie
wait-real demo zombie
lang zh
frames 5
screenshot $out/gui-real-experiments-zh.png
lang en
real.replay tick_ms=20
wait-real replay timeout=60
frames 5
screenshot $out/gui-real-replay-en.png
lang zh
screenshot $out/gui-real-replay-zh.png
SCRIPT
xvfb-run -a -s "-screen 0 1920x1080x24" "$gui" --scenario "$root/assets/scenarios/default.json" \
  --size 1280x720 --lang en --script "$work/real.txt"
ls -1 "$out"/gui-*.png
