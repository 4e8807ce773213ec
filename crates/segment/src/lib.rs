//! segment: clean article text → sentences, as byte ranges of the text.
//!
//! In: the text of a [`model::CleanText`]: blocks (paragraphs, headings, list items) separated by a
//! blank line, where a block may be hard-wrapped with single newlines. Out: [`Sentence`]s in text
//! order, non-overlapping, trimmed of whitespace, never empty, on char boundaries.
//!
//! Two ideas carry it, after the Pragmatic Segmenter:
//! - A sentence can only end at a run of terminal punctuation (".", "?!", "…") followed by
//!   whitespace and a plausible sentence start; the word before the run and the word after it then
//!   veto the cut: abbreviations by class ("Mr." never ends a sentence, "U.S." does only before a
//!   usual sentence starter such as "The"), initials, list markers, numbers, lower-case
//!   continuations.
//! - A single newline after a line without final punctuation ends a sentence when the line stands
//!   alone: a headline, a dateline, a date, or a list item. Whether the block is hard-wrapped prose
//!   (many lines go on in lower case, most end open) or one unit a line decides how much evidence
//!   that takes: in wrapped prose only a short, capitalised line that opens its sentence and does
//!   not hang on a function word; otherwise any line visibly shorter than the widest. A blank line
//!   always ends a sentence.
//!
//! The text is scanned once and every rule looks at a bounded neighbourhood, so time is linear.

mod abbreviations;
mod block;
mod heading;
mod lists;
mod rules;

use model::Sentence;

/// Cuts `text` into sentences.
pub fn segment(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut block_start = None;
    let mut block_end = 0;
    let mut line_start = 0;
    while line_start <= text.len() {
        // memchr's vector search: `str::find` looks a word at a time.
        let line_end = memchr::memchr(b'\n', &text.as_bytes()[line_start..])
            .map_or(text.len(), |k| line_start + k);
        if text[line_start..line_end].trim().is_empty() {
            if let Some(start) = block_start.take() {
                block::segment_block(text, start, block_end, &mut out);
            }
        } else {
            block_start.get_or_insert(line_start);
            block_end = line_end;
        }
        line_start = line_end + 1;
    }
    if let Some(start) = block_start {
        block::segment_block(text, start, block_end, &mut out);
    }
    out
}

#[cfg(test)]
mod tests;
