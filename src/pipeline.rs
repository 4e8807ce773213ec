//! The stages chained: per article (clean → segment → extract), then across articles
//! (cluster → compare).
//!
//! The per-article step is a plain function of one input, so it runs on any thread (rayon here, a
//! dataflow worker later) and keeps nothing of the raw text but the claims it found.

use crate::input::{self, InputFile, InputKind, JsonlRecord};
use clean::Format;
use compare::ArticleInfo;
use model::{ArticleMeta, Finding, Mention, Status};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::ops::Range;
use std::time::{Duration, Instant};

/// Settings of one run.
#[derive(Clone, Debug)]
pub struct Options {
    pub extract: extract::Options,
    pub cluster: cluster::Params,
    /// Files (and JSONL lines) larger than this are skipped unread.
    pub max_file_size: u64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            extract: extract::Options::default(),
            cluster: cluster::Params::default(),
            max_file_size: 64 * 1024 * 1024,
        }
    }
}

/// What one input article yielded.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ArticleResult {
    pub meta: ArticleMeta,
    /// `Err(reason)` when the article was skipped.
    pub outcome: Result<ArticleCounts, String>,
    pub mentions: Vec<Mention>,
    pub fingerprint: Option<cluster::Fingerprint>,
    /// The file it was read from, as found on the command line or in a folder.
    pub path: Option<std::path::PathBuf>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleCounts {
    /// Size of the article's source text in bytes.
    pub bytes: usize,
    pub sentences: usize,
    pub claims: usize,
    pub dropped_lines: usize,
    /// Time spent in each per-article stage, for benchmarks (`run --timings`).
    pub times: StageTimes,
}

/// Time one article spent in each per-article stage.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageTimes {
    pub clean: Duration,
    pub segment: Duration,
    pub extract: Duration,
}

/// Wall time and peak memory of one corpus-wide phase.
#[derive(Clone, Debug)]
pub struct Phase {
    pub name: &'static str,
    pub wall: Duration,
    /// Highest resident set of the process during the phase, in bytes, where the OS tells.
    pub peak_rss: Option<u64>,
}

impl Phase {
    /// The phase `name` that began at `started` and ends now, with the peak memory since the last
    /// [`crate::memory::reset_peak`].
    pub fn ended(name: &'static str, started: Instant) -> Phase {
        Phase {
            name,
            wall: started.elapsed(),
            peak_rss: crate::memory::peak(),
        }
    }
}

/// Phases timed one after another: each lap ends a phase and starts the next.
pub struct Laps {
    pub phases: Vec<Phase>,
    since: Instant,
}

impl Laps {
    /// Starts the first phase now.
    pub fn start() -> Laps {
        crate::memory::reset_peak();
        Laps {
            phases: Vec::new(),
            since: Instant::now(),
        }
    }

    /// Ends the phase `name` and starts the next.
    pub fn lap(&mut self, name: &'static str) {
        self.phases.push(Phase::ended(name, self.since));
        crate::memory::reset_peak();
        self.since = Instant::now();
    }
}

impl From<input::WalkProblem> for ArticleResult {
    /// A file found while walking the inputs that could not be considered at all.
    fn from(p: input::WalkProblem) -> Self {
        ArticleResult::skipped(
            ArticleMeta {
                id: p.name,
                ..ArticleMeta::default()
            },
            p.reason,
        )
    }
}

impl ArticleResult {
    fn skipped(meta: ArticleMeta, reason: String) -> Self {
        ArticleResult {
            meta,
            outcome: Err(reason),
            mentions: Vec::new(),
            fingerprint: None,
            path: None,
        }
    }
}

/// Where the article's text sits in its file, to turn clean-text offsets into file lines.
enum Location<'a> {
    /// The whole file is the article: lines are counted in `source`.
    File { source: &'a [u8] },
    /// A JSONL record: every mention is on the record's line.
    Record { line: usize },
}

