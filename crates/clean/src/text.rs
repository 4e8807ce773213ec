//! Boilerplate removal for plain text, as scrapers save it: one block per line or paragraph.
//!
//! The article is found by where the prose is. Paragraphs that read like prose mark the body; the
//! body ends at the last of them before a comment widget and before an author bio. Around that
//! anchor each block is judged by its own evidence and its position: before the headline everything
//! is site chrome; between headline and body only summaries, standfirsts and headings survive;
//! inside the body short lines must look like headings or sentences and not like links to other
//! stories; after it only a sentence that directly continues the body survives.

use crate::features::{measure_lines, Features};
use crate::out::Output;
use std::ops::Range;

/// One paragraph of the source: consecutive lines unless the file is not hard-wrapped, in which
/// case every line is its own paragraph.
pub(crate) struct Para {
    /// Trimmed byte ranges of its lines in the decoded text.
    pub lines: Vec<Range<usize>>,
    pub f: Features,
}

/// What the text path decided, for the caller's metadata.
pub(crate) struct Kept {
    pub dropped_lines: usize,
    pub title: Option<String>,
    pub author: Option<String>,
}

pub(crate) fn paragraphs(text: &str) -> Vec<Para> {
    let mut lines: Vec<(Range<usize>, bool)> = Vec::new();
    let mut blank_before = true;
    let mut at = 0;
    // Line ends found by memchr's vector search rather than split('\n'), which looks for each
    // one a byte or a word at a time.
    let line_ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain([text.len()]);
    for line_end in line_ends {
        let raw = &text[at..line_end];
        let start = at + (raw.len() - raw.trim_start().len());
        let end = at + raw.trim_end().len();
        at = line_end + 1;
        if start >= end {
            blank_before = true;
            continue;
        }
        lines.push((start..end, blank_before));
        blank_before = false;
    }
    let width = wrap_width(&lines);
    let mut paras: Vec<Para> = Vec::with_capacity(lines.len());
    for (i, (range, blank)) in lines.iter().enumerate() {
        let continues = !blank
            && i > 0
            && width.is_some_and(|w| lines[i - 1].0.len() * 4 >= w * 3)
            && !crate::features::is_list_item(&text[range.clone()]);
        match paras.last_mut() {
            Some(p) if continues => p.lines.push(range.clone()),
            _ => paras.push(Para {
                lines: vec![range.clone()],
                f: Features::default(),
            }),
        }
    }
    for p in &mut paras {
        p.f = match p.lines.as_slice() {
            [one] => measure_lines(&[&text[one.clone()]]),
            many => {
                let lines: Vec<&str> = many.iter().map(|r| &text[r.clone()]).collect();
                measure_lines(&lines)
            }
        };
    }
    paras
}

