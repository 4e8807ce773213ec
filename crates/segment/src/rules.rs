//! Whether a run of terminal punctuation ends a sentence.
//!
//! A run ("." "?!" "..." "…") is a candidate when whitespace and a plausible sentence start follow
//! it; the word before the run and the word after it can then veto the cut. Every look around a
//! candidate is bounded, so the scan stays linear on any input.

use crate::abbreviations::{self, Abbrev};
use crate::lists;

/// How far a rule looks back for the word before a full stop; longer tokens are URLs or numbers,
/// never abbreviations.
const WORD_LOOKBACK: usize = 48;
/// How far a rule looks ahead for the next word.
const WORD_LOOKAHEAD: usize = 32;

pub(crate) fn is_terminal(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | '…' | '．' | '。' | '！' | '？' | '‼' | '⁇' | '⁈' | '⁉'
    )
}

/// Full-width and ideographic stops end a sentence even with no space after them.
fn is_wide(c: char) -> bool {
    matches!(c, '．' | '。' | '！' | '？')
}

pub(crate) fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | ')' | ']' | '}' | '»' | '›' | '」' | '』' | '）'
    )
}

fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '(' | '[' | '{' | '`' | '«' | '‹' | '¿' | '¡' | '「' | '『' | '（'
    )
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '―')
}

fn is_currency(c: char) -> bool {
    matches!(c, '$' | '£' | '€' | '¥' | '₹' | '#')
}

/// The char starting at byte `i` (a char boundary), or a space past the end.
pub(crate) fn char_at(text: &str, i: usize) -> char {
    text.get(i..).and_then(|s| s.chars().next()).unwrap_or(' ')
}

/// The char ending at byte `i` (a char boundary), or a space at the start.
fn char_before(text: &str, i: usize) -> char {
    text.get(..i)
        .and_then(|s| s.chars().next_back())
        .unwrap_or(' ')
}

/// A run of terminal punctuation.
struct Run {
    end: usize,
    dots: usize,
    /// Contains ". ." as in a typeset ellipsis ". . .".
    spaced: bool,
    /// Contains "!" or "?".
    emphatic: bool,
    ellipsis: bool,
    wide: bool,
}

fn scan_run(text: &str, i: usize, end: usize) -> Run {
    let b = text.as_bytes();
    let mut run = Run {
        end: i,
        dots: 0,
        spaced: false,
        emphatic: false,
        ellipsis: false,
        wide: false,
    };
    let mut k = i;
    while k < end {
        let c = char_at(text, k);
        if is_terminal(c) {
            match c {
                '.' => run.dots += 1,
                '…' => run.ellipsis = true,
                _ => run.emphatic |= !is_wide(c) || matches!(c, '！' | '？'),
            }
            run.wide |= is_wide(c);
            k += c.len_utf8();
            run.end = k;
        } else if c == ' ' && b.get(k + 1) == Some(&b'.') && k > i && b[k - 1] == b'.' {
            run.spaced = true;
            k += 1;
        } else {
            break;
        }
    }
    run.ellipsis |= run.dots >= 2;
    run
}

/// What the scanner does after a run: where to cut, if anywhere, and where to go on scanning.
pub(crate) struct Outcome {
    pub cut: Option<usize>,
    pub resume: usize,
}

/// Decides the run of terminal punctuation starting at `i`, in the block ending at `end`, in the
/// sentence that started at `sent_start`.
pub(crate) fn at_terminal(text: &str, end: usize, sent_start: usize, i: usize) -> Outcome {
    let run = scan_run(text, i, end);
    // "compounds. . . . The practice": the word's own full stop ends the sentence and the spaced
    // ellipsis opens the next one.
    if run.spaced
        && run.dots >= 4
        && text.as_bytes()[i] == b'.'
        && i > sent_start
        && !char_before(text, i).is_whitespace()
    {
        let n = skip_space(text, run.end, end);
        let cut = (n > run.end && char_at(text, n).is_uppercase()).then_some(i + 1);
        return Outcome { cut, resume: i + 1 };
    }
    let (after, closed) = skip_closers(text, run.end, end);
    if after >= end {
        return Outcome {
            cut: None,
            resume: after,
        };
    }
    if !char_at(text, after).is_whitespace() {
        let cut = if run.wide {
            Some(after)
        } else if !closed && run.dots == 1 && !run.emphatic && !run.ellipsis {
            unspaced_boundary(text, i, after, end)
        } else {
            None
        };
        return Outcome {
            cut,
            resume: cut.map_or(after, |c| c.max(after)),
        };
    }
    let n = skip_space(text, after, end);
    if n >= end {
        return Outcome {
            cut: None,
            resume: after,
        };
    }
    let cut = if text[after..n].contains('\n') && lists::is_line_bullet(char_at(text, n)) {
        // "the Washington area.\n***\nAfter": a line opening with a bullet is its own item.
        true
    } else if run.ellipsis && matches!(char_before(text, i), '[' | '(') {
        // "Bohr [...] used": an omission mark, not the end of anything.
        false
    } else if run.spaced && run.dots == 3 {
        // "the thing is . . . I didn't": a typeset three-dot ellipsis marks an omission.
        false
    } else if run.emphatic && !run.ellipsis {
        emphatic_ends(text, i, closed, n, end)
    } else if run.wide {
        true
    } else if run.ellipsis {
        next_word_start(text, n, end).1.is_uppercase()
    } else {
        full_stop_ends(text, i, closed, n, sent_start, end)
    };
    Outcome {
        cut: cut.then_some(after),
        resume: after,
    }
}

