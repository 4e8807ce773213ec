//! The three CSV reports, written so that spreadsheets open them safely.
//!
//! Every file is streamed to a temporary name in the output folder, flushed to disk and only then
//! renamed over the old report, so a crash never leaves a half-written file under a report's
//! name, and a report is never held whole in memory. Cells that a spreadsheet would read as a
//! formula are defused.

use crate::pipeline::{Analysis, ArticleResult, ClusterReport};
use anyhow::{Context, Result};
use model::{Finding, Mention};
use std::borrow::Cow;
use std::collections::HashMap;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

pub const CLAIMS_HEADER: [&str; 12] = [
    "cluster_id",
    "status",
    "sources",
    "articles",
    "claim",
    "numbers",
    "dates",
    "disagreement",
    "mentions",
    "independent_sources",
    "origins",
    "conflict_kind",
];

pub const MENTIONS_HEADER: [&str; 14] = [
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
    "negated",
    "published",
    "score",
];

pub const ARTICLES_HEADER: [&str; 10] = [
    "article",
    "status",
    "published",
    "title",
    "sentences",
    "claims",
    "dropped_lines",
    "outlet",
    "url",
    "path",
];

/// How the CSV files are encoded.
#[derive(Clone, Copy, Debug)]
pub struct CsvStyle {
    /// Start with a UTF-8 byte order mark, which Excel needs to read UTF-8.
    pub bom: bool,
}

/// A spreadsheet runs a cell starting with `=`, `+`, `-` or `@` as a formula (and tab or CR can
/// smuggle one in); a leading apostrophe makes it plain text in Excel, LibreOffice and Sheets.
pub fn defuse(cell: &str) -> Cow<'_, str> {
    match cell.as_bytes().first() {
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r') => Cow::Owned(format!("'{cell}")),
        _ => Cow::Borrowed(cell),
    }
}

fn yes_no(b: bool) -> &'static str {
    if b {
        "yes"
    } else {
        "no"
    }
}

/// One cluster as the reports show it: what the single-machine run keeps in [`Analysis`], and
/// what the distributed run holds where the cluster's mentions meet.
pub struct ClusterView<'a> {
    pub id: &'a str,
    pub finding: &'a Finding,
    /// Its mentions, by article then position.
    pub mentions: &'a [Mention],
    /// Index within `mentions` of the representative claim.
    pub representative: usize,
}

impl Analysis {
    fn view<'a>(&'a self, c: &'a ClusterReport) -> ClusterView<'a> {
        ClusterView {
            id: &c.id,
            finding: &c.finding,
            mentions: self.mentions_of(c),
            representative: c.representative,
        }
    }
}

/// Short article names, as `pipeline::short_labels` makes them.
pub type Labels = HashMap<String, String>;

fn label<'a>(labels: &'a Labels, article: &'a str) -> &'a str {
    labels.get(article).map_or(article, String::as_str)
}

/// Joins per-article values as "004: ~600 soldiers; 001: 600 soldiers", each distinct pair once.
fn per_article(
    labels: &Labels,
    cluster: &ClusterView,
    describe: fn(&model::Claim) -> String,
) -> String {
    let mut parts: Vec<String> = Vec::new();
    for m in cluster.mentions {
        let values = describe(&m.claim);
        if values.is_empty() {
            continue;
        }
        let part = format!("{}: {values}", label(labels, &m.article));
        if !parts.contains(&part) {
            parts.push(part);
        }
    }
    parts.join("; ")
}

fn articles_of<'a>(cluster: &ClusterView<'a>) -> Vec<&'a str> {
    let mut names: Vec<&str> = cluster
        .mentions
        .iter()
        .map(|m| m.article.as_str())
        .collect();
    names.dedup();
    names
}

struct Csv<W: Write> {
    writer: csv::Writer<W>,
}

impl<W: Write> Csv<W> {
    fn new(style: CsvStyle, header: &[&str], mut out: W) -> Result<Csv<W>> {
        if style.bom {
            out.write_all("\u{feff}".as_bytes())?;
        }
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(out);
        writer.write_record(header)?;
        Ok(Csv { writer })
    }

