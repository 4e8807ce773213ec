#!/usr/bin/env bash
# Opens a run's claimcheck.xlsx in LibreOffice (headless), converts every sheet to CSV as shown,
# and checks each against the CSV report it was written from. Needs `soffice` on PATH.
set -euo pipefail
reports=${1:-reports}
if ! command -v soffice >/dev/null; then
  echo "xlsx-roundtrip: soffice (LibreOffice) not found, skipped"
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$reports/claimcheck.xlsx" "$work/"
# Filter tokens: comma, double quote, UTF-8, from line 1, ..., save cell contents as shown, all sheets.
(cd "$work" && soffice --headless \
  --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1' \
  claimcheck.xlsx >/dev/null 2>&1)
python3 - "$work" "$reports" <<'PY'
import csv, sys
work, reports = sys.argv[1], sys.argv[2]
failed = False
for sheet, name in [("Claims", "claims"), ("Mentions", "mentions"), ("Articles", "articles")]:
    with open(f"{work}/claimcheck-{sheet}.csv", encoding="utf-8", newline="") as f:
        lo = list(csv.reader(f))
    with open(f"{reports}/{name}.csv", encoding="utf-8-sig", newline="") as f:
        cc = list(csv.reader(f))
    diffs = [(i + 1, a, b) for i, (a, b) in enumerate(zip(lo, cc)) if a != b]
    ok = len(lo) == len(cc) and not diffs
    failed |= not ok
    print(f"{sheet}: {len(lo)} rows in LibreOffice, {len(cc)} in {name}.csv: {'same' if ok else 'DIFFERENT'}")
    for row, a, b in diffs[:3]:
        print(f"  row {row}: xlsx {a}\n         csv  {b}")
sys.exit(1 if failed else 0)
PY
