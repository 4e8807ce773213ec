//! Scores `clean` against the labelled data in shared/eval/clean.
//!
//! `cargo run --release -p clean --example eval_clean -- /work/shared/eval/clean [--verbose]`
//!
//! Line labels are judged by whether a line's bytes survive, read through the alignment: a line
//! counts as kept when at least half of its non-blank bytes are covered by some piece. That is the
//! honest test, since it scores the alignment together with the keep/drop decision.

use clean::{clean, Format};
use flate2::read::GzDecoder;
use regex::Regex;
use std::collections::{BTreeMap, HashMap};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "--verbose");
    let dir = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .map_or_else(|| PathBuf::from("/work/shared/eval/clean"), PathBuf::from);
    let mut timer = Timer::default();
    if args.iter().any(|a| a == "--text-only") {
        // For profiling the text path alone.
        for _ in 0..10 {
            aeb_lines(&dir, false, &mut timer);
        }
        return;
    }
    seeds(&dir, &mut timer);
    aeb(&dir, verbose);
    aeb_lines(&dir, verbose, &mut timer);
    if timer.bytes > 0 {
        let secs = timer.time.as_secs_f64().max(1e-9);
        println!(
            "\nthroughput (text path, seeds + aeb_lines): {:.1} MB in {:.3} s = {:.1} MB/s",
            timer.bytes as f64 / 1e6,
            secs,
            timer.bytes as f64 / 1e6 / secs
        );
    }
}

#[derive(Default)]
struct Timer {
    bytes: usize,
    time: Duration,
}

impl Timer {
    fn clean(&mut self, bytes: &[u8], format: Format) -> Option<model::CleanText> {
        let t = Instant::now();
        let out = clean(bytes, format).ok();
        self.time += t.elapsed();
        self.bytes += bytes.len();
        out
    }
}

/// Per source byte: does some alignment piece cover it?
fn coverage(len: usize, ct: &model::CleanText) -> Vec<bool> {
    let mut cov = vec![false; len];
    for p in &ct.alignment.pieces {
        let end = (p.source + p.source_len).min(len);
        for c in cov.iter_mut().take(end).skip(p.source) {
            *c = true;
        }
    }
    cov
}

/// Kept/dropped for each `\n`-separated line of `src`, by coverage of its non-blank bytes.
fn line_kept(src: &[u8], cov: &[bool]) -> Vec<bool> {
    let mut out = Vec::new();
    let mut at = 0;
    for line in src.split(|&b| b == b'\n') {
        let (mut total, mut covered) = (0, 0);
        for (i, b) in line.iter().enumerate() {
            if !b.is_ascii_whitespace() {
                total += 1;
                covered += usize::from(cov.get(at + i).copied().unwrap_or(false));
            }
        }
        out.push(total > 0 && covered * 2 >= total);
        at += line.len() + 1;
    }
    out
}

#[derive(Default)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Counts {
    fn add(&mut self, truth: bool, kept: bool) {
        match (truth, kept) {
            (true, true) => self.tp += 1,
            (false, true) => self.fp += 1,
            (true, false) => self.fn_ += 1,
            (false, false) => {}
        }
    }

    fn report(&self, what: &str) {
        let p = self.tp as f64 / (self.tp + self.fp).max(1) as f64;
        let r = self.tp as f64 / (self.tp + self.fn_).max(1) as f64;
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        println!(
            "{what}: P {p:.4}  R {r:.4}  F1 {f:.4}  (tp {} fp {} fn {})",
            self.tp, self.fp, self.fn_
        );
    }
}

fn read_tsv(path: &Path) -> Option<Vec<Vec<String>>> {
    let text = std::fs::read_to_string(path).ok()?;
    Some(
        text.lines()
            .skip(1)
            .map(|l| l.split('\t').map(str::to_string).collect())
            .collect(),
    )
}

