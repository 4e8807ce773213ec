//! A small harness for the integration tests: run the claimcheck binary, read its reports.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed test should panic
#![allow(dead_code)] // each test file uses a different part of the harness

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn claimcheck() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_claimcheck"));
    cmd.current_dir(root());
    cmd
}

/// Runs `claimcheck run ARGS --out OUT --quiet` and returns its output, asserting nothing.
pub fn run(args: &[&str], out: &Path) -> Output {
    claimcheck()
        .arg("run")
        .args(args)
        .arg("--out")
        .arg(out)
        .arg("--quiet")
        .output()
        .expect("claimcheck runs")
}

/// Runs on the seed articles with their manifest and asserts success.
pub fn run_seeds(out: &Path, extra: &[&str]) {
    let mut args = vec!["data/articles", "--manifest", "data/manifest.csv"];
    args.extend_from_slice(extra);
    let output = run(&args, out);
    assert!(
        output.status.success(),
        "claimcheck failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// The rows of a report as maps from column name to value.
pub fn rows(path: &Path) -> Vec<std::collections::HashMap<String, String>> {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(&bytes);
    let mut reader = csv::Reader::from_reader(bytes);
    let headers = reader.headers().expect("header").clone();
    reader
        .records()
        .map(|r| {
            let r = r.expect("csv row");
            headers
                .iter()
                .zip(r.iter())
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

pub fn header(path: &Path) -> Vec<String> {
    let bytes = std::fs::read(path).expect("report");
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(&bytes);
    csv::Reader::from_reader(bytes)
        .headers()
        .expect("header")
        .iter()
        .map(str::to_string)
        .collect()
}
