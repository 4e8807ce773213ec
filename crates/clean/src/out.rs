//! Assembling the clean text block by block while composing alignments down to source bytes.

use model::Alignment;
use std::ops::Range;

/// Records that `clean` came from the range `mid` of an intermediate text whose own alignment to
/// the source is `inner`. A verbatim copy is split along `inner`'s pieces so that it stays
/// byte-precise; anything else maps as a whole to the source range `mid` came from.
pub(crate) fn push_through(
    out: &mut Alignment,
    clean: Range<usize>,
    mid: Range<usize>,
    verbatim: bool,
    inner: &Alignment,
) {
    if clean.is_empty() {
        return;
    }
    if !verbatim {
        out.push(clean, inner.to_source(mid));
        return;
    }
    let first = inner
        .pieces
        .partition_point(|p| p.clean + p.clean_len <= mid.start);
    for p in &inner.pieces[first..] {
        if p.clean >= mid.end {
            break;
        }
        let lo = p.clean.max(mid.start);
        let hi = (p.clean + p.clean_len).min(mid.end);
        let c = clean.start + (lo - mid.start)..clean.start + (hi - mid.start);
        if p.clean_len == p.source_len {
            let s = p.source + (lo - p.clean);
            out.push(c, s..s + (hi - lo));
        } else {
            out.push(c, p.source..p.source + p.source_len);
        }
    }
}

/// The clean text being built: blocks of the decoded text, separated by inserted blank lines.
pub(crate) struct Output<'a> {
    pub text: String,
    pub align: Alignment,
    decoded: &'a Alignment,
}

impl<'a> Output<'a> {
    pub fn new(decoded: &'a Alignment, capacity: usize) -> Self {
        Output {
            text: String::with_capacity(capacity),
            align: Alignment::default(),
            decoded,
        }
    }

    /// Starts a new block: a blank line after the previous one, or a single line break when the
    /// block continues a hard-wrapped paragraph.
    pub fn separate(&mut self, wrapped: bool) {
        if !self.text.is_empty() {
            self.text.push_str(if wrapped { "\n" } else { "\n\n" });
        }
    }

    /// Appends `s`, which is `decoded[range]` verbatim.
    pub fn copy(&mut self, s: &str, range: Range<usize>) {
        let at = self.text.len();
        self.text.push_str(s);
        push_through(
            &mut self.align,
            at..self.text.len(),
            range,
            true,
            self.decoded,
        );
    }

    /// Appends `s`, which stands for `decoded[range]` as a whole (e.g. an HTML entity).
    pub fn replace(&mut self, s: &str, range: Range<usize>) {
        let at = self.text.len();
        self.text.push_str(s);
        push_through(
            &mut self.align,
            at..self.text.len(),
            range,
            false,
            self.decoded,
        );
    }

    /// Appends `s`, which no source byte corresponds to (collapsed whitespace).
    pub fn insert(&mut self, s: &str) {
        self.text.push_str(s);
    }
}