fn seeds(dir: &Path, timer: &mut Timer) {
    let Some(rows) = read_tsv(&dir.join("seeds_lines.tsv")) else {
        println!("seeds_lines.tsv: absent, skipped");
        return;
    };
    let seeds_dir = dir.join("../../seeds");
    let mut by_file: BTreeMap<String, Vec<(usize, bool, String)>> = BTreeMap::new();
    for r in rows.iter().filter(|r| r.len() >= 4) {
        let line_no = r[1].parse().unwrap_or(0);
        by_file
            .entry(r[0].clone())
            .or_default()
            .push((line_no, r[2] == "keep", r[3].clone()));
    }
    let mut counts = Counts::default();
    let mut wrong = Vec::new();
    for (file, labels) in &by_file {
        let Ok(src) = std::fs::read(seeds_dir.join(file)) else {
            println!("seeds: {file} absent, skipped");
            continue;
        };
        let ct = timer.clean(&src, Format::Text).unwrap_or_default();
        println!(
            "  {file}: title {:?} published {:?} author {:?} dropped {}",
            ct.title,
            ct.published.map(|d| d.to_string()),
            ct.author,
            ct.dropped_lines
        );
        let kept = line_kept(&src, &coverage(src.len(), &ct));
        for (line_no, truth, text) in labels {
            let k = kept.get(line_no.wrapping_sub(1)).copied().unwrap_or(false);
            counts.add(*truth, k);
            if *truth != k {
                let label = if *truth { "keep" } else { "drop" };
                wrong.push(format!(
                    "    {file}:{line_no} should {label}: {}",
                    text.chars().take(90).collect::<String>()
                ));
            }
        }
    }
    counts.report("seeds_lines keep");
    for w in &wrong {
        println!("{w}");
    }
}

static WORD: std::sync::LazyLock<Regex> =
    std::sync::LazyLock::new(|| Regex::new(r"\w+").unwrap_or_else(|e| unreachable!("{e}")));

/// The benchmark's shingle counts for one page, normalised to sum 1: (tp, fp, fn).
fn shingle_match(truth: &str, pred: &str) -> (f64, f64, f64) {
    fn shingles(s: &str) -> HashMap<String, i64> {
        let tokens: Vec<&str> = WORD.find_iter(s).map(|m| m.as_str()).collect();
        let mut out = HashMap::new();
        for i in 0..tokens.len().saturating_sub(3).max(1) {
            let sh = tokens[i.min(tokens.len())..(i + 4).min(tokens.len())].join(" ");
            if !sh.is_empty() {
                *out.entry(sh).or_default() += 1;
            }
        }
        out
    }
    let (t, p) = (shingles(truth), shingles(pred));
    let (mut tp, mut fp, mut fn_) = (0.0, 0.0, 0.0);
    for k in t.keys().chain(p.keys().filter(|k| !t.contains_key(*k))) {
        let (a, b) = (*t.get(k).unwrap_or(&0), *p.get(k).unwrap_or(&0));
        tp += a.min(b) as f64;
        fp += (b - a).max(0) as f64;
        fn_ += (a - b).max(0) as f64;
    }
    let s = tp + fp + fn_;
    if s > 0.0 {
        (tp / s, fp / s, fn_ / s)
    } else {
        (0.0, 0.0, 0.0)
    }
}

/// Mean precision and recall over pages, and the F1 of the two means.
fn shingle_report(what: &str, pages: &[(f64, f64, f64)]) {
    let n = pages.len().max(1) as f64;
    let prec = pages
        .iter()
        .map(|&(tp, fp, _)| if tp + fp > 0.0 { tp / (tp + fp) } else { 0.0 })
        .sum::<f64>()
        / n;
    let rec = pages
        .iter()
        .map(|&(tp, _, fn_)| if tp + fn_ > 0.0 { tp / (tp + fn_) } else { 0.0 })
        .sum::<f64>()
        / n;
    let f1 = if prec + rec > 0.0 {
        2.0 * prec * rec / (prec + rec)
    } else {
        0.0
    };
    println!(
        "{what}: P {prec:.4}  R {rec:.4}  F1 {f1:.4}  ({} pages)",
        pages.len()
    );
}