/// Skips closing quotes, brackets and footnote marks ("[12]") after a run.
fn skip_closers(text: &str, mut k: usize, end: usize) -> (usize, bool) {
    let b = text.as_bytes();
    let mut closed = false;
    while k < end {
        let c = char_at(text, k);
        if is_closer(c) {
            // Brackets are left out: "(N.J.) High School" is still decided by the abbreviation.
            closed |= !matches!(c, ')' | ']' | '}' | '）')
                && (c != '\'' || !char_at(text, k + 1).is_alphanumeric());
            k += c.len_utf8();
        } else if c == '[' {
            let digits = b[k + 1..end.min(k + 6)]
                .iter()
                .take_while(|d| d.is_ascii_digit())
                .count();
            if digits == 0 || b.get(k + 1 + digits) != Some(&b']') {
                break;
            }
            k += digits + 2;
        } else {
            break;
        }
    }
    (k, closed)
}

fn skip_space(text: &str, mut k: usize, end: usize) -> usize {
    while k < end {
        let c = char_at(text, k);
        if !c.is_whitespace() {
            break;
        }
        k += c.len_utf8();
    }
    k
}

/// Skips opening quotes and brackets; returns where the word starts and its first char.
fn next_word_start(text: &str, mut k: usize, end: usize) -> (usize, char) {
    let limit = end.min(k + 8);
    while k < limit {
        let c = char_at(text, k);
        if !is_opener(c) {
            return (k, c);
        }
        k += c.len_utf8();
    }
    (k, char_at(text, k))
}

/// The alphanumeric word starting at `k`.
fn word_at(text: &str, k: usize, end: usize) -> &str {
    let limit = end.min(k + WORD_LOOKAHEAD);
    let mut e = k;
    while e < limit {
        let c = char_at(text, e);
        if !c.is_alphanumeric() {
            break;
        }
        e += c.len_utf8();
    }
    text.get(k..e).unwrap_or("")
}

/// The token ending at `i` (where a full stop stands), without leading quotes or brackets, and its
/// start; `None` when it is longer than any abbreviation could be.
fn word_before(text: &str, i: usize, lower: usize) -> Option<(usize, &str)> {
    let mut s = i;
    while s > lower {
        let c = char_before(text, s);
        if c.is_whitespace() || matches!(c, '(' | '[' | '{' | '"' | '“' | '«' | '`') {
            break;
        }
        if i - s > WORD_LOOKBACK {
            return None;
        }
        s -= c.len_utf8();
    }
    let word = text.get(s..i)?;
    let trimmed = word.trim_start_matches(|c: char| c == '\'' || c == '‘' || lists::is_bullet(c));
    Some((s + word.len() - trimmed.len(), trimmed))
}

/// First char of the sentence's first word, past whitespace and bullets.
fn content_start(text: &str, sent_start: usize, end: usize) -> usize {
    let mut k = sent_start;
    let limit = end.min(sent_start + 64);
    while k < limit {
        let c = char_at(text, k);
        if !c.is_whitespace() && !lists::is_bullet(c) {
            break;
        }
        k += c.len_utf8();
    }
    k
}

/// A bullet or a list marker after a stop opens an item.
fn starts_item(text: &str, n: usize, end: usize) -> bool {
    lists::is_bullet(char_at(text, n))
        || lists::marker_at(text.as_bytes(), n, end).is_some_and(|m| {
            // "5." is left to the number rules ("No. 5. She"), and only "a." opens a lettered
            // list after a stop, since "a. m." and "p. m." are times.
            m.opens_item() && (m.style != lists::Style::Dot || !m.numeric && m.ordinal == Some(1))
        })
}

