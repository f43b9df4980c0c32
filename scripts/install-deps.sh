#!/usr/bin/env bash
# Installs the Debian 12 packages procsim needs to build, test and run.
# Idempotent: runs apt-get only for packages that are missing.
set -euo pipefail

packages=(
  cmake g++ clang make pkg-config python3
  nlohmann-json3-dev libcli11-dev catch2 libbenchmark-dev
  libimgui-dev libglfw3-dev libstb-dev khronos-api
  xvfb xauth libgl1-mesa-dri fonts-wqy-microhei fonts-dejavu-core
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  sudo_cmd=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -q
"${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
