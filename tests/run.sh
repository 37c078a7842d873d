#!/usr/bin/env bash
# The README's test command: install what is missing, build with warnings as errors, and run
# every test (unit, model, widgets offscreen, end to end on ../shared/data) with CTest.
# Usage: tests/run.sh [preset]   (release by default; asan-ubsan for the sanitizer build)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
preset=${1:-release}

bash "$here/packaging/install-deps.sh"
cmake --preset "$preset" -S "$here"
cmake --build "$here/build/$preset"
cd "$here"
QT_QPA_PLATFORM=offscreen ctest --preset "$preset" -j "$(nproc)"