fn ground_truth(dir: &Path) -> Option<BTreeMap<String, String>> {
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("aeb/ground-truth.json")).ok()?).ok()?;
    let map = json.as_object()?;
    Some(
        map.iter()
            .map(|(k, v)| {
                (
                    k.clone(),
                    v.get("articleBody")
                        .and_then(|b| b.as_str())
                        .unwrap_or("")
                        .to_string(),
                )
            })
            .collect(),
    )
}

fn aeb(dir: &Path, verbose: bool) {
    let Some(truth) = ground_truth(dir) else {
        println!("aeb: ground-truth.json absent, skipped");
        return;
    };
    let mut pages = Vec::new();
    let mut worst = Vec::new();
    let (mut bytes, mut time) = (0usize, Duration::ZERO);
    for (id, body) in &truth {
        let mut html = Vec::new();
        let path = dir.join(format!("aeb/html/{id}.html.gz"));
        let Ok(file) = std::fs::File::open(&path) else {
            println!("aeb: {id} absent, skipped");
            continue;
        };
        if GzDecoder::new(file).read_to_end(&mut html).is_err() {
            println!("aeb: {id} unreadable, skipped");
            continue;
        }
        let t = Instant::now();
        let pred = clean(&html, Format::Html)
            .map(|c| c.text)
            .unwrap_or_default();
        time += t.elapsed();
        bytes += html.len();
        let m = shingle_match(body, &pred);
        pages.push(m);
        worst.push((m.0, id.clone()));
    }
    shingle_report("aeb word-level (clean Html)", &pages);
    println!(
        "  html throughput: {:.1} MB/s",
        bytes as f64 / 1e6 / time.as_secs_f64().max(1e-9)
    );
    if verbose {
        worst.sort_by(|a, b| a.0.total_cmp(&b.0));
        for (tp, id) in worst.iter().take(15) {
            println!("    {tp:.3} {id}");
        }
    }
}

fn aeb_lines(dir: &Path, verbose: bool, timer: &mut Timer) {
    let Some(rows) = read_tsv(&dir.join("aeb_lines.tsv")) else {
        println!("aeb_lines.tsv: absent, skipped");
        return;
    };
    let mut pages: BTreeMap<String, Vec<(bool, String)>> = BTreeMap::new();
    for r in rows.iter().filter(|r| r.len() >= 5) {
        let text = r[4..].join(" ");
        pages
            .entry(r[0].clone())
            .or_default()
            .push((r[2] == "1", text));
    }
    let truth = ground_truth(dir);
    let mut counts = Counts::default();
    let mut oracle = Vec::new();
    let mut shingles = Vec::new();
    for (id, lines) in &pages {
        let doc = lines
            .iter()
            .map(|(_, t)| t.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        let ct = timer
            .clean(doc.as_bytes(), Format::Text)
            .unwrap_or_default();
        let kept = line_kept(doc.as_bytes(), &coverage(doc.len(), &ct));
        let mut page = Counts::default();
        for ((truth, text), k) in lines.iter().zip(&kept) {
            counts.add(*truth, *k);
            page.add(*truth, *k);
            if verbose && *truth != *k {
                println!(
                    "    {id:.8} should {}: {}",
                    if *truth { "keep" } else { "drop" },
                    text.chars().take(100).collect::<String>()
                );
            }
        }
        if let Some(body) = truth.as_ref().and_then(|t| t.get(id)) {
            let gold: Vec<&str> = lines
                .iter()
                .filter(|(t, _)| *t)
                .map(|(_, s)| s.as_str())
                .collect();
            oracle.push(shingle_match(body, &gold.join("\n")));
            shingles.push(shingle_match(body, &ct.text));
        }
    }
    counts.report("aeb_lines in_body (clean Text)");
    if !oracle.is_empty() {
        shingle_report("  aeb word-level of the text path", &shingles);
        shingle_report("  aeb word-level of the in_body labels (oracle)", &oracle);
    }
}