    /// Rows only: no byte order mark, no header.
    fn rows(out: W) -> Csv<W> {
        let writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(out);
        Csv { writer }
    }

    fn row(&mut self, cells: &[&str]) -> Result<()> {
        self.writer
            .write_record(cells.iter().map(|c| defuse(c).into_owned()))?;
        Ok(())
    }

    fn finish(self) -> Result<W> {
        self.writer
            .into_inner()
            .map_err(|e| e.into_error())
            .context("cannot finish CSV")
    }
}

pub fn claims_csv<W: Write>(analysis: &Analysis, style: CsvStyle, out: W) -> Result<W> {
    let mut csv = Csv::new(style, &CLAIMS_HEADER, out)?;
    for c in &analysis.clusters {
        claim_row(&mut csv, &analysis.view(c), &analysis.labels)?;
    }
    csv.finish()
}

pub fn mentions_csv<W: Write>(analysis: &Analysis, style: CsvStyle, out: W) -> Result<W> {
    let mut csv = Csv::new(style, &MENTIONS_HEADER, out)?;
    for c in &analysis.clusters {
        mention_rows(&mut csv, &analysis.view(c))?;
    }
    csv.finish()
}

/// A cluster's row of `claims.csv` and its rows of `mentions.csv`, as CSV bytes (no header), for
/// the reports to be put together elsewhere ([`StreamedReports`]).
pub fn cluster_rows(cluster: &ClusterView, labels: &Labels) -> Result<(Vec<u8>, Vec<u8>)> {
    let mut claims = Csv::rows(Vec::new());
    claim_row(&mut claims, cluster, labels)?;
    let mut mentions = Csv::rows(Vec::new());
    mention_rows(&mut mentions, cluster)?;
    Ok((claims.finish()?, mentions.finish()?))
}

fn claim_row<W: Write>(csv: &mut Csv<W>, c: &ClusterView, labels: &Labels) -> Result<()> {
    let f = c.finding;
    let articles = articles_of(c).join("; ");
    let claim = c
        .mentions
        .get(c.representative)
        .map_or("", |m| m.claim.text.as_str());
    csv.row(&[
        c.id,
        f.status.as_str(),
        &f.sources.to_string(),
        &articles,
        &one_line(claim),
        &per_article(labels, c, compare::describe_numbers),
        &per_article(labels, c, compare::describe_dates),
        &f.disagreement,
        &c.mentions.len().to_string(),
        &f.independent_sources.to_string(),
        &f.origins.join("; "),
        f.conflict_kind.map_or("", |k| k.as_str()),
    ])
}

fn mention_rows<W: Write>(csv: &mut Csv<W>, c: &ClusterView) -> Result<()> {
    for m in c.mentions {
        let published = m.published.map(|p| p.to_string()).unwrap_or_default();
        csv.row(&[
            c.id,
            &m.claim_id(),
            &m.article,
            &m.line.to_string(),
            &m.source_start.to_string(),
            &m.source_end.to_string(),
            &one_line(&m.claim.text),
            &compare::describe_numbers(&m.claim),
            &compare::describe_dates(&m.claim),
            m.claim.attribution.as_deref().unwrap_or(""),
            yes_no(m.claim.hedged),
            yes_no(m.claim.negated),
            &published,
            &format!("{:.2}", m.claim.score),
        ])?;
    }
    Ok(())
}

pub fn articles_csv<W: Write>(articles: &[ArticleResult], style: CsvStyle, out: W) -> Result<W> {
    let mut csv = Csv::new(style, &ARTICLES_HEADER, out)?;
    for a in articles {
        let meta = &a.meta;
        let published = meta.published.map(|p| p.to_string()).unwrap_or_default();
        let (status, counts) = match &a.outcome {
            Ok(counts) => ("ok".to_string(), Some(counts)),
            Err(reason) => (format!("skipped: {reason}"), None),
        };
        let count = |f: fn(&crate::pipeline::ArticleCounts) -> usize| {
            counts.map(|c| f(c).to_string()).unwrap_or_default()
        };
        csv.row(&[
            &meta.id,
            &status,
            &published,
            &one_line(meta.title.as_deref().unwrap_or("")),
            &count(|c| c.sentences),
            &count(|c| c.claims),
            &count(|c| c.dropped_lines),
            meta.outlet.as_deref().unwrap_or(""),
            meta.url.as_deref().unwrap_or(""),
            &a.path
                .as_deref()
                .map_or(String::new(), |p| p.display().to_string()),
        ])?;
    }
    csv.finish()
}

