//! A cheap word/number/punctuation scanner shared by the parsers.
//!
//! Tokens are byte ranges into the article text, so every parser reports offsets for free and
//! nothing is allocated per token.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Word,
    Num,
    Punct,
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// For `Num`: where the digits stop and a glued suffix ("nd", "km", "k") starts.
    pub digits_end: usize,
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// The char starting at byte `i` of `s` (a char boundary), with an ASCII fast path.
fn char_at(s: &str, i: usize) -> char {
    match s.as_bytes()[i] {
        c if c.is_ascii() => char::from(c),
        _ => s[i..].chars().next().unwrap_or(' '),
    }
}

/// `char::is_alphabetic` with the typographic punctuation of news text (curly quotes, dashes,
/// ellipses, no-break spaces) answered without the slow Unicode table lookup.
fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        '\0'..='\u{bf}' | '\u{2000}'..='\u{206f}' => false,
        _ => c.is_alphabetic(),
    }
}

fn is_letter_or_digit(c: char) -> bool {
    c.is_ascii_digit()
        || is_letter(c)
        || (!matches!(c, '\0'..='\u{bf}' | '\u{2000}'..='\u{206f}') && c.is_numeric())
}

/// Appends the tokens of `text[start..end]` to `out`.
///
/// News text is mostly ASCII: each token is classified by its first byte, and a char is decoded
/// only where a byte from 0x80 up starts one.
pub(crate) fn tokenize(text: &str, start: usize, end: usize, out: &mut Vec<Tok>) {
    let Some(s) = text.get(start..end) else {
        return;
    };
    let b = s.as_bytes();
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        // The kind, the end and, for a number, the end of its digits.
        let (kind, tok_end, digits_end) = match c {
            b' ' | b'\t'..=b'\r' => {
                i += 1;
                continue;
            }
            b'0'..=b'9' => number(b, i),
            b'.' if b.get(i + 1).is_some_and(u8::is_ascii_digit)
                && (i == 0 || !b[i - 1].is_ascii_digit()) =>
            {
                number(b, i)
            }
            b'a'..=b'z' | b'A'..=b'Z' => (Kind::Word, word_end(s, i + 1, true), i),
            0..=0x7f => (Kind::Punct, i + 1, i),
            _ => {
                let ch = char_at(s, i);
                let n = i + ch.len_utf8();
                if ch.is_whitespace() {
                    i = n;
                    continue;
                }
                if is_letter(ch) {
                    (Kind::Word, word_end(s, n, false), i)
                } else {
                    (Kind::Punct, n, i)
                }
            }
        };
        out.push(Tok {
            start: start + i,
            end: start + tok_end,
            kind,
            digits_end: start + digits_end,
        });
        i = tok_end;
    }
}

/// The number starting at byte `i` of `b`: its kind, its end and where its digits end and a
/// glued suffix starts.
fn number(b: &[u8], i: usize) -> (Kind, usize, usize) {
    let mut j = i + 1;
    while j < b.len() {
        if b[j].is_ascii_digit() {
            j += 1;
        } else if (b[j] == b',' || b[j] == b'.') && b.get(j + 1).is_some_and(u8::is_ascii_digit) {
            j += 2;
        } else {
            break;
        }
    }
    // Scientific notation: "1e10", "12.32e+14".
    if j + 1 < b.len() && (b[j] == b'e' || b[j] == b'E') {
        let sign = usize::from(matches!(b[j + 1], b'+' | b'-'));
        if b.get(j + 1 + sign).is_some_and(u8::is_ascii_digit) {
            j += 1 + sign;
            while j < b.len() && b[j].is_ascii_digit() {
                j += 1;
            }
        }
    }
    let digits_end = j;
    while j < b.len() && b[j].is_ascii_alphabetic() {
        j += 1;
    }
    (Kind::Num, j, digits_end)
}

/// Each byte of a `u64` set to `b`.
const fn bytes(b: u8) -> u64 {
    u64::from_le_bytes([b; 8])
}

