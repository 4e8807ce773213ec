//! Which word-list patterns a sentence can match at all, from one look at its words.
//!
//! The date patterns, the hedge and negation patterns and the opinion and evaluative patterns
//! are regexes over literal words, and every match of one holds at least one word of its list
//! (`dates::TRIGGERS`, `stance::HEDGE_WORDS`, …) as a whole ASCII word: the patterns' words are
//! bounded by `(?-u:\b)` or by spaces. A sentence with no word of a list cannot match that list's
//! pattern, nor can any claim cut from it, so the pattern need not scan it. Most sentences hold no
//! word of most lists, and one table lookup per word costs a fraction of those scans.

use crate::tok::{Kind, Tok};
use std::sync::LazyLock;

pub(crate) const DATE: u8 = 1;
pub(crate) const HEDGE: u8 = 2;
pub(crate) const NEGATION: u8 = 4;
pub(crate) const OPINION: u8 = 8;
pub(crate) const EVALUATIVE: u8 = 16;
/// A word `numbers` reads as the start of a number ("one", "dozens", "last"): without one, only
/// digits and fraction signs are quantities.
pub(crate) const NUMBER: u8 = 32;
/// A reporting verb ("said", "told"), around which `attribution::speaker` looks for a speaker.
pub(crate) const SPEAKER: u8 = 64;
/// The patterns compiled with Unicode case folding, where U+017F (long s) matches "s" and U+212A
/// (Kelvin sign) matches "k": a word with either is looked at by all of them.
const FOLDING: u8 = HEDGE | NEGATION | OPINION | EVALUATIVE;

/// Longest word a list may hold: words are packed into a `u128`.
const MAX_LEN: usize = 16;

/// A word of ASCII letters, lower-cased, as one integer; `None` when it is empty or too long.
fn packed(w: &[u8]) -> Option<u128> {
    if w.is_empty() || w.len() > MAX_LEN {
        return None;
    }
    let mut key = [0u8; MAX_LEN];
    // Setting bit 5 lower-cases an ASCII letter.
    for (k, b) in key.iter_mut().zip(w) {
        *k = b | 0x20;
    }
    Some(u128::from_le_bytes(key))
}

/// Each byte of a `u128` set to `b`.
const fn bytes(b: u8) -> u128 {
    u128::from_le_bytes([b; MAX_LEN])
}

/// `packed(&text[start..end])` when that word is all ASCII letters, else `None`. The bytes are
/// read and tested all at once: the 16 from `start` when the text holds them.
fn packed_letters(text: &[u8], start: usize, end: usize) -> Option<u128> {
    let mask = u128::MAX.checked_shr(8 * MAX_LEN.checked_sub(end.checked_sub(start)?)? as u32)?;
    let raw = match text.get(start..start + MAX_LEN) {
        Some(window) => u128::from_le_bytes(window.try_into().ok()?),
        None => {
            let mut key = [0u8; MAX_LEN];
            for (k, b) in key.iter_mut().zip(text.get(start..end)?) {
                *k = *b;
            }
            u128::from_le_bytes(key)
        }
    };
    let key = (raw | bytes(0x20)) & mask;
    let high = bytes(0x80) & mask;
    // A byte is an ASCII letter when, lower-cased, it lies in 0x61..=0x7a: below 0x80, adding
    // 0x1f sets its top bit when it is at least 0x61 and adding 0x05 when it is above 0x7a, with
    // no carry into the next byte.
    let letters = raw & high == 0
        && key.wrapping_add(bytes(0x1f)) & high == high
        && key.wrapping_add(bytes(0x05)) & high == 0;
    letters.then_some(key)
}

/// Slots of the open-addressing table of listed words: a few times their number, so that a
/// lookup, hit or miss, mostly reads one slot.
const SLOTS: usize = 2048;

