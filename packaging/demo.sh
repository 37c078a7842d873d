#!/usr/bin/env bash
# The README's first command: install what is missing, build, import the customer-support pair
# from ../shared/data (Twitter, real; Bitext, synthetic) into demo/customer-support.synthscope,
# run the analyses and open the workbench on it. Without a display it prints the headless
# summary instead. With --screenshots DIR it saves PNGs of each view (offscreen) and quits.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
data=${SYNTHSCOPE_DATA:-$here/../shared/data}
shots=""
if [ "${1:-}" = "--screenshots" ]; then
  shots=${2:?"--screenshots needs a folder"}
fi

bash "$here/packaging/install-deps.sh"
cmake --preset release -S "$here" >/dev/null
cmake --build "$here/build/release" --target synthscope synthscope-cli

cli=$here/build/release/app/synthscope-cli
gui=$here/build/release/app/synthscope
project=$here/demo/customer-support.synthscope
twitter=$data/twitter-customer-support-sample5000/twcs_sample.jsonl
bitext=$data/bitext-customer-support-4.5k/bitext_customer_support_training.jsonl
for f in "$twitter" "$bitext"; do
  [ -f "$f" ] || { echo "demo: $f is missing (set SYNTHSCOPE_DATA to the data folder)" >&2; exit 2; }
done

if [ ! -f "$project" ]; then
  # Build the project under a temporary name and move it into place when complete.
  mkdir -p "$here/demo"
  tmp=$here/demo/.building.synthscope
  rm -f "$tmp" "$tmp-wal" "$tmp-shm"
  "$cli" import --project "$tmp" --role real --name twitter-customer-support \
    --text-field text --meta generator=human "$twitter"
  "$cli" import --project "$tmp" --role synthetic --name bitext-customer-support \
    --text-template '{instruction}\n{response}' --label-field category \
    --meta generator=bitext --meta template_version=4.5k "$bitext"
  mv "$tmp" "$project"
fi
"$cli" analyze --project "$project"
"$cli" layout --project "$project"   # the neighbour layout of the cluster map

if [ -n "$shots" ]; then
  QT_QPA_PLATFORM=offscreen "$gui" "$project" --screenshots "$shots"
  # The prompts view (README, "Prompts: what users type"): customer messages as prompts, agent
  # replies as responses, Bitext as conversations; its Divergence view as prompts-divergence.png.
  views=$here/demo/support-views.synthscope
  if [ ! -f "$views" ]; then
    tmp=$here/demo/.building-views.synthscope
    rm -f "$tmp" "$tmp-wal" "$tmp-shm"
    "$cli" import --project "$tmp" --role real --name customer-messages --text-field text \
      --text-role prompt --where inbound=True "$twitter"
    "$cli" import --project "$tmp" --role real --name agent-replies --text-field text \
      --text-role response --where inbound=False "$twitter"
    "$cli" import --project "$tmp" --role synthetic --name bitext "$bitext"
    mv "$tmp" "$views"
  fi
  "$cli" analyze --project "$views" --view prompts
  viewshots=$(mktemp -d)
  QT_QPA_PLATFORM=offscreen "$gui" "$views" --view prompts --screenshots "$viewshots"
  cp "$viewshots/divergence.png" "$shots/prompts-divergence.png"
  rm -rf "$viewshots"
  # The Chinese interface and a dark palette (README, "Languages and dark mode").
  extra=$(mktemp -d)
  QT_QPA_PLATFORM=offscreen "$gui" "$project" --language zh_CN --screenshots "$extra"
  cp "$extra/overview.png" "$shots/overview-zh_CN.png"
  cp "$extra/review.png" "$shots/review-zh_CN.png"
  rm -rf "$extra" && extra=$(mktemp -d)
  QT_QPA_PLATFORM=offscreen "$gui" "$project" --palette dark --screenshots "$extra"
  cp "$extra/divergence.png" "$shots/divergence-dark.png"
  cp "$extra/cluster-map.png" "$shots/cluster-map-dark.png"
  rm -rf "$extra"
elif [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  exec "$gui" "$project"
else
  echo
  echo "No display found (DISPLAY and WAYLAND_DISPLAY are unset), so the workbench cannot open."
  echo "Headless summary of $project:"
  echo
  "$cli" summary --project "$project"
fi
