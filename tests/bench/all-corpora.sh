#!/usr/bin/env bash
# Times the analyses on every corpus in ../shared/data at once (each with its README's role),
# on demand: tests/bench/all-corpora.sh [extra synthscope-bench options, e.g. --only-similarity]
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
source "$here/tests/bench/corpora.sh"
exec /usr/bin/time -v "$here/build/release/tests/synthscope-bench" "$@" "${all_specs[@]}"