fn slot(key: u128) -> usize {
    let h = ((key >> 64) as u64 ^ key as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    (h >> (64 - SLOTS.trailing_zeros())) as usize
}

/// Every listed word, packed, with the lists it is on; an empty slot has key 0.
struct Table(Vec<(u128, u8)>);

const LISTS: [(u8, &[&str]); 6] = [
    (DATE, crate::dates::TRIGGERS),
    (SPEAKER, crate::attribution::SPEAKER_WORDS),
    (HEDGE, crate::stance::HEDGE_WORDS),
    (NEGATION, crate::stance::NEGATION_WORDS),
    (OPINION, crate::claims::OPINION_WORDS),
    (EVALUATIVE, crate::claims::EVALUATIVE_WORDS),
];

/// Every listed word with the lists it is on.
fn listed() -> impl Iterator<Item = (&'static str, u8)> {
    LISTS
        .into_iter()
        .flat_map(|(family, list)| list.iter().map(move |&w| (w, family)))
        .chain(crate::numbers::number_words().map(|w| (w, NUMBER)))
}

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let mut slots = vec![(0u128, 0u8); SLOTS];
    for (w, family) in listed() {
        if let Some(key) = packed(w.as_bytes()) {
            let mut i = slot(key);
            while slots[i].0 != 0 && slots[i].0 != key {
                i = (i + 1) % SLOTS;
            }
            slots[i].0 = key;
            slots[i].1 |= family;
        }
    }
    Table(slots)
});

/// "twenty…" and "thirty…" open day numbers in words, glued or not ("twenty-first",
/// "twentyfirst").
#[inline]
fn day_number(w: &[u8]) -> u8 {
    match w.get(..6) {
        Some(p) if p.eq_ignore_ascii_case(b"twenty") || p.eq_ignore_ascii_case(b"thirty") => DATE,
        _ => 0,
    }
}

impl Table {
    /// The lists a word of ASCII letters is on.
    fn lookup(&self, w: &[u8]) -> u8 {
        day_number(w) | packed(w).map_or(0, |key| self.get(key))
    }

    /// The lists of a packed word.
    fn get(&self, key: u128) -> u8 {
        let mut i = slot(key);
        loop {
            match self.0[i] {
                (k, families) if k == key => return families,
                (0, _) => return 0,
                _ => i = (i + 1) % SLOTS,
            }
        }
    }
}

/// "n't" or "n’t", which the negation pattern matches inside a word ("didn't").
fn contracted_not(w: &[u8]) -> bool {
    w.windows(2).any(|p| p.eq_ignore_ascii_case(b"n'"))
        || w.windows(4)
            .any(|p| p.eq_ignore_ascii_case("n’".as_bytes()))
}

/// The lists (`DATE`, `HEDGE`, …) with a word in the sentence of tokens `toks`.
pub(crate) fn families(text: &str, toks: &[Tok]) -> u8 {
    let table = &*TABLE;
    let bytes = text.as_bytes();
    let mut found = 0;
    for t in toks {
        let w = bytes.get(t.start..t.end).unwrap_or_default();
        match t.kind {
            Kind::Num => found |= DATE,
            // An apostrophe left alone by the tokenizer may still be that of "n't" ("5n't").
            Kind::Punct => {
                if w == b"'" || w == "’".as_bytes() {
                    found |= NEGATION;
                }
            }
            Kind::Word => match packed_letters(bytes, t.start, t.end) {
                Some(key) => {
                    found |= table.get(key);
                    // The first letter, lower-cased, is the key's low byte.
                    if key as u8 == b't' {
                        found |= day_number(w);
                    }
                }
                None if w.iter().all(u8::is_ascii_alphabetic) => found |= table.lookup(w),
                None => found |= mixed_word(text, t),
            },
        }
    }
    found
}

