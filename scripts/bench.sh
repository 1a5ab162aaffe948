#!/usr/bin/env bash
# Build-throughput benchmark: `notegraph build` vs md4c's md_html (md4c-bench)
# vs cmark, on the same synthetic notes (scripts/bench/gen_notes.cpp), in one run.
#
#   scripts/bench.sh [--reps N] [--sizes "1 10 100"] [--split "100"] [--tools "notegraph md4c cmark"]
#                    [--build-dir DIR] [--no-install] [--no-build] [--require-notegraph]
#                    [--ng-args "..."] [--notegraph PATH] [--slow SECONDS]
#
# Builds a Release, unsanitized tree in build-bench/, generates the corpora
# into build-bench/corpus/ (1 MB = 10^6 bytes, ~10,000 bytes per service, so
# the split 100 MB corpus is the issue's 10,000 small files, plus an overview
# file), runs every tool once per repetition (interleaved), and prints the
# Markdown table and the target checks; the same report goes to
# build-bench/bench-results.md, raw data to build-bench/bench-runs/.
# notegraph runs as `notegraph build --aliases ALIASES -o OUT FILE|DIR`, the
# alias table holding the Korean aliases the generated notes use.
set -euo pipefail
export LC_ALL=C

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=$ROOT/build-bench
SIZES="1 10 100"
SPLIT="100"
REPS=""
TOOLS="notegraph md4c cmark"
NG_ARGS=""
SLOW=60
DO_INSTALL=1
DO_BUILD=1
REQUIRE_NG=0
NG=""
JOBS=$(nproc 2>/dev/null || echo 2)

usage() {
  awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}"
  cat <<'EOF'

Options:
  --reps N              repetitions per tool and corpus (default: 5 up to 10 MB, 3 above)
  --sizes "1 10 100"    single-file corpus sizes in MB
  --split "100"         sizes whose one-file-per-service corpus is measured too ("" = none);
                        the single-file corpus of the same size is always measured with it
  --tools "..."         subset of: notegraph md4c cmark
  --build-dir DIR       build tree (default: build-bench at the repository root)
  --no-install          do not apt-get install missing tools
  --no-build            use the binaries already in the build tree
  --require-notegraph   fail if notegraph cannot be built (default: measure the peers only)
  --ng-args "..."       extra arguments for `notegraph build` (e.g. "-q")
  --notegraph PATH      measure this notegraph binary instead of building build-bench's
  --slow SECONDS        a tool whose first run on a corpus takes longer is not repeated on
                        it (default 60; 0 = always repeat), to bound the total run time
EOF
}

die() { echo "bench.sh: $*" >&2; exit 1; }
note() { echo "bench.sh: $*" >&2; }

while (($#)); do
  case $1 in
    --reps) REPS=${2:?}; shift 2 ;;
    --sizes) SIZES=${2?}; shift 2 ;;
    --split) SPLIT=${2?}; shift 2 ;;
    --tools) TOOLS=${2:?}; shift 2 ;;
    --build-dir) BUILD=$(realpath -m "${2:?}"); shift 2 ;;
    --no-install) DO_INSTALL=0; shift ;;
    --no-build) DO_BUILD=0; shift ;;
    --require-notegraph) REQUIRE_NG=1; shift ;;
    --ng-args) NG_ARGS=${2?}; shift 2 ;;
    --notegraph) NG=$(realpath "${2:?}"); shift 2 ;;
    --slow) SLOW=${2:?}; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done
[[ -z $REPS || $REPS =~ ^[1-9][0-9]*$ ]] || die "--reps wants a positive integer"
[[ $SLOW =~ ^[0-9]+(\.[0-9]+)?$ ]] || die "--slow wants a number of seconds"
for s in $SIZES $SPLIT; do [[ $s =~ ^[0-9]+(\.[0-9]+)?$ ]] || die "bad size '$s'"; done
for t in $TOOLS; do [[ " notegraph md4c cmark " == *" $t "* ]] || die "unknown tool '$t'"; done
has_tool() { [[ " $TOOLS " == *" $1 "* ]]; }
START=$SECONDS

