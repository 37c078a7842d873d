#!/usr/bin/env bash
# Builds the libFuzzer harnesses (the fuzz preset: clang, ASan + UBSan) and runs each one for
# a given time, one per core at a time, starting from seeds cut from the real
# corpora in ../shared/data. A crash, hang (> 10 s on one input), leak or out-of-memory fails
# the run; the input that did it is saved under build/fuzz/artifacts/<harness>/ and the log's
# tail is printed. What each run found that is new stays in build/fuzz/corpus/<harness>/.
#
# Usage: tests/fuzz/run.sh [seconds-per-harness] [harness ...]   (60 s and all by default)
#        replay one input: build/fuzz/tests/fuzz/<harness> <file>
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
seconds=${1:-60}
shift || true
all=(fuzz_read_jsonl fuzz_read_json fuzz_read_csv fuzz_read_tsv fuzz_read_text
     fuzz_field_mapping fuzz_tokenizer fuzz_skeleton fuzz_minhash)
harnesses=("${@:-${all[@]}}")
data=${SYNTHSCOPE_DATA_DIR:-$here/../shared/data}

bash "$here/packaging/install-deps.sh"
cmake --preset fuzz -S "$here"
cmake --build "$here/build/fuzz"
out=$here/build/fuzz
python3 "$here/tests/fuzz/seeds.py" "$data" "$out/seeds"

dictionary() {
  case $1 in
    fuzz_read_csv|fuzz_read_tsv) echo csv.dict ;;
    fuzz_read_jsonl|fuzz_read_json|fuzz_field_mapping) echo json.dict ;;
    *) echo text.dict ;;
  esac
}

run_one() {
  local h=$1
  mkdir -p "$out/corpus/$h" "$out/artifacts/$h"
  local rc=0
  "$out/tests/fuzz/$h" "$out/corpus/$h" "$out/seeds/$h" \
    -dict="$here/tests/fuzz/$(dictionary "$h")" -max_total_time="$seconds" -timeout=10 \
    -rss_limit_mb=2048 -max_len=8192 -print_final_stats=1 \
    -artifact_prefix="$out/artifacts/$h/" >"$out/$h.log" 2>&1 || rc=$?
  echo "$rc" >"$out/$h.rc"
}

for h in "${harnesses[@]}"; do
  [ -x "$out/tests/fuzz/$h" ] || { echo "fuzz: no harness $h (have: ${all[*]})" >&2; exit 2; }
done
rm -f "$out"/*.rc
for h in "${harnesses[@]}"; do
  run_one "$h" &
  while [ "$(jobs -rp | wc -l)" -ge "$(nproc)" ]; do wait -n || true; done
done
wait

failed=0
for h in "${harnesses[@]}"; do
  rc=$(cat "$out/$h.rc" 2>/dev/null || echo "no exit status")
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$out/$h.log" | grep -o '[0-9]*$' || echo ?)
  cov=$(grep -o 'cov: [0-9]*' "$out/$h.log" | tail -1 | grep -o '[0-9]*' || echo ?)
  printf 'fuzz: %-20s %s  %s inputs in %s s, coverage %s edges, corpus %s files\n' "$h" \
    "$([ "$rc" = 0 ] && echo ok || echo FAILED)" "$runs" "$seconds" "$cov" \
    "$(find "$out/corpus/$h" -type f | wc -l)"
  if [ "$rc" != 0 ]; then
    failed=1
    tail -n 40 "$out/$h.log"
    ls "$out/artifacts/$h"
  fi
done
exit $failed
