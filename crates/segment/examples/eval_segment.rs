//! Scores `segment` on the shared evaluation sets and measures its speed.
//!
//! usage: cargo run --release -p segment --example eval_segment -- EVAL_ROOT [--details]
//!
//! Sentences are compared after collapsing runs of whitespace to one space, because the reference
//! data sets join hard-wrapped lines while `segment` returns ranges of the original text.
//! ECB+ documents (one gold sentence per line) are scored as they are, one block of lines, and
//! again joined with single spaces into one paragraph; the URL that opens every `*ecbplus` document
//! is left out, being boilerplate and not a sentence. Reuters wire stories, hard-wrapped at a
//! ragged width, check that line ends inside a sentence are not taken for headings.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Instant;

fn normalize(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn sentences(text: &str) -> Vec<String> {
    segment::segment(text)
        .iter()
        .map(|s| normalize(&text[s.start..s.end]))
        .collect()
}

struct Case {
    id: String,
    input: String,
    expected: Vec<String>,
}

fn read_cases(path: &Path) -> Option<Vec<Case>> {
    let data = fs::read_to_string(path).ok()?;
    let mut cases = Vec::new();
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).ok()?;
        let expected = v["expected"]
            .as_array()?
            .iter()
            .filter_map(|e| e.as_str())
            .map(normalize)
            .collect();
        cases.push(Case {
            id: v["id"].as_str().unwrap_or("?").to_string(),
            input: v["input"].as_str()?.to_string(),
            expected,
        });
    }
    Some(cases)
}

fn run_cases(name: &str, path: &Path, show: bool) -> Option<String> {
    let Some(cases) = read_cases(path) else {
        println!(
            "{name}: skipped ({} not found or unreadable)",
            path.display()
        );
        return None;
    };
    let mut failed = Vec::new();
    for case in &cases {
        let got = sentences(&case.input);
        if got != case.expected {
            if show {
                println!(
                    "  FAIL {}\n    input:    {:?}\n    expected: {:?}\n    got:      {:?}",
                    case.id, case.input, case.expected, got
                );
            }
            failed.push(case.id.as_str());
        }
    }
    println!(
        "{name}: {}/{} pass",
        cases.len() - failed.len(),
        cases.len()
    );
    if !show && !failed.is_empty() {
        println!("  failing: {}", failed.join(" "));
    }
    Some(String::new())
}

/// One ECB+ document as a paragraph, with the byte offsets where gold sentences end.
fn ecb_document(path: &Path, sep: &str) -> Option<(String, Vec<usize>, Vec<bool>)> {
    let raw = fs::read_to_string(path).ok()?;
    let mut lines: Vec<&str> = raw
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if path.to_string_lossy().ends_with("ecbplus.txt") && !lines.is_empty() {
        lines.remove(0);
    }
    let text = lines.join(sep);
    let mut ends = Vec::new();
    let mut punctuated = Vec::new();
    let mut offset = 0;
    for line in &lines[..lines.len().saturating_sub(1)] {
        offset += line.len();
        ends.push(offset);
        let last = line
            .trim_end_matches(['"', '\'', ')', '”', '’', ']'])
            .chars()
            .next_back();
        punctuated.push(matches!(last, Some('.' | '!' | '?' | '…')));
        offset += 1;
    }
    Some((text, ends, punctuated))
}

/// The text around byte `at`, with a bar at `at`.
fn context(text: &str, at: usize) -> String {
    let mut from = at.saturating_sub(60);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (at + 40).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    format!("{}|{}", &text[from..at], &text[at..to]).replace('\n', "⏎")
}

fn ecb_docs(dir: &Path) -> Vec<PathBuf> {
    let mut docs = Vec::new();
    if let Ok(topics) = fs::read_dir(dir.join("docs")) {
        for topic in topics.flatten() {
            if let Ok(files) = fs::read_dir(topic.path()) {
                docs.extend(
                    files
                        .flatten()
                        .map(|f| f.path())
                        .filter(|p| p.extension().is_some_and(|e| e == "txt")),
                );
            }
        }
    }
    docs.sort();
    docs
}