/// Runs clean, segment and extract on the bytes of one article file: the per-article step that a
/// batch, a test or a dataflow worker calls alike.
pub fn analyse_article(
    bytes: &[u8],
    format: Format,
    meta: ArticleMeta,
    opts: &Options,
) -> ArticleResult {
    analyse_text(bytes, format, meta, Location::File { source: bytes }, opts)
}

/// Runs clean, segment and extract on one article's bytes.
///
/// `meta` comes from the manifest (or the JSONL record); what it lacks is filled from the page
/// itself (HTML metadata, a dateline), and relative dates are resolved against the result.
fn analyse_text(
    bytes: &[u8],
    format: Format,
    mut meta: ArticleMeta,
    loc: Location,
    opts: &Options,
) -> ArticleResult {
    let t0 = Instant::now();
    let cleaned = match clean::clean(bytes, format) {
        Ok(c) => c,
        Err(e) => return ArticleResult::skipped(meta, e.to_string()),
    };
    meta.published = meta.published.or(cleaned.published);
    if meta.title.is_none() {
        meta.title = cleaned.title.clone();
    }
    let t1 = Instant::now();
    let sentences = segment::segment(&cleaned.text);
    let t2 = Instant::now();
    let claims = extract::extract(&cleaned.text, &sentences, meta.published, &opts.extract);
    let t3 = Instant::now();
    let lines = match loc {
        Location::File { source } => LineIndex::new(source),
        Location::Record { .. } => LineIndex::default(),
    };
    let mentions: Vec<Mention> = claims
        .into_iter()
        .enumerate()
        .map(|(i, mut claim)| {
            claim.shrink_to_fit();
            let span = cleaned.alignment.to_source(claim.start..claim.end);
            let line = match loc {
                Location::File { .. } => lines.line_of(span.start),
                Location::Record { line } => line,
            };
            Mention {
                article: meta.id.clone(),
                seq: i as u32 + 1,
                published: meta.published,
                line,
                source_start: span.start,
                source_end: span.end,
                claim,
            }
        })
        .collect();
    let counts = ArticleCounts {
        bytes: bytes.len(),
        times: StageTimes {
            clean: t1 - t0,
            segment: t2 - t1,
            extract: t3 - t2,
        },
        sentences: sentences.len(),
        claims: mentions.len(),
        dropped_lines: cleaned.dropped_lines,
    };
    ArticleResult {
        fingerprint: Some(cluster::fingerprint(&cleaned.text)),
        meta,
        outcome: Ok(counts),
        mentions,
        path: None,
    }
}

/// Byte offsets where lines start, so that the line of each of many offsets is a binary search
/// rather than a count of newlines from the top of the file.
#[derive(Default)]
pub(crate) struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub(crate) fn new(source: &[u8]) -> Self {
        let newlines = source.iter().enumerate().filter(|(_, &b)| b == b'\n');
        LineIndex {
            starts: std::iter::once(0)
                .chain(newlines.map(|(i, _)| i + 1))
                .collect(),
        }
    }

    /// The 1-based line holding byte `offset`.
    pub(crate) fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset).max(1)
    }
}

/// Reads and analyses one input file: one result per article (several for JSONL).
pub fn analyse_file(
    file: &InputFile,
    manifest: &input::Manifest,
    opts: &Options,
) -> Vec<ArticleResult> {
    let mut results = analyse_input(file, manifest, opts);
    for r in &mut results {
        r.path = Some(file.path.clone());
    }
    results
}