/// Newlines inside a cell are legal CSV but make rows hard to scan; claim text reads as one line.
fn one_line(s: &str) -> Cow<'_, str> {
    if s.contains(['\n', '\r']) {
        Cow::Owned(s.split_whitespace().collect::<Vec<_>>().join(" "))
    } else {
        Cow::Borrowed(s)
    }
}

/// How long one stage took on a run (`run --timings`).
pub struct Timing {
    pub stage: String,
    /// Elapsed time, for stages that run once over the corpus.
    pub wall: Option<Duration>,
    /// Time summed over all articles and threads, for the per-article stages.
    pub cpu: Option<Duration>,
    pub articles: usize,
    pub bytes: usize,
    pub threads: usize,
    /// Highest resident set of the process during the stage, in bytes.
    pub peak_rss: Option<u64>,
}

pub const TIMINGS_HEADER: [&str; 9] = [
    "stage",
    "wall_s",
    "cpu_s",
    "articles",
    "mb",
    "articles_per_s",
    "mb_per_s",
    "threads",
    "peak_rss_mb",
];

/// The timings of a run as CSV, without a byte order mark (it is read by scripts). Rates are per
/// wall second, or per CPU second (that is, per core) for the per-article stages.
pub fn timings_csv(rows: &[Timing]) -> Result<Vec<u8>> {
    let mut csv = Csv::new(CsvStyle { bom: false }, &TIMINGS_HEADER, Vec::new())?;
    for t in rows {
        let secs = t.wall.or(t.cpu).map_or(0.0, |d| d.as_secs_f64());
        let mb = t.bytes as f64 / 1e6;
        let rate = |x: f64| {
            if secs > 0.0 {
                format!("{:.1}", x / secs)
            } else {
                String::new()
            }
        };
        let fmt =
            |d: Option<Duration>| d.map_or(String::new(), |d| format!("{:.3}", d.as_secs_f64()));
        csv.row(&[
            &t.stage,
            &fmt(t.wall),
            &fmt(t.cpu),
            &t.articles.to_string(),
            &format!("{mb:.1}"),
            &rate(t.articles as f64),
            &rate(mb),
            &t.threads.to_string(),
            &t.peak_rss
                .map_or(String::new(), |b| format!("{:.0}", b as f64 / 1_048_576.0)),
        ])?;
    }
    csv.finish()
}

/// Writes the timings of a run to `path` (replaced whole, like the reports).
pub fn write_timings(path: &Path, rows: &[Timing]) -> Result<()> {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    write_all_atomically(
        path.parent().unwrap_or(Path::new(".")),
        &[(&name, timings_csv(rows)?)],
    )?;
    Ok(())
}

/// The workbook beside the CSV reports.
pub const WORKBOOK: &str = "claimcheck.xlsx";

const REPORTS: [&str; 4] = ["claims.csv", "mentions.csv", "articles.csv", WORKBOOK];

/// Writes `claims.csv`, `mentions.csv`, `articles.csv` and, with `workbook`, `claimcheck.xlsx`
/// into `out`, replacing the old reports together. A workbook that cannot be built (more rows
/// than a sheet holds) is left out with a warning, and an older one is removed so that it never
/// disagrees with the CSVs.
pub fn write_reports(
    analysis: &Analysis,
    out: &Path,
    style: CsvStyle,
    workbook: bool,
) -> Result<Vec<PathBuf>> {
    let mut staged = Staged::new(out, &REPORTS)?;
    let claims = staged.add("claims.csv");
    let mentions = staged.add("mentions.csv");
    let articles = staged.add("articles.csv");
    let ((c, m), a) = rayon::join(
        || {
            rayon::join(
                || write_file(&claims, |w| claims_csv(analysis, style, w)),
                || write_file(&mentions, |w| mentions_csv(analysis, style, w)),
            )
        },
        || write_file(&articles, |w| articles_csv(&analysis.articles, style, w)),
    );
    c?;
    m?;
    a?;
    let rows = [
        analysis.clusters.len(),
        analysis.mentions.len(),
        analysis.articles.len(),
    ];
    add_workbook(staged, workbook.then_some(rows))
}

