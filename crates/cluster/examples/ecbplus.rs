//! Clusters ECB+ sentences without the rest of the pipeline, to tune [`cluster::Params`]:
//! one mention per line, entities taken as capitalised word runs, ordinals as numbers.
//! Writes `mentions.csv` in the reports' layout for `eval/ecbplus/score.py`.
//!
//! usage: cargo run --release -p cluster --example ecbplus -- DOCS_DIR OUT_DIR [link_threshold]

use model::{Claim, Mention, Quantity, QuantityKind};
use std::fmt::Write as _;
use std::path::Path;

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let (docs, out) = match (args.get(1), args.get(2)) {
        (Some(d), Some(o)) => (Path::new(d), Path::new(o)),
        _ => {
            eprintln!("usage: ecbplus DOCS_DIR OUT_DIR [link_threshold]");
            std::process::exit(2);
        }
    };
    let mut params = cluster::Params::default();
    if let Some(t) = args.get(3).and_then(|t| t.parse().ok()) {
        params.link_threshold = t;
    }
    if let Some(t) = args.get(4).and_then(|t| t.parse().ok()) {
        params.min_link_share = t;
    }
    let mut files = Vec::new();
    for topic in std::fs::read_dir(docs)? {
        for f in std::fs::read_dir(topic?.path())? {
            files.push(f?.path());
        }
    }
    files.sort();
    let mut mentions = Vec::new();
    for f in &files {
        let name = f
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let text = std::fs::read_to_string(f)?;
        for (i, line) in text.lines().enumerate() {
            if line.starts_with("http") || line.trim().is_empty() {
                continue;
            }
            mentions.push(mention(&name, i + 1, line));
        }
    }
    let t = std::time::Instant::now();
    let groups = cluster::cluster(&mentions, &params);
    eprintln!(
        "{} mentions, {} groups in {:?}",
        mentions.len(),
        groups.len(),
        t.elapsed()
    );
    let mut id = vec![0; mentions.len()];
    for (g, members) in groups.iter().enumerate() {
        for &m in members {
            id[m] = g;
        }
    }
    let mut csv = String::from("article,line,cluster_id,text\n");
    for (m, g) in mentions.iter().zip(&id) {
        let _ = writeln!(
            csv,
            "{},{},{},\"{}\"",
            m.article,
            m.line,
            g,
            m.claim.text.replace('"', "\"\"")
        );
    }
    std::fs::create_dir_all(out)?;
    std::fs::write(out.join("mentions.csv"), csv)
}

fn mention(article: &str, line: usize, text: &str) -> Mention {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut entities = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    for (k, w) in words.iter().enumerate() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if k > 0 && w.chars().next().is_some_and(char::is_uppercase) {
            run.push(w);
        } else if !run.is_empty() {
            entities.push(run.join(" ").to_lowercase());
            run.clear();
        }
    }
    if !run.is_empty() {
        entities.push(run.join(" ").to_lowercase());
    }
    let mut numbers = Vec::new();
    for (k, w) in words.iter().enumerate() {
        let digits: String = w.chars().take_while(char::is_ascii_digit).collect();
        let rest = &w[digits.len()..];
        if !digits.is_empty() && ["st", "nd", "rd", "th"].contains(&rest) {
            if let Ok(v) = digits.parse::<f64>() {
                let start = text.find(w).unwrap_or(0);
                numbers.push(Quantity {
                    text: (*w).into(),
                    start,
                    end: start + w.len(),
                    min: v,
                    max: v,
                    kind: QuantityKind::Ordinal,
                    counted: words.get(k + 1).map(|s| s.to_lowercase()),
                    unit: None,
                });
            }
        }
    }
    Mention {
        claim_id: format!("{article}#{line}"),
        article: article.into(),
        published: None,
        line,
        source_start: 0,
        source_end: text.len(),
        claim: Claim {
            start: 0,
            end: text.len(),
            text: text.into(),
            sentence_start: 0,
            sentence_end: text.len(),
            numbers,
            dates: vec![],
            attribution: None,
            hedged: false,
            negated: false,
            entities,
            score: 1.0,
        },
    }
}
