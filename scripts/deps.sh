#!/usr/bin/env bash
# Installs, with apt-get, the Debian 12 packages notegraph builds and tests
# with, when any is missing. Sourced by scripts/run and scripts/test.
set -euo pipefail

NG_PACKAGES=(
  build-essential cmake ninja-build pkg-config
  libboost-dev rapidjson-dev libexpat1-dev libgraphviz-dev libcli11-dev libfmt-dev libutf8proc-dev libre2-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  raptor2-utils serdi cmark libcmark-dev libmd4c-dev libmd4c-html0-dev time
)

ng_install_deps() {
  local missing=()
  for p in "${NG_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if ((${#missing[@]})); then
    echo "notegraph: installing ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
}
