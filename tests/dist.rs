//! `claimcheck dist`: the run on several processes gives the single-machine run's reports, byte for
//! byte, and a process that cannot reach or loses a peer fails without writing reports.
#![cfg(feature = "distributed")]
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed test should panic

mod common;

use common::{claimcheck, root};
use std::io::Write;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

const REPORTS: [&str; 3] = ["claims.csv", "mentions.csv", "articles.csv"];

/// Two loopback addresses nobody listens on, in a host file.
fn hosts_file(dir: &Path) -> (PathBuf, [String; 2]) {
    let a = TcpListener::bind("127.0.0.1:0").unwrap();
    let b = TcpListener::bind("127.0.0.1:0").unwrap();
    let addrs = [
        a.local_addr().unwrap().to_string(),
        b.local_addr().unwrap().to_string(),
    ];
    let path = dir.join("hosts.txt");
    std::fs::write(&path, format!("{}\n{}\n", addrs[0], addrs[1])).unwrap();
    (path, addrs)
}

fn dist(inputs: &[&Path], out: &Path, extra: &[&str], timely: &[&str]) -> Command {
    let mut cmd = claimcheck();
    cmd.arg("dist")
        .args(inputs)
        .args(["--clusters-per-round", "1000"])
        .arg("--out")
        .arg(out)
        .arg("--quiet")
        .args(extra)
        .arg("--")
        .args(timely);
    cmd
}

fn assert_ok(output: &Output, what: &str) {
    assert!(
        output.status.success(),
        "{what} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// `run`, then `dist` on one process with two workers, then on two processes with one worker
/// each: all three write the same bytes. The report rows reach process 0 in rounds of 1,000
/// clusters, so larger inputs take several rounds.
fn assert_same_reports(inputs: &[&Path], extra: &[&str], files: &[&str]) {
    let tmp = tempfile::tempdir().unwrap();
    let single = tmp.path().join("run");
    let mut run = claimcheck();
    run.arg("run")
        .args(inputs)
        .arg("--out")
        .arg(&single)
        .arg("--quiet")
        .args(extra);
    assert_ok(&run.output().unwrap(), "run");

    let threads = tmp.path().join("1x2");
    assert_ok(
        &dist(inputs, &threads, extra, &["-w", "2"])
            .output()
            .unwrap(),
        "dist -w 2",
    );

    let procs = tmp.path().join("2x1");
    let (hosts, _) = hosts_file(tmp.path());
    let hosts = hosts.to_str().unwrap();
    let second = dist(inputs, &procs, extra, &["-n", "2", "-p", "1", "-h", hosts])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let first = dist(inputs, &procs, extra, &["-n", "2", "-p", "0", "-h", hosts])
        .output()
        .unwrap();
    let second = second.wait_with_output().unwrap();
    assert_ok(&first, "dist -p 0");
    assert_ok(&second, "dist -p 1");

    for name in files {
        let expected = std::fs::read(single.join(name)).unwrap();
        for dir in [&threads, &procs] {
            let got = std::fs::read(dir.join(name)).unwrap();
            assert!(
                got == expected,
                "{name} of {} differs from run's",
                dir.display()
            );
        }
    }
}

#[test]
fn seeds_give_the_same_reports_on_any_split() {
    let articles = root().join("data/articles");
    assert_same_reports(
        &[&articles],
        &["--manifest", "data/manifest.csv"],
        &[
            "claims.csv",
            "mentions.csv",
            "articles.csv",
            "claimcheck.xlsx",
        ],
    );
}

#[test]
fn thousands_of_articles_give_the_same_reports_on_any_split() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    generate(&corpus, 2_500);
    assert_same_reports(&[&corpus], &["--no-xlsx"], &REPORTS);
}

#[test]
fn articles_of_one_name_in_several_files_give_the_same_reports() {
    // JSONL ids repeat across files; the files may land on different workers.
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    generate(&corpus, 60);
    let texts: Vec<String> = (0..60)
        .map(|k| std::fs::read_to_string(corpus.join(format!("a{k:05}.txt"))).unwrap())
        .collect();
    for (f, chunk) in texts.chunks(10).enumerate() {
        let lines: Vec<String> = chunk
            .iter()
            .enumerate()
            .map(|(id, text)| {
                serde_json::json!({"id": id, "text": text, "published": "2024-12-10"}).to_string()
            })
            .collect();
        std::fs::write(corpus.join(format!("feed{f}.jsonl")), lines.join("\n")).unwrap();
    }
    assert_same_reports(&[&corpus], &["--no-xlsx"], &REPORTS);
}

#[test]
fn a_peer_that_never_comes_is_named_and_nothing_is_written() {
    let tmp = tempfile::tempdir().unwrap();
    let (hosts, addrs) = hosts_file(tmp.path());
    let out = tmp.path().join("out");
    let articles = root().join("data/articles");
    let output = dist(
        &[&articles],
        &out,
        &["--connect-timeout", "1"],
        &["-n", "2", "-p", "0", "-h", hosts.to_str().unwrap()],
    )
    .output()
    .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("process 1") && stderr.contains(&addrs[1]),
        "{stderr}"
    );
    assert_no_reports(&out);
}

