//! A map from byte ranges of cleaned text back to byte ranges of the source file.
//!
//! Cleaning copies most text verbatim, but also decodes (Windows-1252, UTF-16), normalizes (NFC),
//! unescapes HTML and inserts separators. The alignment records which clean bytes came from which
//! source bytes as a sorted list of [`Piece`]s, in the spirit of HF tokenizers' `NormalizedString`:
//! any span found downstream maps back to the original file, so an analyst can find it there.

use serde::{Deserialize, Serialize};
use std::ops::Range;

/// `clean_len` bytes of clean text starting at `clean` came from `source_len` source bytes starting
/// at `source`. When the lengths are equal the bytes are a verbatim copy and map one to one;
/// otherwise the piece maps only as a whole (a decoded character, an HTML entity).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Piece {
    pub clean: usize,
    pub clean_len: usize,
    pub source: usize,
    pub source_len: usize,
}

impl Piece {
    fn clean_end(&self) -> usize {
        self.clean + self.clean_len
    }

    fn source_end(&self) -> usize {
        self.source + self.source_len
    }

    fn is_verbatim(&self) -> bool {
        self.clean_len == self.source_len
    }
}

/// Pieces sorted by clean offset, not overlapping. Clean bytes covered by no piece (separators the
/// cleaner inserted) map to the nearest source position.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Alignment {
    pub pieces: Vec<Piece>,
}

impl Alignment {
    /// Records that `clean` came from `source`. Calls must come in increasing clean order; a verbatim
    /// piece that continues the previous verbatim piece in both texts is merged into it.
    pub fn push(&mut self, clean: Range<usize>, source: Range<usize>) {
        let piece = Piece {
            clean: clean.start,
            clean_len: clean.len(),
            source: source.start,
            source_len: source.len(),
        };
        if piece.clean_len == 0 {
            return;
        }
        if let Some(last) = self.pieces.last_mut() {
            if last.is_verbatim()
                && piece.is_verbatim()
                && last.clean_end() == piece.clean
                && last.source_end() == piece.source
            {
                last.clean_len += piece.clean_len;
                last.source_len += piece.source_len;
                return;
            }
        }
        self.pieces.push(piece);
    }

    /// The identity alignment for text copied whole from the source.
    pub fn identity(len: usize) -> Self {
        let mut a = Alignment::default();
        a.push(0..len, 0..len);
        a
    }

    /// Maps a byte range of the clean text to the source bytes it came from.
    pub fn to_source(&self, range: Range<usize>) -> Range<usize> {
        let start = self.map_start(range.start);
        let end = self.map_end(range.end.max(range.start));
        start..end.max(start)
    }

    fn map_start(&self, pos: usize) -> usize {
        // The first piece that ends after `pos` either contains it or is the next one after a gap.
        let i = self.pieces.partition_point(|p| p.clean_end() <= pos);
        match self.pieces.get(i) {
            Some(p) if p.clean <= pos && p.is_verbatim() => p.source + (pos - p.clean),
            Some(p) => p.source,
            None => self.pieces.last().map_or(0, Piece::source_end),
        }
    }

    fn map_end(&self, pos: usize) -> usize {
        // The last piece that starts before `pos` either contains `pos - 1` or precedes a gap.
        let i = self.pieces.partition_point(|p| p.clean < pos);
        match i.checked_sub(1).map(|i| self.pieces[i]) {
            Some(p) if pos < p.clean_end() && p.is_verbatim() => p.source + (pos - p.clean),
            Some(p) => p.source_end(),
            None => self.pieces.first().map_or(0, |p| p.source),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbatim_pieces_merge_and_map_inside() {
        let mut a = Alignment::default();
        a.push(0..5, 10..15);
        a.push(5..8, 15..18);
        assert_eq!(a.pieces.len(), 1);
        assert_eq!(a.to_source(2..6), 12..16);
    }

    #[test]
    fn decoded_character_maps_as_a_whole() {
        // "é" decoded from one Windows-1252 byte: two clean bytes from one source byte.
        let mut a = Alignment::default();
        a.push(0..2, 0..2);
        a.push(2..4, 2..3);
        a.push(4..6, 3..5);
        assert_eq!(a.to_source(2..4), 2..3);
        assert_eq!(a.to_source(0..6), 0..5);
        assert_eq!(a.to_source(3..5), 2..4);
    }

    #[test]
    fn inserted_separators_map_to_neighbours() {
        // Two lines joined by an inserted "\n\n": source lines at 0..3 and 10..13.
        let mut a = Alignment::default();
        a.push(0..3, 0..3);
        a.push(5..8, 10..13);
        assert!(a.to_source(3..5).is_empty(), "only inserted text");
        assert_eq!(a.to_source(0..8), 0..13);
        assert_eq!(a.to_source(4..7), 10..12);
    }

    #[test]
    fn empty_alignment_maps_to_zero() {
        assert_eq!(Alignment::default().to_source(3..9), 0..0);
    }
}
