//! One block of text (a paragraph, heading or list item between blank lines), scanned once from
//! left to right for the places where a sentence ends.

use model::Sentence;

use crate::heading::Shape;
use crate::lists::{self, Marker};
use crate::rules::{self, char_at};

struct Block<'a> {
    text: &'a str,
    end: usize,
    /// Widest line of the block in chars: a line that reached it was hard-wrapped.
    width: usize,
    /// Whether any sentence punctuation occurs; a block without it is a list of short lines.
    has_stop: bool,
    /// Whether its lines are hard-wrapped prose rather than one unit (sentence, heading) each:
    /// many of them go on in lower case on the next line.
    wrapped: bool,
    sent_start: usize,
    /// Marker that opened the current sentence, to recognise the next item of an inline list.
    list: Option<Marker>,
    out: &'a mut Vec<Sentence>,
}

/// Appends the sentences of `text[start..end]` to `out`.
pub(crate) fn segment_block(text: &str, start: usize, end: usize, out: &mut Vec<Sentence>) {
    let Measure {
        width,
        has_stop,
        wrapped,
    } = measure(&text[start..end]);
    let mut block = Block {
        text,
        end,
        width,
        has_stop,
        wrapped,
        sent_start: start,
        list: None,
        out,
    };
    block.list = lists::marker_at(text.as_bytes(), start, end);
    block.scan(start);
    block.cut(end);
}

struct Measure {
    width: usize,
    has_stop: bool,
    wrapped: bool,
}

/// Width of the widest line in chars, whether a stop followed by a space, quote or bracket occurs
/// outside list markers, and whether the lines are wrapped, in one pass over the bytes.
fn measure(block: &str) -> Measure {
    let b = block.as_bytes();
    let mut width = 0;
    let mut has_stop = false;
    let mut line_start = 0;
    let (mut breaks, mut lower_starts, mut open_ends) = (0usize, 0usize, 0usize);
    while line_start <= b.len() {
        if line_start > 0 {
            breaks += 1;
            let first = b[line_start..]
                .iter()
                .position(|c| !matches!(c, b' ' | b'\t'))
                .map_or(' ', |k| char_at(block, line_start + k));
            lower_starts += usize::from(first.is_lowercase());
        }
        let line_end = memchr::memchr(b'\n', &b[line_start..]).map_or(b.len(), |k| line_start + k);
        let line = &b[line_start..line_end];
        let kept = line
            .iter()
            .rposition(|c| !c.is_ascii_whitespace())
            .map_or(0, |k| k + 1);
        let chars = if line[..kept].is_ascii() {
            kept
        } else {
            line[..kept].iter().filter(|&&c| c & 0xC0 != 0x80).count()
        };
        width = width.max(chars);
        if line_end < b.len() {
            let last = kept.checked_sub(1).map_or(b'.', |k| line[k]);
            // Closing quotes and brackets count as punctuated: they mostly follow a stop.
            open_ends += usize::from(!matches!(
                last,
                b'.' | b'!' | b'?' | b'"' | b'\'' | b')' | 0x80..=0xFF
            ));
        }
        if !has_stop {
            // The stop of a list marker ("d. Compliance Log") is no sentence punctuation.
            let body = line
                .iter()
                .position(|c| !c.is_ascii_whitespace())
                .unwrap_or(line.len());
            let skip = lists::marker_at(line, body, line.len()).map_or(0, |m| m.len);
            let mut k = next_plain(line, body + skip, line.len());
            while k < line.len() && !has_stop {
                let stop = match line[k] {
                    b'.' | b'!' | b'?' => 1,
                    0xE2 if line.get(k + 1..k + 3) == Some(&[0x80, 0xA6]) => 3,
                    _ => 0,
                };
                has_stop = stop > 0
                    && match line.get(k + stop) {
                        None => true,
                        Some(&c) => c.is_ascii_whitespace() || matches!(c, b'"' | b'\'' | b')'),
                    };
                k = next_plain(line, k + 1, line.len());
            }
        }
        line_start = line_end + 1;
    }
    Measure {
        width,
        has_stop,
        // In wrapped English prose about half the lines go on with a lower-case word, and most
        // end without punctuation; a text of one sentence a line has neither.
        wrapped: lower_starts > 0 && lower_starts * 4 >= breaks
            || breaks >= 4 && open_ends * 4 >= breaks * 3,
    }
}