fn analyse_input(
    file: &InputFile,
    manifest: &input::Manifest,
    opts: &Options,
) -> Vec<ArticleResult> {
    let meta_for = |name: &str| {
        manifest
            .get(name)
            .cloned()
            .map(|m| ArticleMeta {
                id: name.to_string(),
                ..m
            })
            .unwrap_or_else(|| ArticleMeta {
                id: name.to_string(),
                ..ArticleMeta::default()
            })
    };
    match file.kind {
        InputKind::Unsupported(reason) => vec![ArticleResult::skipped(
            meta_for(&file.name),
            reason.to_string(),
        )],
        InputKind::Unreadable => {
            vec![ArticleResult::skipped(
                meta_for(&file.name),
                "cannot read (broken symlink or no permission)".into(),
            )]
        }
        InputKind::Article(format) => {
            let meta = meta_for(&file.name);
            match input::read_limited(&file.path, opts.max_file_size) {
                Ok(bytes) => {
                    let format = if format == Format::Text && !has_text_extension(&file.name) {
                        clean::sniff(&bytes)
                    } else {
                        format
                    };
                    vec![analyse_text(
                        &bytes,
                        format,
                        meta,
                        Location::File { source: &bytes },
                        opts,
                    )]
                }
                Err(reason) => vec![ArticleResult::skipped(meta, reason)],
            }
        }
        InputKind::Jsonl => analyse_jsonl(file, manifest, opts),
    }
}

fn has_text_extension(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    [".txt", ".md", ".text"].iter().any(|e| lower.ends_with(e))
}

/// JSONL records are read one line at a time and analysed in parallel, so a large file is never
/// held in memory whole.
fn analyse_jsonl(
    file: &InputFile,
    manifest: &input::Manifest,
    opts: &Options,
) -> Vec<ArticleResult> {
    let mut lines = Vec::new();
    let read = input::for_each_jsonl_line(&file.path, opts.max_file_size, |n, line| {
        lines.push((n, line))
    });
    let mut results: Vec<ArticleResult> = lines
        .into_par_iter()
        .map(|(line_no, line)| analyse_record(file, line_no, line, manifest, opts))
        .collect();
    if let Err(reason) = read {
        results.push(ArticleResult::skipped(
            ArticleMeta {
                id: file.name.clone(),
                ..ArticleMeta::default()
            },
            reason,
        ));
    }
    results
}

fn analyse_record(
    file: &InputFile,
    line_no: usize,
    line: Result<String, String>,
    manifest: &input::Manifest,
    opts: &Options,
) -> ArticleResult {
    let fallback_id = format!("{}:{line_no}", file.name);
    let skipped = |id: String, reason: String| {
        ArticleResult::skipped(
            ArticleMeta {
                id,
                ..ArticleMeta::default()
            },
            format!("line {line_no}: {reason}"),
        )
    };
    let record: JsonlRecord = match line
        .and_then(|l| serde_json::from_str(&l).map_err(|e| format!("not valid JSON ({e})")))
    {
        Ok(r) => r,
        Err(reason) => return skipped(fallback_id, reason),
    };
    let id = match &record.id {
        Some(serde_json::Value::String(s)) if !s.trim().is_empty() => s.trim().to_string(),
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => fallback_id,
    };
    let mut meta = manifest.get(&id).cloned().unwrap_or_default();
    meta.id = id.clone();
    let given = [record.published.as_deref(), record.date.as_deref()];
    if let Some(p) = given.into_iter().flatten().find(|d| !d.trim().is_empty()) {
        match p.parse() {
            Ok(d) => meta.published = Some(d),
            Err(e) => eprintln!("warning: {}:{line_no}: {e}; date ignored", file.name),
        }
    }
    meta.title = meta.title.or(record.title);
    meta.url = meta.url.or(record.url);
    meta.outlet = meta.outlet.or(record.outlet);
    let (body, format) = match (record.text, record.html) {
        (Some(t), _) => (t, Format::Text),
        (None, Some(h)) => (h, Format::Html),
        (None, None) => return skipped(id, "record has neither `text` nor `html`".into()),
    };
    analyse_text(
        body.as_bytes(),
        format,
        meta,
        Location::Record { line: line_no },
        opts,
    )
}

