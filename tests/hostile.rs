//! Hostile input and interrupted runs: every bad file gets a reason, the batch goes on, and a
//! killed run never leaves a half-written report.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed test should panic

mod common;

use common::*;
use std::collections::HashMap;
use std::path::Path;
use std::time::Duration;

const PROSE: &str = "North Korea sent about 11,000 troops to Russia in October 2024, officials in Seoul said on Monday. ";

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) {
    std::fs::write(dir.join(name), bytes).unwrap();
}

fn random_bytes(n: usize, mut x: u64) -> Vec<u8> {
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        })
        .collect()
}

/// Statuses of `articles.csv` by article name.
fn statuses(out: &Path) -> HashMap<String, String> {
    rows(&out.join("articles.csv"))
        .into_iter()
        .map(|a| (a["article"].clone(), a["status"].clone()))
        .collect()
}

#[test]
fn every_bad_file_is_named_with_a_reason_and_the_batch_goes_on() {
    let input = tempfile::tempdir().unwrap();
    let dir = input.path();
    write(dir, "good.txt", PROSE);
    write(dir, "empty.txt", "");
    write(dir, "binary.html", random_bytes(50_000, 7));
    write(dir, "nul_bytes.txt", PROSE.replace("troops", "troops\0\0"));
    let mut truncated =
        format!("{PROSE}Kim Jong Un praised the “invincible alliance”").into_bytes();
    truncated.truncate(truncated.len() - 2);
    write(dir, "truncated_utf8.txt", truncated);
    let utf16: Vec<u8> = PROSE.encode_utf16().flat_map(u16::to_le_bytes).collect();
    write(dir, "utf16_no_bom.txt", utf16);
    write(dir, "long_line.txt", PROSE.repeat(30_000));
    // One line with no sentence punctuation at all: one "sentence" of 3 MB.
    let blob = PROSE.replace(['.', '!', '?', '\n'], " ");
    write(dir, "unpunctuated_line.txt", blob.repeat(30_000));
    let nested = format!(
        "<html><body>{}<p>{PROSE}</p>{}</body></html>",
        "<div>".repeat(20_000),
        "</div>".repeat(20_000)
    );
    write(dir, "deeply_nested.html", nested);
    write(
        dir,
        "unclosed.html",
        format!("<html><body><article><p>{PROSE}<p>{PROSE}<div><span><b>"),
    );
    write(
        dir,
        "records.jsonl",
        format!("{{\"id\":\"r1\",\"text\":\"{PROSE}\"}}\n{{\"id\":\"r2\",\"text\":\"cut off\n"),
    );
    std::fs::create_dir(dir.join("loop")).unwrap();
    std::os::unix::fs::symlink(dir, dir.join("loop/back")).unwrap();
    std::os::unix::fs::symlink(dir.join("missing.txt"), dir.join("dangling.txt")).unwrap();
    write(
        dir,
        "manifest.csv",
        "article,published\ngood.txt,2024-13-45\nnot_here.txt,2024-10-01\n",
    );

    let out = tempfile::tempdir().unwrap();
    let output = run(&[dir.to_str().unwrap()], out.path());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    let status = statuses(out.path());
    let skipped = |name: &str| {
        let s = status
            .get(name)
            .unwrap_or_else(|| panic!("{name} missing: {status:?}"));
        assert!(s.starts_with("skipped: ") && s.len() > 12, "{name}: {s}");
        assert!(
            stderr.contains(name),
            "{name} not named on stderr: {stderr}"
        );
    };
    let ok = |name: &str| assert_eq!(status.get(name).map(String::as_str), Some("ok"), "{name}");
    skipped("empty.txt");
    skipped("binary.html");
    skipped("dangling.txt");
    // NUL bytes mark binary data (as in git and ripgrep), even inside otherwise readable text.
    skipped("nul_bytes.txt");
    ok("good.txt");
    ok("truncated_utf8.txt");
    ok("utf16_no_bom.txt");
    ok("long_line.txt");
    ok("unpunctuated_line.txt");
    ok("deeply_nested.html");
    ok("unclosed.html");
    ok("r1");
    assert!(
        status.keys().any(|k| k.contains("records.jsonl:2")) || stderr.contains("records.jsonl:2"),
        "the broken JSONL line is named: {status:?} {stderr}"
    );
    assert!(
        stderr.contains("manifest.csv:2"),
        "bad date named by line: {stderr}"
    );
    assert!(
        stderr.contains("not_here.txt"),
        "unknown manifest file named: {stderr}"
    );

    let mentions = rows(&out.path().join("mentions.csv"));
    let said = |article: &str| {
        mentions
            .iter()
            .any(|m| m["article"] == article && m["text"].contains("11,000 troops"))
    };
    assert!(said("utf16_no_bom.txt"), "UTF-16 decoded: {mentions:?}");
    assert!(said("unclosed.html"));
    assert!(mentions.iter().all(|m| !m["text"].contains('\0')));
}

