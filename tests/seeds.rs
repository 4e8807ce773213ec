//! Regression tests on the seed articles: known claim clusters, boilerplate, report shape.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed test should panic

mod common;

use common::*;

#[test]
fn known_claim_clusters_hold() {
    let out = tempfile::tempdir().unwrap();
    run_seeds(out.path(), &[]);
    let check = claimcheck()
        .args(["check", "tests/expect/seeds.toml", "--reports"])
        .arg(out.path())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&check.stdout);
    assert!(check.status.success(), "known clusters failed:\n{stdout}");
}

#[test]
fn reports_have_the_documented_columns() {
    let out = tempfile::tempdir().unwrap();
    run_seeds(out.path(), &[]);
    let claims = header(&out.path().join("claims.csv"));
    assert_eq!(
        claims[..9],
        [
            "cluster_id",
            "status",
            "sources",
            "articles",
            "claim",
            "numbers",
            "dates",
            "disagreement",
            "mentions"
        ]
    );
    let mentions = header(&out.path().join("mentions.csv"));
    assert_eq!(
        mentions[..12],
        [
            "cluster_id",
            "claim_id",
            "article",
            "line",
            "start",
            "end",
            "text",
            "numbers",
            "dates",
            "attribution",
            "hedged",
            "negated"
        ]
    );
    let articles = header(&out.path().join("articles.csv"));
    assert_eq!(
        articles[..7],
        [
            "article",
            "status",
            "published",
            "title",
            "sentences",
            "claims",
            "dropped_lines"
        ]
    );
    let bytes = std::fs::read(out.path().join("claims.csv")).unwrap();
    assert!(bytes.starts_with("\u{feff}".as_bytes()), "BOM by default");
}

#[test]
fn mention_offsets_point_into_the_source_file() {
    let out = tempfile::tempdir().unwrap();
    run_seeds(out.path(), &[]);
    for m in rows(&out.path().join("mentions.csv")) {
        let source = std::fs::read(root().join("data/articles").join(&m["article"])).unwrap();
        let (start, end): (usize, usize) = (m["start"].parse().unwrap(), m["end"].parse().unwrap());
        assert!(
            std::str::from_utf8(&source[start..end]).is_ok(),
            "span on character boundaries"
        );
        // A claim split out of a sentence ("Kim, who met Putin in 2019, called …" → "Kim called …")
        // leaves words out, so its words must appear in the source span in order.
        let words = |s: &str| -> Vec<String> {
            s.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_owned)
                .collect()
        };
        // A claim may restore its subject from earlier in the sentence ("who met Putin" → "Kim met
        // Putin"), so the words are looked for from the start of the line.
        let line_start = source[..start]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let context = std::str::from_utf8(&source[line_start..end]).unwrap();
        let mut source_words = words(context).into_iter();
        for word in words(&m["text"]) {
            assert!(
                source_words.any(|w| w == word),
                "mention {}: {word:?} not in order in {context:?}",
                m["claim_id"]
            );
        }
        let line = 1 + source[..start].iter().filter(|&&b| b == b'\n').count();
        assert_eq!(m["line"], line.to_string(), "mention {}", m["claim_id"]);
    }
}

#[test]
fn boilerplate_never_reaches_mentions() {
    let out = tempfile::tempdir().unwrap();
    run_seeds(out.path(), &[]);
    let boilerplate = [
        "READ MORE: Wagner Group",
        "Your email address will not be published",
        "Leave a Reply",
        "Subscribe to our mailing list",
        "North Korea’s latest ballistic missile is its most powerful yet",
        "North Korea says U.S. soldier was sick",
        "Oh dear Donnie",
        "You need to be a member in order to leave a comment",
        "Sign up for a new account",
        "image.png",
        "Mia Jankowicz",
        "A scenic landscape of Wonsan",
        "is a veteran journalist",
        "Over the past two decades, David has worked",
        "Based on a report from BBC",
        "Popular Right Now",
    ];
    for m in rows(&out.path().join("mentions.csv")) {
        for b in boilerplate {
            assert!(
                !m["text"].contains(b),
                "boilerplate {b:?} in mention {}: {}",
                m["claim_id"],
                m["text"]
            );
        }
    }
}

#[test]
fn articles_report_lists_every_seed_with_its_date() {
    let out = tempfile::tempdir().unwrap();
    run_seeds(out.path(), &[]);
    let articles = rows(&out.path().join("articles.csv"));
    let got: Vec<(&str, &str, &str)> = articles
        .iter()
        .map(|a| {
            (
                a["article"].as_str(),
                a["status"].as_str(),
                a["published"].as_str(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("000_96f1fabbbdf65461.txt", "ok", "2023-06"),
            ("001_5fecd03e8145db5a.txt", "ok", "2023-08-16"),
            ("002_ce06e966fef7977f.txt", "ok", "2024-10-10"),
            ("003_0cb10bd2fce94f6c.txt", "ok", "2022-08-16"),
            ("004_6088fd10b48ff712.txt", "ok", "2025-07-13"),
        ]
    );
    for a in &articles {
        assert!(a["claims"].parse::<usize>().unwrap() > 3, "{a:?}");
        assert!(a["dropped_lines"].parse::<usize>().unwrap() > 0, "{a:?}");
    }
}

#[test]
fn claims_are_sorted_conflicts_corroborated_single() {
    let out = tempfile::tempdir().unwrap();
    run_seeds(out.path(), &[]);
    let claims = rows(&out.path().join("claims.csv"));
    let rank = |s: &str| {
        ["conflict", "corroborated", "single_source"]
            .iter()
            .position(|x| *x == s)
            .unwrap()
    };
    let keys: Vec<(usize, i64)> = claims
        .iter()
        .map(|c| (rank(&c["status"]), -c["sources"].parse::<i64>().unwrap()))
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
    let mentions = rows(&out.path().join("mentions.csv"));
    for c in &claims {
        let n = mentions
            .iter()
            .filter(|m| m["cluster_id"] == c["cluster_id"])
            .count();
        assert_eq!(c["mentions"], n.to_string());
    }
}

#[test]
fn seed_reports_snapshot() {
    let out = tempfile::tempdir().unwrap();
    run_seeds(out.path(), &["--no-bom"]);
    for name in ["claims.csv", "mentions.csv", "articles.csv"] {
        let text = std::fs::read_to_string(out.path().join(name)).unwrap();
        insta::assert_snapshot!(name, text);
    }
}

#[test]
fn timings_list_every_stage_with_its_peak_memory() {
    let out = tempfile::tempdir().unwrap();
    let timings = out.path().join("timings.csv");
    run_seeds(out.path(), &["--timings", timings.to_str().unwrap()]);
    let rows = rows(&timings);
    let stages: Vec<&str> = rows.iter().map(|r| r["stage"].as_str()).collect();
    assert_eq!(
        stages,
        [
            "read+clean+segment+extract",
            "clean",
            "segment",
            "extract",
            "copies",
            "cluster",
            "compare",
            "write",
            "total"
        ]
    );
    for r in &rows {
        let wall_phase = !r["wall_s"].is_empty();
        assert_eq!(wall_phase, r["cpu_s"].is_empty(), "{r:?}");
        if cfg!(target_os = "linux") && wall_phase {
            let mb: f64 = r["peak_rss_mb"].parse().unwrap_or_else(|_| panic!("{r:?}"));
            assert!(mb > 0.0, "{r:?}");
        }
    }
}