/// With `rows` (of claims, mentions and articles), builds the workbook from the staged CSV files;
/// then puts every staged report in place.
fn add_workbook(mut staged: Staged, rows: Option<[usize; 3]>) -> Result<Vec<PathBuf>> {
    let mut book_written = false;
    if let Some(rows) = rows {
        let [claims, mentions, articles] =
            ["claims.csv", "mentions.csv", "articles.csv"].map(|name| staged.temporary(name));
        let book = staged.add(WORKBOOK);
        let built = crate::workbook::fits(rows)
            .and_then(|()| crate::workbook::write_workbook(&claims, &mentions, &articles, &book));
        match built {
            Ok(()) => book_written = true,
            Err(e) => {
                eprintln!("warning: {WORKBOOK} not written: {e:#}");
                staged.discard(WORKBOOK);
            }
        }
    }
    if !book_written {
        let stale = staged.out.join(WORKBOOK);
        if stale.exists() {
            std::fs::remove_file(&stale)
                .with_context(|| format!("cannot remove the outdated {}", stale.display()))?;
        }
    }
    staged.commit()
}

/// The reports put together from rows rendered elsewhere ([`cluster_rows`]), cluster after
/// cluster in report order: the distributed run, whose clusters live on many workers.
pub struct StreamedReports {
    staged: Staged,
    style: CsvStyle,
    claims: BufWriter<File>,
    mentions: BufWriter<File>,
    clusters: usize,
    mention_rows: usize,
}

impl StreamedReports {
    /// Starts `claims.csv` and `mentions.csv` (header only) under temporary names in `out`.
    pub fn create(out: &Path, style: CsvStyle) -> Result<StreamedReports> {
        let mut staged = Staged::new(out, &REPORTS)?;
        let mut start = |name: &str, header: &[&str]| -> Result<BufWriter<File>> {
            let path = staged.add(name);
            let file =
                File::create(&path).with_context(|| format!("cannot write {}", path.display()))?;
            let header = Csv::new(style, header, Vec::new())?.finish()?;
            let mut w = BufWriter::with_capacity(1 << 20, file);
            w.write_all(&header)?;
            Ok(w)
        };
        let claims = start("claims.csv", &CLAIMS_HEADER)?;
        let mentions = start("mentions.csv", &MENTIONS_HEADER)?;
        Ok(StreamedReports {
            staged,
            style,
            claims,
            mentions,
            clusters: 0,
            mention_rows: 0,
        })
    }

    /// Appends the next cluster's rows; `mentions` is the number of its mention rows.
    pub fn push(&mut self, claim_row: &[u8], mention_rows: &[u8], mentions: usize) -> Result<()> {
        self.claims
            .write_all(claim_row)
            .context("cannot write claims.csv")?;
        self.mentions
            .write_all(mention_rows)
            .context("cannot write mentions.csv")?;
        self.clusters += 1;
        self.mention_rows += mentions;
        Ok(())
    }

    /// Writes `articles.csv` (and the workbook) and puts all reports in place together.
    pub fn finish(mut self, articles: &[ArticleResult], workbook: bool) -> Result<Vec<PathBuf>> {
        for (name, w) in [("claims.csv", self.claims), ("mentions.csv", self.mentions)] {
            let file = w
                .into_inner()
                .map_err(|e| e.into_error())
                .with_context(|| format!("cannot write {name}"))?;
            file.sync_all()
                .with_context(|| format!("cannot flush {name}"))?;
        }
        let path = self.staged.add("articles.csv");
        write_file(&path, |w| articles_csv(articles, self.style, w))?;
        let rows = [self.clusters, self.mention_rows, articles.len()];
        add_workbook(self.staged, workbook.then_some(rows))
    }
}

