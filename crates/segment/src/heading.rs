//! Whether a line without final punctuation stands alone (a headline, a dateline, a date) or is
//! the first part of a sentence that a hard wrap cut in two.
//!
//! The evidence is the line's own shape, measured in one pass over its words: a wrap leaves the
//! line hanging on a function word, while a heading is short, capitalised and complete.

/// Words that cannot end a heading, so a line ending in one of them goes on on the next line.
/// Sorted: looked up by binary search.
const HANGING: &[&str] = &[
    "a", "about", "after", "against", "among", "an", "and", "are", "as", "at", "be", "been",
    "before", "between", "but", "by", "for", "from", "had", "has", "have", "her", "his", "if",
    "in", "into", "is", "its", "least", "nor", "of", "on", "or", "our", "over", "per", "said",
    "says", "than", "that", "the", "their", "this", "to", "told", "under", "was", "were", "which",
    "who", "will", "with", "would",
];

/// Function words, which make up much of a sentence but little of a title-case heading.
const FUNCTION: &[&str] = &[
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to",
    "with",
];

/// What one line looks like.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Shape {
    words: usize,
    /// Words with letters, and those of them written in capitals or starting with one.
    lettered: usize,
    capitalised: usize,
    upper: usize,
    function: usize,
    /// Ends on a word that needs a continuation ("of", "the", "said").
    hanging: bool,
    /// Names a month or carries a clock time: a dateline or a date line.
    dated: bool,
    /// Goes on after a dash that follows a dateline ("WASHINGTON, March 2 - The group said"):
    /// the opening of a story, not a heading.
    dateline: bool,
}

impl Shape {
    pub fn of(line: &str) -> Shape {
        let mut s = Shape::default();
        let mut buf = [0u8; 12];
        let mut last = "";
        let mut digits = false;
        let mut dash = false;
        let mut after_head = false;
        for raw in line.split_whitespace() {
            let word = raw.trim_matches(|c: char| !c.is_alphanumeric());
            if word.is_empty() {
                dash |= matches!(raw, "-" | "--" | "–" | "—");
                continue;
            }
            if dash && !after_head {
                // "LONDON, March 2 - CPC said" is a dateline whatever follows the dash, while
                // after "SEOUL —" only a lower-case word tells it from "CORRECTED - KIM VISITS".
                s.dateline = s.dated && digits;
                after_head = s.words > 0 && s.upper == s.words - s.function;
                dash = false;
            }
            s.dateline |= after_head && word.chars().any(char::is_lowercase);
            s.words += 1;
            last = word;
            let first = word.chars().next().unwrap_or(' ');
            digits |= first.is_ascii_digit();
            if !first.is_alphabetic() {
                s.dated |= word.contains(':') && digits;
                continue;
            }
            s.lettered += 1;
            let lower = lower(word, &mut buf);
            if FUNCTION.binary_search(&lower).is_ok() {
                s.function += 1;
                continue;
            }
            s.capitalised += usize::from(first.is_uppercase());
            s.upper += usize::from(word.len() > 1 && !word.chars().any(char::is_lowercase));
            s.dated |= is_month(lower);
        }
        s.dated &= digits;
        s.hanging = HANGING.binary_search(&lower(last, &mut buf)).is_ok()
            || line.trim_end().ends_with([',', ';', '(', '&', '-', '/']);
        s
    }

    /// Ends in a way no heading does.
    pub fn hanging(&self) -> bool {
        self.hanging
    }

    /// Written in capitals throughout, as wire-service headlines and datelines are.
    pub fn all_caps(&self) -> bool {
        self.words >= 2
            && self.upper >= 2
            && self.upper * 4 >= (self.lettered - self.function) * 3
            && !self.dateline
    }

    /// A headline, a section heading or a date line: short, and either a date or capitalised
    /// word by word, unlike the opening of a sentence, whose verbs and nouns are lower case.
    pub fn heading(&self) -> bool {
        let content = self.lettered - self.function;
        (1..=16).contains(&self.words)
            && !self.hanging
            && !self.dateline
            && (self.dated
                || self.all_caps()
                || content > 0 && (content - self.capitalised) * 6 < content)
    }
}

fn lower<'b>(word: &str, buf: &'b mut [u8; 12]) -> &'b str {
    let n = word.len();
    if n > buf.len() || !word.is_ascii() {
        return "";
    }
    buf[..n].copy_from_slice(word.as_bytes());
    buf[..n].make_ascii_lowercase();
    std::str::from_utf8(&buf[..n]).unwrap_or("")
}

fn is_month(lower: &str) -> bool {
    const MONTHS: &[&str] = &[
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    lower.len() >= 3 && lower.is_char_boundary(3) && MONTHS.contains(&&lower[..3]) && {
        const NAMES: &[&str] = &[
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
            "sept",
        ];
        lower.len() == 3 || NAMES.contains(&lower)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted() {
        assert!(HANGING.windows(2).all(|w| w[0] < w[1]));
        assert!(FUNCTION.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn headings() {
        assert!(Shape::of("Lindsay Lohan Checks Into Betty Ford Center").heading());
        assert!(Shape::of("May 03, 2013").heading());
        assert!(Shape::of("Posted on December 23, 2012, 4:42 PM EDT").heading());
        assert!(Shape::of("COMPUTER TERMINAL SYSTEMS <CPML> COMPLETES SALE").all_caps());
        assert!(Shape::of("Key Points").heading());
    }

    #[test]
    fn sentence_openings() {
        assert!(!Shape::of("The company said the warrants are exercisable at a").heading());
        assert!(Shape::of("Analyst Rosemarie Morbelli of Ingalls and Snyder said").hanging());
        assert!(Shape::of("Showers continued throughout the week in").hanging());
        assert!(!Shape::of("In a filing with the Securities and").heading());
        assert!(!Shape::of("the markets opened lower on Monday").heading());
        assert!(!Shape::of("Mayor Smith").all_caps());
        assert!(!Shape::of("ENGLEWOOD CLIFFS, N.J., June 1 - CPC").all_caps());
        assert!(!Shape::of("WASHINGTON, Oct 19 - A shareholder group led by Barris").heading());
        assert!(!Shape::of("SEOUL — North Korean Leader Kim").heading());
        assert!(Shape::of("Kim Visits Moscow — Report").heading());
        assert!(Shape::of("CORRECTED - BANKAMERICA NEGOTIATING SALE OF UNITS").all_caps());
        assert!(!Shape::of("American Express closed on the New York Stock").heading());
    }

    #[test]
    fn months_need_a_number() {
        assert!(!Shape::of("March On Washington").dated);
        assert!(!Shape::of("We may go").dated);
        assert!(Shape::of("Sept. 4").dated);
    }
}