#[test]
fn files_over_the_size_limit_are_skipped_with_the_limit_named() {
    let input = tempfile::tempdir().unwrap();
    write(input.path(), "big.txt", PROSE.repeat(200));
    write(input.path(), "small.txt", PROSE);
    let out = tempfile::tempdir().unwrap();
    let output = run(
        &[input.path().to_str().unwrap(), "--max-file-size", "5000"],
        out.path(),
    );
    assert!(output.status.success());
    let status = statuses(out.path());
    assert_eq!(status["small.txt"], "ok");
    assert!(status["big.txt"].contains("5000"), "{}", status["big.txt"]);
}

/// Kills runs at several moments and checks each report is either the previous one, untouched, or
/// a complete new one: never a partial file under the final name, never a leftover temporary.
#[test]
fn a_killed_run_leaves_the_previous_reports_intact() {
    let input = tempfile::tempdir().unwrap();
    for i in 0..400 {
        let text = format!(
            "Story {i}\n\n{}",
            PROSE
                .replace("11,000", &format!("{},000", 10 + i % 7))
                .repeat(40)
        );
        write(input.path(), &format!("a{i:04}.txt"), text);
    }
    let out = tempfile::tempdir().unwrap();
    let names = ["claims.csv", "mentions.csv", "articles.csv"];
    for name in names {
        write(out.path(), name, format!("previous {name}\r\n"));
    }
    for delay_ms in [5, 40, 120, 300] {
        let mut child = claimcheck()
            .args(["run", input.path().to_str().unwrap(), "--quiet", "--out"])
            .arg(out.path())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        let _ = child.kill();
        child.wait().unwrap();
        for name in names {
            let bytes = std::fs::read(out.path().join(name)).unwrap();
            let text = String::from_utf8(bytes).unwrap();
            let previous = text == format!("previous {name}\r\n");
            let complete = text.starts_with('\u{feff}') && text.ends_with("\r\n") && {
                let mut reader = csv::Reader::from_reader(text.as_bytes());
                reader.records().all(|r| r.is_ok())
            };
            assert!(previous || complete, "{name} after a kill at {delay_ms} ms");
        }
    }
    // A kill while writing may leave hidden temporaries; the next complete run removes them.
    let output = run(&[input.path().to_str().unwrap()], out.path());
    assert!(output.status.success());
    let leftovers: Vec<_> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !names.contains(&n.as_str()) && n != "claimcheck.xlsx")
        .collect();
    assert!(leftovers.is_empty(), "leftover files {leftovers:?}");
}

#[test]
fn hostile_cells_round_trip_as_text() {
    let input = tempfile::tempdir().unwrap();
    let lines = [
        "=1+2 North Korea sent 11,000 troops to Russia in 2024, officials said on Monday.",
        "+SUM(A1) Russia denied that it had received 20,000 shells in 2023, state media said.",
        "-5 percent of the 3,000 soldiers were wounded in March 2024, the ministry said.",
        "@cmd The agency said 400 people had died in the floods in 2022.",
    ];
    write(input.path(), "hostile.txt", lines.join("\n\n"));
    let out = tempfile::tempdir().unwrap();
    let output = run(
        &[input.path().to_str().unwrap(), "--all-sentences"],
        out.path(),
    );
    assert!(output.status.success());
    let mentions = rows(&out.path().join("mentions.csv"));
    for line in lines {
        let first = line.split(' ').next().unwrap();
        let m = mentions
            .iter()
            .find(|m| m["text"].starts_with(&format!("'{first}")))
            .unwrap_or_else(|| panic!("{line:?} not found defused: {mentions:?}"));
        let restored = m["text"].strip_prefix('\'').unwrap();
        assert!(line.starts_with(restored.split(' ').next().unwrap()));
    }
    for m in &mentions {
        for v in m.values() {
            assert!(!v.starts_with(['=', '+', '-', '@', '\t', '\r']), "{v:?}");
        }
    }
}

/// Inputs the fuzzers once found to crash or hang a stage (`just fuzz`), kept so they never do
/// again. Each runs through the whole per-article pipeline as text and as HTML.
#[test]
fn fuzz_findings_stay_fixed() {
    use claimcheck::pipeline::{analyse_article, Options};
    let dir = root().join("tests/data/fuzz");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        for format in [clean::Format::Text, clean::Format::Html] {
            let meta = model::ArticleMeta::default();
            let result = analyse_article(&bytes, format, meta, &Options::default());
            for m in &result.mentions {
                assert!(m.source_end <= bytes.len(), "{}", path.display());
            }
        }
        seen += 1;
    }
    assert!(seen > 0, "no fuzz findings in {}", dir.display());
}
