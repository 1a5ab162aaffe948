#!/usr/bin/env bash
# Query benchmark (a script, not a timed test): generated notes -> N-Triples
# graphs of about 100k and 1M triples; notegraph's load time, peak and resident
# memory beside serdi's N-Triples throughput; a fixed set of queries run by
# notegraph and by Oxigraph (npm) in the same run. Prints Markdown tables with
# ratios and the targets of issue 3.
# Each query runs --reps times on both engines (notegraph: one process a run;
# Oxigraph: one store, once only past 20 s a run); the tables give medians.
#   scripts/bench-query.sh [--sizes "100000 1000000"] [--reps N] [--work DIR] [--build DIR]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
sizes="100000 1000000"
work="${TMPDIR:-/tmp}/notegraph-bench-query"
build="$root/build-rel"
reps=3
while (($#)); do
  case "$1" in
    --reps) reps="$2"; shift 2 ;;
    --sizes) sizes="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    --build) build="$2"; shift 2 ;;
    *) echo "usage: $0 [--sizes \"N...\"] [--reps N] [--work DIR] [--build DIR]" >&2; exit 2 ;;
  esac
done
source "$root/scripts/deps.sh"
ng_install_query_peers >&2
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" --target notegraph >/dev/null
ng="$build/notegraph"
mkdir -p "$work"

# The fixed queries; @START@ becomes a service of the generated graph.
write_queries() {  # dir start-iri
  local d="$1" start="$2"
  mkdir -p "$d"
  echo "SELECT ?p ?o WHERE { <$start> ?p ?o }" >"$d/1-lookup.rq"
  echo 'SELECT (COUNT(*) AS ?n) WHERE { ?a ng:mentions ?b . ?b ng:mentions ?c }' >"$d/2-two-hop-count.rq"
  echo 'SELECT ?s ?label WHERE { ?s a ng:Service ; rdfs:label ?label ; dcterms:description ?d . FILTER CONTAINS(?d, "보안") }' \
    >"$d/3-star-string-filter.rq"
  echo 'SELECT (COUNT(*) AS ?n) WHERE { ?s a ng:Service OPTIONAL { ?s ng:runsOn ?r } OPTIONAL { ?s ng:integratesWith ?i } OPTIONAL { ?s ng:usedWith ?u } OPTIONAL { ?s dcterms:description ?d } }' \
    >"$d/4-optional-star.rq"
  echo 'SELECT ?o (COUNT(*) AS ?n) WHERE { ?s ng:mentions ?o } GROUP BY ?o ORDER BY DESC(?n) ?o LIMIT 10' \
    >"$d/5-group-by-top10.rq"
  echo "SELECT (COUNT(*) AS ?n) WHERE { <$start> ng:mentions+ ?o }" >"$d/6-path-plus.rq"
  echo 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }' >"$d/7-count-star.rq"
}

# "notegraph: stats: load X s, N quads, store B bytes, resident R bytes (R0 before loading); query Y s, Z rows"
# -> field 1..7 (X N B R R0 Y Z)
stat() {
  sed -nE "s/.*stats: load ([0-9.e+-]+) s, ([0-9]+) quads, store ([0-9]+) bytes, resident ([0-9]+) bytes \\(([0-9]+) before loading\\); query ([0-9.e+-]+) s, ([0-9]+) rows.*/\\$2/p" "$1"
}
median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1f", a / b; else print "inf" }'; }
check() { awk -v v="$1" -v t="$2" -v op="$3" 'BEGIN { ok = (op == ">=") ? v >= t : v <= t; print ok ? "yes" : "**no**" }'; }

