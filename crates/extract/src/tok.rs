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
pub(crate) fn tokenize(text: &str, start: usize, end: usize, out: &mut Vec<Tok>) {
    let Some(s) = text.get(start..end) else {
        return;
    };
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = char_at(s, i);
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        let next_is_digit = b.get(i + 1).is_some_and(u8::is_ascii_digit);
        if c.is_ascii_digit()
            || (c == '.' && next_is_digit && (i == 0 || !b[i - 1].is_ascii_digit()))
        {
            let mut j = i + 1;
            while j < b.len() {
                if b[j].is_ascii_digit() {
                    j += 1;
                } else if (b[j] == b',' || b[j] == b'.')
                    && b.get(j + 1).is_some_and(u8::is_ascii_digit)
                {
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
            out.push(Tok {
                start: start + i,
                end: start + j,
                kind: Kind::Num,
                digits_end: start + digits_end,
            });
            i = j;
        } else if is_letter(c) {
            let mut j = i + c.len_utf8();
            // "U.S.", "U.N.", "p.m.": single letters joined by periods form one word.
            if c.is_ascii_alphabetic()
                && b.get(j) == Some(&b'.')
                && b.get(j + 1).is_some_and(u8::is_ascii_alphabetic)
                && b.get(j + 2) == Some(&b'.')
            {
                while b.get(j) == Some(&b'.')
                    && b.get(j + 1).is_some_and(u8::is_ascii_alphabetic)
                    && b.get(j + 2) == Some(&b'.')
                {
                    j += 2;
                }
                j += 1;
            } else {
                while j < b.len() {
                    if b[j].is_ascii_alphanumeric() {
                        j += 1;
                        continue;
                    }
                    let ch = char_at(s, j);
                    let n = j + ch.len_utf8();
                    if is_letter_or_digit(ch)
                        || (is_apostrophe(ch) && n < b.len() && is_letter(char_at(s, n)))
                    {
                        j = n;
                        continue;
                    }
                    break;
                }
            }
            out.push(Tok {
                start: start + i,
                end: start + j,
                kind: Kind::Word,
                digits_end: start + i,
            });
            i = j;
        } else {
            let e = i + c.len_utf8();
            out.push(Tok {
                start: start + i,
                end: start + e,
                kind: Kind::Punct,
                digits_end: start + i,
            });
            i = e;
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
    s.chars().next().is_some_and(char::is_uppercase)
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
