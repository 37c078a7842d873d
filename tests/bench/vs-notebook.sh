#!/usr/bin/env bash
# Synthscope against the scikit-learn + hnswlib notebook (tests/bench/notebook.py), side by side,
# on demand (issue 16):
#
#   tests/bench/vs-notebook.sh [--runs N] [pair|all ...]     (default: --runs 3 pair all)
#
# Each run is a whole process, started from nothing, and the two alternate (Synthscope, notebook,
# Synthscope, ...) so that a machine's drift falls on both. Synthscope's run is what a user
# does: `synthscope-cli import` of every corpus file into a new project, then `analyze` (every
# stage: far more than the notebook computes). The notebook reads the same files. Prints wall
# seconds and peak memory (the largest single process, /usr/bin/time's %M) as medians, and the
# ratio of the medians. Needs a release build (tests/run.sh), python3-sklearn python3-hnswlib
# and libopenblas0-pthread.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
source "$here/tests/bench/corpora.sh"
cli=${SYNTHSCOPE_CLI:-$here/build/release/app/synthscope-cli}
runs=3
sets=()
while [ $# -gt 0 ]; do
  case $1 in
    --runs) runs=$2; shift 2 ;;
    pair|all) sets+=("$1"); shift ;;
    *) echo "usage: $0 [--runs N] [pair|all ...]" >&2; exit 2 ;;
  esac
done
[ ${#sets[@]} -gt 0 ] || sets=(pair all)
[ -x "$cli" ] || { echo "vs-notebook: build first ($cli not found)" >&2; exit 2; }
/usr/bin/python3 -c 'import sklearn, hnswlib' 2>/dev/null ||
  { echo "vs-notebook: apt-get install python3-sklearn python3-hnswlib libopenblas0-pthread" >&2; exit 2; }
# The notebook as a data scientist runs it: numpy on an optimised BLAS (pip's numpy ships
# OpenBLAS). On Debian's reference BLAS its randomised SVD takes about twice as long (2026-12-05,
# this machine: 38-40 s against 20.5 s on the pair), which would flatter the ratio.
blas=$(/usr/bin/python3 -c 'import numpy  # threadpoolctl sees only the libraries loaded
from threadpoolctl import threadpool_info
print(" ".join(sorted({i["internal_api"] + " " + str(i.get("architecture", ""))
                       for i in threadpool_info() if i.get("user_api") == "blas"})))' 2>/dev/null || true)
[ -n "$blas" ] || { echo "vs-notebook: numpy would run on the reference BLAS, not the notebook's usual" \
  "OpenBLAS: apt-get install libopenblas0-pthread" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# synthscope SPEC... : import every spec into a new project, then analyse it.
synthscope() {
  local p=$work/p.synthscope i=0 spec role rest file text opt
  rm -f "$p" "$p-wal" "$p-shm"
  for spec in "$@"; do
    role=${spec%%:*}; rest=${spec#*:}; file=${rest%%:*}; text=${rest#*:}
    i=$((i + 1))
    if [[ $text == *"{"* ]]; then opt=(--text-template "$text"); else opt=(--text-field "$text"); fi
    "$cli" import --project "$p" --role "$role" --name "c$i" --allow-rejects "${opt[@]}" "$file" \
      >/dev/null || return 1
  done
  "$cli" analyze --project "$p" >/dev/null || return 1
}

# measure NAME COMMAND... : appends "wall_s peak_kb" of one whole run to $work/NAME.
measure() {
  local name=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/t" "$@" >"$work/$name.log" 2>&1 ||
    { echo "vs-notebook: $name failed:" >&2; tail -5 "$work/$name.log" >&2; exit 1; }
  cat "$work/t" >>"$work/$name"
}

median() { sort -n | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }

export -f synthscope
export work cli
printf '%-34s %12s %10s %12s %10s %7s\n' work synthscope memory notebook memory ratio
for set in "${sets[@]}"; do
  if [ "$set" = pair ]; then specs=("${pair_specs[@]}"); label="Twitter/Bitext pair"; else
    specs=("${all_specs[@]}"); label="every corpus, ${#all_specs[@]} imports"; fi
  rm -f "$work/s" "$work/n"
  for ((r = 0; r < runs; r++)); do
    measure s bash -c 'synthscope "$@"' _ "${specs[@]}"
    measure n /usr/bin/python3 "$here/tests/bench/notebook.py" "${specs[@]}"
  done
  rows=$(grep '^{' "$work/n.log" | tail -1 | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["rows"])')
  s=$(cut -d' ' -f1 "$work/s" | median); sm=$(cut -d' ' -f2 "$work/s" | median)
  n=$(cut -d' ' -f1 "$work/n" | median); nm=$(cut -d' ' -f2 "$work/n" | median)
  awk -v l="$label, $rows rows" -v s="$s" -v sm="$sm" -v n="$n" -v nm="$nm" 'BEGIN {
    printf "%-34s %10.1f s %7.0f MB %10.1f s %7.0f MB %7.2f\n", l, s, sm / 1024, n, nm / 1024, s / n }'
done
echo "(medians of $runs alternating runs; $(nproc) cores, $(date -u +%F); the notebook's BLAS: $blas)"