/// A cluster with its verdict, ready to report.
#[derive(Clone, Debug)]
pub struct ClusterReport {
    pub id: String,
    pub finding: Finding,
    /// Where its mentions are in [`Analysis::mentions`] (sorted by article, then position).
    pub mentions: Range<usize>,
    /// Index within the cluster's mentions of the representative claim.
    pub representative: usize,
}

/// Everything a run found, in report order.
#[derive(Clone, Debug)]
pub struct Analysis {
    /// Sorted by article name.
    pub articles: Vec<ArticleResult>,
    /// The mentions of all articles, cluster after cluster in the order of `clusters`.
    pub mentions: Vec<Mention>,
    /// Conflicts, then corroborated by sources descending, then single-source.
    pub clusters: Vec<ClusterReport>,
    /// Short article names for report text ("004" for "004_6088fd10b48ff712.txt").
    pub labels: HashMap<String, String>,
    /// Wall time of the corpus-wide phases, in order.
    pub phases: Vec<Phase>,
}

impl Analysis {
    /// The mentions of one of the clusters.
    pub fn mentions_of(&self, cluster: &ClusterReport) -> &[Mention] {
        &self.mentions[cluster.mentions.clone()]
    }

    /// The claim that stands for a cluster.
    pub fn representative(&self, cluster: &ClusterReport) -> Option<&Mention> {
        self.mentions_of(cluster).get(cluster.representative)
    }
}

/// Clusters the mentions of all articles and compares each cluster. Deterministic: the result
/// depends only on the set of articles, not on the thread count.
pub fn analyse_corpus(
    mut articles: Vec<ArticleResult>,
    opts: &Options,
    progress: &crate::progress::Progress,
) -> Analysis {
    let mut laps = Laps::start();
    articles.sort_by(|a, b| a.meta.id.cmp(&b.meta.id));
    let labels = short_labels(articles.iter().map(|a| a.meta.id.as_str()));

    // The fingerprints are needed only here: taken, not copied.
    let (analysed, fingerprints): (Vec<&str>, Vec<cluster::Fingerprint>) = articles
        .iter_mut()
        .filter_map(|a| Some((a.meta.id.as_str(), a.fingerprint.take()?)))
        .unzip();
    let infos = article_infos(&analysed, &fingerprints, &labels, opts);
    drop(fingerprints);
    laps.lap("copies");

    // Sized up front: grown by doubling, the vector of all mentions would reserve up to twice
    // the room it needs, and copy itself at every step.
    let mut mentions: Vec<Mention> =
        Vec::with_capacity(articles.iter().map(|a| a.mentions.len()).sum());
    for a in &mut articles {
        mentions.append(&mut a.mentions);
        a.mentions = Vec::new();
    }
    let bar = progress.spinner("cluster");
    let groups = cluster::cluster(&mentions, &opts.cluster);
    bar.finish_and_clear();
    laps.lap("cluster");

    let bar = progress.bar("compare", groups.len() as u64);
    let findings: Vec<Finding> = groups
        .par_iter()
        .map(|group| {
            let members: Vec<&Mention> = group.iter().map(|&i| &mentions[i]).collect();
            bar.inc(1);
            compare::compare(&members, &infos)
        })
        .collect();
    bar.finish_and_clear();

    let mut ranked: Vec<(ReportKey<&str>, usize, Finding)> = findings
        .into_iter()
        .zip(&groups)
        .enumerate()
        .map(|(g, (finding, group))| {
            let first = &mentions[group[0]];
            let key = ReportKey::new(&finding, first.article.as_str(), first, group[0]);
            (key, g, finding)
        })
        .collect();
    ranked.sort_by(|a, b| a.0.cmp(&b.0));
    let ids = cluster_ids(
        ranked
            .iter()
            .map(|(_, g, _)| claim_hash(&mentions[groups[*g][0]])),
    );
    let mut clusters = Vec::with_capacity(groups.len());
    let mut position = vec![0u32; mentions.len()];
    let mut next = 0usize;
    for ((_, g, finding), id) in ranked.into_iter().zip(ids) {
        let group = &groups[g];
        for (k, &i) in group.iter().enumerate() {
            position[i] = (next + k) as u32;
        }
        let members = group.iter().map(|&i| &mentions[i]);
        clusters.push(ClusterReport {
            id: cluster_id_text(id),
            finding,
            mentions: next..next + group.len(),
            representative: representative(members),
        });
        next += group.len();
    }
    drop(groups);
    // The mentions move into cluster order in place: a second copy of every mention would be a
    // fifth of the peak memory on large runs.
    permute(&mut mentions, &mut position);
    laps.lap("compare");
    Analysis {
        articles,
        mentions,
        clusters,
        labels,
        phases: laps.phases,
    }
}