/// The column a hard-wrapped file is wrapped at, if it is: most lines end within a few characters
/// of the same width, and that width is a terminal's, not a paragraph's.
fn wrap_width(lines: &[(Range<usize>, bool)]) -> Option<usize> {
    let mut lens: Vec<usize> = lines
        .iter()
        .map(|(r, _)| r.len())
        .filter(|&l| l >= 20)
        .collect();
    if lens.len() < 5 {
        return None;
    }
    lens.sort_unstable();
    let width = lens[lens.len() * 9 / 10];
    let near = lens
        .iter()
        .filter(|&&l| l * 4 >= width * 3 && l <= width)
        .count();
    (width <= 100 && near * 2 >= lens.len()).then_some(width)
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Zone {
    Top,
    Headline,
    Dek,
    Body,
    Tail,
}

pub(crate) fn keep(text: &str, paras: &[Para], out: &mut Output) -> Kept {
    let n = paras.len();
    let f = |i: usize| &paras[i].f;
    let body_text =
        |i: usize| &text[paras[i].lines[0].start..paras[i].lines[paras[i].lines.len() - 1].end];
    let mut prose: Vec<bool> = paras.iter().map(|p| p.f.prose()).collect();
    // A verbless "prose" line before the body is a photo caption ("A scenic landscape of …").
    while let Some(i) = prose.iter().position(|&p| p) {
        if f(i).verbs > 0 || f(i).words > 40 {
            break;
        }
        prose[i] = false;
    }
    let first_prose = prose.iter().position(|&p| p);
    let comment_start = (0..n)
        .find(|&i| f(i).comment_marker && first_prose.is_some_and(|fp| fp < i))
        .unwrap_or(n);
    let mut body_end = (0..comment_start).rev().find(|&i| prose[i]);
    let mut bio = None;
    if let Some(last) = body_end {
        if f(last).bio && mentions_career(body_text(last)) {
            bio = Some(last);
            body_end = (0..last).rev().find(|&i| prose[i]);
        }
    }
    let repeats = repeated(text, paras);

    let Some((body_start, body_end)) = first_prose.zip(body_end) else {
        return keep_without_body(text, paras, out, comment_start);
    };
    let headline = pick_headline(text, paras, body_start, &prose);
    let same_as_headline = |i: usize| {
        headline.is_some_and(|h| {
            h != i
                && body_text(i).len() == body_text(h).len()
                && body_text(i).eq_ignore_ascii_case(body_text(h))
        })
    };

    let mut kept = vec![false; n];
    let mut author = None;
    for i in 0..n {
        let zone = if Some(i) == headline {
            Zone::Headline
        } else if headline.is_some_and(|h| i < h) {
            Zone::Top
        } else if i < body_start {
            Zone::Dek
        } else if i <= body_end {
            Zone::Body
        } else {
            Zone::Tail
        };
        let fi = f(i);
        let next_is_prose = prose.get(i + 1).copied().unwrap_or(false);
        let heading = fi.heading_like() && next_is_prose && !same_as_headline(i) && !repeats[i];
        kept[i] = match zone {
            Zone::Top => false,
            Zone::Headline => true,
            Zone::Dek => {
                if author.is_none() && is_name(text, &paras[i]) {
                    author = Some(byline_name(body_text(i)));
                }
                let summary = fi.list && fi.words >= 5 && (fi.verbs > 0 || fi.terminal);
                let standfirst = fi.sentence() && fi.words >= 8 && fi.verbs > 0;
                !same_as_headline(i)
                    && !fi.credit
                    && (summary || standfirst || (heading && !teaser_headline(fi)))
            }
            Zone::Body => {
                let chrome = fi.teaser || fi.file_name || fi.comment_marker || fi.credit;
                !chrome
                    && !same_as_headline(i)
                    && (prose[i]
                        || (fi.list && fi.words >= 3 && fi.ui_ratio() < 0.2)
                        || (heading && !teaser_headline(fi))
                        || (fi.sentence() && !repeats[i]))
            }
            Zone::Tail => false,
        };
    }
    // A closing sentence right after the last prose paragraph still belongs to the article.
    let mut i = body_end + 1;
    while i < comment_start.min(n) && Some(i) != bio {
        let fi = f(i);
        if !(fi.sentence() && fi.words >= 4 && !fi.credit && !fi.teaser && !repeats[i]) {
            break;
        }
        kept[i] = true;
        i += 1;
    }
    if author.is_none() {
        author = bio.map(|b| bio_name(body_text(b)));
    }
    let title = headline.map(|h| body_text(h).to_string());
    let dropped_lines = emit(text, paras, &kept, out);
    Kept {
        dropped_lines,
        title,
        author,
    }
}

/// No paragraph reads like prose (a short note, a list): keep whatever is not evidently chrome.
fn keep_without_body(text: &str, paras: &[Para], out: &mut Output, comment_start: usize) -> Kept {
    let kept: Vec<bool> = paras
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let f = &p.f;
            i < comment_start
                && !(f.teaser || f.file_name || f.comment_marker || f.credit)
                && f.ui_ratio() < 0.2
                && (f.sentence() || f.heading_like() || f.words >= 3)
        })
        .collect();
    let dropped_lines = emit(text, paras, &kept, out);
    let title = paras
        .iter()
        .zip(&kept)
        .find(|(_, &k)| k)
        .filter(|(p, _)| p.f.heading_like())
        .map(|(p, _)| text[p.lines[0].clone()].to_string());
    Kept {
        dropped_lines,
        title,
        author: None,
    }
}

