//! Known-cluster checks: an analyst's expectations about the reports, written in TOML.
//!
//! ```toml
//! [[expect]]
//! name = "heavy sanctions on both countries"
//! same = ["001: Both countries face heavy sanctions", "003: most heavily-sanctioned economies"]
//! status = "corroborated"
//!
//! [[expect]]
//! name = "the 2022 and 2023 letters are two events"
//! apart = ["001: in a letter to Russian President", "003: in an exchange of notes"]
//! no_conflict = true
//! ```
//!
//! A quote is `ARTICLE: words`: the article by file name, name without extension, or the short
//! label of the reports ("001"), and a few words of the claim's text (case and spacing ignored).
//! Each expectation names its quotes in `same` (all in one cluster), `apart` (all in different
//! clusters) or `quote` (one), and may add `status`, `no_conflict` and `conflict_kind`, which hold
//! for the cluster of every quote it names. The project's regression tests use the same files.

use anyhow::{bail, Context, Result};
use serde::Deserialize;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    expect: Vec<Expectation>,
}

/// One `[[expect]]` table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expectation {
    pub name: Option<String>,
    #[serde(default)]
    pub same: Vec<String>,
    #[serde(default)]
    pub apart: Vec<String>,
    pub quote: Option<String>,
    pub status: Option<String>,
    #[serde(default)]
    pub no_conflict: bool,
    pub conflict_kind: Option<String>,
    /// Why this expectation is known not to hold yet (an issue number and the cause). A failing
    /// known gap is reported but does not fail the check; a passing one asks to drop the field.
    pub known_gap: Option<String>,
}

/// Reads and validates an expectations file; errors name the line and what is wrong.
pub fn load(path: &Path) -> Result<Vec<Expectation>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let file: File = toml::from_str(&text).map_err(|e| {
        let line = e
            .span()
            .map(|s| 1 + text[..s.start.min(text.len())].matches('\n').count());
        let at = line.map_or_else(String::new, |l| format!(":{l}"));
        anyhow::anyhow!("{}{at}: {}", path.display(), e.message())
    })?;
    for (i, e) in file.expect.iter().enumerate() {
        let at = format!("{}: expectation {} ({})", path.display(), i + 1, e.label());
        let named = usize::from(!e.same.is_empty())
            + usize::from(!e.apart.is_empty())
            + usize::from(e.quote.is_some());
        if named != 1 {
            bail!("{at}: give exactly one of `same`, `apart` or `quote`");
        }
        if (!e.same.is_empty() && e.same.len() < 2) || (!e.apart.is_empty() && e.apart.len() < 2) {
            bail!("{at}: `same` and `apart` need at least two quotes");
        }
        if let Some(s) = &e.status {
            if !["conflict", "corroborated", "single_source"].contains(&s.as_str()) {
                bail!("{at}: status {s:?} is not one of conflict, corroborated, single_source");
            }
        }
        if let Some(k) = &e.conflict_kind {
            if !["number", "date", "stance"].contains(&k.as_str()) {
                bail!("{at}: conflict_kind {k:?} is not one of number, date, stance");
            }
        }
        for q in e.quotes() {
            if split_quote(q).is_none() {
                bail!("{at}: quote {q:?} is not of the form \"ARTICLE: words\"");
            }
        }
    }
    Ok(file.expect)
}

impl Expectation {
    fn quotes(&self) -> impl Iterator<Item = &String> {
        self.same.iter().chain(&self.apart).chain(&self.quote)
    }

    fn label(&self) -> String {
        self.name
            .clone()
            .unwrap_or_else(|| self.quotes().next().cloned().unwrap_or_default())
    }
}

fn split_quote(q: &str) -> Option<(&str, &str)> {
    let (article, words) = q.split_once(':')?;
    let (article, words) = (article.trim(), words.trim());
    (!article.is_empty() && !words.is_empty()).then_some((article, words))
}

/// A row of mentions.csv, as much as the checks need.
#[derive(Clone, Debug, Deserialize)]
pub struct MentionRow {
    pub cluster_id: String,
    pub article: String,
    pub line: String,
    pub text: String,
}

/// A row of claims.csv, as much as the checks need.
#[derive(Clone, Debug, Deserialize)]
pub struct ClaimRow {
    pub cluster_id: String,
    pub status: String,
    pub articles: String,
    pub disagreement: String,
    pub conflict_kind: String,
}

/// The reports of one run, read back from CSV.
#[derive(Debug)]
pub struct Reports {
    pub mentions: Vec<MentionRow>,
    pub clusters: HashMap<String, ClaimRow>,
}