/// Bytes the scan must look at: line breaks, terminal punctuation, and the lead bytes of the
/// multi-byte terminals and bullets ("…", "•", "。", "．"); with `SPACE`, also spaces and tabs,
/// where an inline list item may start. Continuation bytes are never lead bytes, so skipping
/// over other bytes always stops on a char boundary.
const PLAIN: u8 = 1;
const SPACE: u8 = 2;
static INTEREST: [u8; 256] = {
    let mut t = [0u8; 256];
    let plain: [u8; 8] = [b'\n', b'\r', b'.', b'!', b'?', 0xE2, 0xE3, 0xEF];
    let mut k = 0;
    while k < plain.len() {
        t[plain[k] as usize] = PLAIN | SPACE;
        k += 1;
    }
    t[b' ' as usize] = SPACE;
    t[b'\t' as usize] = SPACE;
    t
};

/// Where the next byte of `PLAIN` interest in `b[i..end]` is, or `end`. Eight bytes are tested at
/// once with arithmetic on a `u64`, as most of them are of no interest: looking at them one by
/// one took a third of the time of segmenting.
fn next_plain(b: &[u8], mut i: usize, end: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    while let Some(chunk) = b.get(i..end).and_then(<[u8]>::first_chunk::<8>) {
        let x = u64::from_le_bytes(*chunk);
        // On the low seven bits of each byte adding at most 0x7F never carries into the next;
        // bytes with the high bit set are candidates anyway.
        let low = x & !HIGH;
        let below = |y: u64, c: u8| !(y + ONES * u64::from(0x80 - c)) & HIGH;
        let equal = |c: u8| below(low ^ (ONES * u64::from(c)), 1);
        let mut candidates =
            (x & HIGH) | below(low, b' ') | equal(b'.') | equal(b'!') | equal(b'?');
        while candidates != 0 {
            let k = i + candidates.trailing_zeros() as usize / 8;
            if INTEREST[usize::from(b[k])] & PLAIN != 0 {
                return k;
            }
            candidates &= candidates - 1;
        }
        i += 8;
    }
    while i < end && INTEREST[usize::from(b[i])] & PLAIN == 0 {
        i += 1;
    }
    i
}