/// The lists of a word that is not all ASCII letters. The patterns see ASCII words: "Kim's" is
/// "Kim" and "s", "U.S." is "U" and "S". Digits are what most date patterns need.
fn mixed_word(text: &str, t: &Tok) -> u8 {
    let w = text.as_bytes().get(t.start..t.end).unwrap_or_default();
    let mut found = 0;
    for run in w.split(|b| !b.is_ascii_alphanumeric()) {
        found |= if run.iter().any(u8::is_ascii_digit) {
            DATE
        } else {
            TABLE.lookup(run)
        };
    }
    if contracted_not(w) {
        found |= NEGATION;
    }
    let s = text.get(t.start..t.end).unwrap_or_default();
    if s.contains(['\u{17f}', '\u{212a}']) {
        found |= FOLDING;
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::{EVALUATIVE as EVAL_RE, OPINION as OPINION_RE};
    use crate::tok::tokenize;

    fn of(s: &str) -> u8 {
        let mut toks = vec![];
        tokenize(s, 0, s.len(), &mut toks);
        families(s, &toks)
    }

    #[test]
    fn the_table_holds_every_list() {
        for (w, family) in listed() {
            assert!(
                w.len() <= MAX_LEN && w.bytes().all(|b| b.is_ascii_lowercase()),
                "{w}"
            );
            assert_ne!(TABLE.lookup(w.as_bytes()) & family, 0, "{w}");
            assert_ne!(TABLE.lookup(w.to_uppercase().as_bytes()) & family, 0, "{w}");
        }
        assert_eq!(TABLE.lookup(b"troops"), 0);
        assert_eq!(TABLE.lookup(b""), 0);
    }

    #[test]
    fn words_of_letters_are_packed_at_once() {
        // Read through a window of 16 bytes, and at the end of the text without one.
        let padded = |w: &str| (format!("{w} {}", " ".repeat(MAX_LEN)), format!(" {w}"));
        for w in ["a", "Said", "TWENTYFIRST", "zz", "abcdefghijklmnop", "AZaz"] {
            let (window, end) = padded(w);
            let len = w.len();
            assert_eq!(
                packed_letters(window.as_bytes(), 0, len),
                packed(w.as_bytes()),
                "{w}"
            );
            assert_eq!(
                packed_letters(end.as_bytes(), 1, 1 + len),
                packed(w.as_bytes()),
                "{w}"
            );
        }
        for w in [
            "",
            "a1",
            "G7",
            "caf\u{e9}",
            "a'b",
            "a-b",
            "@",
            "[",
            "`",
            "{",
            "abcdefghijklmnopq",
        ] {
            let (window, end) = padded(w);
            let len = w.len();
            assert_eq!(packed_letters(window.as_bytes(), 0, len), None, "{w}");
            assert_eq!(packed_letters(end.as_bytes(), 1, 1 + len), None, "{w}");
        }
    }

    #[test]
    fn every_listed_word_is_found() {
        assert_eq!(of("They met on Tuesday."), DATE);
        assert_eq!(of("Twenty hundred"), DATE | NUMBER);
        assert_eq!(of("It was 2019."), DATE);
        assert_eq!(of("the twenty-first"), DATE | NUMBER);
        assert_eq!(of("Russia reportedly sent troops."), HEDGE);
        assert_eq!(of("Kim didn't go."), NEGATION);
        assert_eq!(of("Kim didn’t go."), NEGATION);
        assert_eq!(of("You should go."), OPINION);
        assert_eq!(of("A remarkable rise."), EVALUATIVE);
        assert_eq!(of("Kim's NOT there."), NEGATION);
        assert_eq!(of("The cat sat down."), DATE, "a weekday's abbreviation");
        assert_eq!(of("Troops were sent."), 0);
        assert_eq!(of("\u{17f}hould"), FOLDING);
    }

    #[test]
    fn a_pattern_matches_only_where_a_listed_word_stands() {
        let matched = |re: &LazyLock<Option<regex::Regex>>, s: &str| {
            re.as_ref().is_some_and(|r| r.is_match(s))
        };
        for s in [
            "Kim's opinion, in my view, was unexpectedly-shocking.",
            "I think we'll see; let’s wait and U.S.-led talks may fail.",
            "It couldn't be, he wouldn’t deny it: nobody's perfect.",
            "café-could \u{17f}eem li\u{212a}ely naïve-notably re-reported 5n't",
            "It is said to be thought to have been expected to appear.",
            "No longer without any doubt, oh wow, lol.",
        ] {
            let f = of(s);
            assert!(!crate::stance::hedged(s) || f & HEDGE != 0, "{s}");
            assert!(!crate::stance::negated(s) || f & NEGATION != 0, "{s}");
            assert!(!matched(&OPINION_RE, s) || f & OPINION != 0, "{s}");
            assert!(!matched(&EVAL_RE, s) || f & EVALUATIVE != 0, "{s}");
        }
    }
}