/// `"Why?" Smith asked.`: a speech verb among the next few words attributes the quotation.
fn attributed(text: &str, m: usize, end: usize) -> bool {
    let mut k = end.min(m + 60);
    while !text.is_char_boundary(k) {
        k -= 1;
    }
    if abbreviations::is_starter(word_at(text, m, end)) {
        // `"...I am!" As she said this` opens a new sentence.
        return false;
    }
    for w in text[m..k]
        .split(|c: char| c.is_whitespace() || c == ',')
        .take(6)
    {
        if abbreviations::is_speech_verb(w.trim_end_matches(['.', '!', '?'])) {
            return true;
        }
        if w.ends_with(['.', '!', '?']) && abbreviations::lookup(w.trim_end_matches('.')).is_none()
        {
            return false;
        }
    }
    false
}

/// "!" and "?" end a sentence unless lower case or more punctuation follows.
fn emphatic_ends(text: &str, i: usize, closed: bool, n: usize, end: usize) -> bool {
    if starts_item(text, n, end) {
        return true;
    }
    let (m, c) = next_word_start(text, n, end);
    if c.is_lowercase() {
        return false;
    }
    if c.is_numeric() {
        // News style never opens a sentence with a figure; "agreeing a? 110bn" is a lost "€".
        return false;
    }
    if c.is_alphanumeric() {
        // "Yahoo! Research" is a name, not an exclamation.
        let name = word_before(text, i, i.saturating_sub(WORD_LOOKBACK)).map(|(_, w)| w);
        return !(matches!(name, Some("Yahoo" | "Jeopardy" | "E"))
            || closed && attributed(text, m, end));
    }
    if is_dash(c) {
        // "What do you see? - Posted like ..." but "and -- voila! -- you have cake."
        let k = skip_space(
            text,
            text[m..].find(|d: char| !is_dash(d)).map_or(end, |d| m + d),
            end,
        );
        return char_at(text, k).is_uppercase();
    }
    !matches!(
        c,
        ',' | ';' | ':' | ')' | ']' | '}' | '?' | '!' | '.' | '%' | '/'
    )
}

/// A single full stop followed by whitespace and the word starting at `n`.
fn full_stop_ends(
    text: &str,
    i: usize,
    closed: bool,
    n: usize,
    sent_start: usize,
    end: usize,
) -> bool {
    let b = text.as_bytes();
    if starts_item(text, n, end) {
        return true;
    }
    let (m, c) = next_word_start(text, n, end);
    if c.is_lowercase() {
        return false;
    }
    let numeric = c.is_numeric() || is_currency(c);
    if !numeric && !c.is_alphabetic() {
        return false;
    }
    let Some((w_start, w)) = word_before(text, i, sent_start) else {
        return true;
    };
    let content = content_start(text, sent_start, end);
    if w_start == content && lists::marker_at(b, w_start, end).is_some() {
        // "1. The first item", "a.) The first item": the stop belongs to the list marker.
        return false;
    }
    if closed {
        // A quote closing after the stop ends the sentence whatever the word was.
        return true;
    }
    if w.is_empty() {
        // "a record of 56-26 (. 683)": a stop right after an opening bracket is a spacing slip.
        return !matches!(char_before(text, i), '(' | '[');
    }
    if w.ends_with(is_closer)
        || w.contains("://")
        || w.contains(['@', '='])
        || w.starts_with("www.")
    {
        return true;
    }
    // "Golf-U.S." and "Wittman/P.J.": the abbreviation is the last part of a compound.
    let w = w.rsplit(['-', '/', '–']).next().unwrap_or(w);
    if w.is_empty() {
        return true;
    }
    if w.ends_with(|c: char| c.is_ascii_digit()) {
        return !numeric || !w.starts_with(|c: char| c.is_alphabetic());
    }
    let before = text[sent_start..w_start].trim_end();
    let abbrev = if spaced_time(before, w) {
        Some(Abbrev::Time)
    } else {
        abbreviations::lookup(w)
    };
    let single = abbrev.is_none() && w.chars().count() == 1 && w.chars().all(char::is_alphabetic);
    let dotted = is_dotted(w);
    if numeric {
        return abbrev.is_none() && !single && !dotted && !w.ends_with('°');
    }
    let next = word_at(text, m, end);
    if single {
        // "you and I. Did" ends; "Albert I. Jones" and "John F. Kennedy" do not.
        return w == "I" && previous_word_is_lower(text, w_start, sent_start);
    }
    // An opening quote after an abbreviation starts a new sentence: `in Rancho Mirage, Calif. "She`.
    let quote_next = matches!(char_at(text, n), '"' | '“');
    match abbrev {
        Some(Abbrev::Title) if w.eq_ignore_ascii_case("st") && after_name(before) => {
            // "52nd St. She" is a street, not a saint.
            quote_next || abbreviations::is_starter(next)
        }
        Some(Abbrev::Title | Abbrev::Inner) => false,
        Some(Abbrev::Numbering) => quote_next || abbreviations::is_starter(next),
        Some(Abbrev::Capitalised) => {
            // "in Jacksonville, Fla. Collier said": a state after a city ends the sentence.
            quote_next || before.ends_with(',') || abbreviations::is_starter(next)
        }
        Some(Abbrev::NameSuffix) => {
            quote_next
                || !abbreviations::continues_name(next) && !matches!(char_at(text, n), '(' | '[')
        }
        Some(Abbrev::Time) => {
            !abbreviations::continues_time(next) && !short_opening(text, content, w_start)
        }
        Some(Abbrev::Plain) => true,
        None if dotted => quote_next || abbreviations::is_starter(next),
        None => true,
    }
}