# --- 1. prerequisites ---------------------------------------------------------
if ((DO_INSTALL)); then
  need=()
  [[ -f /usr/include/md4c-html.h ]] || need+=(libmd4c-dev libmd4c-html0-dev)
  # notegraph's own build needs what scripts/deps.sh installs; mimalloc came
  # later than the rest, so a machine set up before it may lack it.
  [[ -f /usr/include/mimalloc.h ]] || need+=(libmimalloc-dev)
  command -v cmark >/dev/null || need+=(cmark)
  [[ -x /usr/bin/time ]] || need+=(time)
  command -v python3 >/dev/null || need+=(python3)
  command -v cmake >/dev/null || need+=(cmake)
  command -v g++ >/dev/null || need+=(g++)
  command -v pkg-config >/dev/null || need+=(pkg-config)
  if ((${#need[@]})); then
    SUDO=""
    ((EUID == 0)) || SUDO=sudo
    note "installing ${need[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}"
  fi
fi
[[ -x /usr/bin/time ]] || die "/usr/bin/time (GNU time) is missing"
command -v python3 >/dev/null || die "python3 is missing"

# --- 2. build -----------------------------------------------------------------
mkdir -p "$BUILD"
TOOLDIR=$BUILD/scripts/bench
NG_MISSING=""
if ((DO_BUILD)); then
  note "configuring $BUILD (Release, NG_BUILD_BENCH=ON, no tests, no sanitizers)"
  if cmake -S "$ROOT" -B "$BUILD" -DNG_BUILD_BENCH=ON -DNG_BUILD_TESTS=OFF -DNG_SANITIZE=OFF \
       -DCMAKE_BUILD_TYPE=Release >"$BUILD/bench-configure.log" 2>&1; then
    cmake --build "$BUILD" --target gen-notes md4c-bench -j"$JOBS" >"$BUILD/bench-tools-build.log" 2>&1 \
      || { tail -n 30 "$BUILD/bench-tools-build.log" >&2; die "building gen-notes/md4c-bench failed"; }
    if has_tool notegraph && [[ -z $NG ]]; then
      note "building notegraph"
      if cmake --build "$BUILD" --target notegraph -j"$JOBS" >"$BUILD/bench-notegraph-build.log" 2>&1; then
        :
      elif grep -q "No rule to make target 'notegraph'\|unknown target 'notegraph'" "$BUILD/bench-notegraph-build.log"; then
        NG_MISSING="notegraph has no build target yet (src/cli)"
      else
        NG_MISSING="notegraph failed to build (see $BUILD/bench-notegraph-build.log)"
        tail -n 15 "$BUILD/bench-notegraph-build.log" >&2
      fi
    fi
  else
    # The project does not configure right now (work in progress elsewhere):
    # build the peers from scripts/bench alone so they can still be measured.
    tail -n 15 "$BUILD/bench-configure.log" >&2
    NG_MISSING="the top-level project does not configure (see $BUILD/bench-configure.log)"
    note "$NG_MISSING; building the bench tools standalone"
    TOOLDIR=$BUILD/bench-tools-standalone
    cmake -S "$ROOT/scripts/bench" -B "$TOOLDIR" -DCMAKE_BUILD_TYPE=Release >"$BUILD/bench-configure-standalone.log" 2>&1 \
      || die "configuring scripts/bench failed (see $BUILD/bench-configure-standalone.log)"
    cmake --build "$TOOLDIR" -j"$JOBS" >"$BUILD/bench-tools-build.log" 2>&1 \
      || { tail -n 30 "$BUILD/bench-tools-build.log" >&2; die "building gen-notes/md4c-bench failed"; }
  fi
else
  [[ -x $TOOLDIR/gen-notes ]] || TOOLDIR=$BUILD/bench-tools-standalone
fi
GEN=$TOOLDIR/gen-notes
MD4C=$TOOLDIR/md4c-bench
[[ -x $GEN ]] || die "gen-notes not built ($GEN)"
has_tool md4c && { [[ -x $MD4C ]] || die "md4c-bench not built ($MD4C): is libmd4c-html0-dev installed?"; }
has_tool cmark && { command -v cmark >/dev/null || die "cmark is missing"; }

if [[ -n $NG ]]; then
  [[ -x $NG ]] || die "--notegraph $NG is not executable"
  NG_MISSING=""
elif has_tool notegraph && [[ -z $NG_MISSING ]]; then
  if [[ -x $BUILD/notegraph ]]; then
    NG=$BUILD/notegraph
  else
    NG=$(find "$BUILD" -path '*/CMakeFiles' -prune -o -type f -name notegraph -perm -u+x -print 2>/dev/null | head -n1)
  fi
  [[ -n $NG ]] || NG_MISSING="notegraph was built but its binary was not found under $BUILD"
fi
if has_tool notegraph && [[ -n $NG_MISSING ]]; then
  ((REQUIRE_NG)) && die "$NG_MISSING"
  note "$NG_MISSING: measuring the peers only"
  TOOLS=${TOOLS//notegraph/}
fi

# --- 3. corpora ---------------------------------------------------------------
CORPUS=$BUILD/corpus
mkdir -p "$CORPUS"
# shellcheck disable=SC2086 # word lists
single_sizes=$(printf '%s\n' $SIZES $SPLIT | sort -g -u | tr '\n' ' ')
gen_single() {  # size -> path (regenerated when gen-notes is newer), with aliases-SIZEmb.tsv
  local f=$CORPUS/notes-${1}mb.md a=$CORPUS/aliases-${1}mb.tsv
  if [[ ! -s $f || ! -s $a || $GEN -nt $f ]]; then
    "$GEN" --size-mb "$1" --out "$f.tmp" --aliases "$a" >&2
    mv "$f.tmp" "$f"
  fi
  echo "$f"
}
gen_split() {  # size -> directory (stamp file next to it, not inside)
  local d=$CORPUS/split-${1}mb stamp=$CORPUS/split-${1}mb.stamp
  if [[ ! -f $stamp || $GEN -nt $stamp ]]; then
    rm -rf -- "$d" "$stamp"
    "$GEN" --size-mb "$1" --split "$d" >&2
    touch "$stamp"
  fi
  echo "$d"
}

# --- 4. measurements ----------------------------------------------------------
RUNS=$BUILD/bench-runs
rm -rf -- "$RUNS"
mkdir -p "$RUNS/logs"
RESULTS=$RUNS/results.tsv
printf 'corpus\tkind\tsize_mb\tfiles\tbytes\ttool\trep\tt0\tt1\telapsed\tmaxrss_kb\trc\n' >"$RESULTS"
NGOUT=$RUNS/ng-out
TIMEF=$RUNS/time.txt

# measure CORPUS KIND SIZE FILES BYTES TOOL REP OUTPUT -- CMD...
# OUTPUT: "log" = stdout and stderr to the log (notegraph's summary), "null" =
# stdout discarded (HTML), stderr to the log. The log holds the last repetition.
# Wall time: bash's microsecond clock around /usr/bin/time (whose %e has only
# centiseconds); peak RSS: /usr/bin/time's %M.
measure() {
  local corpus=$1 kind=$2 size=$3 files=$4 bytes=$5 tool=$6 rep=$7 output=$8
  shift 9
  local log=$RUNS/logs/$corpus.$tool.log rc=0 t0 t1 el rss
  if [[ $output == log ]]; then
    t0=$EPOCHREALTIME
    /usr/bin/time -f '%e %M' -o "$TIMEF" "$@" >"$log" 2>&1 || rc=$?
    t1=$EPOCHREALTIME
  else
    t0=$EPOCHREALTIME
    /usr/bin/time -f '%e %M' -o "$TIMEF" "$@" >/dev/null 2>"$log" || rc=$?
    t1=$EPOCHREALTIME
  fi
  read -r el rss < <(tail -n1 "$TIMEF")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' \
    "$corpus" "$kind" "$size" "$files" "$bytes" "$tool" "$rep" "$t0" "$t1" "$el" "$rss" "$rc" >>"$RESULTS"
  if ((rc != 0)); then
    note "$tool on $corpus exited with $rc (see $log)"
  fi
  local status=""
  ((rc == 0)) || status="  exit $rc"
  LAST_WALL=$(awk "BEGIN{print $t1 - $t0}")
  printf '  %-9s rep %s: %7.3f s  %8d KiB%s\n' "$tool" "$rep" "$LAST_WALL" "$rss" "$status" >&2
}

# run_corpus NAME KIND SIZE PATH
run_corpus() {
  local name=$1 kind=$2 size=$3 path=$4 files bytes reps rep tool
  local -a list=()
  if [[ $kind == split ]]; then
    mapfile -t list < <(find "$path" -type f -name '*.md' | sort)
    files=${#list[@]}
    bytes=$(find "$path" -type f -name '*.md' -printf '%s\n' | awk '{s += $1} END {print s}')
  else
    list=("$path")
    files=1
    bytes=$(stat -c %s "$path")
  fi
  reps=${REPS:-$(awk -v s="$size" 'BEGIN{print (s <= 10) ? 5 : 3}')}
  note "$name: $files file(s), $bytes bytes, $reps repetitions"
  # cmark takes the files as arguments; past ~1.5 MB of names, xargs batches them.
  local argbytes
  argbytes=$(printf '%s\0' "${list[@]}" | wc -c)
  local -a cmark_cmd=(cmark "${list[@]}")
  if ((argbytes > 1500000)); then
    printf '%s\0' "${list[@]}" >"$RUNS/$name.files0"
    cmark_cmd=(xargs -0 -a "$RUNS/$name.files0" cmark)
  fi
  printf '%s\0' "${list[@]}" | xargs -0 cat >/dev/null  # page cache
  local -A too_slow=()
  for ((rep = 1; rep <= reps; rep++)); do
    for tool in $TOOLS; do
      [[ -z ${too_slow[$tool]:-} ]] || continue
      case $tool in
        notegraph)
          rm -rf -- "$NGOUT"
          mkdir -p "$NGOUT"
          # shellcheck disable=SC2086 # NG_ARGS is a list of words
          measure "$name" "$kind" "$size" "$files" "$bytes" notegraph "$rep" log -- \
            "$NG" build --aliases "$CORPUS/aliases-${size}mb.tsv" $NG_ARGS -o "$NGOUT" "$path"
          if ((rep == 1)) && [[ -s $NGOUT/graph.nt ]]; then
            printf 'notegraph\t%s\t%s\t%s\n' "$name" "$(wc -l <"$NGOUT/graph.nt")" "$(stat -c %s "$NGOUT/graph.nt")" \
              >>"$RUNS/graph-sizes.tsv"
          fi
          ;;
        md4c) measure "$name" "$kind" "$size" "$files" "$bytes" md4c "$rep" null -- "$MD4C" "$path" ;;
        cmark) measure "$name" "$kind" "$size" "$files" "$bytes" cmark "$rep" null -- "${cmark_cmd[@]}" ;;
      esac
      if ((rep == 1 && reps > 1)) && awk -v w="$LAST_WALL" -v s="$SLOW" 'BEGIN{exit !(s > 0 && w > s)}'; then
        too_slow[$tool]=1
        note "$tool took ${LAST_WALL} s (> --slow $SLOW) on $name: not repeated"
        printf '%s\t%s\n' "$name" "$tool" >>"$RUNS/not-repeated.tsv"
      fi
    done
  done
  rm -rf -- "$NGOUT"
}

read -r load _ </proc/loadavg
if awk -v l="$load" 'BEGIN{exit !(l > 1.0)}'; then
  note "load average is $load: other work is running, timings will be noisy"
fi

for s in $single_sizes; do
  f=$(gen_single "$s")
  run_corpus "${s}MB" single "$s" "$f"
  for sp in $SPLIT; do
    if [[ $sp == "$s" ]]; then
      d=$(gen_split "$s")
      run_corpus "${s}MB-split" split "$s" "$d"
    fi
  done
done

# --- 5. report ----------------------------------------------------------------
{
  printf 'date\t%s\n' "$(date -u '+%Y-%m-%d %H:%M UTC')"
  printf 'git\t%s\n' "$(git -C "$ROOT" describe --always --dirty 2>/dev/null || echo n/a)"
  printf 'host\t%s cores, %s\n' "$(nproc)" "$(uname -sr)"
  printf 'cpu\t%s\n' "$(awk -F': ' '/model name/{print $2; exit}' /proc/cpuinfo)"
  printf 'load\t%s (1-min load average at start)\n' "$load"
  if [[ -n $NG ]]; then
    printf 'notegraph\t%s (Release, no sanitizers): notegraph build --aliases corpus/aliases-SIZEmb.tsv %s-o DIR FILE|DIR\n' \
      "${NG#"$ROOT"/}" "${NG_ARGS:+$NG_ARGS }"
  else
    printf 'notegraph\tnot measured: %s\n' "${NG_MISSING:-not requested}"
    printf 'notegraph_missing\t%s\n' "${NG_MISSING:-not requested (--tools)}"
  fi
  printf 'md4c\tmd4c-bench (md_html, MD_DIALECT_GITHUB, output discarded), libmd4c-html %s\n' \
    "$(pkg-config --modversion md4c-html 2>/dev/null || echo '?')"
  printf 'cmark\t%s, HTML to /dev/null\n' "$(cmark --version 2>/dev/null | head -n1)"
  printf 'reps\t%s\n' "${REPS:-default (5 up to 10 MB, 3 above)}"
  if awk -v s="$SLOW" 'BEGIN{exit !(s > 0)}'; then
    printf 'slow\t%s s: a tool whose first run on a corpus took longer was not repeated on it (runs column)\n' "$SLOW"
  fi
  printf 'total\t%s s (build, corpora and measurements)\n' "$((SECONDS - START))"
} >"$RUNS/meta.tsv"

python3 "$ROOT/scripts/bench/report.py" --results "$RESULTS" --meta "$RUNS/meta.tsv" --logs "$RUNS/logs" \
  >"$BUILD/bench-results.md"
if [[ -s $RUNS/graph-sizes.tsv ]]; then
  {
    echo
    echo "| corpus | graph.nt lines | graph.nt MB |"
    echo "|---|---:|---:|"
    awk -F'\t' '{printf "| %s | %d | %.1f |\n", $2, $3, $4 / 1e6}' "$RUNS/graph-sizes.tsv"
  } >>"$BUILD/bench-results.md"
fi
cat "$BUILD/bench-results.md"
note "report written to $BUILD/bench-results.md (raw data in $RUNS); total $((SECONDS - START)) s"