fn run_ecb(root: &Path, split: &str, sep: &str, show: bool, corpus: &mut String) {
    let dir = root.join("ecbplus").join(split);
    let docs = ecb_docs(&dir);
    if docs.is_empty() {
        println!("ECB+ {split}: skipped ({} not found)", dir.display());
        return;
    }
    let (mut tp, mut fp, mut fn_, mut gold_punct, mut tp_punct) =
        (0usize, 0usize, 0usize, 0usize, 0usize);
    for path in &docs {
        let Some((text, gold, punctuated)) = ecb_document(path, sep) else {
            continue;
        };
        let found = segment::segment(&text);
        let predicted: Vec<usize> = found
            .iter()
            .take(found.len().saturating_sub(1))
            .map(|s| s.end)
            .collect();
        for (g, &p) in gold.iter().zip(&punctuated) {
            let hit = predicted.binary_search(g).is_ok();
            tp += usize::from(hit);
            fn_ += usize::from(!hit);
            gold_punct += usize::from(p);
            tp_punct += usize::from(p && hit);
            if show && !hit {
                let what = if p { "MISS" } else { "MISS (unpunctuated)" };
                println!("  {what} {}: {}", path.display(), context(&text, *g));
            }
        }
        for p in &predicted {
            if gold.binary_search(p).is_err() {
                fp += 1;
                if show {
                    println!("  EXTRA {}: {}", path.display(), context(&text, *p));
                }
            }
        }
        corpus.push_str(&text);
        corpus.push_str("\n\n");
    }
    let p = tp as f64 / (tp + fp).max(1) as f64;
    let r = tp as f64 / (tp + fn_).max(1) as f64;
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    let rp = tp_punct as f64 / gold_punct.max(1) as f64;
    println!(
        "ECB+ {split}{}: {} docs, {} gold boundaries: P {p:.4} R {r:.4} F1 {f:.4} (tp {tp} fp {fp} fn {fn_}); \
         recall on the {gold_punct} boundaries after final punctuation {rp:.4}",
        if sep == "\n" { " (lines)" } else { " (one paragraph)" },
        docs.len(),
        tp + fn_
    );
    let unreachable = tp + fn_ - gold_punct;
    let pr = tp_punct as f64 / (tp_punct + fp).max(1) as f64;
    let fr = if pr + rp > 0.0 {
        2.0 * pr * rp / (pr + rp)
    } else {
        0.0
    };
    println!("  leaving out the {unreachable} boundaries after unpunctuated headlines and dates: P {pr:.4} R {rp:.4} F1 {fr:.4}");
}

/// Reuters wire stories as the wire sent them: the headline on its own line, then paragraphs
/// hard-wrapped by hand at a ragged width (each line ends somewhere between 40 and 72 columns) with
/// no blank line between them. Gold boundaries: the end of each paragraph and those `segment` finds
/// in the unwrapped paragraph, so the score isolates what the line breaks do. A cut at a wrap
/// inside a paragraph is a false split of prose; a missed cut after the headline is a run-on.
fn run_reuters(corpus: &Path, limit: usize, show: bool) {
    let Ok(data) = fs::read_to_string(corpus.join("reuters21578/reuters21578.jsonl")) else {
        println!("Reuters wrapped: skipped (corpus not found)");
        return;
    };
    let mut rng = 0x2545_f491_4f6c_dd1du64;
    let mut next = move |lo: usize, hi: usize| {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        lo + (rng % (hi - lo + 1) as u64) as usize
    };
    let (mut tp, mut fp, mut fn_, mut wrap_cuts, mut wraps, mut heads, mut head_hits) =
        (0usize, 0usize, 0usize, 0usize, 0usize, 0usize, 0usize);
    for line in data.lines().take(limit) {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let Some(story) = v["text"].as_str() else {
            continue;
        };
        let mut text = String::new();
        // Gold boundaries and wrap points, as counts of non-space chars before them.
        let mut gold = Vec::new();
        let mut wrap_at = Vec::new();
        let mut seen = 0usize;
        for (p, para) in story
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .enumerate()
        {
            let ends: Vec<usize> = segment::segment(para)
                .iter()
                .map(|s| para[..s.end].chars().filter(|c| !c.is_whitespace()).count())
                .collect();
            gold.extend(ends.iter().map(|e| seen + e));
            if p == 0 {
                heads += 1;
            }
            let mut width = next(40, 72);
            let mut col = 0;
            for word in para.split_whitespace() {
                let len = word.chars().count();
                if col > 0 && p > 0 && col + 1 + len > width {
                    text.push('\n');
                    wrap_at.push(seen);
                    col = 0;
                    width = next(40, 72);
                } else if col > 0 {
                    text.push(' ');
                    col += 1;
                }
                text.push_str(word);
                col += len;
                seen += len;
            }
            text.push('\n');
        }
        let found: Vec<usize> = segment::segment(&text)
            .iter()
            .map(|s| text[..s.end].chars().filter(|c| !c.is_whitespace()).count())
            .collect();
        let head_end = gold.first().copied();
        for g in &gold {
            let hit = found.binary_search(g).is_ok();
            tp += usize::from(hit);
            fn_ += usize::from(!hit);
            if Some(*g) == head_end {
                head_hits += usize::from(hit);
                if show && !hit {
                    println!("  HEADLINE RUN-ON: {}", story.lines().next().unwrap_or(""));
                }
            } else if show && !hit {
                println!("  WRAPPED MISS: {}", context(&text, byte_after(&text, *g)));
            }
        }
        wraps += wrap_at
            .iter()
            .filter(|w| gold.binary_search(w).is_err())
            .count();
        for f in &found {
            if gold.binary_search(f).is_err() {
                fp += 1;
                if wrap_at.binary_search(f).is_ok() {
                    wrap_cuts += 1;
                    if show {
                        println!("  WRAP CUT: {}", context(&text, byte_after(&text, *f)));
                    }
                }
            }
        }
    }
    let p = tp as f64 / (tp + fp).max(1) as f64;
    let r = tp as f64 / (tp + fn_).max(1) as f64;
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    println!(
        "Reuters wrapped: {limit} stories: P {p:.4} R {r:.4} F1 {f:.4} (tp {tp} fp {fp} fn {fn_}); \
         {wrap_cuts} of {wraps} wraps inside a sentence cut; headline ends found {head_hits}/{heads}"
    );
}

