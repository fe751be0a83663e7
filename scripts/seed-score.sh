#!/usr/bin/env bash
# Score mizan on the seed articles with ../shared/eval (score.py: recall; score-facts.py:
# precision) and compare with .ci/seed-floor.
# usage: scripts/seed-score.sh [path/to/mizan]   (exit 1 when a score falls below its floor,
# 2 when ../shared or the binary is missing)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/release/mizan}
shared=../shared
for need in "$shared/seeds" "$shared/eval/score.py" "$shared/eval/seeds-expected.json"; do
  if [ ! -e "$need" ]; then
    echo "seed score: $need is missing: the seed articles and the scorer are read from ../shared," >&2
    echo "seed score: a folder beside this repository that this machine does not have; nothing scored" >&2
    exit 2
  fi
done
if [ ! -x "$bin" ]; then
  echo "seed score: $bin does not exist; build it first: cargo build --release" >&2
  exit 2
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if ! "$bin" brief "$shared/seeds" --out "$tmp/seeds" 2>"$tmp/brief.err"; then
  echo "seed score: mizan brief on $shared/seeds did not finish cleanly:" >&2
  cat "$tmp/brief.err" >&2
  exit 1
fi
python3 "$shared/eval/score.py" "$tmp/seeds/facts.json" "$shared/eval/seeds-expected.json" \
  "$shared/eval/seeds-mentions.json" "$shared/seeds" | tee "$tmp/score.txt"
python3 -c 'import yaml' 2>/dev/null || python3 -m pip install --quiet pyyaml
python3 "$shared/eval/score-facts.py" "$tmp/seeds/facts.json" "$shared/eval/seeds-facts-key.yaml" \
  "$shared/seeds" | tee "$tmp/facts.txt"
summary="$(grep '^SUMMARY' "$tmp/score.txt") $(grep '^SUMMARY' "$tmp/facts.txt" | sed 's/^SUMMARY//')"
fail=0
while read -r metric floor; do
  case "$metric" in ''|'#'*) continue ;; esac
  value=$(printf '%s\n' "$summary" | tr ' ' '\n' | sed -n "s/^$metric=//p")
  if [ -z "$value" ]; then echo "seed score: $metric missing from the scorer's summary"; fail=1; continue; fi
  if [ "$metric" = align_pairs_per_gold ]; then
    ok=$(awk -v v="$value" -v f="$floor" 'BEGIN { print (v <= f + 1e-9) ? 1 : 0 }')
    rel="<="
  else
    ok=$(awk -v v="$value" -v f="$floor" 'BEGIN { print (v >= f - 1e-9) ? 1 : 0 }')
    rel=">="
  fi
  if [ "$ok" != 1 ]; then echo "seed score: $metric = $value, must be $rel $floor"; fail=1; fi
done < .ci/seed-floor
[ "$fail" = 0 ] && echo "seed score: every metric at or past its floor"
exit "$fail"