fn emit(text: &str, paras: &[Para], kept: &[bool], out: &mut Output) -> usize {
    let mut dropped = 0;
    for (p, &k) in paras.iter().zip(kept) {
        if !k {
            dropped += p.lines.len();
            continue;
        }
        out.separate(false);
        for (j, r) in p.lines.iter().enumerate() {
            if j > 0 {
                out.insert("\n");
            }
            out.copy(&text[r.clone()], r.clone());
        }
    }
    dropped
}

/// The headline is the last headline-shaped line before the body that is not itself directly
/// followed by prose (that would be a section heading), or failing that, the last one at all. A
/// copy of an earlier candidate defers to the original.
fn pick_headline(text: &str, paras: &[Para], body_start: usize, prose: &[bool]) -> Option<usize> {
    let candidates: Vec<usize> = (0..body_start)
        .filter(|&i| {
            let f = &paras[i].f;
            f.heading_like() && !f.list && f.words >= 4 && (f.stop > 0 || f.verbs > 0)
        })
        .collect();
    let pick = candidates
        .iter()
        .rev()
        .find(|&&i| !prose.get(i + 1).copied().unwrap_or(false))
        .or(candidates.last())
        .copied()?;
    let same = |a: usize, b: usize| {
        text[paras[a].lines[0].clone()].eq_ignore_ascii_case(&text[paras[b].lines[0].clone()])
    };
    candidates
        .iter()
        .copied()
        .find(|&c| same(c, pick))
        .or(Some(pick))
}

/// A news headline linking elsewhere rather than a section heading: sentence case with a verb.
fn teaser_headline(f: &Features) -> bool {
    f.words >= 6 && f.verbs > 0 && f.title_ratio() < 0.6 && !f.ends_open
}

/// Lines that occur more than once are site chrome (widgets, share buttons), unless prose.
fn repeated(text: &str, paras: &[Para]) -> Vec<bool> {
    // Sorting cheap fingerprints of the short lines brings copies together; lines with equal
    // fingerprints are then compared as text.
    let fingerprint = |s: &str| {
        s.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        })
    };
    let line = |i: usize| &text[paras[i].lines[0].clone()];
    let mut short: Vec<(u64, usize)> = paras
        .iter()
        .enumerate()
        .filter(|(_, p)| p.lines.len() == 1 && p.f.words <= 12)
        .map(|(i, _)| (fingerprint(line(i)), i))
        .collect();
    short.sort_unstable();
    let mut out = vec![false; paras.len()];
    for run in short
        .chunk_by(|a, b| a.0 == b.0)
        .filter(|run| run.len() > 1)
    {
        for &(_, i) in run {
            out[i] = run.iter().any(|&(_, j)| j != i && line(j) == line(i));
        }
    }
    out
}

/// A byline: a short line that is just a person's name, possibly after "By".
fn is_name(text: &str, p: &Para) -> bool {
    let raw = &text[p.lines[0].clone()];
    let line = byline_name(raw);
    let words: Vec<&str> = line.split_whitespace().collect();
    // "By" is the one function word a byline may have.
    let by = usize::from(
        ["By ", "by "]
            .iter()
            .any(|b| raw.trim_start().starts_with(b)),
    );
    p.lines.len() == 1
        && (2..=4).contains(&words.len())
        && p.f.stop == by
        && p.f.ui == 0
        && p.f.numeric == 0
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

fn byline_name(line: &str) -> String {
    let line = line.trim();
    let line = line
        .strip_prefix("By ")
        .or_else(|| line.strip_prefix("by "))
        .unwrap_or(line);
    line.trim_end_matches(|c: char| c.is_whitespace() || c == ',')
        .to_string()
}

fn bio_name(line: &str) -> String {
    let name: Vec<&str> = line
        .split_whitespace()
        .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
        .take(4)
        .collect();
    name.join(" ")
}

/// Bios talk about the writer's career; a closing paragraph about a politician does not.
fn mentions_career(s: &str) -> bool {
    const CAREER: &[&str] = &[
        "journalist",
        "reporter",
        "writer",
        "editor",
        "correspondent",
        "author",
        "columnist",
        "contributor",
        "freelance",
        "graduate",
        "degree",
        "covers ",
        "his reporting",
        "her reporting",
    ];
    let lower = s.to_lowercase();
    CAREER.iter().any(|w| lower.contains(w))
}
