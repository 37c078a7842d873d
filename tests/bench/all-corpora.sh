#!/usr/bin/env bash
# Times the analyses on every corpus in ../shared/data at once (each with its README's role),
# on demand: tests/bench/all-corpora.sh [extra synthscope-bench options, e.g. --only-similarity]
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
D=${SYNTHSCOPE_DATA:-$here/../shared/data}
specs=(
  "real:$D/twitter-customer-support-sample5000/twcs_sample.jsonl:text"
  "real:$D/dolly-15k-first6400/dolly-15k-first6400.jsonl:{instruction}\n{text}"
  "real:$D/lima/lima.jsonl:{instruction}\n{output}"
  "real:$D/self-instruct-seed-tasks/seed_tasks.jsonl:instruction"
  "real:$D/stanford-alpaca-seed-tasks/seed_tasks.jsonl:instruction"
  "real:$D/self-instruct-user-oriented/user_oriented_instructions.jsonl:instruction"
  "synthetic:$D/bitext-customer-support-4.5k/bitext_customer_support_training.jsonl:{instruction}\n{response}"
  "synthetic:$D/alpaca-davinci003-subset2000/alpaca_data_subset2000.jsonl:{instruction}\n{output}"
)
for f in "$D"/self-instruct-human-eval-predictions/*.jsonl; do
  specs+=("real:$f:target" "synthetic:$f:response")
done
for f in "$D"/alpaca-eval-model-outputs/*.jsonl; do specs+=("synthetic:$f:output"); done
for f in "$D"/dolly-flan-t5-outputs/*.jsonl; do specs+=("synthetic:$f:decoded"); done
for f in "$D"/gpteacher-gpt4/*.jsonl; do specs+=("synthetic:$f:{instruction}\n{input}\n{response}"); done
exec /usr/bin/time -v "$here/build/release/tests/synthscope-bench" "$@" "${specs[@]}"