impl Block<'_> {
    fn scan(&mut self, start: usize) {
        let b = self.text.as_bytes();
        let mut i = start;
        let mut line_start = start;
        while i < self.end {
            if self.list.is_some() {
                while i < self.end && INTEREST[usize::from(b[i])] & SPACE == 0 {
                    i += 1;
                }
            } else {
                i = next_plain(b, i, self.end);
            }
            if i >= self.end {
                break;
            }
            let c = b[i];
            if c == b'\n' || (c == b'\r' && b.get(i + 1) != Some(&b'\n')) {
                if self.line_ends_sentence(line_start, i) {
                    self.cut(i);
                }
                line_start = i + 1;
                i += 1;
            } else if matches!(c, b'.' | b'!' | b'?') {
                i = self.terminal(i);
            } else if c.is_ascii() {
                if (c == b' ' || c == b'\t') && self.list.is_some() {
                    self.inline_item(i + 1);
                }
                i += 1;
            } else {
                let ch = char_at(self.text, i);
                if rules::is_terminal(ch) {
                    i = self.terminal(i);
                    continue;
                }
                if lists::is_bullet(ch) && i > self.sent_start && b[i - 1].is_ascii_whitespace() {
                    self.cut(i);
                }
                i += ch.len_utf8();
            }
        }
    }

    fn terminal(&mut self, i: usize) -> usize {
        let outcome = rules::at_terminal(self.text, self.end, self.sent_start, i);
        if let Some(at) = outcome.cut {
            self.cut(at);
        }
        outcome.resume.max(i + 1)
    }

    /// "1. The first item 2. The second item": the next marker of the list opens a sentence.
    fn inline_item(&mut self, k: usize) {
        let Some(prev) = self.list else { return };
        if let Some(m) = lists::marker_at(self.text.as_bytes(), k, self.end) {
            if m.follows(&prev) {
                self.cut(k);
            }
        }
    }

    /// Whether the single line break at `nl` ends a sentence. A line ending in sentence
    /// punctuation is left to the punctuation rules; otherwise the break is a hard wrap unless the
    /// next line opens a list item, or the line is visibly shorter than the block's other lines.
    fn line_ends_sentence(&self, line_start: usize, nl: usize) -> bool {
        let text = self.text;
        let line = &text[line_start..nl];
        let kept = line.trim_end();
        let trailing_space = kept.len() < line.len();
        let Some(last) = kept.trim_end_matches(rules::is_closer).chars().next_back() else {
            return false;
        };
        if rules::is_terminal(last) {
            return false;
        }
        let next_line = text[nl + 1..self.end].trim_start_matches([' ', '\t']);
        let p = self.end - next_line.len();
        if p >= self.end {
            return false;
        }
        let first = char_at(text, p);
        if self.opens_item(p, first) {
            // A wrap can bring a figure or a dash to the start of a line ("holders of record
            // February\n18. The vote", "two sales\n-- to Iran"): in wrapped prose only a bullet
            // glyph, or a line after a colon or after another item, opens one.
            return !self.wrapped
                || lists::is_bullet(first)
                || kept.ends_with([':', ';'])
                || self.same_list(line_start, p);
        }
        if first.is_lowercase() {
            // "It was a cold \nnight": the wrap of a sentence, unless the block is a plain list
            // of lower-case lines ("features\ncontact manager").
            return !(trailing_space || self.has_stop);
        }
        if !self.has_stop {
            return true;
        }
        let shape = Shape::of(kept);
        if shape.hanging() {
            return false;
        }
        // Only a line that opens its sentence can be a heading; in a wrapped paragraph the others
        // are the middle of one.
        let opens = self
            .text
            .get(self.sent_start..line_start)
            .is_some_and(|gap| gap.trim().is_empty());
        if opens && shape.all_caps() {
            return true;
        }
        let next_word = next_line.split(char::is_whitespace).next().unwrap_or("");
        let next_word_len = next_word.chars().take(40).count();
        let len = kept.chars().count();
        if !self.wrapped {
            return len + 1 + next_word_len <= self.width || opens && shape.heading();
        }
        // A wrapped line is seldom much shorter than the width it was wrapped at.
        opens && shape.heading() && len * 4 <= self.width * 3
    }

    /// Whether the lines at `a` and `b` open items of one list: the same bullet, or markers that
    /// count on.
    fn same_list(&self, a: usize, b: usize) -> bool {
        let (x, y) = (char_at(self.text, a), char_at(self.text, b));
        if lists::is_line_bullet(x) {
            return x == y;
        }
        let bytes = self.text.as_bytes();
        match (
            lists::marker_at(bytes, a, self.end),
            lists::marker_at(bytes, b, self.end),
        ) {
            (Some(prev), Some(next)) => next.follows(&prev),
            _ => false,
        }
    }

    /// A bullet ("•", "-", "*") or a list marker ("2.", "b)", "(iv)") at the start of a line.
    fn opens_item(&self, p: usize, first: char) -> bool {
        if lists::is_line_bullet(first) {
            let after = char_at(self.text, p + first.len_utf8());
            return after.is_whitespace() || lists::is_line_bullet(after);
        }
        lists::marker_at(self.text.as_bytes(), p, self.end).is_some_and(|m| m.opens_item())
    }

    /// Ends the current sentence at `at` and starts the next one there.
    fn cut(&mut self, at: usize) {
        let piece = &self.text[self.sent_start..at];
        let trimmed = piece.trim_start();
        let start = self.sent_start + piece.len() - trimmed.len();
        let trimmed = trimmed.trim_end();
        if !trimmed.is_empty() {
            self.out.push(Sentence {
                start,
                end: start + trimmed.len(),
            });
        }
        self.sent_start = at;
        let b = self.text.as_bytes();
        let limit = self.end.min(at + 64);
        let content = (at..limit)
            .find(|&k| !b[k].is_ascii_whitespace())
            .unwrap_or(limit);
        self.list = lists::marker_at(b, content, self.end);
    }
}
