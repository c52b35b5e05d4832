#!/usr/bin/env bash
# The live-reload wait: `plansite serve` on a corpus, one task's text edited RUNS times; for
# each edit, the time from the file's change (one rename, as an editor saves) to the plan's
# page on disk showing it, and serve's own build time; medians at the end.
#
#   Benchmarks/serve-edit.sh CONTENT [RUNS (5)] [PLANSITE (.build/release/plansite)]
#
# CONTENT is a corpus (`plansite-corpus --localities 63 --years 5 --seed 1 --out DIR` for the
# national one); its first plan's phu-luc-1.yaml is edited and put back at the end. The output
# is a folder of its own beside CONTENT (`CONTENT.serve-out`), built cold by serve's first
# build. Each edit waits for the previous one's after-build work (`SiteBuilder.tidy`): 10 s.
set -euo pipefail
content=$(cd "$1" && pwd); runs=${2:-5}
plansite=${3:-$(cd "$(dirname "$0")/.." && pwd)/.build/release/plansite}
templates=$(cd "$(dirname "$0")/.." && pwd)/Templates
out=$content.serve-out log=$content.serve.log
for folder in "$content"/plans/*/; do plan=$(basename "$folder"); break; done
file=$content/plans/$plan/phu-luc-1.yaml page=$out/ke-hoach/$plan/index.html
orig=$(mktemp) edited=$content.edit-tmp
cp "$file" "$orig"
"$plansite" serve --port 0 --content "$content" --templates "$templates" --output "$out" > "$log" 2>&1 &
pid=$!
trap 'kill -INT $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; cp "$orig" "$file"; rm -f "$orig" "$edited"' EXIT
until grep -q '^\[1\]' "$log"; do sleep 0.5; done
sleep 10
waits=()
for i in $(seq "$runs"); do
  mark="Sửa khi xem trước $i-$$."
  sed -E "0,/^( *- text: [^|>\"'].*)\$/s//\1 $mark/" "$orig" > "$edited"
  t0=$(date +%s.%N); mv "$edited" "$file"
  until grep -qF "$mark" "$page" 2>/dev/null; do sleep 0.005; done
  t1=$(date +%s.%N)
  waits+=("$(echo "$t1 - $t0" | bc)")
  echo "edit $i: ${waits[-1]} s from the save to the page" >&2
  sleep 10
done
builds=$(grep -o 'trong [0-9]* ms (tăng dần)' "$log" | grep -o '[0-9]*' | tr '\n' ' ')
python3 - "${waits[*]}" "$builds" <<'PY'
import statistics, sys
waits = [float(x) for x in sys.argv[1].split()]
builds = [int(x) for x in sys.argv[2].split()]
print(f"save to page: median {statistics.median(waits):.2f} s ({', '.join(f'{w:.2f}' for w in waits)})")
print(f"serve's build: median {statistics.median(builds) / 1000:.2f} s ({', '.join(str(b) for b in builds)} ms)")
PY