pub(crate) fn read_csv<T: serde::de::DeserializeOwned>(path: &Path) -> Result<Vec<T>> {
    let bytes = std::fs::read(path)
        .with_context(|| format!("cannot read {} (run claimcheck first?)", path.display()))?;
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(&bytes);
    let mut rows = Vec::new();
    for (i, row) in csv::Reader::from_reader(bytes).deserialize().enumerate() {
        rows.push(row.with_context(|| format!("{}: row {}", path.display(), i + 2))?);
    }
    Ok(rows)
}

impl Reports {
    pub fn load(dir: &Path) -> Result<Reports> {
        let mentions = read_csv(&dir.join("mentions.csv"))?;
        let clusters = read_csv::<ClaimRow>(&dir.join("claims.csv"))?
            .into_iter()
            .map(|c| (c.cluster_id.clone(), c))
            .collect();
        Ok(Reports { mentions, clusters })
    }
}

fn normalize(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .replace(['’', '‘'], "'")
        .replace(['“', '”'], "\"")
}

fn article_matches(article: &str, wanted: &str) -> bool {
    let base = article.rsplit('/').next().unwrap_or(article);
    let stem = base.rsplit_once('.').map_or(base, |(s, _)| s);
    let prefix = stem.split_once('_').map_or(stem, |(p, _)| p);
    [article, base, stem, prefix].contains(&wanted)
}

