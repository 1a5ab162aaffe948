#!/usr/bin/env bash
# Installs, with apt-get, the Debian 12 packages notegraph builds and tests
# with, when any is missing. Sourced by scripts/run and scripts/test.
set -euo pipefail

NG_PACKAGES=(
  build-essential cmake ninja-build pkg-config
  libboost-dev rapidjson-dev libexpat1-dev libgraphviz-dev libcli11-dev libfmt-dev libutf8proc-dev libre2-dev libmimalloc-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  raptor2-utils serdi cmark libcmark-dev libmd4c-dev libmd4c-html0-dev time
  graphviz fonts-noto-cjk nodejs libxml2-utils python3
  clang-14 libclang-rt-14-dev
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

# A nodejs that bundles npm needs nothing more; Debian's own nodejs needs its
# npm package (not in NG_PACKAGES: it conflicts with a nodejs that bundles npm).
ng_ensure_npm() {
  command -v npm >/dev/null && return 0
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends npm
}

# The exporter tests' node peers (jsonld.js, rdf-canonize), pinned by
# tests/exporters/peers/package-lock.json, into tests/exporters/peers/node_modules.
ng_install_peers() {
  local peers
  peers="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/tests/exporters/peers"
  ng_ensure_npm
  [ -d "$peers/node_modules/jsonld" ] && [ -d "$peers/node_modules/rdf-canonize" ] && return 0
  echo "notegraph: installing the exporter test peers (npm ci)"
  npm ci --prefix "$peers" --no-audit --no-fund --loglevel=error
}

# Oxigraph, the SPARQL peer of the cross-engine test and of scripts/bench-query.sh,
# pinned by tests/crossengine/package-lock.json, into tests/crossengine/node_modules.
ng_install_query_peers() {
  local peers
  peers="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/tests/crossengine"
  ng_ensure_npm
  [ -d "$peers/node_modules/oxigraph" ] && return 0
  echo "notegraph: installing the query test peer (npm ci: oxigraph)"
  npm ci --prefix "$peers" --no-audit --no-fund --loglevel=error
}

# Virtuoso, the graph database scripts/virtuoso-check.sh bulk-loads our graph
# into (test virtuoso_check), and curl, which talks to its SPARQL endpoint.
# The dba-password question is preseeded empty so the install asks nothing
# (the package then disables its system daemon); the check starts its own
# virtuoso-t on a temporary database. A system daemon left running is stopped.
ng_install_virtuoso() {
  command -v virtuoso-t >/dev/null && command -v curl >/dev/null && return 0
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "notegraph: installing virtuoso-opensource and curl (dba password preseeded empty)"
  printf '%s\n' \
    "virtuoso-opensource-7 virtuoso-opensource-7/dba-password password" \
    "virtuoso-opensource-7 virtuoso-opensource-7/dba-password-again password" |
    $sudo debconf-set-selections
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends virtuoso-opensource curl
  if [ -x /etc/init.d/virtuoso-opensource-7 ]; then
    $sudo sed -i 's/^RUN=yes/RUN=no/' /etc/default/virtuoso-opensource-7 2>/dev/null || true
    $sudo /etc/init.d/virtuoso-opensource-7 stop >/dev/null 2>&1 || true
    command -v systemctl >/dev/null && [ -d /run/systemd/system ] &&
      { $sudo systemctl disable --now virtuoso-opensource-7 >/dev/null 2>&1 || true; }
  fi
}