/// Where the run of ASCII letters and digits from byte `j` of `b` ends. Words run over several
/// bytes, tested 8 at a time: in each, the top bit says whether the byte is one of 0-9, A-Z or
/// a-z. Below 0x80, adding `0x80 - c` to a byte sets its top bit when it is at least `c`,
/// without a carry into the next byte.
#[inline]
fn alphanumeric_end(b: &[u8], mut j: usize) -> usize {
    while let Some(chunk) = b.get(j..j + 8).and_then(|c| <[u8; 8]>::try_from(c).ok()) {
        let x = u64::from_le_bytes(chunk);
        let low = x & bytes(0x7f);
        // Setting bit 5 lower-cases an ASCII letter.
        let lower = low | bytes(0x20);
        let letter = (lower + bytes(0x80 - b'a')) & !(lower + bytes(0x80 - b'z' - 1));
        let digit = (low + bytes(0x80 - b'0')) & !(low + bytes(0x80 - b'9' - 1));
        let other = !(letter | digit) | x;
        match other & bytes(0x80) {
            0 => j += 8,
            stop => return j + (stop.trailing_zeros() / 8) as usize,
        }
    }
    while b.get(j).is_some_and(u8::is_ascii_alphanumeric) {
        j += 1;
    }
    j
}

/// Where the word whose first letter ends at byte `j` of `s` ends; `ascii` when that letter is
/// an ASCII one.
#[inline]
fn word_end(s: &str, mut j: usize, ascii: bool) -> usize {
    let b = s.as_bytes();
    let dotted = |j: usize| {
        b.get(j) == Some(&b'.')
            && b.get(j + 1).is_some_and(u8::is_ascii_alphabetic)
            && b.get(j + 2) == Some(&b'.')
    };
    // "U.S.", "U.N.", "p.m.": single letters joined by periods form one word.
    if ascii && dotted(j) {
        while dotted(j) {
            j += 2;
        }
        return j + 1;
    }
    loop {
        j = alphanumeric_end(b, j);
        // Only an apostrophe or a non-ASCII char may continue a word past an ASCII byte.
        match b.get(j) {
            Some(&c) if !c.is_ascii() || c == b'\'' => {
                let ch = char_at(s, j);
                let n = j + ch.len_utf8();
                if is_letter_or_digit(ch)
                    || (is_apostrophe(ch) && n < b.len() && is_letter(char_at(s, n)))
                {
                    j = n;
                } else {
                    return j;
                }
            }
            _ => return j,
        }
    }
}

/// Lower-cases an ASCII word into `buf`; `None` for long or non-ASCII words, which are never
/// keywords. Words already in lower case (most of them) are returned as they are.
pub(crate) fn lower<'a>(s: &'a str, buf: &'a mut [u8; 24]) -> Option<&'a str> {
    if s.len() > buf.len() || !s.is_ascii() {
        return None;
    }
    if !s.bytes().any(|b| b.is_ascii_uppercase()) {
        return Some(s);
    }
    for (d, b) in buf.iter_mut().zip(s.bytes()) {
        *d = b.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..s.len()]).ok()
}

/// True when only spaces or tabs (no line break) separate two byte offsets.
pub(crate) fn gap_ok(text: &str, a: usize, b: usize) -> bool {
    a <= b
        && text
            .get(a..b)
            .is_some_and(|g| g.len() <= 4 && g.bytes().all(|c| c == b' ' || c == b'\t'))
}

/// A day or month name, given in lower case.
pub(crate) fn day_or_month_name(lower: &str) -> bool {
    matches!(
        lower,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
    )
}

pub(crate) fn is_cap(s: &str) -> bool {
    match s.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => s.chars().next().is_some_and(char::is_uppercase),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        let mut v = vec![];
        tokenize(s, 0, s.len(), &mut v);
        v.iter().map(|t| &s[t.start..t.end]).collect()
    }

    #[test]
    fn alphanumeric_runs_end_at_any_other_byte() {
        for stop in 0..=u8::MAX {
            for at in 0..12 {
                let mut b = vec![b'a'; 12];
                b[at] = stop;
                let end = if stop.is_ascii_alphanumeric() { 12 } else { at };
                assert_eq!(alphanumeric_end(&b, 0), end, "{stop:#x} at {at}");
            }
        }
        assert_eq!(alphanumeric_end(b"Az09Za90zA", 0), 10);
    }

    #[test]
    fn splits_words_numbers_and_punctuation() {
        assert_eq!(
            words("U.S.-led Kim’s 5,532 72nd .5 $1.2bn"),
            ["U.S.", "-", "led", "Kim’s", "5,532", "72nd", ".5", "$", "1.2bn"]
        );
        assert_eq!(words("2019. Done"), ["2019", ".", "Done"]);
        assert_eq!(
            words("“Kim’s café—Señor”…"),
            ["“", "Kim’s", "café", "—", "Señor", "”", "…"]
        );
        assert_eq!(
            words("1e10 12.32e+14 -12e-1 3em"),
            ["1e10", "12.32e+14", "-", "12e-1", "3em"]
        );
    }
}
