# Sourced by the benchmarks: the corpus specs (ROLE:FILE:TEXT, each with its README's role) of
#   pair_specs - the Twitter/Bitext customer-support pair, 9,514 rows;
#   all_specs  - every corpus file of ../shared/data with a text per record, 78,520 rows.
D=${SYNTHSCOPE_DATA:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/../shared/data}
pair_specs=(
  "real:$D/twitter-customer-support-sample5000/twcs_sample.jsonl:text"
  "synthetic:$D/bitext-customer-support-4.5k/bitext_customer_support_training.jsonl:{instruction}\n{response}"
)
all_specs=(
  "${pair_specs[@]}"
  "real:$D/dolly-15k-first6400/dolly-15k-first6400.jsonl:{instruction}\n{text}"
  "real:$D/lima/lima.jsonl:{instruction}\n{output}"
  "real:$D/self-instruct-seed-tasks/seed_tasks.jsonl:instruction"
  "real:$D/stanford-alpaca-seed-tasks/seed_tasks.jsonl:instruction"
  "real:$D/self-instruct-user-oriented/user_oriented_instructions.jsonl:instruction"
  "synthetic:$D/alpaca-davinci003-subset2000/alpaca_data_subset2000.jsonl:{instruction}\n{output}"
)
for f in "$D"/self-instruct-human-eval-predictions/*.jsonl; do
  all_specs+=("real:$f:target" "synthetic:$f:response")
done
for f in "$D"/alpaca-eval-model-outputs/*.jsonl; do all_specs+=("synthetic:$f:output"); done
for f in "$D"/dolly-flan-t5-outputs/*.jsonl; do all_specs+=("synthetic:$f:decoded"); done
for f in "$D"/gpteacher-gpt4/*.jsonl; do all_specs+=("synthetic:$f:{instruction}\n{input}\n{response}"); done
