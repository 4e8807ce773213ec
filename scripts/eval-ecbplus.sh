#!/usr/bin/env bash
# Runs claimcheck on the ECB+ train and dev documents and scores its clusters against the gold
# cross-document event chains with the corpus's own scorer.
set -euo pipefail
ecb=${1:-../shared/eval/ecbplus}
if [ ! -f "$ecb/score.py" ]; then
  echo "ecbplus: $ecb/score.py not found, skipped"
  exit 0
fi
for split in train dev; do
  out=target/eval/ecbplus-$split
  ./target/release/claimcheck run "$ecb/$split/docs" --out "$out" --quiet --no-bom
  echo "== ECB+ $split: mention-pair scores"
  python3 "$ecb/score.py" "$ecb/$split" "$out"
done
