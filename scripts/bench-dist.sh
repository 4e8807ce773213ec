#!/usr/bin/env bash
# Distributed benchmark: the same corpus through `claimcheck run --jobs 2` and through
# `claimcheck dist` on 2 processes x 1 worker on loopback. Prints wall time, peak RSS per
# process, bytes sent between processes and the overhead ratio; checks that the reports are
# byte-identical; writes reports/bench-dist.csv.
#
# usage: scripts/bench-dist.sh [N] [SHARED]   (N default 10000; SHARED default ../shared)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
shared=${2:-../shared}
work=target/bench
source scripts/corpus.sh
ensure_corpus "$n" "$shared"
mkdir -p reports
cargo build --release -q --features distributed
bin=./target/release/claimcheck

echo "bench-dist: claimcheck run --jobs 2 on $n articles ($mb MB)"
rm -rf "$work/dist-single" "$work/dist-two"
measure "$work/single.time" $bin run "$corpus" --out "$work/dist-single" --quiet --no-xlsx --jobs 2
read -r single_wall single_rss < "$work/single.time"

ports=$(python3 -c 'import socket
s=[socket.socket() for _ in range(2)]
[x.bind(("127.0.0.1",0)) for x in s]
print(" ".join(str(x.getsockname()[1]) for x in s))')
read -r port0 port1 <<< "$ports"
printf '127.0.0.1:%s\n127.0.0.1:%s\n' "$port0" "$port1" > "$work/hosts.txt"
echo "bench-dist: claimcheck dist, 2 processes x 1 worker on loopback"
t0=$(date +%s.%N)
measure "$work/p1.time" $bin dist "$corpus" --out "$work/dist-two" --no-xlsx \
  -- -n 2 -p 1 -h "$work/hosts.txt" 2> "$work/p1.log" &
p1=$!
measure "$work/p0.time" $bin dist "$corpus" --out "$work/dist-two" --no-xlsx \
  -- -n 2 -p 0 -h "$work/hosts.txt" 2> "$work/p0.log"
wait "$p1"
two_wall=$(echo "$(date +%s.%N) - $t0" | bc)
read -r _ p0_rss < "$work/p0.time"
read -r _ p1_rss < "$work/p1.time"
sent0=$(grep -o '[0-9.]* MB sent' "$work/p0.log" | awk '{print $1}')
sent1=$(grep -o '[0-9.]* MB sent' "$work/p1.log" | awk '{print $1}')

same=yes
for f in claims.csv mentions.csv articles.csv; do
  cmp -s "$work/dist-single/$f" "$work/dist-two/$f" || { same=no; echo "bench-dist: $f differs" >&2; }
done

python3 - "$n" "$mb" "$single_wall" "$single_rss" "$two_wall" "$p0_rss" "$p1_rss" "$sent0" "$sent1" "$same" <<'PY'
import csv, sys
n, mb, sw, srss, tw, r0, r1, s0, s1, same = sys.argv[1:]
sw, tw, srss, r0, r1 = float(sw), float(tw), int(srss) / 1024, int(r0) / 1024, int(r1) / 1024
rows = [
    {"run": "run --jobs 2", "process": "0", "wall_s": f"{sw:.2f}", "peak_rss_mb": f"{srss:.0f}", "mb_sent": "0"},
    {"run": "dist 2x1", "process": "0", "wall_s": f"{tw:.2f}", "peak_rss_mb": f"{r0:.0f}", "mb_sent": s0},
    {"run": "dist 2x1", "process": "1", "wall_s": f"{tw:.2f}", "peak_rss_mb": f"{r1:.0f}", "mb_sent": s1},
]
for r in rows:
    r.update(articles=n, mb=mb)
with open("reports/bench-dist.csv", "w", newline="") as f:
    w = csv.DictWriter(f, ["run", "process", "articles", "mb", "wall_s", "peak_rss_mb", "mb_sent"])
    w.writeheader()
    w.writerows(rows)
print(f"{'run':<14} {'process':>7} {'wall s':>8} {'RSS MB':>8} {'MB sent':>8}")
for r in rows:
    print(f"{r['run']:<14} {r['process']:>7} {r['wall_s']:>8} {r['peak_rss_mb']:>8} {r['mb_sent']:>8}")
print(f"overhead: dist 2x1 takes {tw / sw:.2f}x the time of run --jobs 2; "
      f"largest process RSS {max(r0, r1) / srss:.0%} of the single run's; reports identical: {same}")
print("written to reports/bench-dist.csv")
PY
[ "$same" = yes ]
