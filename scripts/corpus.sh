# Sourced by the benchmark scripts: `ensure_corpus N SHARED` builds (once) a corpus of N
# articles from real text in target/bench/corpus-N and sets $corpus and $mb (its size in MB).
ensure_corpus() {
  local n=$1 shared=$2
  corpus=target/bench/corpus-$n
  mkdir -p target/bench
  if [ ! -f "$shared/bench/make_corpus.py" ]; then
    echo "bench: $shared/bench/make_corpus.py not found" >&2
    exit 2
  fi
  if [ ! -f "$corpus/.complete" ]; then
    echo "bench: building a corpus of $n articles in $corpus"
    rm -rf "$corpus"
    python3 "$shared/bench/make_corpus.py" "$n" "$corpus"
    touch "$corpus/.complete"
  fi
  mb=$(du -sb --apparent-size "$corpus" | awk '{printf "%.1f", $1 / 1e6}')
}

# `measure LOG CMD...`: runs CMD and writes "wall_seconds peak_rss_kb" to LOG.
measure() {
  local log=$1; shift
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "%e %M" -o "$log" "$@"
  else
    local t0; t0=$(date +%s.%N)
    "$@"
    echo "$(echo "$(date +%s.%N) - $t0" | bc) 0" > "$log"
  fi
}