/// "3:33 a. m.": the time abbreviation written with a space, seen from its "m".
fn spaced_time(before: &str, w: &str) -> bool {
    if !w.eq_ignore_ascii_case("m") {
        return false;
    }
    let b = before.as_bytes();
    let n = b.len();
    n >= 2
        && b[n - 1] == b'.'
        && matches!(b[n - 2].to_ascii_lowercase(), b'a' | b'p')
        && (n == 2 || b[n - 3].is_ascii_whitespace() || b[n - 3].is_ascii_digit())
}

/// Whether the text before a word ends in a capitalised or numbered word ("Main", "52nd").
fn after_name(before: &str) -> bool {
    before
        .rsplit(char::is_whitespace)
        .next()
        .and_then(|w| w.chars().next())
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// "U.S", "Ph.D", "J.C": letters in groups of one or two, joined by full stops.
fn is_dotted(w: &str) -> bool {
    w.contains('.')
        && w.split('.').all(|part| {
            let n = part.chars().count();
            (1..=2).contains(&n) && part.chars().all(char::is_alphabetic)
        })
}

fn previous_word_is_lower(text: &str, w_start: usize, sent_start: usize) -> bool {
    let k = text[sent_start..w_start].trim_end().len() + sent_start;
    word_before(text, k, sent_start)
        .and_then(|(_, w)| w.chars().next())
        .is_some_and(char::is_lowercase)
}

/// "At 5 a.m." at the start of a sentence is an opening phrase, not a whole sentence.
fn short_opening(text: &str, content: usize, w_start: usize) -> bool {
    w_start >= content
        && w_start - content <= 24
        && text[content..w_start].split_whitespace().count() <= 2
}

/// A full stop with no space after it ends a sentence only in run-together text
/// ("world.Today", "1,000.That") or before a citation number ("consultation.11 12 Take").
fn unspaced_boundary(text: &str, i: usize, k: usize, end: usize) -> Option<usize> {
    let b = text.as_bytes();
    let before = *b.get(i.checked_sub(1)?)?;
    let next = b[k];
    if !(next.is_ascii_uppercase() || next.is_ascii_digit()) {
        return None;
    }
    let (_, w) = word_before(text, i, i.saturating_sub(WORD_LOOKBACK))?;
    if w.len() < 2
        || w.contains(['.', '@', '/', ':', '\\', '_'])
        || abbreviations::lookup(w).is_some()
    {
        return None;
    }
    if next.is_ascii_uppercase() && (before.is_ascii_lowercase() || before.is_ascii_digit()) {
        let word = word_at(text, k, end);
        if !word.bytes().skip(1).all(|c| c.is_ascii_lowercase()) {
            return None;
        }
        let after = char_at(text, k + word.len());
        let ok = match after {
            '.' => abbreviations::lookup(word) == Some(Abbrev::Title),
            c if c.is_alphanumeric() || matches!(c, '@' | '/' | ':' | '_' | '-' | '(' | '\'') => {
                false
            }
            _ => word.len() >= 3,
        };
        return ok.then_some(k);
    }
    if next.is_ascii_digit() && (before.is_ascii_alphabetic() || before == b')') {
        let mut e = k;
        loop {
            let digits = b[e..end.min(e + 4)]
                .iter()
                .take_while(|d| d.is_ascii_digit())
                .count();
            if digits == 0 || digits > 3 {
                return None;
            }
            e += digits;
            if b.get(e) == Some(&b' ') && b.get(e + 1).is_some_and(u8::is_ascii_digit) {
                e += 1;
                continue;
            }
            break;
        }
        let n = skip_space(text, e, end);
        return (n > e && n < end && char_at(text, n).is_uppercase()).then_some(e);
    }
    None
}
