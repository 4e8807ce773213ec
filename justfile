# claimcheck recipes. Every recipe wraps a plain cargo command, shown in README.md.

shared := env_var_or_default("CLAIMCHECK_SHARED", "../shared")

# List the recipes.
default:
    @just --list

# Analyse data/articles/ (or the given inputs) into reports/.
run *ARGS:
    cargo run --release -- run {{ARGS}}

# Run every test.
test:
    cargo test --workspace --release --features distributed

# Score each stage on the public gold data in ../shared/eval/.
eval:
    cargo build --release -q
    cargo run --release -q -p clean --example eval_clean -- {{shared}}/eval/clean
    cargo run --release -q -p segment --example eval_segment -- {{shared}}/eval
    cargo run --release -q -p extract --example eval_extract -- {{shared}}/eval/extract tests/data/stance_labels.tsv
    bash scripts/eval-ecbplus.sh {{shared}}/eval/ecbplus

# Format the code.
fmt:
    cargo fmt --all

# Lint: clippy with warnings as errors.
lint:
    cargo fmt --all --check
    cargo clippy --workspace --all-targets -- -D warnings

# Fuzz one target (clean_text, clean_html, segment, extract) for SECS seconds, seeded with the
# articles; crashes land in fuzz/artifacts/TARGET/. Needs nightly and `cargo install cargo-fuzz`.
fuzz target="extract" secs="600":
    mkdir -p fuzz/corpus/{{target}}
    cd fuzz && cargo +nightly fuzz run {{target}} corpus/{{target}} ../data/articles -- -max_total_time={{secs}} -max_len=65536

# End-to-end benchmark on N generated articles, with the Python peer pipeline for comparison;
# figures in reports/bench.csv.
bench n="10000":
    bash scripts/bench.sh {{n}} {{shared}}

# The same N articles through `run --jobs 2` and `dist` on 2 processes x 1 worker on loopback:
# time, peak RSS per process, bytes exchanged, overhead; figures in reports/bench-dist.csv.
bench-dist n="10000":
    bash scripts/bench-dist.sh {{n}} {{shared}}

# Micro-benchmarks of each stage's hot path (divan).
microbench:
    cargo bench --bench stages

# Check the known claim clusters of the seeds against the reports of a run on them.
check: run
    cargo run --release -q -- check tests/expect/seeds.toml --reports reports

# Open reports/claimcheck.xlsx in LibreOffice (headless) and check every sheet against its CSV.
xlsx-check reports="reports":
    bash scripts/xlsx-roundtrip.sh {{reports}}
