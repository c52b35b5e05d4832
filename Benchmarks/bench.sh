#!/usr/bin/env bash
# plansite benchmark: cold builds at 1, 10 and 63 localities, a one-plan incremental rebuild
# at national scale, and (with --hugo) plansite and Hugo on the same page count, paired.
#
# usage: Benchmarks/bench.sh [--runs N] [--hugo] [--localities "1 10 63"] [--years 5]
#                             [--hugo-localities 100] [--hugo-years 10]
#
# Release binaries of plansite and plansite-corpus are built first. Every timed command is a
# whole process: wall time and peak RSS from /usr/bin/time; pages = HTML files written.
# Results go to stdout as a table and to $WORK/results.tsv. See docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
RUNS=5
HUGO=0
LOCALITIES="1 10 63"
YEARS=5
HUGO_LOCALITIES=100
HUGO_YEARS=10
WORK=${WORK:-${TMPDIR:-/tmp}/plansite-bench}
while [ $# -gt 0 ]; do
  case $1 in
    --runs) RUNS=$2; shift 2 ;;
    --hugo) HUGO=1; shift ;;
    --localities) LOCALITIES=$2; shift 2 ;;
    --years) YEARS=$2; shift 2 ;;
    --hugo-localities) HUGO_LOCALITIES=$2; shift 2 ;;
    --hugo-years) HUGO_YEARS=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
command -v /usr/bin/time >/dev/null || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 1; }

scripts/install-deps
swift build -c release --product plansite >/dev/null
swift build -c release --product plansite-corpus >/dev/null
PLANSITE=$ROOT/.build/release/plansite
CORPUS=$ROOT/.build/release/plansite-corpus
mkdir -p "$WORK"
TSV=$WORK/results.tsv
printf 'case\tpages\tmedian_wall_s\tmin_s\tmax_s\tpages_per_s\tpeak_rss_mib\truns\n' > "$TSV"

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

corpus() { # corpus LOCALITIES YEARS → folder
  local dir=$WORK/corpus-$1x$2
  [ -d "$dir" ] || "$CORPUS" --localities "$1" --years "$2" --seed 1 --out "$dir" >/dev/null
  echo "$dir"
}

pages_of() { find "$1" -name '*.html' | wc -l; }

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