#[test]
fn a_peer_lost_mid_run_is_named_and_nothing_is_written() {
    let tmp = tempfile::tempdir().unwrap();
    let (hosts, addrs) = hosts_file(tmp.path());
    let out = tmp.path().join("out");
    let articles = root().join("data/articles");
    let first = dist(
        &[&articles],
        &out,
        &[],
        &["-n", "2", "-p", "0", "-h", hosts.to_str().unwrap()],
    )
    .stderr(Stdio::piped())
    .spawn()
    .unwrap();
    // Process 1 says who it is, as timely's handshake does, and dies.
    let mut peer = (0..400)
        .find_map(|_| {
            TcpStream::connect(&addrs[0])
                .map_err(|_| std::thread::sleep(Duration::from_millis(50)))
                .ok()
        })
        .expect("process 0 listens within 20 s");
    peer.write_all(&1u64.to_be_bytes()).unwrap();
    drop(peer);
    let output = first.wait_with_output().unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("lost process 1") && stderr.contains(&addrs[1]),
        "{stderr}"
    );
    assert_no_reports(&out);
}

#[test]
fn bad_timely_flags_are_usage_errors() {
    let tmp = tempfile::tempdir().unwrap();
    let articles = root().join("data/articles");
    let output = dist(&[&articles], tmp.path(), &[], &["-n", "2", "-p", "7"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("process index 7"));
}

fn assert_no_reports(out: &Path) {
    for name in REPORTS {
        assert!(!out.join(name).exists(), "{name} was written");
    }
}

/// `n` articles recombined from the seed sentences, with some numbers changed and publication
/// dates spread over a month, so that the run finds corroborated, single-source and conflicting
/// claims. Deterministic.
fn generate(dir: &Path, n: usize) {
    std::fs::create_dir_all(dir).unwrap();
    let mut pool: Vec<String> = Vec::new();
    for entry in std::fs::read_dir(root().join("data/articles")).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for line in text.lines().filter(|l| l.len() > 60) {
            pool.extend(
                line.split_inclusive(". ")
                    .map(|s| s.trim().to_string())
                    .filter(|s| s.len() > 40),
            );
        }
    }
    pool.sort();
    assert!(pool.len() > 50, "seed sentences: {}", pool.len());
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = |m: usize| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((state >> 33) as usize) % m
    };
    let mut manifest = String::from("article,published\n");
    for k in 0..n {
        let mut text = format!("Story {k}\n\n");
        for _ in 0..6 + next(8) {
            let mut s = pool[next(pool.len())].clone();
            if next(5) == 0 {
                // Another outlet's figure: bump the first digit.
                if let Some(i) = s.find(|c: char| c.is_ascii_digit() && c != '9') {
                    let d = s.as_bytes()[i] + 1;
                    s.replace_range(i..i + 1, &(d as char).to_string());
                }
            }
            text.push_str(&s);
            text.push_str(if next(3) == 0 { "\n\n" } else { " " });
        }
        let name = format!("a{k:05}.txt");
        std::fs::write(dir.join(&name), text).unwrap();
        manifest.push_str(&format!("{name},2024-12-{:02}\n", 1 + next(28)));
    }
    std::fs::write(dir.join("manifest.csv"), manifest).unwrap();
}
