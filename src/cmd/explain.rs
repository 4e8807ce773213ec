//! `claimcheck explain CLUSTER_ID`: one cluster of a run's reports, mention by mention, with the
//! source text around each and the reason for its status.

use crate::expect::read_csv;
use anyhow::{bail, Result};
use clap::Args;
use serde::Deserialize;
use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The cluster's id, from the first column of claims.csv.
    pub cluster_id: String,
    /// Folder holding the reports of the run.
    #[arg(long, default_value = "reports")]
    pub reports: PathBuf,
}

#[derive(Deserialize)]
struct Claim {
    cluster_id: String,
    status: String,
    sources: String,
    claim: String,
    disagreement: String,
    independent_sources: String,
    origins: String,
    conflict_kind: String,
}

#[derive(Deserialize)]
struct Mention {
    cluster_id: String,
    article: String,
    line: String,
    start: String,
    end: String,
    text: String,
    numbers: String,
    dates: String,
    attribution: String,
    hedged: String,
    negated: String,
    published: String,
}

#[derive(Deserialize)]
struct Article {
    article: String,
    path: String,
}

/// Characters of source text shown on each side of a mention.
const CONTEXT: usize = 80;

pub fn explain(args: &ExplainArgs) -> Result<ExitCode> {
    let dir = &args.reports;
    let claims: Vec<Claim> = read_csv(&dir.join("claims.csv"))?;
    let Some(claim) = claims.iter().find(|c| c.cluster_id == args.cluster_id) else {
        bail!(
            "no cluster {} in {} (cluster ids are the first column of claims.csv)",
            args.cluster_id,
            dir.join("claims.csv").display()
        );
    };
    let mentions: Vec<Mention> = read_csv(&dir.join("mentions.csv"))?;
    let paths: HashMap<String, String> = read_csv::<Article>(&dir.join("articles.csv"))?
        .into_iter()
        .map(|a| (a.article, a.path))
        .collect();
    let members: Vec<&Mention> = mentions
        .iter()
        .filter(|m| m.cluster_id == claim.cluster_id)
        .collect();

    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "cluster {}: {}",
        claim.cluster_id,
        undefuse(&claim.status)
    )?;
    writeln!(out, "claim: {}", undefuse(&claim.claim))?;
    writeln!(out, "why: {}", reason(claim))?;
    if !claim.origins.is_empty() {
        writeln!(out, "origins: {}", undefuse(&claim.origins))?;
    }
    for (i, m) in members.iter().enumerate() {
        writeln!(out)?;
        let published = if m.published.is_empty() {
            "date unknown"
        } else {
            &m.published
        };
        writeln!(
            out,
            "{}. {} line {} ({published})",
            i + 1,
            m.article,
            m.line
        )?;
        writeln!(out, "   claim: {}", undefuse(&m.text))?;
        let mut facts = Vec::new();
        for (label, value) in [
            ("numbers", &m.numbers),
            ("dates", &m.dates),
            ("attributed to", &m.attribution),
        ] {
            if !value.is_empty() {
                facts.push(format!("{label}: {}", undefuse(value)));
            }
        }
        if m.hedged == "yes" {
            facts.push("hedged".into());
        }
        if m.negated == "yes" {
            facts.push("negated or denied".into());
        }
        if !facts.is_empty() {
            writeln!(out, "   {}", facts.join("; "))?;
        }
        match paths.get(&m.article).filter(|p| !p.is_empty()) {
            Some(path) => match context(&source_path(path, dir), m) {
                Ok(text) => writeln!(out, "   source: {text}")?,
                Err(why) => writeln!(out, "   source: {path}: {why}")?,
            },
            None => writeln!(out, "   source: not recorded in articles.csv")?,
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Why the cluster has its status, in words.
fn reason(c: &Claim) -> String {
    match c.status.as_str() {
        "conflict" => format!(
            "{} conflict: {}",
            if c.conflict_kind.is_empty() { "a" } else { &c.conflict_kind },
            undefuse(&c.disagreement)
        ),
        "corroborated" => format!(
            "{} articles state it ({} independent once copies of one article are counted once), and their values agree",
            c.sources, c.independent_sources
        ),
        _ if c.sources != "1" => format!(
            "{} articles state it, but they are copies of one another ({} independent source)",
            c.sources, c.independent_sources
        ),
        _ => "only one article states it".to_string(),
    }
}

/// The mention's span in its source file with some text on each side, the span in [brackets].
/// For a JSONL file the offsets are into the text of the record on the mention's line.
/// Where a source file recorded in `articles.csv` is now. A relative path is relative to where the
/// run was started, which is usually the folder above the reports (`cargo run` in the project,
/// reports in `reports/`), so that is tried when the path does not resolve from here.
fn source_path(recorded: &str, reports: &Path) -> PathBuf {
    let path = PathBuf::from(recorded);
    if path.is_absolute() || path.exists() {
        return path;
    }
    let reports = reports
        .canonicalize()
        .unwrap_or_else(|_| reports.to_path_buf());
    match reports.parent().map(|run_dir| run_dir.join(&path)) {
        Some(beside) if beside.exists() => beside,
        _ => path,
    }
}

fn context(path: &Path, m: &Mention) -> std::result::Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    let (start, end) = match (m.start.parse::<usize>(), m.end.parse::<usize>()) {
        (Ok(s), Ok(e)) => (s, e),
        _ => return Err("no offsets".into()),
    };
    let is_jsonl = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("jsonl"));
    let text = if is_jsonl {
        let line: usize = m.line.parse().map_err(|_| "no line".to_string())?;
        let record = bytes
            .split(|&b| b == b'\n')
            .nth(line.saturating_sub(1))
            .ok_or("line not in file (the file changed since the run?)")?;
        let value: serde_json::Value =
            serde_json::from_slice(record).map_err(|e| format!("line {line}: {e}"))?;
        let field = value.get("text").or_else(|| value.get("html"));
        field
            .and_then(|v| v.as_str())
            .unwrap_or_default()
            .to_string()
    } else {
        String::from_utf8_lossy(&bytes).into_owned()
    };
    let (start, end) = (
        floor(&text, start.min(text.len())),
        floor(&text, end.min(text.len())),
    );
    if start >= end {
        return Err("offsets outside the file (the file changed since the run?)".into());
    }
    let before = floor(&text, start.saturating_sub(CONTEXT));
    let after = floor(&text, (end + CONTEXT).min(text.len()));
    let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    Ok(format!(
        "…{} [{}] {}…",
        squash(&text[before..start]),
        squash(&text[start..end]),
        squash(&text[end..after])
    ))
}

/// The largest character boundary at or before `i`.
fn floor(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Report cells that began like a formula carry a leading `'`; shown here without it.
fn undefuse(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => cell,
    }
}