/// A run's findings in numbers, for its summary line.
#[derive(Clone, Debug, Default)]
pub struct Totals {
    pub claims: usize,
    pub clusters: usize,
    pub conflicts: usize,
    pub corroborated: usize,
    pub single_source: usize,
    /// The first few conflicts in report order: id, sources, disagreement.
    pub first_conflicts: Vec<(String, usize, String)>,
}

impl Totals {
    /// Counts the next cluster in report order.
    pub fn add(
        &mut self,
        id: &str,
        status: Status,
        sources: usize,
        disagreement: &str,
        mentions: usize,
    ) {
        const SHOWN: usize = 5;
        self.claims += mentions;
        self.clusters += 1;
        match status {
            Status::Conflict => {
                self.conflicts += 1;
                if self.first_conflicts.len() < SHOWN {
                    self.first_conflicts
                        .push((id.to_string(), sources, disagreement.to_string()));
                }
            }
            Status::Corroborated => self.corroborated += 1,
            Status::SingleSource => self.single_source += 1,
        }
    }

    pub fn of(analysis: &Analysis) -> Totals {
        let mut totals = Totals::default();
        for c in &analysis.clusters {
            let f = &c.finding;
            totals.add(
                &c.id,
                f.status,
                f.sources,
                &f.disagreement,
                c.mentions.len(),
            );
        }
        totals
    }
}

/// What `compare` needs of each analysed article: its short label and its copy group. `names`
/// and `fingerprints` go together, sorted by article name (equal names in input order).
pub fn article_infos(
    names: &[&str],
    fingerprints: &[cluster::Fingerprint],
    labels: &HashMap<String, String>,
    opts: &Options,
) -> HashMap<String, ArticleInfo> {
    let groups = cluster::copy_groups(fingerprints, &opts.cluster);
    names
        .iter()
        .zip(groups)
        .map(|(&id, group)| {
            let label = labels.get(id).cloned().unwrap_or_else(|| id.to_string());
            (
                id.to_string(),
                ArticleInfo {
                    label,
                    copy_group: group,
                },
            )
        })
        .collect()
}

/// Where a cluster goes in the reports: conflicts, then corroborated, then single-source; more
/// sources first; then by its first mention's article and position in it. `first`, the index of
/// that mention among all mentions, settles the rest. `A` names the article: its name, or
/// anything that sorts like it (the distributed run numbers the names in order).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportKey<A> {
    pub rank: u8,
    pub sources: usize,
    pub article: A,
    pub start: usize,
    pub first: usize,
}

impl<A> ReportKey<A> {
    pub fn new(finding: &Finding, article: A, first_mention: &Mention, first: usize) -> Self {
        ReportKey {
            rank: match finding.status {
                Status::Conflict => 0,
                Status::Corroborated => 1,
                Status::SingleSource => 2,
            },
            sources: finding.sources,
            article,
            start: first_mention.claim.start,
            first,
        }
    }
}

impl<A: Ord> Ord for ReportKey<A> {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.rank
            .cmp(&other.rank)
            .then(other.sources.cmp(&self.sources))
            .then_with(|| self.article.cmp(&other.article))
            .then(self.start.cmp(&other.start))
            .then(self.first.cmp(&other.first))
    }
}

