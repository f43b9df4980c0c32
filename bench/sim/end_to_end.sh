#!/bin/sh
# The issue's end-to-end check, in one run: `procsim run FILE --metrics-only
# --format json` on PROCESSES generated processes against a bare binary
# heap (heap_hold) doing as many push+pop pairs as the run has transitions,
# on a heap of one event per process. Both are whole programs, timed by wall
# clock and interleaved ROUNDS times; the medians and their ratio are
# printed. Usage: bench/sim/end_to_end.sh [BUILD_DIR] [PROCESSES] [ROUNDS]
set -eu
build=${1:-build}
processes=${2:-200000}
rounds=${3:-3}
procsim=$build/cli/procsim
heap=$build/bench/sim/heap_hold
for tool in "$procsim" "$heap"; do
  [ -x "$tool" ] || { echo "end_to_end.sh: $tool is missing; build the targets procsim and heap_hold" >&2; exit 2; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$procsim" gen --processes "$processes" --seed 1 > "$work/scenario.json"
"$procsim" run "$work/scenario.json" --metrics-only --format json > "$work/metrics.json"
# The sum of the "transitions" object's counts.
transitions=$(awk '/"transitions": \{/ {inside=1; next} inside && /\}/ {inside=0} inside {gsub(/[^0-9]/, "", $2); sum += $2} END {print sum}' "$work/metrics.json")

seconds() {  # wall seconds of one run of the command, output discarded
  start=$(date +%s.%N)
  "$@" > /dev/null
  end=$(date +%s.%N)
  awk -v a="$start" -v b="$end" 'BEGIN {printf "%.4f\n", b - a}' 
}
median() { sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }

i=0
while [ "$i" -lt "$rounds" ]; do
  seconds "$procsim" run "$work/scenario.json" --metrics-only --format json >> "$work/run.txt"
  seconds "$heap" "$transitions" "$processes" >> "$work/heap.txt"
  i=$((i + 1))
done
run=$(median < "$work/run.txt")
hold=$(median < "$work/heap.txt")
printf 'processes %s, transitions %s, rounds %s\n' "$processes" "$transitions" "$rounds"
printf 'procsim run --metrics-only --format json: %.3f s (median; all: %s)\n' "$run" "$(tr '\n' ' ' < "$work/run.txt")"
printf 'heap_hold %s push+pop on %s events:      %.3f s (median; all: %s)\n' "$transitions" "$processes" "$hold" "$(tr '\n' ' ' < "$work/heap.txt")"
awk -v a="$run" -v b="$hold" 'BEGIN {printf "ratio %.2f (target <= 2)\n", a / b}' 
