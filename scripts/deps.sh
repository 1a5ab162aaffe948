#!/usr/bin/env bash
# Installs, with apt-get, the Debian 12 packages notegraph builds and tests
# with, when any is missing. Sourced by scripts/run and scripts/test.
set -euo pipefail

NG_PACKAGES=(
  build-essential cmake ninja-build pkg-config
  libboost-dev rapidjson-dev libexpat1-dev libgraphviz-dev libcli11-dev libfmt-dev libutf8proc-dev libre2-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  raptor2-utils serdi cmark libcmark-dev libmd4c-dev libmd4c-html0-dev time
  graphviz fonts-noto-cjk nodejs libxml2-utils python3
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
  ng_install_peers
}

# The exporter tests' node peers (jsonld.js, rdf-canonize), pinned by
# tests/exporters/peers/package-lock.json, into tests/exporters/peers/node_modules.
ng_install_peers() {
  local peers
  peers="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/tests/exporters/peers"
  # A nodejs that bundles npm needs nothing more; Debian's own nodejs needs its npm package.
  command -v npm >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends npm
  [ -d "$peers/node_modules/jsonld" ] && [ -d "$peers/node_modules/rdf-canonize" ] && return 0
  echo "notegraph: installing the exporter test peers (npm ci)"
  npm ci --prefix "$peers" --no-audit --no-fund --loglevel=error
}

# Oxigraph, the SPARQL peer of the cross-engine test and of scripts/bench-query.sh,
# pinned by tests/crossengine/package-lock.json, into tests/crossengine/node_modules.
ng_install_query_peers() {
  local peers
  peers="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/tests/crossengine"
  command -v npm >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends npm
  [ -d "$peers/node_modules/oxigraph" ] && return 0
  echo "notegraph: installing the query test peer (npm ci: oxigraph)"
  npm ci --prefix "$peers" --no-audit --no-fund --loglevel=error
}