/// The byte offset just after the `n`th non-space char of `text`.
fn byte_after(text: &str, n: usize) -> usize {
    text.char_indices()
        .filter(|(_, c)| !c.is_whitespace())
        .nth(n.saturating_sub(1))
        .map_or(0, |(k, c)| k + c.len_utf8())
}

fn throughput(name: &str, text: &str) {
    if text.is_empty() {
        println!("throughput {name}: skipped (no text)");
        return;
    }
    let mut reps = 0usize;
    let mut sentences = 0usize;
    let started = Instant::now();
    while started.elapsed().as_secs_f64() < 1.0 {
        sentences += segment::segment(text).len();
        reps += 1;
    }
    let secs = started.elapsed().as_secs_f64();
    let mb = (text.len() * reps) as f64 / 1e6;
    println!(
        "throughput {name}: {:.1} MB/s ({:.2} MB x {reps} in {secs:.2} s, {} sentences per pass)",
        mb / secs,
        text.len() as f64 / 1e6,
        sentences / reps
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let show = args.iter().any(|a| a == "--details");
    let root = PathBuf::from(
        args.iter()
            .find(|a| !a.starts_with("--"))
            .map_or("/work/shared/eval", String::as_str),
    );
    let seg = root.join("segment");
    run_cases("golden rules", &seg.join("golden_rules_en.jsonl"), true);
    run_cases("pysbd", &seg.join("pysbd_en.jsonl"), show);
    let mut ecb_text = String::new();
    run_ecb(&root, "train", "\n", show, &mut ecb_text);
    run_ecb(&root, "dev", "\n", show, &mut ecb_text);
    // The same documents with their line breaks replaced by spaces: headlines and datelines then
    // run into the text, which only punctuation can cut.
    let mut joined = String::new();
    run_ecb(&root, "train", " ", false, &mut joined);
    run_ecb(&root, "dev", " ", false, &mut joined);

    run_reuters(&root.join("../corpus"), 3000, show);

    let mut seeds = String::new();
    if let Some(seed_dir) = root.parent().map(|p| p.join("seeds")) {
        let mut files: Vec<PathBuf> = fs::read_dir(&seed_dir)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .collect();
        files.sort();
        for f in files {
            if let Ok(t) = fs::read_to_string(&f) {
                seeds.push_str(&t);
                seeds.push_str("\n\n");
            }
        }
    }
    throughput("seed articles", &seeds);
    throughput("ECB+ text", &ecb_text);
    // Pathological single lines: every rule looks at a bounded neighbourhood, so these stay fast.
    throughput("20 MB line of \"a.\"", &"a.".repeat(10_000_000));
    throughput("20 MB line of \". \"", &". ".repeat(10_000_000));
    throughput("20 MB line of \"Mr. A \"", &"Mr. A ".repeat(3_400_000));
}
