//! Messy input, exit codes and determinism: the run goes on, names what it skipped, and gives the
//! same bytes whatever the thread count or input order.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed test should panic

mod common;

use common::*;
use std::path::Path;

fn seed(name: &str) -> Vec<u8> {
    std::fs::read(root().join("data/articles").join(name)).unwrap()
}

/// A folder of two good seeds plus an empty file, random bytes, a Windows-1252 file and a CRLF file.
fn messy_folder(dir: &Path) {
    std::fs::write(dir.join("a_seed.txt"), seed("001_5fecd03e8145db5a.txt")).unwrap();
    std::fs::write(dir.join("b_empty.txt"), b"").unwrap();
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    let random: Vec<u8> = (0..4096)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        })
        .collect();
    std::fs::write(dir.join("c_random.txt"), random).unwrap();
    let cp1252 = "Kim Jong Un met Sergei Lavrov in Wonsan on Friday, state media said.\n\n\
        The \u{201c}invincible alliance\u{201d} was praised by both sides, the caf\u{e9} owner said.\n";
    let bytes: Vec<u8> = cp1252
        .chars()
        .map(|c| match c {
            '\u{201c}' => 0x93,
            '\u{201d}' => 0x94,
            '\u{e9}' => 0xe9,
            c => c as u8,
        })
        .collect();
    std::fs::write(dir.join("d_cp1252.txt"), bytes).unwrap();
    let crlf = String::from_utf8(seed("003_0cb10bd2fce94f6c.txt"))
        .unwrap()
        .replace('\n', "\r\n");
    std::fs::write(dir.join("e_crlf.txt"), crlf).unwrap();
}

#[test]
fn messy_folder_still_produces_reports() {
    let input = tempfile::tempdir().unwrap();
    messy_folder(input.path());
    let out = tempfile::tempdir().unwrap();
    let output = run(&[input.path().to_str().unwrap()], out.path());
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    let articles = rows(&out.path().join("articles.csv"));
    let status = |name: &str| {
        articles
            .iter()
            .find(|a| a["article"] == name)
            .map(|a| a["status"].clone())
            .unwrap()
    };
    assert_eq!(status("a_seed.txt"), "ok");
    assert!(
        status("b_empty.txt").starts_with("skipped: "),
        "{}",
        status("b_empty.txt")
    );
    assert!(
        status("c_random.txt").starts_with("skipped: "),
        "{}",
        status("c_random.txt")
    );
    assert_eq!(status("d_cp1252.txt"), "ok");
    assert_eq!(status("e_crlf.txt"), "ok");
    assert!(
        stderr.contains("b_empty.txt") && stderr.contains("c_random.txt"),
        "{stderr}"
    );
    let mentions = rows(&out.path().join("mentions.csv"));
    let cp = mentions
        .iter()
        .find(|m| m["article"] == "d_cp1252.txt" && m["text"].contains("caf"));
    assert!(
        cp.is_some_and(|m| m["text"].contains("café") && m["text"].contains("\u{201c}")),
        "{mentions:?}"
    );
    assert!(mentions.iter().all(|m| !m["text"].contains('\r')));
}

#[test]
fn reports_do_not_depend_on_threads_or_input_order() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    run_seeds(a.path(), &["--jobs", "1"]);
    let files = [
        "data/articles/004_6088fd10b48ff712.txt",
        "data/articles/002_ce06e966fef7977f.txt",
        "data/articles/000_96f1fabbbdf65461.txt",
        "data/articles/003_0cb10bd2fce94f6c.txt",
        "data/articles/001_5fecd03e8145db5a.txt",
    ];
    let mut args = files.to_vec();
    args.extend(["--manifest", "data/manifest.csv", "--jobs", "2"]);
    let output = run(&args, b.path());
    assert!(output.status.success());
    for name in ["claims.csv", "mentions.csv", "articles.csv"] {
        let x = std::fs::read(a.path().join(name)).unwrap();
        let y = std::fs::read(b.path().join(name)).unwrap();
        assert!(
            x == y,
            "{name} differs between --jobs 1 and shuffled --jobs 2"
        );
    }
}

