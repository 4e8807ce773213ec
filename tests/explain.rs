//! `claimcheck explain`: a cluster's mentions shown in their source text, with the reason for its
//! status, from wherever the command is run.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed test should panic

mod common;
use common::{claimcheck, rows, run};

#[test]
fn explain_shows_a_conflict_and_its_sources_from_another_folder() {
    let project = tempfile::tempdir().unwrap();
    let articles = project.path().join("articles");
    std::fs::create_dir(&articles).unwrap();
    std::fs::write(
        articles.join("a.txt"),
        "About 1.2 million people fled the floods in July 2022, the UN said.\n",
    )
    .unwrap();
    std::fs::write(
        articles.join("b.txt"),
        "Some 1.5 million people fled the floods in July 2022, the UN said.\n",
    )
    .unwrap();
    // Run from the project folder with relative paths, as `cargo run` users do.
    let out = claimcheck()
        .current_dir(project.path())
        .args(["run", "articles", "--out", "reports", "--quiet"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let reports = project.path().join("reports");
    let claims = rows(&reports.join("claims.csv"));
    let conflict = claims
        .iter()
        .find(|r| r["status"] == "conflict")
        .unwrap_or_else(|| panic!("no conflict in {claims:?}"));

    // Explained from the test's own folder: the relative source paths still resolve.
    let out = claimcheck()
        .args(["explain", &conflict["cluster_id"], "--reports"])
        .arg(&reports)
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains(": conflict"), "{text}");
    assert!(
        text.contains("1.2 million") && text.contains("1.5 million"),
        "{text}"
    );
    assert!(
        text.contains("a.txt line 1") && text.contains("b.txt line 1"),
        "{text}"
    );
    // The source context marks the claim in the file's own text.
    assert!(text.contains("[About 1.2 million people fled"), "{text}");
    assert!(!text.contains("No such file"), "{text}");
}

#[test]
fn explain_names_a_missing_cluster_and_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    assert!(run(&["data/articles"], dir.path()).status.success());
    let out = claimcheck()
        .args(["explain", "c000000000", "--reports"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no cluster c000000000"));
}
