#!/usr/bin/env bash
# End-to-end benchmark: builds a corpus of N articles from real text, runs the release binary on
# it, then the Python peer pipeline on the same corpus where its environment can be set up, and
# writes every figure to reports/bench.csv.
#
# usage: scripts/bench.sh [N] [SHARED]   (N default 10000; SHARED default ../shared)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
shared=${2:-../shared}
peer_max=${CLAIMCHECK_BENCH_PEER_MAX:-10000}
work=target/bench
source scripts/corpus.sh
ensure_corpus "$n" "$shared"
mkdir -p reports
cargo build --release -q

# Like for like with the peer, which writes CSV only: the main run leaves out the workbook; a
# second run writes it too, to show what it costs.
echo "bench: claimcheck on $n articles ($mb MB)"
measure "$work/claimcheck.time" ./target/release/claimcheck run "$corpus" --out "$work/out-$n" \
  --quiet --no-bom --no-xlsx --timings "$work/timings-$n.csv"
read -r cc_wall cc_rss < "$work/claimcheck.time"
echo "bench: claimcheck on $n articles, with the workbook"
measure "$work/claimcheck-xlsx.time" ./target/release/claimcheck run "$corpus" --out "$work/out-xlsx-$n" \
  --quiet --no-bom
read -r xl_wall xl_rss < "$work/claimcheck-xlsx.time"

peer_wall=""
peer_rss=""
if [ "$n" -le "$peer_max" ]; then
  venv=.venv
  if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import pysbd, dateparser, datasketch" 2>/dev/null; then
    echo "bench: setting up the Python peer pipeline in $venv"
    python3 -m venv "$venv" && "$venv/bin/pip" install -q -r "$shared/bench/requirements.txt" \
      || echo "bench: could not install the peer pipeline's requirements; skipping it" >&2
  fi
  if "$venv/bin/python" -c "import pysbd, dateparser, datasketch" 2>/dev/null; then
    echo "bench: Python peer pipeline on the same $n articles"
    measure "$work/peer.time" "$venv/bin/python" "$shared/bench/baseline.py" "$corpus" "$work/peer-out-$n" \
      2> "$work/peer-stages-$n.log"
    read -r peer_wall peer_rss < "$work/peer.time"
  fi
else
  echo "bench: peer pipeline skipped above $peer_max articles (CLAIMCHECK_BENCH_PEER_MAX)"
fi

python3 - "$n" "$mb" "$cc_wall" "$cc_rss" "$work/timings-$n.csv" "$peer_wall" "$peer_rss" "$xl_wall" "$xl_rss" <<'PY'
import csv, sys
n, mb, cc_wall, cc_rss, timings, peer_wall, peer_rss, xl_wall, xl_rss = sys.argv[1:]
n, mb, cc_wall, xl_wall = int(n), float(mb), float(cc_wall), float(xl_wall)
rows = []
for t in csv.DictReader(open(timings)):
    rows.append({"tool": "claimcheck", "stage": t["stage"], "articles": n, "mb": mb,
                 "wall_s": t["wall_s"], "cpu_s": t["cpu_s"], "articles_per_s": t["articles_per_s"],
                 "mb_per_s": t["mb_per_s"], "peak_rss_mb": t.get("peak_rss_mb", ""), "threads": t["threads"]})
rows.append({"tool": "claimcheck", "stage": "process", "articles": n, "mb": mb, "wall_s": f"{cc_wall:.2f}",
             "cpu_s": "", "articles_per_s": f"{n / cc_wall:.1f}", "mb_per_s": f"{mb / cc_wall:.1f}",
             "peak_rss_mb": f"{int(cc_rss) / 1024:.0f}", "threads": ""})
rows.append({"tool": "claimcheck", "stage": "process+xlsx", "articles": n, "mb": mb, "wall_s": f"{xl_wall:.2f}",
             "cpu_s": "", "articles_per_s": f"{n / xl_wall:.1f}", "mb_per_s": f"{mb / xl_wall:.1f}",
             "peak_rss_mb": f"{int(xl_rss) / 1024:.0f}", "threads": ""})
if peer_wall:
    pw = float(peer_wall)
    rows.append({"tool": "python-peer", "stage": "process", "articles": n, "mb": mb, "wall_s": f"{pw:.2f}",
                 "cpu_s": "", "articles_per_s": f"{n / pw:.1f}", "mb_per_s": f"{mb / pw:.1f}",
                 "peak_rss_mb": f"{int(peer_rss) / 1024:.0f}", "threads": "1"})
    rows.append({"tool": "ratio", "stage": "process", "articles": n, "mb": mb,
                 "wall_s": f"{pw / cc_wall:.1f}", "cpu_s": "", "articles_per_s": "", "mb_per_s": "",
                 "peak_rss_mb": "", "threads": ""})
cols = ["tool", "stage", "articles", "mb", "wall_s", "cpu_s", "articles_per_s", "mb_per_s", "peak_rss_mb", "threads"]
with open("reports/bench.csv", "w", newline="") as f:
    w = csv.DictWriter(f, cols)
    w.writeheader()
    w.writerows(rows)
print(f"{'tool':<12} {'stage':<28} {'wall s':>8} {'cpu s':>8} {'art/s':>10} {'MB/s':>8} {'RSS MB':>7}")
for r in rows:
    print(f"{r['tool']:<12} {r['stage']:<28} {r['wall_s']:>8} {r['cpu_s']:>8} {r['articles_per_s']:>10} {r['mb_per_s']:>8} {r['peak_rss_mb']:>7}")
if peer_wall:
    print(f"claimcheck is {float(peer_wall) / cc_wall:.1f}x the Python peer pipeline on {n} articles"
          f" (CSV reports, as the peer writes; {float(peer_wall) / xl_wall:.1f}x with the workbook too)")
print("written to reports/bench.csv (per-article stages: CPU time summed over threads, MB/s per core)")
PY
