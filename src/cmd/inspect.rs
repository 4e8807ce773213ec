//! `claimcheck clean|segment|extract FILE`: one stage's output for one file, to see what it does.

use super::{ExtractArgs, InspectArgs};
use crate::pipeline::LineIndex;
use anyhow::{Context, Result};
use clean::Format;
use model::{Alignment, CleanText};
use serde::Serialize;
use std::io::{Read, Write};
use std::process::ExitCode;

fn read_input(args: &InspectArgs) -> Result<(Vec<u8>, Format)> {
    let bytes = if args.file.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .context("cannot read standard input")?;
        buf
    } else {
        std::fs::read(&args.file).with_context(|| format!("cannot read {}", args.file.display()))?
    };
    let ext = args
        .file
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let format = match ext.as_deref() {
        _ if args.html => Format::Html,
        Some("html" | "htm" | "xhtml") => Format::Html,
        Some("txt" | "md" | "text") => Format::Text,
        _ => clean::sniff(&bytes),
    };
    Ok((bytes, format))
}

fn cleaned(args: &InspectArgs) -> Result<(Vec<u8>, CleanText)> {
    let (bytes, format) = read_input(args)?;
    let text = clean::clean(&bytes, format).with_context(|| format!("{}", args.file.display()))?;
    Ok((bytes, text))
}

pub fn clean(args: &InspectArgs) -> Result<ExitCode> {
    let (_, text) = cleaned(args)?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "{}", text.text)?;
    Ok(ExitCode::SUCCESS)
}

pub fn segment(args: &InspectArgs) -> Result<ExitCode> {
    let (_, text) = cleaned(args)?;
    let mut out = std::io::stdout().lock();
    for s in segment::segment(&text.text) {
        let sentence = &text.text[s.start..s.end];
        writeln!(
            out,
            "{}",
            sentence.split_whitespace().collect::<Vec<_>>().join(" ")
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

/// One claim as printed by `claimcheck extract`: the claim's fields, with `start`/`end` as byte
/// offsets into the file (as in mentions.csv) and the claim's sentence for context.
#[derive(Serialize)]
struct ClaimLine<'a> {
    text: &'a str,
    line: usize,
    start: usize,
    end: usize,
    numbers: &'a [model::Quantity],
    dates: &'a [model::DateMention],
    attribution: Option<&'a str>,
    hedged: bool,
    negated: bool,
    score: f32,
    entities: &'a [String],
    sentence: &'a str,
}

pub fn extract(args: &ExtractArgs) -> Result<ExitCode> {
    let (bytes, text) = if args.all {
        // Bare phrases are not articles: cleaning would drop them as too short to be prose.
        let (bytes, _) = read_input(&args.input)?;
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let alignment = Alignment::identity(text.len());
        (
            bytes,
            CleanText {
                text,
                alignment,
                ..CleanText::default()
            },
        )
    } else {
        cleaned(&args.input)?
    };
    let published = args.published.or(text.published);
    let mut opts = extract::Options {
        all: args.all,
        ..extract::Options::default()
    };
    if let Some(min) = args.min_score {
        opts.min_score = min;
    }
    let sentences = segment::segment(&text.text);
    let claims = extract::extract(&text.text, &sentences, published, &opts);
    let lines = LineIndex::new(&bytes);
    let mut out = std::io::stdout().lock();
    for claim in &claims {
        let span = text.alignment.to_source(claim.start..claim.end);
        let line = lines.line_of(span.start);
        let record = ClaimLine {
            text: &claim.text,
            line,
            start: span.start,
            end: span.end,
            numbers: &claim.numbers,
            dates: &claim.dates,
            attribution: claim.attribution.as_deref(),
            hedged: claim.hedged,
            negated: claim.negated,
            score: claim.score,
            entities: &claim.entities,
            sentence: text
                .text
                .get(claim.sentence_start..claim.sentence_end)
                .unwrap_or(""),
        };
        serde_json::to_writer(&mut out, &record)?;
        writeln!(out)?;
    }
    Ok(ExitCode::SUCCESS)
}
