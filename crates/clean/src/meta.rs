//! Dates written the ways pages write them, evidence of publication in plain text, HTML entities.

use model::PubDate;
use regex::Regex;
use std::sync::LazyLock;

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    let month = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?";
    let pattern = format!(
        r"(?i)\b(?:(?P<y1>\d{{4}})[-/.](?P<m1>\d{{1,2}})[-/.](?P<d1>\d{{1,2}})|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{month}),?\s+(?P<y2>\d{{4}})|(?P<m3>{month})\s+(?P<d3>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y3>\d{{4}}))\b"
    );
    Regex::new(&pattern).unwrap_or_else(|e| unreachable!("static regex: {e}"))
});

fn month_number(name: &str) -> Option<u8> {
    let lower = name.get(..3)?.to_ascii_lowercase();
    let months = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    months
        .iter()
        .position(|m| *m == lower)
        .and_then(|i| u8::try_from(i + 1).ok())
}

/// The first date in `s`: ISO (`2024-10-10`, `2024-10-10T08:00:00Z`, `2024/10/10`), "19 Dec 2024",
/// "December 19, 2024". A bare year-month ISO string gives a month.
pub(crate) fn parse_date(s: &str) -> Option<PubDate> {
    find_date(s).map(|(d, _)| d).or_else(|| {
        let t = s.trim();
        t.get(..7)
            .filter(|p| p.as_bytes().get(4) == Some(&b'-'))
            .and_then(|p| p.parse().ok())
    })
}

/// The first valid date in `s` and where it ends.
fn find_date(s: &str) -> Option<(PubDate, usize)> {
    for c in DATE.captures_iter(s) {
        let get =
            |a: &str, b: &str, d: &str| c.name(a).or(c.name(b)).or(c.name(d)).map(|m| m.as_str());
        let year = get("y1", "y2", "y3").and_then(|y| y.parse::<i32>().ok());
        let month = match (c.name("m1"), get("m2", "m3", "m3")) {
            (Some(m), _) => m.as_str().parse::<u8>().ok(),
            (None, Some(m)) => month_number(m),
            _ => None,
        };
        let day = get("d1", "d2", "d3").and_then(|d| d.parse::<u8>().ok());
        if let (Some(year), Some(month), Some(day)) = (year, month, day) {
            let iso = format!("{year:04}-{month:02}-{day:02}");
            if let (Ok(date), Some(m)) = (iso.parse::<PubDate>(), c.get(0)) {
                if (1900..=2100).contains(&year) {
                    return Some((date, m.end()));
                }
            }
        }
    }
    None
}

/// How much a line saying a date tells about publication: a "Published" label beats a bare date
/// line, which beats a credit line's date, which beats "Updated".
fn evidence_rank(line: &str) -> Option<u8> {
    let line = line.trim();
    let head = &line.as_bytes()[..line.len().min(24)];
    let starts = |words: &[&str]| {
        words.iter().any(|w| {
            head.get(..w.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(w.as_bytes()))
        })
    };
    // "report from" in any case, found with a fast exact search for its tail.
    let report_from = || {
        line.match_indices("eport from")
            .any(|(i, _)| i > 0 && line.as_bytes()[i - 1].eq_ignore_ascii_case(&b'r'))
    };
    if starts(&[
        "published",
        "first published",
        "posted",
        "date:",
        "publication date",
        "released",
    ]) {
        Some(0)
    } else if line.split_whitespace().count() <= 8
        && !starts(&["updated", "last updated", "modified"])
    {
        Some(1)
    } else if starts(&[
        "based on",
        "source",
        "reporting by",
        "originally published",
        "this article",
    ]) || report_from()
    {
        Some(2)
    } else if starts(&["updated", "last updated", "modified"]) {
        Some(3)
    } else {
        None
    }
}

/// The publication date the text itself states, kept or dropped lines alike.
pub(crate) fn text_published<'a>(lines: impl Iterator<Item = &'a str>) -> Option<PubDate> {
    let mut best: Option<(u8, PubDate)> = None;
    for line in lines {
        // Body paragraphs mention dates of events, not of publication: only short lines count.
        if line.len() > 200 || !line.bytes().any(|b| b.is_ascii_digit()) {
            continue;
        }
        let Some(rank) = evidence_rank(line) else {
            continue;
        };
        if best.is_some_and(|(r, _)| r <= rank) {
            continue;
        }
        if let Some((date, _)) = find_date(line) {
            best = Some((rank, date));
        }
    }
    best.map(|(_, d)| d)
}

/// Decodes the character reference at the start of `s` ("&amp;", "&#8217;", "&#x2019;"): the text
/// it stands for and its length in bytes.
pub(crate) fn entity(s: &str) -> Option<(String, usize)> {
    let body = s.strip_prefix('&')?;
    if let Some(num) = body.strip_prefix('#') {
        let (radix, digits) = match num.strip_prefix(['x', 'X']) {
            Some(hex) => (16, hex),
            None => (10, num),
        };
        let n = digits
            .bytes()
            .take(8)
            .take_while(|b| b.is_ascii_hexdigit())
            .count();
        let n = if radix == 10 {
            digits
                .bytes()
                .take(n)
                .take_while(u8::is_ascii_digit)
                .count()
        } else {
            n
        };
        let code = u32::from_str_radix(digits.get(..n)?, radix).ok()?;
        let semi = usize::from(digits.as_bytes().get(n) == Some(&b';'));
        let c = char::from_u32(code)
            .filter(|&c| c != '\0')
            .unwrap_or('\u{fffd}');
        let prefix = s.len() - digits.len();
        return Some((c.to_string(), prefix + n + semi));
    }
    let name_len = body
        .bytes()
        .take(32)
        .take_while(u8::is_ascii_alphanumeric)
        .count();
    let with_semi = body.as_bytes().get(name_len) == Some(&b';');
    let key = body.get(..name_len + usize::from(with_semi))?;
    let &(a, b) = web_atoms::NAMED_ENTITIES.get(key)?;
    let mut out: String = char::from_u32(a).into_iter().collect();
    out.extend(char::from_u32(b).filter(|_| b != 0));
    Some((out, 1 + key.len()))
}
