#!/usr/bin/env bash
# Reruns generate.py into a temporary directory and compares its output byte
# for byte with the committed glad.h and glad.c.
# Usage: check_regenerates.sh [REGISTRY]   Exit: 0 same, 1 different, 77 skipped.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
registry="${1:-/usr/share/khronos-api/gl.xml}"
if [ ! -r "$registry" ]; then
  echo "skipped: $registry not found (install the Debian package khronos-api)"
  exit 77
fi
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
python3 "$here/generate.py" --registry "$registry" --out "$out"
status=0
for file in include/glad/glad.h src/glad.c; do
  if cmp "$here/$file" "$out/$file"; then
    echo "same: $file"
  else
    echo "differs: $file (rerun third_party/glad/generate.py and commit the result)"
    status=1
  fi
done
exit "$status"