/// Finds the one mention a quote names; none or several is an error naming the quote.
fn find<'a>(reports: &'a Reports, quote: &str) -> Result<&'a MentionRow> {
    let (article, words) = split_quote(quote).with_context(|| format!("bad quote {quote:?}"))?;
    let words = normalize(words);
    let hits: Vec<&MentionRow> = reports
        .mentions
        .iter()
        .filter(|m| article_matches(&m.article, article) && normalize(&m.text).contains(&words))
        .collect();
    match hits.as_slice() {
        [one] => Ok(one),
        [] => bail!("quote {quote:?} matches no mention"),
        many => bail!(
            "quote {quote:?} matches {} mentions (lines {}); quote more words",
            many.len(),
            many.iter()
                .map(|m| m.line.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// The verdict on one expectation.
#[derive(Debug)]
pub struct Outcome {
    pub pass: bool,
    /// One line: what was expected.
    pub summary: String,
    /// For a failure: where each quote landed, and the nearest mention that was not joined.
    pub details: String,
}

/// Checks one expectation against the reports. `Err` when a quote is ambiguous or unknown.
pub fn check(reports: &Reports, e: &Expectation) -> Result<Outcome> {
    let quotes: Vec<&String> = e.quotes().collect();
    let found: Vec<&MentionRow> = quotes
        .iter()
        .map(|q| find(reports, q))
        .collect::<Result<_>>()?;
    let mut problems = Vec::new();
    let mut ids: Vec<&str> = found.iter().map(|m| m.cluster_id.as_str()).collect();
    if !e.same.is_empty() && ids.iter().any(|id| *id != ids[0]) {
        problems.push("the quotes are in different clusters".to_string());
    }
    if !e.apart.is_empty() {
        let mut sorted = ids.clone();
        sorted.sort_unstable();
        sorted.dedup();
        if sorted.len() != ids.len() {
            problems.push("some quotes share a cluster".to_string());
        }
    }
    ids.sort_unstable();
    ids.dedup();
    for id in &ids {
        let Some(c) = reports.clusters.get(*id) else {
            problems.push(format!("cluster {id} is missing from claims.csv"));
            continue;
        };
        if let Some(s) = &e.status {
            if &c.status != s {
                problems.push(format!("cluster {id} is {}, expected {s}", c.status));
            }
        }
        if e.no_conflict && c.status == "conflict" {
            problems.push(format!("cluster {id} is a conflict: {}", c.disagreement));
        }
        if let Some(k) = &e.conflict_kind {
            if &c.conflict_kind != k {
                let got = if c.conflict_kind.is_empty() {
                    "none"
                } else {
                    &c.conflict_kind
                };
                problems.push(format!(
                    "cluster {id} has conflict kind {got}, expected {k}"
                ));
            }
        }
    }
    let mut summary = String::new();
    let kind = if !e.same.is_empty() {
        "same"
    } else if !e.apart.is_empty() {
        "apart"
    } else {
        "quote"
    };
    let _ = write!(summary, "{kind}: {}", e.label());
    if problems.is_empty() {
        return Ok(Outcome {
            pass: true,
            summary,
            details: String::new(),
        });
    }
    let mut details = String::new();
    for p in &problems {
        let _ = writeln!(details, "    {p}");
    }
    for (q, m) in quotes.iter().zip(&found) {
        let c = reports.clusters.get(&m.cluster_id);
        let _ = writeln!(
            details,
            "    {q:?} → cluster {} ({}; articles: {}), line {}",
            m.cluster_id,
            c.map_or("?", |c| c.status.as_str()),
            c.map_or("?", |c| c.articles.as_str()),
            m.line
        );
        if !e.same.is_empty() {
            if let Some((near, overlap)) = nearest_unjoined(reports, m) {
                let _ = writeln!(
                    details,
                    "      nearest mention not joined: cluster {} {} line {} ({:.0}% words shared): {}",
                    near.cluster_id,
                    near.article,
                    near.line,
                    overlap * 100.0,
                    near.text
                );
            }
        }
    }
    Ok(Outcome {
        pass: false,
        summary,
        details,
    })
}

fn content_words(s: &str) -> std::collections::HashSet<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() > 3)
        .map(str::to_lowercase)
        .collect()
}

/// The mention of another article and cluster that shares the most words with `m`.
fn nearest_unjoined<'a>(reports: &'a Reports, m: &MentionRow) -> Option<(&'a MentionRow, f64)> {
    let words = content_words(&m.text);
    reports
        .mentions
        .iter()
        .filter(|o| o.cluster_id != m.cluster_id && o.article != m.article)
        .map(|o| {
            let other = content_words(&o.text);
            let shared = words.intersection(&other).count() as f64;
            (o, shared / (words.len().max(other.len()).max(1)) as f64)
        })
        .max_by(|a, b| a.1.total_cmp(&b.1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reports() -> Reports {
        let m = |id: &str, article: &str, text: &str| MentionRow {
            cluster_id: id.into(),
            article: article.into(),
            line: "1".into(),
            text: text.into(),
        };
        let c = |id: &str, status: &str| ClaimRow {
            cluster_id: id.into(),
            status: status.into(),
            articles: String::new(),
            disagreement: String::new(),
            conflict_kind: String::new(),
        };
        Reports {
            mentions: vec![
                m("c1", "001_x.txt", "Both countries face heavy sanctions."),
                m(
                    "c1",
                    "003_y.txt",
                    "They are the most heavily-sanctioned economies.",
                ),
                m("c2", "003_y.txt", "Kim sent a letter on Monday."),
                m("c3", "003_y.txt", "Kim sent a letter on Tuesday."),
            ],
            clusters: [
                c("c1", "corroborated"),
                c("c2", "single_source"),
                c("c3", "single_source"),
            ]
            .into_iter()
            .map(|c| (c.cluster_id.clone(), c))
            .collect(),
        }
    }

    fn expectation(toml_text: &str) -> Expectation {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("e.toml");
        std::fs::write(&path, toml_text).unwrap();
        load(&path).unwrap().remove(0)
    }

    #[test]
    fn same_and_status_pass_and_fail() {
        let r = reports();
        let e = expectation("[[expect]]\nsame = ['001: heavy sanctions', '003_y: heavily-sanctioned']\nstatus = 'corroborated'\n");
        assert!(check(&r, &e).unwrap().pass);
        let e = expectation("[[expect]]\nsame = ['001: heavy sanctions', '003: on Monday']\n");
        let out = check(&r, &e).unwrap();
        assert!(!out.pass);
        assert!(
            out.details.contains("nearest mention not joined"),
            "{}",
            out.details
        );
    }

    #[test]
    fn ambiguous_and_unknown_quotes_are_errors() {
        let r = reports();
        let e = expectation("[[expect]]\nquote = '003: Kim sent a letter'\n");
        assert!(check(&r, &e)
            .unwrap_err()
            .to_string()
            .contains("matches 2 mentions"));
        let e = expectation("[[expect]]\nquote = '003: not there'\n");
        assert!(check(&r, &e)
            .unwrap_err()
            .to_string()
            .contains("matches no mention"));
    }

    #[test]
    fn malformed_files_name_the_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("e.toml");
        std::fs::write(&path, "[[expect]]\nsame = ['a: b']\nstatus = 'maybe'\n").unwrap();
        assert!(load(&path)
            .unwrap_err()
            .to_string()
            .contains("at least two"));
        std::fs::write(&path, "[[expect]]\nquote = 'a: b'\nstatuss = 'x'\n").unwrap();
        assert!(load(&path).unwrap_err().to_string().contains(":3:"));
    }
}
