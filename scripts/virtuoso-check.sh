#!/usr/bin/env bash
# Loads notegraph's graph of the notes into a real Virtuoso server and runs the
# cross-engine queries (tests/crossengine/queries/*.rq) through its SPARQL
# endpoint, comparing each answer with notegraph's own (the normalization of
# tests/crossengine/answers.mjs, shared with the Oxigraph test).
#
# Virtuoso (Debian's virtuoso-opensource, scripts/deps.sh ng_install_virtuoso)
# runs as our own virtuoso-t on a temporary database, bound to 127.0.0.1 on
# free high ports, loaded with the bulk loader (ld_dir + rdf_loader_run +
# checkpoint): graph.nt into <urn:notegraph:check:nt>, graph.nq into its own
# named graphs. It is stopped by its pid when the script exits.
#
# usage: scripts/virtuoso-check.sh [NOTEGRAPH_BIN [NOTES_DIR]] [-- compare options, e.g. --only 12]
# Exit 0 all answers equal (or differing only as listed in DEVIATIONS of
# tests/crossengine/virtuoso-compare.mjs), 1 any difference, 77 skipped.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
notegraph="${1:-}"
notes="${2:-$root/data}"
shift $(($# < 2 ? $# : 2))
[ "${1:-}" = "--" ] && shift
if [ -z "$notegraph" ]; then
  notegraph="$(ls -t "$root"/build*/notegraph 2>/dev/null | head -1 || true)"
fi

for tool in virtuoso-t isql-vt curl node; do
  if ! command -v "$tool" >/dev/null; then
    echo "SKIP: $tool is not installed (scripts/deps.sh ng_install_virtuoso installs virtuoso-opensource and curl)"
    exit 77
  fi
done
[ -x "$notegraph" ] || { echo "virtuoso-check: no notegraph binary (give its path as the first argument)"; exit 2; }

start=$SECONDS
tmp="$(mktemp -d "${TMPDIR:-/tmp}/notegraph-virtuoso-XXXXXX")"
pid=""
stop_server() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$pid" 2>/dev/null && { echo "virtuoso-check: virtuoso-t $pid did not stop on TERM; killing it"; kill -KILL "$pid" 2>/dev/null || true; }
    wait "$pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap stop_server EXIT

# A TCP port on 127.0.0.1 nothing listens on (nor is about to: both ports are
# checked just before the server binds them).
port_free() {
  if command -v ss >/dev/null; then
    [ -z "$(ss -Htln "sport = :$1" 2>/dev/null)" ] || return 1
  fi
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}
pick_port() {
  local p
  for _ in $(seq 100); do
    p=$((20000 + RANDOM % 40000))
    [ "$p" != "${1:-}" ] && port_free "$p" && { echo "$p"; return 0; }
  done
  echo "virtuoso-check: no free port found" >&2
  return 1
}

mkdir -p "$tmp/db" "$tmp/load"
for format in nt nq; do
  "$notegraph" export -f "$format" -o "$tmp/load/graph.$format" "$notes"
done

sql_port="$(pick_port)"
http_port="$(pick_port "$sql_port")"
db="$tmp/db"
cat >"$db/virtuoso.ini" <<INI
[Database]
DatabaseFile = $db/virtuoso.db
ErrorLogFile = $db/virtuoso.log
LockFile = $db/virtuoso.lck
TransactionFile = $db/virtuoso.trx
xa_persistent_file = $db/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
Striping = 0
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = $db/virtuoso-temp.db
TransactionFile = $db/virtuoso-temp.trx
Striping = 0
[Parameters]
ServerPort = 127.0.0.1:$sql_port
DisableUnixSocket = 1
DisableTcpSocket = 0
MaxClientConnections = 4
CheckpointInterval = 0
CaseMode = 2
DirsAllowed = ., $tmp/load
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
ThreadsPerQuery = 2
[HTTPServer]
ServerPort = 127.0.0.1:$http_port
ServerRoot = $db
MaxClientConnections = 4
ServerThreads = 4
Charset = UTF-8
; no partial answers: no row cap below the graph's size, no time limits
[SPARQL]
ResultSetMaxRows = 10000000
MaxSortedTopRows = 10000000
MaxQueryCostEstimationTime = 0
MaxQueryExecutionTime = 0
INI

port_free "$sql_port" && port_free "$http_port" || { echo "virtuoso-check: port $sql_port or $http_port was taken meanwhile"; exit 1; }
(cd "$db" && exec virtuoso-t +foreground +configfile "$db/virtuoso.ini" >"$db/stdout.log" 2>&1) &
pid=$!
echo "virtuoso-check: virtuoso-t pid $pid, SQL 127.0.0.1:$sql_port, SPARQL http://127.0.0.1:$http_port/sparql, database $db"

isql() { isql-vt "127.0.0.1:$sql_port" dba dba "$@"; }  # the new database's own default account, loopback only
endpoint="http://127.0.0.1:$http_port/sparql"
ready=""
for _ in $(seq 240); do
  kill -0 "$pid" 2>/dev/null || { echo "virtuoso-check: virtuoso-t exited while starting:"; tail -20 "$db/virtuoso.log" "$db/stdout.log" 2>/dev/null; exit 1; }
  if isql exec="status();" >/dev/null 2>&1 &&
     [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$endpoint?query=ASK%7B%7D")" = 200 ]; then
    ready=1
    break
  fi
  sleep 0.5
done
[ -n "$ready" ] || { echo "virtuoso-check: virtuoso-t not ready after 120 s"; tail -20 "$db/virtuoso.log"; exit 1; }
echo "virtuoso-check: server ready after $((SECONDS - start)) s"

nt_graph="urn:notegraph:check:nt"
nq_default="urn:notegraph:check:nq-default"
isql exec="ld_dir('$tmp/load', 'graph.nt', '$nt_graph'); ld_dir('$tmp/load', 'graph.nq', '$nq_default'); rdf_loader_run(); checkpoint;" >"$tmp/load.log" 2>&1 ||
  { echo "virtuoso-check: bulk load failed:"; cat "$tmp/load.log"; exit 1; }
# Every file loaded (ll_state 2) without error, and every triple of graph.nt is in its graph.
bad="$(isql exec="select count(*) from DB.DBA.load_list where ll_state <> 2 or ll_error is not null;" 2>&1 | awk '/^[0-9]+$/ {print; exit}')"
if [ "$bad" != 0 ]; then
  echo "virtuoso-check: bulk load incomplete:"
  isql exec="select ll_file, ll_state, ll_error from DB.DBA.load_list;"
  exit 1
fi
expected="$(grep -v '^\s*\(#\|$\)' "$tmp/load/graph.nt" | sort -u | wc -l)"
loaded="$(curl -sS --fail-with-body --data-urlencode "query=SELECT (COUNT(*) AS ?n) { ?s ?p ?o }" \
  --data-urlencode "default-graph-uri=$nt_graph" --data-urlencode "format=text/csv" "$endpoint" | tail -1 | tr -d '"\r')"
echo "virtuoso-check: bulk-loaded $loaded triples ($expected distinct in graph.nt) and graph.nq in $((SECONDS - start)) s"
[ "$loaded" = "$expected" ] || { echo "virtuoso-check: Virtuoso holds $loaded triples, graph.nt has $expected"; exit 1; }

status=0
node "$root/tests/crossengine/virtuoso-compare.mjs" --notegraph "$notegraph" --nt "$tmp/load/graph.nt" --nq "$tmp/load/graph.nq" \
  --endpoint "$endpoint" --nt-graph "$nt_graph" --nq-default-graph "$nq_default" "$@" || status=$?
echo "virtuoso-check: done in $((SECONDS - start)) s"
exit "$status"