load_rows=() query_rows=()
for n in $sizes; do
  mb=$(awk -v n="$n" 'BEGIN { printf "%.2f", n / 16500 }')  # generated notes give ~16.5k triples per MB
  notes="$work/notes-$n.md" aliases="$work/aliases-$n.tsv" nt="$work/graph-$n.nt"
  if [[ ! -s $nt ]]; then
    "$root/scripts/gen-notes" --size-mb "$mb" --out "$notes" --aliases "$aliases" >&2
    "$ng" export -f nt -q --aliases "$aliases" "$notes" >"$nt"
  fi
  triples=$(wc -l <"$nt")
  start=$(grep -m1 -oE '^<[^>]+> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/notegraph/ns#Service>' "$nt" |
    sed -E 's/^<([^>]+)>.*/\1/')
  qdir="$work/queries-$n"
  write_queries "$qdir" "$start"

  # serdi: the median of --reps runs, as for notegraph (page cache warm).
  : >"$work/serdi-runs"
  for ((r = 0; r < reps; r++)); do
    { /usr/bin/time -f '%e' serdi -i ntriples -o ntriples "$nt" >/dev/null; } 2>&1 | tail -1 >>"$work/serdi-runs"
  done
  serdi_s=$(median <"$work/serdi-runs")

  # notegraph: one process per query; load seconds and memory from the COUNT(*) run.
  declare -A ng_s=() ng_rows=()
  for q in "$qdir"/*.rq; do
    name=$(basename "$q" .rq)
    : >"$work/runs"
    for ((r = 0; r < reps; r++)); do
      /usr/bin/time -f '%e %M' -o "$work/time" "$ng" query --stats -g "$nt" -f "$q" --results tsv >/dev/null 2>"$work/stats"
      echo "$(stat "$work/stats" 6) $(stat "$work/stats" 1) $(($(stat "$work/stats" 4) - $(stat "$work/stats" 5))) $(cut -d' ' -f2 "$work/time")" >>"$work/runs"
    done
    ng_s[$name]=$(cut -d' ' -f1 "$work/runs" | median)
    ng_rows[$name]=$(stat "$work/stats" 7)
    if [[ $name == 7-count-star ]]; then
      load_s=$(cut -d' ' -f2 "$work/runs" | median)
      resident=$(cut -d' ' -f3 "$work/runs" | median)
      peak_kb=$(cut -d' ' -f4 "$work/runs" | median)
    fi
  done

  # Oxigraph: one process, load once, every query once.
  REPS="$reps" node "$root/scripts/bench-query-oxigraph.mjs" "$nt" "$qdir"/*.rq >"$work/oxigraph.jsonl"
  declare -A ox_s=() ox_rows=()
  while IFS= read -r line; do
    step=$(sed -E 's/.*"step":"([^"]+)".*/\1/' <<<"$line")
    ox_s[$step]=$(sed -E 's/.*"seconds":([0-9.e+-]+).*/\1/' <<<"$line")
    ox_rows[$step]=$(sed -E 's/.*"rows":([0-9]+).*/\1/' <<<"$line")
  done <"$work/oxigraph.jsonl"

  ng_tps=$(awk -v t="$triples" -v s="$load_s" 'BEGIN { printf "%.2f", t / s / 1e6 }')
  serdi_tps=$(awk -v t="$triples" -v s="$serdi_s" 'BEGIN { printf "%.2f", t / s / 1e6 }')
  ox_tps=$(awk -v t="$triples" -v s="${ox_s[load]}" 'BEGIN { printf "%.2f", t / s / 1e6 }')
  bpt=$(awk -v r="$resident" -v t="$triples" 'BEGIN { printf "%.0f", r / t }')
  load_ratio=$(ratio "$ng_tps" "$serdi_tps")
  load_rows+=("| $triples | $load_s s, $ng_tps M/s | $serdi_s s, $serdi_tps M/s | $load_ratio× $(check "$load_ratio" 2 '>=') | ${ox_s[load]} s, $ox_tps M/s | $((peak_kb / 1024)) MB | $bpt $(check "$bpt" 100 '<=') |")
  for q in "$qdir"/*.rq; do
    name=$(basename "$q" .rq)
    target=5
    [[ $name == 4-optional-star ]] && target=100
    speedup=$(ratio "${ox_s[$name]}" "${ng_s[$name]}")
    same=$([[ ${ng_rows[$name]} == "${ox_rows[$name]}" ]] && echo "${ng_rows[$name]}" || echo "**${ng_rows[$name]} vs ${ox_rows[$name]}**")
    query_rows+=("| $triples | $name | $(printf '%.4f' "${ng_s[$name]}") | $(printf '%.4f' "${ox_s[$name]}") | ${speedup}× | ≥ ${target}× $(check "$speedup" "$target" '>=') | $same |")
  done
  unset ng_s ng_rows ox_s ox_rows
done

echo "### Loading N-Triples (notegraph query -g, serdi -i ntriples -o ntriples, Oxigraph npm)"
echo
echo "| triples | notegraph load | serdi | notegraph/serdi (≥ 2×) | Oxigraph load | notegraph peak RSS | resident growth bytes/triple (≤ 100) |"
echo "|---:|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${load_rows[@]}"
echo
echo "### Queries (median seconds of $reps runs of evaluation and output, load excluded; rows compared)"
echo
echo "| triples | query | notegraph s | Oxigraph s | speed-up | target | rows |"
echo "|---:|---|---:|---:|---:|---|---:|"
printf '%s\n' "${query_rows[@]}"