#[test]
fn exit_code_is_1_when_nothing_could_be_read() {
    let input = tempfile::tempdir().unwrap();
    std::fs::write(input.path().join("empty.txt"), b"").unwrap();
    let out = tempfile::tempdir().unwrap();
    let output = run(&[input.path().to_str().unwrap()], out.path());
    assert_eq!(output.status.code(), Some(1));
    assert!(
        out.path().join("articles.csv").exists(),
        "reports are still written"
    );
}

#[test]
fn exit_code_is_2_for_an_unwritable_output_folder() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("file");
    std::fs::write(&blocker, b"x").unwrap();
    let out = blocker.join("reports");
    let output = run(&["data/articles"], &out);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains(&*out.to_string_lossy()), "{stderr}");
}

#[test]
fn exit_code_is_2_for_a_missing_input() {
    let out = tempfile::tempdir().unwrap();
    let output = run(&["no/such/folder"], out.path());
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no/such/folder"));
}

#[test]
fn jsonl_records_are_articles_and_a_broken_line_is_skipped() {
    let input = tempfile::tempdir().unwrap();
    let good = serde_json::json!({"id": "wire-1", "published": "2024-12-19", "title": "T",
        "text": "Reports from Seoul indicate that approximately 600 North Korean soldiers have died in the war, officials said on Tuesday."});
    let html = serde_json::json!({"id": "wire-2", "html": "<html><body><article><p>North Korea sent about 11,000 troops to Russia's Kursk region last year, South Korean intelligence said.</p></article></body></html>"});
    let body = format!("{good}\n{{broken\n{html}\n");
    std::fs::write(input.path().join("batch.jsonl"), body).unwrap();
    let out = tempfile::tempdir().unwrap();
    let output = run(&[input.path().to_str().unwrap()], out.path());
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let articles = rows(&out.path().join("articles.csv"));
    let ids: Vec<&str> = articles.iter().map(|a| a["article"].as_str()).collect();
    assert_eq!(ids, ["batch.jsonl:2", "wire-1", "wire-2"]);
    assert!(articles[0]["status"].starts_with("skipped: line 2"));
    let mentions = rows(&out.path().join("mentions.csv"));
    let m = mentions
        .iter()
        .find(|m| m["article"] == "wire-1")
        .expect("wire-1 has a claim");
    assert_eq!(m["line"], "1");
    let text = good["text"].as_str().unwrap();
    let (s, e): (usize, usize) = (m["start"].parse().unwrap(), m["end"].parse().unwrap());
    assert_eq!(&text[s..e], m["text"]);
    assert!(mentions
        .iter()
        .any(|m| m["article"] == "wire-2" && m["line"] == "3"));
}

#[test]
fn a_jsonl_date_timestamp_dates_the_article() {
    let input = tempfile::tempdir().unwrap();
    let record = serde_json::json!({"id": "wire-3", "date": "2024-12-19T08:30:00Z",
        "text": "Approximately 600 North Korean soldiers have died in the war, officials said on Tuesday."});
    std::fs::write(input.path().join("feed.jsonl"), format!("{record}\n")).unwrap();
    let out = tempfile::tempdir().unwrap();
    assert!(run(&[input.path().to_str().unwrap()], out.path())
        .status
        .success());
    let articles = rows(&out.path().join("articles.csv"));
    assert_eq!(articles[0]["published"], "2024-12-19");
    let mentions = rows(&out.path().join("mentions.csv"));
    assert!(mentions.iter().any(|m| m["dates"].contains("2024-12-17")));
}

#[test]
fn formula_like_text_is_defused_in_reports() {
    let input = tempfile::tempdir().unwrap();
    let text = "=HYPERLINK(\"http://evil\") North Korea sent 11,000 troops to Russia in 2024, officials in Seoul said on Monday.\n";
    std::fs::write(input.path().join("evil.txt"), text).unwrap();
    let out = tempfile::tempdir().unwrap();
    let output = run(
        &[input.path().to_str().unwrap(), "--all-sentences"],
        out.path(),
    );
    assert!(output.status.success());
    let mentions = rows(&out.path().join("mentions.csv"));
    assert!(!mentions.is_empty());
    for m in &mentions {
        for (col, v) in m {
            assert!(
                !v.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{col} = {v:?}"
            );
        }
    }
    assert!(mentions
        .iter()
        .any(|m| m["text"].starts_with("'=HYPERLINK")));
}
