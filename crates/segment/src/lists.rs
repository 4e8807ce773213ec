//! List markers ("1.", "b)", "(iv)", "2.)") and bullets ("•", "-", "*"), which start a sentence
//! even when the item before them has no final punctuation.

/// How a marker is written around its counter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Style {
    /// "1." or "a."
    Dot,
    /// "1.)" or "a.)"
    DotParen,
    /// "1)" or "a)"
    Paren,
    /// "(1)" or "(a)"
    Enclosed,
}

/// A list marker and the position it counts to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Marker {
    pub style: Style,
    /// Number, or letter position (a = 1); `None` for multi-letter roman numerals.
    pub ordinal: Option<u32>,
    /// Value as a roman numeral when the counter is made of i, v, x.
    pub roman: Option<u32>,
    pub upper: bool,
    pub numeric: bool,
    /// Byte length of the marker, without the space after it.
    pub len: usize,
}

impl Marker {
    /// Whether the marker can open an item after another sentence or at a line start: "A. Smith"
    /// is an initial, not an item.
    pub fn opens_item(&self) -> bool {
        !(self.upper && self.style == Style::Dot)
    }

    /// True when `self` is the item right after `prev` in the same list.
    pub fn follows(&self, prev: &Marker) -> bool {
        if self.style != prev.style || self.upper != prev.upper {
            return false;
        }
        let next =
            |a: Option<u32>, b: Option<u32>| matches!((a, b), (Some(a), Some(b)) if a == b + 1);
        next(self.ordinal, prev.ordinal) || next(self.roman, prev.roman)
    }
}

fn roman_value(s: &[u8]) -> Option<u32> {
    let digit = |c: u8| match c.to_ascii_lowercase() {
        b'i' => Some(1),
        b'v' => Some(5),
        b'x' => Some(10),
        _ => None,
    };
    let mut total = 0i32;
    for (k, &c) in s.iter().enumerate() {
        let v = digit(c)?;
        let next = s.get(k + 1).and_then(|&n| digit(n)).unwrap_or(0);
        total += if v < next { -v } else { v };
    }
    u32::try_from(total).ok().filter(|&t| t > 0)
}

/// The marker starting at `i`, if one is there and is followed by a space.
pub(crate) fn marker_at(b: &[u8], i: usize, end: usize) -> Option<Marker> {
    let mut k = i;
    let enclosed = b.get(k) == Some(&b'(');
    if enclosed {
        k += 1;
    }
    let body = k;
    while k < end && k - body < 4 && b[k].is_ascii_alphanumeric() {
        k += 1;
    }
    let counter = &b[body..k];
    let (ordinal, roman, upper) = match counter {
        [] => return None,
        c if c.iter().all(u8::is_ascii_digit) => {
            if c.len() > 3 {
                return None;
            }
            let n = c.iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0'));
            (Some(n), None, false)
        }
        [c] if c.is_ascii_alphabetic() => {
            let lower = c.to_ascii_lowercase();
            (
                Some(u32::from(lower - b'a') + 1),
                roman_value(counter),
                c.is_ascii_uppercase(),
            )
        }
        c => {
            let upper = c[0].is_ascii_uppercase();
            if !c.iter().all(|x| x.is_ascii_uppercase() == upper) {
                return None;
            }
            (None, Some(roman_value(c)?), upper)
        }
    };
    let style = match (enclosed, b.get(k), b.get(k + 1)) {
        (true, Some(b')'), _) => {
            k += 1;
            Style::Enclosed
        }
        (false, Some(b'.'), Some(b')')) => {
            k += 2;
            Style::DotParen
        }
        (false, Some(b'.'), _) => {
            k += 1;
            Style::Dot
        }
        (false, Some(b')'), _) => {
            k += 1;
            Style::Paren
        }
        _ => return None,
    };
    // "3.5" and "U.S." are not markers; a marker is followed by a space (or a line end).
    if k >= end || !b[k].is_ascii_whitespace() {
        return None;
    }
    Some(Marker {
        style,
        ordinal,
        roman,
        upper,
        numeric: counter[0].is_ascii_digit(),
        len: k - i,
    })
}

/// Characters that mark a list item wherever they stand after a space.
pub(crate) fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '•' | '◦'
            | '▪'
            | '▫'
            | '●'
            | '○'
            | '‣'
            | '⁃'
            | '∙'
            | '■'
            | '□'
            | '►'
            | '▶'
            | '➢'
            | '➤'
            | '✓'
            | '✔'
            | '◆'
            | '◇'
    )
}

/// Characters that mark a list item at the start of a line only: "- item", "* item", "— said".
pub(crate) fn is_line_bullet(c: char) -> bool {
    is_bullet(c) || matches!(c, '-' | '*' | '+' | '–' | '—' | '#' | '>')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Option<Marker> {
        marker_at(s.as_bytes(), 0, s.len())
    }

    #[test]
    fn markers() {
        assert_eq!(
            at("1. x").map(|m| (m.style, m.ordinal, m.len)),
            Some((Style::Dot, Some(1), 2))
        );
        assert_eq!(
            at("12.) x").map(|m| (m.style, m.len)),
            Some((Style::DotParen, 4))
        );
        assert_eq!(at("b) x").map(|m| m.ordinal), Some(Some(2)));
        assert_eq!(at("(iv) x").map(|m| m.roman), Some(Some(4)));
        assert!(at("3.5 x").is_none());
        assert!(at("U.S. x").is_none());
        assert!(at("1.").is_none());
        assert!(at("1234. x").is_none());
        assert!(at("(ab) x").is_none());
        assert!(at("").is_none());
    }

    #[test]
    fn sequences() {
        let (Some(a), Some(b), Some(c)) = (at("a. x"), at("b. x"), at("b) x")) else {
            panic!("markers not parsed")
        };
        assert!(b.follows(&a));
        assert!(!a.follows(&b));
        assert!(!c.follows(&a));
        let (Some(iii), Some(iv)) = (at("(iii) x"), at("(iv) x")) else {
            panic!("markers not parsed")
        };
        assert!(iv.follows(&iii));
    }
}