/// Writes a file through a buffer and flushes it to disk.
fn write_file(
    path: &Path,
    write: impl FnOnce(BufWriter<File>) -> Result<BufWriter<File>>,
) -> Result<()> {
    let file = File::create(path).with_context(|| format!("cannot write {}", path.display()))?;
    let file = write(BufWriter::with_capacity(1 << 20, file))
        .and_then(|w| w.into_inner().map_err(|e| e.into_error().into()))
        .with_context(|| format!("cannot write {}", path.display()))?;
    file.sync_all()
        .with_context(|| format!("cannot flush {}", path.display()))
}

/// Writes every file under a temporary name first and renames them only when all are on disk, so
/// the reports of one run are replaced together or not at all (up to the renames themselves).
pub fn write_all_atomically(out: &Path, files: &[(&str, Vec<u8>)]) -> Result<Vec<PathBuf>> {
    let names: Vec<&str> = files.iter().map(|(name, _)| *name).collect();
    let mut staged = Staged::new(out, &names)?;
    for (name, bytes) in files {
        let tmp = staged.add(name);
        write_file(&tmp, |mut w| {
            w.write_all(bytes)?;
            Ok(w)
        })?;
    }
    staged.commit()
}

/// Files being written under hidden temporary names in the output folder. [`Staged::commit`]
/// renames them over their destinations; dropped without a commit (an error on the way), they
/// are removed.
struct Staged {
    out: PathBuf,
    /// Temporary path and destination of each file.
    files: Vec<(PathBuf, PathBuf)>,
}

impl Staged {
    /// Creates the folder if needed and removes what a killed run left of files named `names`.
    fn new(out: &Path, names: &[&str]) -> Result<Staged> {
        std::fs::create_dir_all(out)
            .with_context(|| format!("cannot create output folder {}", out.display()))?;
        remove_stale_temporaries(out, names);
        Ok(Staged {
            out: out.to_path_buf(),
            files: Vec::new(),
        })
    }

    /// The temporary path to write `name` to.
    fn add(&mut self, name: &str) -> PathBuf {
        let tmp = self.temporary(name);
        self.files.push((tmp.clone(), self.out.join(name)));
        tmp
    }

    /// The temporary path `name` is being written to.
    fn temporary(&self, name: &str) -> PathBuf {
        self.out.join(format!(".{name}.{}.tmp", std::process::id()))
    }

    /// Gives up on `name`: its temporary file is removed and it is not renamed.
    fn discard(&mut self, name: &str) {
        let dest = self.out.join(name);
        self.files.retain(|(tmp, d)| {
            let keep = *d != dest;
            if !keep {
                let _ = std::fs::remove_file(tmp);
            }
            keep
        });
    }

    fn commit(mut self) -> Result<Vec<PathBuf>> {
        for (tmp, dest) in &self.files {
            std::fs::rename(tmp, dest)
                .with_context(|| format!("cannot replace {}", dest.display()))?;
        }
        Ok(std::mem::take(&mut self.files)
            .into_iter()
            .map(|(_, dest)| dest)
            .collect())
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        for (tmp, _) in &self.files {
            let _ = std::fs::remove_file(tmp);
        }
    }
}

/// A run killed while writing leaves its temporary files behind; the next run into the same folder
/// removes them (they are hidden and never hold a complete report).
fn remove_stale_temporaries(out: &Path, names: &[&str]) {
    let Ok(entries) = std::fs::read_dir(out) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let stale = names.iter().any(|f| {
            name.strip_prefix(&format!(".{f}."))
                .and_then(|rest| rest.strip_suffix(".tmp"))
                .is_some_and(|pid| pid.bytes().all(|b| b.is_ascii_digit()))
        });
        if stale {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_defused() {
        for cell in ["=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx"] {
            assert!(defuse(cell).starts_with('\''), "{cell:?}");
        }
        assert_eq!(defuse("600 soldiers"), "600 soldiers");
        assert_eq!(defuse(""), "");
    }

    #[test]
    fn atomic_write_leaves_no_temporary_files() {
        let dir = tempfile::tempdir().unwrap();
        write_all_atomically(
            dir.path(),
            &[("a.csv", b"x".to_vec()), ("b.csv", b"y".to_vec())],
        )
        .unwrap();
        let mut names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        assert_eq!(names, ["a.csv", "b.csv"]);
    }
}
