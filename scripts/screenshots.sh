#!/usr/bin/env bash
# Regenerates the GUI screenshots in docs/images/ from the default scenario,
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
SCRIPT
xvfb-run -a -s "-screen 0 1920x1080x24" "$gui" --scenario "$root/assets/scenarios/default.json" \
  --size 1280x720 --lang en --script "$work/shots.txt"
ls -1 "$out"/gui-*.png