impl<A: Ord> PartialOrd for ReportKey<A> {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// The hash a cluster's id is derived from: that of its first mention's claim id, so a cluster
/// keeps its id from run to run and when unrelated articles are added.
pub fn claim_hash(first_mention: &Mention) -> u64 {
    fnv1a(first_mention.claim_id().as_bytes())
}

/// The ids of clusters in report order, from their [`claim_hash`]es; a clash takes the next hash.
pub fn cluster_ids(hashes: impl Iterator<Item = u64>) -> Vec<u32> {
    let mut taken = std::collections::HashSet::new();
    hashes
        .map(|mut h| loop {
            if taken.insert(h as u32) {
                return h as u32;
            }
            h = fnv1a(&h.to_le_bytes());
        })
        .collect()
}

/// A cluster id as the reports show it.
pub fn cluster_id_text(id: u32) -> String {
    format!("c{id:08x}")
}

/// The mention that reads best on its own: the most check-worthy, the first one on ties.
pub fn representative<'a>(mentions: impl Iterator<Item = &'a Mention>) -> usize {
    let mut best: Option<(usize, f32)> = None;
    for (i, m) in mentions.enumerate() {
        if best.is_none_or(|(_, score)| m.claim.score > score) {
            best = Some((i, m.claim.score));
        }
    }
    best.map_or(0, |(i, _)| i)
}

/// Moves `items[i]` to `items[position[i]]` for every `i`, by swaps; `position` is a permutation
/// and ends as the identity.
fn permute<T>(items: &mut [T], position: &mut [u32]) {
    for i in 0..items.len() {
        while position[i] as usize != i {
            let to = position[i] as usize;
            items.swap(i, to);
            position.swap(i, to);
        }
    }
}

/// FNV-1a: a fixed hash, unlike std's randomly seeded one, so ids are the same in every run.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// Short names for articles: the part of the file name before the first `_` (as in
/// `004_6088fd10b48ff712.txt`) when that is unique in the run, else the name without extension.
pub fn short_labels<'a>(ids: impl Iterator<Item = &'a str>) -> HashMap<String, String> {
    let ids: Vec<&str> = ids.collect();
    let stem = |id: &str| -> String {
        let base = id.rsplit('/').next().unwrap_or(id);
        base.rsplit_once('.').map_or(base, |(s, _)| s).to_string()
    };
    let prefix = |id: &str| -> String {
        let s = stem(id);
        s.split_once('_').map_or(s.clone(), |(p, _)| p.to_string())
    };
    let mut counts: HashMap<String, usize> = HashMap::new();
    for id in &ids {
        *counts.entry(prefix(id)).or_default() += 1;
    }
    let stems_unique = {
        let mut seen = std::collections::HashSet::new();
        ids.iter().all(|id| seen.insert(stem(id)))
    };
    ids.iter()
        .map(|&id| {
            let p = prefix(id);
            let label = if counts.get(&p) == Some(&1) {
                p
            } else if stems_unique {
                stem(id)
            } else {
                id.to_string()
            };
            (id.to_string(), label)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_short_when_unique() {
        let l = short_labels(["004_abc.txt", "005_def.txt", "x/a.html", "y/a.txt"].into_iter());
        assert_eq!(l["004_abc.txt"], "004");
        assert_eq!(l["x/a.html"], "x/a.html");
        assert_eq!(l["y/a.txt"], "y/a.txt");
    }

    #[test]
    fn permute_moves_each_item_to_its_position() {
        let mut items = ['a', 'b', 'c', 'd', 'e'];
        let mut position = [3, 0, 4, 1, 2];
        permute(&mut items, &mut position);
        assert_eq!(items, ['b', 'd', 'e', 'a', 'c']);
        assert_eq!(position, [0, 1, 2, 3, 4]);
    }

    #[test]
    fn fnv_is_fixed() {
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
