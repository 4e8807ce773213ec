//! Clusters ECB+ sentences without the rest of the pipeline, to tune [`cluster::Params`].
//! The input is either a docs folder (one mention per line, entities taken as capitalised word
//! runs, ordinals as numbers) or a JSON-lines file of the pipeline's [`Mention`]s, so that tuning
//! sees what extract really gives. Writes `mentions.csv` in the reports' layout for
//! `eval/ecbplus/score.py`.
//!
//! usage: cargo run --release -p cluster --example ecbplus -- DOCS_DIR|MENTIONS.jsonl OUT_DIR [param=value ...]

use model::{Claim, Mention, Quantity, QuantityKind};
use std::fmt::Write as _;
use std::path::Path;

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let (input, out) = match (args.get(1), args.get(2)) {
        (Some(d), Some(o)) => (Path::new(d), Path::new(o)),
        _ => {
            eprintln!("usage: ecbplus DOCS_DIR|MENTIONS.jsonl OUT_DIR [param=value ...]");
            std::process::exit(2);
        }
    };
    let mut params = cluster::Params::default();
    for kv in &args[3..] {
        if !set_param(&mut params, kv) {
            eprintln!("unknown or malformed parameter {kv}");
            std::process::exit(2);
        }
    }
    let mentions = if input.is_dir() {
        read_docs(input)?
    } else {
        std::fs::read_to_string(input)?
            .lines()
            .map(serde_json::from_str)
            .collect::<Result<Vec<Mention>, _>>()?
    };
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

/// Sets one field of `params` from `name=value`; false when the name or value is not understood.
fn set_param(params: &mut cluster::Params, kv: &str) -> bool {
    let Some((name, value)) = kv.split_once('=') else {
        return false;
    };
    macro_rules! fields {
        ($($f:ident),*) => {
            match name {
                $(stringify!($f) => value.parse().map(|v| params.$f = v).is_ok(),)*
                _ => false,
            }
        };
    }
    fields!(
        link_threshold,
        containment_weight,
        min_shared_terms,
        max_date_gap_days,
        max_block,
        prefix_terms,
        candidate_min_shared,
        key_weight,
        min_link_share,
        story_threshold,
        story_key_weight,
        story_prefix_terms,
        story_min_shared,
        story_link_threshold
    )
}

/// One mention per non-empty line of every document under `docs/<topic>/`.
fn read_docs(docs: &Path) -> std::io::Result<Vec<Mention>> {
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
    Ok(mentions)
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
        article: article.into(),
        seq: line as u32,
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
