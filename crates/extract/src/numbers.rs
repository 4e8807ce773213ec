//! Numbers as intervals: digits, number words, scales, bounds ("about", "more than"), ranges,
//! vague amounts ("hundreds of"), percentages, money, ordinals and durations, each with the noun
//! it counts.
//!
//! `counted` policy: the lower-cased noun phrase after the number (at most three words, stopping
//! at the first plural noun), with its last word, the head noun, reduced to the singular:
//! "600 North Korean soldiers" → "north korean soldier", "600 troops" → "troop". Stages that
//! compare counts should compare the last word; the modifiers are there for display.

mod relative;

pub(crate) use relative::verb_or_idiom_after;

use crate::keywords;
use crate::tok::{day_or_month_name, gap_ok, is_cap, lower, Kind, Tok};
use model::{Quantity, QuantityKind};
use std::sync::LazyLock;

#[derive(Clone, Copy, PartialEq, Debug)]
enum Lex {
    Small(f64),
    Tens(f64),
    Hundred,
    Scale(f64),
    Dozen,
    /// Ordinal word; `true` when plural ("thirds"), which only reads as a fraction.
    Ord(f64, bool),
    Half,
    Quarter,
}

/// Number words. Plural ordinals only read as fractions ("thirds"); "seconds" is time and left
/// out.
const WORDS: &[(&str, Lex)] = {
    use Lex::*;
    &[
        ("zero", Small(0.0)),
        ("nought", Small(0.0)),
        ("naught", Small(0.0)),
        ("one", Small(1.0)),
        ("two", Small(2.0)),
        ("three", Small(3.0)),
        ("four", Small(4.0)),
        ("five", Small(5.0)),
        ("six", Small(6.0)),
        ("seven", Small(7.0)),
        ("eight", Small(8.0)),
        ("nine", Small(9.0)),
        ("ten", Small(10.0)),
        ("eleven", Small(11.0)),
        ("twelve", Small(12.0)),
        ("thirteen", Small(13.0)),
        ("fourteen", Small(14.0)),
        ("fifteen", Small(15.0)),
        ("sixteen", Small(16.0)),
        ("seventeen", Small(17.0)),
        ("eighteen", Small(18.0)),
        ("nineteen", Small(19.0)),
        ("twenty", Tens(20.0)),
        ("thirty", Tens(30.0)),
        ("forty", Tens(40.0)),
        ("fifty", Tens(50.0)),
        ("sixty", Tens(60.0)),
        ("seventy", Tens(70.0)),
        ("eighty", Tens(80.0)),
        ("ninety", Tens(90.0)),
        ("hundred", Hundred),
        ("thousand", Scale(1e3)),
        ("million", Scale(1e6)),
        ("mln", Scale(1e6)),
        ("mn", Scale(1e6)),
        ("mil", Scale(1e6)),
        ("billion", Scale(1e9)),
        ("bn", Scale(1e9)),
        ("bln", Scale(1e9)),
        ("trillion", Scale(1e12)),
        ("tn", Scale(1e12)),
        ("tln", Scale(1e12)),
        ("lakh", Scale(1e5)),
        ("crore", Scale(1e7)),
        ("dozen", Dozen),
        ("dozens", Dozen),
        ("doz", Dozen),
        ("dozs", Dozen),
        ("half", Half),
        ("halves", Half),
        ("quarter", Quarter),
        ("quarters", Quarter),
        ("first", Ord(1.0, false)),
        ("firsts", Ord(1.0, true)),
        ("second", Ord(2.0, false)),
        ("third", Ord(3.0, false)),
        ("thirds", Ord(3.0, true)),
        ("fourth", Ord(4.0, false)),
        ("fourths", Ord(4.0, true)),
        ("fifth", Ord(5.0, false)),
        ("fifths", Ord(5.0, true)),
        ("sixth", Ord(6.0, false)),
        ("sixths", Ord(6.0, true)),
        ("seventh", Ord(7.0, false)),
        ("sevenths", Ord(7.0, true)),
        ("eighth", Ord(8.0, false)),
        ("eighths", Ord(8.0, true)),
        ("ninth", Ord(9.0, false)),
        ("ninths", Ord(9.0, true)),
        ("nineth", Ord(9.0, false)),
        ("nineths", Ord(9.0, true)),
        ("tenth", Ord(10.0, false)),
        ("tenths", Ord(10.0, true)),
        ("eleventh", Ord(11.0, false)),
        ("elevenths", Ord(11.0, true)),
        ("twelfth", Ord(12.0, false)),
        ("twelfths", Ord(12.0, true)),
        ("thirteenth", Ord(13.0, false)),
        ("thirteenths", Ord(13.0, true)),
        ("fourteenth", Ord(14.0, false)),
        ("fourteenths", Ord(14.0, true)),
        ("fifteenth", Ord(15.0, false)),
        ("fifteenths", Ord(15.0, true)),
        ("sixteenth", Ord(16.0, false)),
        ("sixteenths", Ord(16.0, true)),
        ("seventeenth", Ord(17.0, false)),
        ("seventeenths", Ord(17.0, true)),
        ("eighteenth", Ord(18.0, false)),
        ("eighteenths", Ord(18.0, true)),
        ("nineteenth", Ord(19.0, false)),
        ("nineteenths", Ord(19.0, true)),
        ("twentieth", Ord(20.0, false)),
        ("twentieths", Ord(20.0, true)),
        ("thirtieth", Ord(30.0, false)),
        ("thirtieths", Ord(30.0, true)),
        ("fortieth", Ord(40.0, false)),
        ("fortieths", Ord(40.0, true)),
        ("fiftieth", Ord(50.0, false)),
        ("fiftieths", Ord(50.0, true)),
        ("sixtieth", Ord(60.0, false)),
        ("sixtieths", Ord(60.0, true)),
        ("seventieth", Ord(70.0, false)),
        ("seventieths", Ord(70.0, true)),
        ("eightieth", Ord(80.0, false)),
        ("eightieths", Ord(80.0, true)),
        ("ninetieth", Ord(90.0, false)),
        ("ninetieths", Ord(90.0, true)),
        ("hundredth", Ord(100.0, false)),
        ("hundredths", Ord(100.0, true)),
        ("thousandth", Ord(1e3, false)),
        ("thousandths", Ord(1e3, true)),
        ("millionth", Ord(1e6, false)),
        ("millionths", Ord(1e6, true)),
        ("billionth", Ord(1e9, false)),
        ("billionths", Ord(1e9, true)),
        ("trillionth", Ord(1e12, false)),
        ("trillionths", Ord(1e12, true)),
    ]
};

/// Words longer than this are on no list `Shelves` keeps.
const SHELF_LEN: usize = 16;

/// Bucket of a word in `Shelves` (its first letter and length) and the bit of its second letter,
/// in any case.
fn shape(w: &[u8]) -> Option<(usize, u32)> {
    let first = w.first()?.to_ascii_lowercase();
    if !first.is_ascii_lowercase() || w.len() >= SHELF_LEN {
        return None;
    }
    let second = match w.get(1).map(u8::to_ascii_lowercase) {
        Some(b @ b'a'..=b'z') => 1 << (b - b'a'),
        Some(_) => 1 << 26,
        None => 1 << 27,
    };
    Some((usize::from(first - b'a') * SHELF_LEN + w.len(), second))
}

/// A word list bucketed by first letter and length, each bucket with the set of its words'
/// second letters. The lists are looked up for word after word of the text, most of which are on
/// none: those are turned away by one bucket's set, without comparing strings.
struct Shelves<T> {
    buckets: Vec<(u32, Vec<(&'static str, T)>)>,
}

impl<T: Copy> Shelves<T> {
    /// The first value of a word listed twice is the one found.
    fn new(words: impl IntoIterator<Item = (&'static str, T)>) -> Self {
        let mut buckets = vec![(0, Vec::new()); 26 * SHELF_LEN];
        for (w, v) in words {
            if let Some(((seconds, list), second)) =
                shape(w.as_bytes()).and_then(|(i, second)| Some((buckets.get_mut(i)?, second)))
            {
                *seconds |= second;
                list.push((w, v));
            }
        }
        Shelves { buckets }
    }

    /// The value of `w`, in any ASCII case.
    fn get(&self, w: &str) -> Option<T> {
        let (i, second) = shape(w.as_bytes())?;
        let (seconds, list) = self.buckets.get(i)?;
        if seconds & second == 0 {
            return None;
        }
        list.iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(w))
            .map(|&(_, v)| v)
    }
}

/// `WORDS` with their meaning and `LEADS` with none.
static NUMBER_WORDS: LazyLock<Shelves<Option<Lex>>> = LazyLock::new(|| {
    let words = WORDS.iter().map(|&(w, l)| (w, Some(l)));
    Shelves::new(words.chain(LEADS.iter().map(|&w| (w, None))))
});

/// A word of `WORDS` or `LEADS` in any case, with its meaning if it has one.
fn lookup(w: &str) -> Option<Option<Lex>> {
    NUMBER_WORDS.get(w)
}

fn lex(w: &str) -> Option<Lex> {
    lookup(w).flatten()
}

/// Multiplier of a suffix glued to digits ("100k", "1.2bn"); lower-case "m" is left out as it is
/// usually metres.
fn glued_scale(s: &str) -> Option<f64> {
    Some(match s {
        "k" | "K" => 1e3,
        "M" | "mn" | "mln" | "mil" | "MN" => 1e6,
        "b" | "B" | "bn" | "bln" | "BN" => 1e9,
        "tn" | "tln" | "T" => 1e12,
        _ => return None,
    })
}

/// Scale written as its own word after digits ("2.33 k", "10 bln", "1,674.5 G").
fn spaced_scale(s: &str) -> Option<f64> {
    Some(match s {
        "k" | "K" => 1e3,
        "M" => 1e6,
        "G" | "B" => 1e9,
        _ => return None,
    })
}

fn is_ordinal_suffix(s: &str) -> bool {
    ["st", "nd", "rd", "th"]
        .iter()
        .any(|o| s.eq_ignore_ascii_case(o))
}

/// The value of a number token's digits.
enum Digits {
    One(f64),
    /// Comma groups that are not thousands ("22,24,26"), each with its byte range.
    List(Vec<(usize, usize, f64)>),
}

/// Parses the digits of a number token; `None` for things that only look like numbers
/// ("192.168.1.2"). Several comma groups that are not thousands ("22,24,26") are lists.
fn parse_digits(s: &str) -> Option<Digits> {
    let dots = s.bytes().filter(|&b| b == b'.').count();
    let commas = s.bytes().filter(|&b| b == b',').count();
    if dots > 1 && commas == 0 {
        return None;
    }
    if commas == 0 {
        return Some(Digits::One(without_commas(s)?));
    }
    let int_part = s.split('.').next().unwrap_or(s);
    let mut groups = int_part.split(',');
    let thousands = int_part.contains(',')
        && groups.next().is_some_and(|g| g.len() <= 3)
        && groups.all(|g| g.len() == 3);
    if thousands {
        if dots > 1 {
            return None;
        }
        return Some(Digits::One(without_commas(s)?));
    }
    // "1.111,11" (European) or "5,00".
    if commas == 1 && (dots == 0 || (dots >= 1 && s.find('.') < s.find(','))) {
        let t: String = s
            .chars()
            .filter(|&c| c != '.')
            .map(|c| if c == ',' { '.' } else { c })
            .collect();
        return Some(Digits::One(t.parse().ok()?));
    }
    if dots > 0 {
        return None;
    }
    let mut out = vec![];
    let mut at = 0;
    for g in s.split(',') {
        out.push((at, at + g.len(), g.parse().ok()?));
        at += g.len() + 1;
    }
    Some(Digits::List(out))
}

/// `s` read as a number with its thousands commas dropped and a "0" before a leading decimal
/// point. Almost every number in the text passes through here, and almost all are a few digits
/// with at most one decimal point: those are read without building a string. At most 15 digits
/// make an integer that `f64` holds exactly, and dividing it by an exact power of ten rounds once,
/// as parsing the string does.
fn without_commas(s: &str) -> Option<f64> {
    let mut mantissa = 0u64;
    let mut digits = 0;
    let mut decimals = None;
    for b in s.bytes() {
        match b {
            b'0'..=b'9' if digits < 15 => {
                mantissa = mantissa * 10 + u64::from(b - b'0');
                digits += 1;
                decimals = decimals.map(|d: usize| d + 1);
            }
            b',' => {}
            b'.' if decimals.is_none() => decimals = Some(0),
            _ => return without_commas_slow(s),
        }
    }
    if digits == 0 {
        return without_commas_slow(s);
    }
    Some(mantissa as f64 / POWERS_OF_TEN[decimals.unwrap_or(0)])
}

/// Every power of ten `without_commas` divides by, each exact in `f64`.
const POWERS_OF_TEN: [f64; 16] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
];

fn without_commas_slow(s: &str) -> Option<f64> {
    let t: String = s.chars().filter(|&c| c != ',').collect();
    let t = if t.starts_with('.') {
        format!("0{t}")
    } else {
        t
    };
    t.parse().ok()
}

struct Phrase {
    first: usize,
    /// Last token index consumed.
    last: usize,
    value: f64,
    ordinal: bool,
    /// Made only of words ("one"), for the pronoun check.
    words_only: bool,
    unit: Option<String>,
}

#[derive(Clone, Copy, PartialEq)]
enum Last {
    None,
    Small,
    Tens,
    Hundred,
    Scale,
    Digits,
}

fn word<'a>(text: &'a str, t: &Tok) -> &'a str {
    text.get(t.start..t.end).unwrap_or("")
}

fn word_is(text: &str, toks: &[Tok], i: usize, w: &str) -> bool {
    toks.get(i)
        .is_some_and(|t| t.kind == Kind::Word && word(text, t).eq_ignore_ascii_case(w))
}

fn punct_is(text: &str, toks: &[Tok], i: usize, p: &str) -> bool {
    toks.get(i)
        .is_some_and(|t| t.kind == Kind::Punct && word(text, t) == p)
}

fn adjacent(text: &str, toks: &[Tok], i: usize) -> bool {
    i >= 1 && i < toks.len() && gap_ok(text, toks[i - 1].end, toks[i].start)
}

/// The lower-cased word at token `k`, or "" for punctuation, numbers and long words.
fn lower_at<'a>(text: &'a str, toks: &[Tok], k: Option<usize>, buf: &'a mut [u8; 24]) -> &'a str {
    k.and_then(|k| toks.get(k))
        .filter(|t| t.kind == Kind::Word)
        .and_then(|t| lower(word(text, t), buf))
        .unwrap_or("")
}

fn lex_at(text: &str, toks: &[Tok], i: usize) -> Option<Lex> {
    toks.get(i)
        .filter(|t| t.kind == Kind::Word)
        .and_then(|t| lex(word(text, t)))
}

/// Digits that are part of an id, a URL, a time or a phone number rather than a quantity.
fn digits_are_noise(text: &str, toks: &[Tok], i: usize) -> bool {
    let t = toks[i];
    let b = text.as_bytes();
    let before = if t.start > 0 { b[t.start - 1] } else { b' ' };
    if before.is_ascii_alphanumeric()
        || matches!(
            before,
            b'/' | b'_' | b'#' | b'@' | b'\\' | b':' | b'+' | b'=' | b'&' | b'?'
        )
    {
        return true;
    }
    let after = b.get(t.end).copied().unwrap_or(b' ');
    if matches!(after, b'/' | b'_' | b'@' | b'\\')
        || (after == b':' && b.get(t.end + 1).is_some_and(u8::is_ascii_digit))
    {
        return true;
    }
    // "SCP-173", "F-16": capitalised code, hyphen, digits.
    if before == b'-' && i >= 2 && toks[i - 2].end + 1 == t.start && toks[i - 2].kind == Kind::Word
    {
        let w = word(text, &toks[i - 2]);
        if w.len() <= 5 && w.chars().all(|c| c.is_ascii_uppercase()) {
            return true;
        }
    }
    if label_number(text, toks, i) {
        return true;
    }
    // Phone numbers: three digit groups chained by hyphens.
    let chained = |k: usize| {
        k + 2 < toks.len()
            && punct_is(text, toks, k + 1, "-")
            && toks[k + 2].kind == Kind::Num
            && toks[k].end == toks[k + 1].start
            && toks[k + 1].end == toks[k + 2].start
    };
    if chained(i) && chained(i + 2) {
        return true;
    }
    if i >= 2 && chained(i - 2) && (chained(i) || (i >= 4 && chained(i - 4))) {
        return true;
    }
    // Times: "5pm", "5 p.m.".
    let suffix = text.get(t.digits_end..t.end).unwrap_or("");
    if matches!(suffix, "am" | "pm" | "AM" | "PM") {
        return true;
    }
    if let Some(n) = toks.get(i + 1) {
        let w = word(text, n);
        if n.kind == Kind::Word
            && matches!(
                w,
                "a.m."
                    | "p.m."
                    | "am"
                    | "pm"
                    | "GMT"
                    | "UTC"
                    | "EST"
                    | "ET"
                    | "KST"
                    | "BST"
                    | "CET"
            )
        {
            return true;
        }
    }
    false
}

/// "CentOS 7", "Category 5 hurricanes", "Flight 370", "Chapter 11": a plain integer right after a
/// capitalised word inside a sentence is part of a name, not a count. Not after a calendar word
/// ("on Monday 12 died", "May 5"), at the start of a sentence or quotation, or in a title-case
/// headline ("Earthquake Kills 12 In Turkey").
pub(crate) fn label_number(text: &str, toks: &[Tok], i: usize) -> bool {
    let t = toks[i];
    if i < 2 || t.digits_end != t.end {
        return false;
    }
    let (prev, before) = (toks[i - 1], toks[i - 2]);
    // Most numbers fail this at once; the tests below cost more.
    if prev.kind != Kind::Word || prev.end + 1 != t.start {
        return false;
    }
    let name = word(text, &prev);
    if !is_cap(name) || text[t.start..t.end].contains([',', '.']) {
        return false;
    }
    let mid_sentence = before.kind != Kind::Punct || word(text, &before) == ",";
    // "South Carolina's 54 delegates" counts; "Amash 5%" is a share.
    let owner = name.ends_with("'s") || name.ends_with("’s") || name.ends_with(['\'', '’']);
    let share = toks
        .get(i + 1)
        .is_some_and(|n| matches!(word(text, n), "%" | "percent" | "per"));
    if !mid_sentence || owner || share || currency_word(name).is_some() {
        return false;
    }
    let mut buf = [0u8; 24];
    if lower(name.trim_end_matches('.'), &mut buf).is_some_and(calendar_word) {
        return false;
    }
    let words = toks.iter().filter(|t| t.kind == Kind::Word);
    let caps = words.clone().filter(|t| is_cap(word(text, t))).count();
    caps * 2 <= words.count()
}

/// A day or month name, or its abbreviation, in lower case.
fn calendar_word(w: &str) -> bool {
    day_or_month_name(w)
        || matches!(
            w,
            "mon"
                | "tue"
                | "tues"
                | "wed"
                | "thu"
                | "thurs"
                | "fri"
                | "sat"
                | "sun"
                | "jan"
                | "feb"
                | "mar"
                | "apr"
                | "jun"
                | "jul"
                | "aug"
                | "sep"
                | "sept"
                | "oct"
                | "nov"
                | "dec"
        )
}

/// Parses the longest number phrase starting at token `i`.
fn phrase(text: &str, toks: &[Tok], i: usize) -> Option<Phrase> {
    let mut total = 0.0f64;
    let mut cur = 0.0f64;
    let mut last = Last::None;
    let mut j = i;
    let mut end = None;
    let mut words_only = true;
    let mut unit = None;
    let mut after_and = false;
    // Value of `cur` before its last small group ("two" in "three hundred and two dozens"), which
    // is all that "dozen", "quarters" or "thirds" multiply.
    let mut base = 0.0f64;
    while j < toks.len() {
        if j > i && !adjacent(text, toks, j) {
            break;
        }
        let t = toks[j];
        match t.kind {
            Kind::Num => {
                if !(last == Last::None
                    || last == Last::Scale
                    || (after_and && last == Last::Hundred))
                {
                    break;
                }
                if digits_are_noise(text, toks, j) {
                    if j == i {
                        return None;
                    }
                    break;
                }
                let digits = text.get(t.start..t.digits_end).unwrap_or("");
                let Digits::One(v) = parse_digits(digits)? else {
                    if j == i {
                        return None;
                    }
                    break;
                };
                let suffix = text.get(t.digits_end..t.end).unwrap_or("");
                if after_and && v >= 100.0 {
                    break;
                }
                words_only = false;
                if is_ordinal_suffix(suffix) {
                    if last != Last::None {
                        break;
                    }
                    return Some(Phrase {
                        first: i,
                        last: j,
                        value: v,
                        ordinal: true,
                        words_only,
                        unit: None,
                    });
                }
                let mut v = v;
                if let Some(m) = glued_scale(suffix) {
                    v *= m;
                } else if !suffix.is_empty() {
                    if j != i {
                        break;
                    }
                    if suffix.len() > 4 || suffix.ends_with('s') && suffix.len() == 1 {
                        return None;
                    }
                    unit = Some(suffix.to_ascii_lowercase());
                }
                if after_and {
                    base = cur;
                    cur += v;
                } else {
                    base = 0.0;
                    cur = v;
                }
                last = Last::Digits;
                end = Some(j);
                after_and = false;
                if unit.is_some() {
                    break;
                }
                if let Some(m) = toks
                    .get(j + 1)
                    .filter(|n| n.kind == Kind::Word && adjacent(text, toks, j + 1))
                    .and_then(|n| spaced_scale(word(text, n)))
                {
                    total += cur * m;
                    cur = 0.0;
                    last = Last::Scale;
                    j += 2;
                    end = Some(j - 1);
                    continue;
                }
            }
            Kind::Word => {
                let w = word(text, &t);
                if w.eq_ignore_ascii_case("and") {
                    if !matches!(
                        last,
                        Last::Hundred | Last::Scale | Last::Small | Last::Digits | Last::Tens
                    ) {
                        break;
                    }
                    // "one and a half", "3 million and a half".
                    if word_is(text, toks, j + 1, "a") || word_is(text, toks, j + 1, "one") {
                        if let Some(f) = match lex_at(text, toks, j + 2) {
                            Some(Lex::Half) => Some(0.5),
                            Some(Lex::Quarter) => Some(0.25),
                            _ => None,
                        } {
                            // "one billion and a half million": the half is of the next scale.
                            if let Some(Lex::Scale(s)) =
                                lex_at(text, toks, j + 3).filter(|_| last == Last::Scale)
                            {
                                total += f * s;
                                end = Some(j + 3);
                                j += 4;
                                continue;
                            }
                            if last == Last::Scale {
                                let scale = scale_of(text, toks, j);
                                total += f * scale;
                            } else {
                                cur += f;
                            }
                            end = Some(j + 2);
                            j += 3;
                            continue;
                        }
                    }
                    if !matches!(last, Last::Hundred | Last::Scale) {
                        break;
                    }
                    // "one hundred and three quarters" adds a fraction; "3 hundred and 2 hundred"
                    // are two numbers.
                    if fraction_at(text, toks, j + 1).is_some()
                        || (last == Last::Hundred
                            && matches!(lex_at(text, toks, j + 2), Some(Lex::Hundred)))
                    {
                        break;
                    }
                    match lex_at(text, toks, j + 1) {
                        Some(Lex::Small(_) | Lex::Tens(_)) => {}
                        // "two hundred and first"; "and first-time buyers" is another phrase.
                        Some(Lex::Ord(_, false))
                            if !(punct_is(text, toks, j + 2, "-") && glued(toks, j + 2)) => {}
                        None if toks.get(j + 1).is_some_and(|n| n.kind == Kind::Num) => {}
                        _ => break,
                    }
                    after_and = true;
                    j += 1;
                    continue;
                }
                if (w == "a" || w == "an" || w == "A" || w == "An") && j == i {
                    match lex_at(text, toks, j + 1) {
                        Some(Lex::Hundred | Lex::Scale(_) | Lex::Dozen)
                            if adjacent(text, toks, j + 1) =>
                        {
                            cur = 1.0;
                            last = Last::Small;
                            j += 1;
                            continue;
                        }
                        _ => return None,
                    }
                }
                let Some(l) = lex(w) else { break };
                match l {
                    Lex::Small(v) => {
                        match last {
                            Last::None | Last::Scale => (base, cur) = (0.0, v),
                            Last::Tens if v < 10.0 && v > 0.0 => cur += v,
                            Last::Hundred => (base, cur) = (cur, cur + v),
                            _ => break,
                        }
                        last = Last::Small;
                    }
                    Lex::Tens(v) => {
                        match last {
                            Last::None | Last::Scale => (base, cur) = (0.0, v),
                            Last::Hundred => (base, cur) = (cur, cur + v),
                            _ => break,
                        }
                        last = Last::Tens;
                    }
                    Lex::Hundred => {
                        if !matches!(last, Last::Small | Last::Tens | Last::Digits)
                            || cur >= 100.0
                            || cur % 100.0 != cur
                        {
                            break;
                        }
                        cur *= 100.0;
                        last = Last::Hundred;
                    }
                    Lex::Scale(s) => {
                        if last == Last::None || last == Last::Scale && cur == 0.0 && total < s {
                            if last == Last::None {
                                break;
                            }
                            total *= s;
                        } else {
                            total += cur * s;
                            cur = 0.0;
                        }
                        last = Last::Scale;
                    }
                    Lex::Dozen => {
                        if last == Last::None {
                            break;
                        }
                        cur = base + (cur - base).max(1.0) * 12.0;
                        last = Last::Small;
                    }
                    Lex::Ord(o, plural) => {
                        let compound = !plural
                            && matches!(last, Last::None | Last::Hundred | Last::Scale)
                            || (!plural && last == Last::Tens && o < 10.0);
                        // "three trillionth", "two hundredth": a rank, not a fraction.
                        let multiple = !plural
                            && o >= 100.0
                            && matches!(last, Last::Small | Last::Tens | Last::Hundred);
                        if compound || multiple {
                            return Some(Phrase {
                                first: i,
                                last: j,
                                value: if multiple {
                                    (total + cur) * o
                                } else {
                                    total + cur + o
                                },
                                ordinal: true,
                                words_only,
                                unit: None,
                            });
                        }
                        // "two thirds", "twenty-three fifths": a fraction. "seconds" is time.
                        if o == 2.0 || last == Last::Digits {
                            break;
                        }
                        cur = (total + cur) / o;
                        total = 0.0;
                        end = Some(j);
                        break;
                    }
                    Lex::Half | Lex::Quarter => {
                        let f = if l == Lex::Half { 0.5 } else { 0.25 };
                        if last == Last::None {
                            // "half a million", "quarter million".
                            let mut k = j + 1;
                            if word_is(text, toks, k, "a") {
                                k += 1;
                            }
                            match lex_at(text, toks, k) {
                                Some(Lex::Scale(s)) => {
                                    return Some(Phrase {
                                        first: i,
                                        last: k,
                                        value: f * s,
                                        ordinal: false,
                                        words_only,
                                        unit: None,
                                    });
                                }
                                Some(Lex::Dozen) => {
                                    return Some(Phrase {
                                        first: i,
                                        last: k,
                                        value: f * 12.0,
                                        ordinal: false,
                                        words_only,
                                        unit: None,
                                    });
                                }
                                _ => return None,
                            }
                        }
                        if !matches!(last, Last::Small | Last::Tens) {
                            break;
                        }
                        cur = base + (cur - base) * f;
                        end = Some(j);
                        break;
                    }
                }
                end = Some(j);
                after_and = false;
            }
            Kind::Punct => {
                // "twenty-one", "fifty - two".
                let p = word(text, &t);
                if (p == "-" || p == "–") && last == Last::Tens {
                    if let Some(Lex::Small(v)) = lex_at(text, toks, j + 1) {
                        if v > 0.0 && v < 10.0 {
                            j += 1;
                            continue;
                        }
                    }
                    if let Some(Lex::Ord(v, false)) = lex_at(text, toks, j + 1) {
                        if v < 10.0 {
                            return Some(Phrase {
                                first: i,
                                last: j + 1,
                                value: total + cur + v,
                                ordinal: true,
                                words_only,
                                unit: None,
                            });
                        }
                    }
                }
                break;
            }
        }
        j += 1;
    }
    let end = end?;
    Some(Phrase {
        first: i,
        last: end,
        value: total + cur,
        ordinal: false,
        words_only,
        unit,
    })
}

/// A spelled-out denominator at `k` ("fifth", "thirds", "twenty-first", "hundredths", "half"):
/// (denominator, plural, last token). "Second" is left out: it is a rank or a unit of time.
fn denominator_at(text: &str, toks: &[Tok], k: usize) -> Option<(f64, bool, usize)> {
    let plural = |k: usize| toks.get(k).is_some_and(|t| word(text, t).ends_with('s'));
    match lex_at(text, toks, k)? {
        Lex::Ord(o, pl) if o != 2.0 => Some((o, pl, k)),
        Lex::Half => Some((2.0, plural(k), k)),
        Lex::Quarter => Some((4.0, plural(k), k)),
        Lex::Tens(t) => {
            let mut m = k + 1;
            if punct_is(text, toks, m, "-") && adjacent(text, toks, m) {
                m += 1;
            }
            if !adjacent(text, toks, m) {
                return None;
            }
            match lex_at(text, toks, m)? {
                Lex::Ord(u, pl) if u < 10.0 => Some((t + u, pl, m)),
                _ => None,
            }
        }
        _ => None,
    }
}

/// The denominator right after token `last`, hyphenated ("one-eighth") or not.
fn denominator_after(text: &str, toks: &[Tok], last: usize) -> Option<(f64, bool, usize)> {
    let mut k = last + 1;
    if punct_is(text, toks, k, "-") && adjacent(text, toks, k) {
        k += 1;
    }
    if !adjacent(text, toks, k) {
        return None;
    }
    denominator_at(text, toks, k)
}

/// A fraction below one in words starting at `j` ("a third", "two thirds", "one twenty-fifth",
/// "fifty-four hundredths"): (value, last token).
fn fraction_at(text: &str, toks: &[Tok], j: usize) -> Option<(f64, usize)> {
    let w = toks
        .get(j)
        .filter(|t| t.kind == Kind::Word)
        .map(|t| word(text, t))?;
    if w.eq_ignore_ascii_case("a") || w.eq_ignore_ascii_case("an") {
        let (d, pl, last) =
            denominator_at(text, toks, j + 1).filter(|_| adjacent(text, toks, j + 1))?;
        return (!pl).then_some((1.0 / d, last));
    }
    lex(w)?;
    let p = phrase(text, toks, j)?;
    if !p.words_only || p.ordinal {
        return None;
    }
    if p.value > 0.0 && p.value < 1.0 {
        return Some((p.value, p.last));
    }
    let (d, pl, last) = denominator_after(text, toks, p.last)?;
    (pl == (p.value != 1.0) && p.value < d).then_some((p.value / d, last))
}

/// Pure digits in one token: no separators, no suffix.
fn plain_digits(text: &str, t: &Tok) -> Option<f64> {
    let d = text.get(t.start..t.end)?;
    (t.kind == Kind::Num && t.digits_end == t.end && d.bytes().all(|b| b.is_ascii_digit()))
        .then(|| d.parse().ok())
        .flatten()
}

fn glued(toks: &[Tok], k: usize) -> bool {
    k >= 1 && k < toks.len() && toks[k - 1].end == toks[k].start
}

/// "4/5" written with digits, not part of a date like "5/17/2018": (value, last token).
fn digit_fraction(text: &str, toks: &[Tok], i: usize) -> Option<(f64, usize)> {
    let a = plain_digits(text, toks.get(i)?)?;
    let b = plain_digits(text, toks.get(i + 2)?)?;
    let before = text[..toks[i].start].chars().next_back().unwrap_or(' ');
    if !punct_is(text, toks, i + 1, "/")
        || !glued(toks, i + 1)
        || !glued(toks, i + 2)
        || b == 0.0
        || before.is_alphanumeric()
        || "/.:".contains(before)
        || (glued(toks, i + 3) && matches!(word(text, &toks[i + 3]), "/" | "-" | "." | ":"))
    {
        return None;
    }
    Some((a / b, i + 2))
}

fn vulgar(p: &str) -> Option<f64> {
    Some(match p {
        "½" => 0.5,
        "⅓" => 1.0 / 3.0,
        "⅔" => 2.0 / 3.0,
        "¼" => 0.25,
        "¾" => 0.75,
        "⅕" => 0.2,
        "⅖" => 0.4,
        "⅗" => 0.6,
        "⅘" => 0.8,
        "⅙" => 1.0 / 6.0,
        "⅚" => 5.0 / 6.0,
        "⅛" => 0.125,
        "⅜" => 0.375,
        "⅝" => 0.625,
        "⅞" => 0.875,
        _ => return None,
    })
}

/// An exponent glued after token `k` ("^23", "^-1", "^--23"): (exponent, last token).
fn exponent_after(text: &str, toks: &[Tok], k: usize) -> Option<(i32, usize)> {
    if !punct_is(text, toks, k + 1, "^") || !glued(toks, k + 1) {
        return None;
    }
    let mut m = k + 2;
    let mut negative = false;
    while glued(toks, m) && matches!(word(text, &toks[m]), "-" | "+") {
        negative ^= word(text, &toks[m]) == "-";
        m += 1;
    }
    let e = plain_digits(text, toks.get(m)?).filter(|_| glued(toks, m))?;
    let e = i32::try_from(e as i64).ok().filter(|e| *e < 300)?;
    Some((if negative { -e } else { e }, m))
}

/// Decimals said digit by digit after "point": "point nought four" → "04", "point seventy-one"
/// → "71". Returns the digits and the last token.
fn decimals_after(text: &str, toks: &[Tok], k: usize) -> Option<(String, usize)> {
    let mut digits = String::new();
    let mut m = k;
    let mut last = None;
    while adjacent(text, toks, m) {
        match lex_at(text, toks, m) {
            Some(Lex::Small(v)) => {
                digits.push_str(&(v as u32).to_string());
                last = Some(m);
                m += 1;
            }
            Some(Lex::Tens(t)) => {
                let mut v = t;
                let mut l = m;
                if punct_is(text, toks, m + 1, "-") {
                    if let Some(Lex::Small(u)) = lex_at(text, toks, m + 2) {
                        v += u;
                        l = m + 2;
                    }
                }
                digits.push_str(&(v as u32).to_string());
                last = Some(l);
                m = l + 1;
            }
            _ => break,
        }
    }
    Some((digits, last?))
}

/// `phrase`, extended by what can follow a number: compound denominators ("one twenty-fifth"),
/// added fractions ("forty two and a third"), quotients ("one over three", "1 in 5"), decimals
/// in words ("five point five"), powers ("1.1^23", "1.3x10^6"), digit fractions ("1 4/5",
/// "2½") and thousands grouped by thin spaces ("1 234 567").
fn number_at(text: &str, toks: &[Tok], i: usize) -> Option<Phrase> {
    let single = |last: usize, value: f64, words_only: bool| Phrase {
        first: i,
        last,
        value,
        ordinal: false,
        words_only,
        unit: None,
    };
    let Some(mut p) = phrase(text, toks, i) else {
        if let Some((v, last)) = digit_fraction(text, toks, i) {
            return Some(single(last, v, false));
        }
        // "a fifth of the vote", "a twenty-first"; "a fifth term" is a rank.
        let (v, last) = fraction_at(text, toks, i)?;
        let next = toks.get(last + 1);
        let ends =
            next.is_none_or(|n| n.kind == Kind::Punct || word_is(text, toks, last + 1, "of"));
        return ends.then(|| single(last, v, true));
    };
    if p.ordinal {
        return Some(p);
    }
    let n = p.last;
    if p.unit.as_deref() == Some("x") {
        // "1.3x10^6".
        if plain_digits(text, toks.get(n + 1)?) == Some(10.0) && glued(toks, n + 1) {
            if let Some((e, last)) = exponent_after(text, toks, n + 1) {
                p.value *= 10f64.powi(e);
                p.last = last;
                p.unit = None;
            }
        }
        return Some(p);
    }
    if p.unit.is_some() {
        return Some(p);
    }
    if let Some((e, last)) = exponent_after(text, toks, n).filter(|_| !p.words_only) {
        p.value = p.value.powi(e);
        p.last = last;
        return Some(p);
    }
    if !p.words_only && p.first == n {
        if let Some(v) = toks
            .get(n + 1)
            .filter(|_| glued(toks, n + 1))
            .and_then(|t| vulgar(word(text, t)))
        {
            p.value += v;
            p.last = n + 1;
            return Some(p);
        }
        if let Some((v, last)) =
            digit_fraction(text, toks, n + 1).filter(|_| adjacent(text, toks, n + 1))
        {
            p.value += v;
            p.last = last;
            return Some(p);
        }
        // "1 234 567": three-digit groups after one to three digits, one (thin) space apart.
        let lead = text.get(toks[n].start..toks[n].end).unwrap_or("");
        if lead.len() <= 3 && plain_digits(text, &toks[n]).is_some() {
            let mut m = n + 1;
            while let Some(t) = toks.get(m) {
                let g = text.get(toks[m - 1].end..t.start).unwrap_or("");
                let d = text.get(t.start..t.digits_end).unwrap_or("");
                let int = d.split('.').next().unwrap_or("");
                if !matches!(g, " " | "\u{202f}" | "\u{a0}")
                    || t.kind != Kind::Num
                    || t.digits_end != t.end
                    || int.len() != 3
                    || d.contains(',')
                {
                    break;
                }
                m += 1;
                if d.contains('.') {
                    break;
                }
            }
            if m > n + 1 {
                let mut digits = lead.to_string();
                for t in &toks[n + 1..m] {
                    digits.push_str(text.get(t.start..t.digits_end).unwrap_or(""));
                }
                if let Ok(v) = digits.parse() {
                    p.value = v;
                    p.last = m - 1;
                    return Some(p);
                }
            }
        }
    }
    if p.words_only {
        if word_is(text, toks, n + 1, "point") && adjacent(text, toks, n + 1) {
            if let Some((d, last)) = decimals_after(text, toks, n + 2) {
                if let Ok(f) = format!("0.{d}").parse::<f64>() {
                    p.value += f;
                    p.last = last;
                    return Some(p);
                }
            }
        }
        if let Some((d, pl, last)) = denominator_after(text, toks, n) {
            if pl == (p.value != 1.0) && p.value < d && p.value >= 1.0 {
                p.value /= d;
                p.last = last;
                return Some(p);
            }
        }
        // "two thirds of a million".
        if p.value < 1.0
            && word_is(text, toks, n + 1, "of")
            && (word_is(text, toks, n + 2, "a") || word_is(text, toks, n + 2, "an"))
        {
            if let Some(Lex::Scale(s)) = lex_at(text, toks, n + 3) {
                p.value *= s;
                p.last = n + 3;
                return Some(p);
            }
        }
    }
    if word_is(text, toks, n + 1, "and") && adjacent(text, toks, n + 1) {
        if let Some((f, last)) = fraction_at(text, toks, n + 2) {
            // "two million and three fifths" is 2.6 million.
            let scale = match lex_at(text, toks, n) {
                Some(Lex::Scale(s)) => s,
                _ => 1.0,
            };
            p.value += f * scale;
            p.last = last;
            return Some(p);
        }
    }
    // Quotients: "one over three", "1 in twenty-one", "one out of three".
    let (k, within) = if word_is(text, toks, n + 1, "over") {
        (n + 2, false)
    } else if word_is(text, toks, n + 1, "in") {
        (n + 2, true)
    } else if word_is(text, toks, n + 1, "out") && word_is(text, toks, n + 2, "of") {
        (n + 3, true)
    } else {
        return Some(p);
    };
    if !adjacent(text, toks, n + 1) || !adjacent(text, toks, k) {
        return Some(p);
    }
    if let Some(q) = phrase(text, toks, k) {
        let unit_next = toks
            .get(q.last + 1)
            .is_some_and(|t| t.kind == Kind::Word && time_unit(word(text, t)).is_some());
        if !q.ordinal
            && q.unit.is_none()
            && q.value != 0.0
            && !unit_next
            && (!within || p.value <= q.value)
        {
            p.value /= q.value;
            p.last = q.last;
        }
    }
    Some(p)
}

/// Whether the word at `i` can start a number phrase; checked first because most words cannot.
fn starts_number(text: &str, toks: &[Tok], i: usize) -> bool {
    let w = word(text, &toks[i]);
    if w.eq_ignore_ascii_case("a") || w.eq_ignore_ascii_case("an") {
        return lex_at(text, toks, i + 1).is_some();
    }
    lookup(w).is_some()
}

/// Every word `starts_number` takes but "a" and "an" (which need one of them next), for
/// `keywords`.
pub(crate) fn number_words() -> impl Iterator<Item = &'static str> {
    WORDS.iter().map(|&(w, _)| w).chain(LEADS.iter().copied())
}

/// Words other than `WORDS` that start a number: vague quantities and relative ordinals ("last",
/// "next to last").
#[rustfmt::skip]
const LEADS: &[&str] = &[
    "several", "few", "dozens", "tens", "hundreds", "thousands", "millions", "billions", "last",
    "next", "previous", "current", "penultimate", "antepenultimate",
];

/// The value of the scale word just before token `j` ("million" in "3 million and a half").
fn scale_of(text: &str, toks: &[Tok], j: usize) -> f64 {
    match j.checked_sub(1).and_then(|k| lex_at(text, toks, k)) {
        Some(Lex::Scale(s)) => s,
        _ => 1.0,
    }
}

/// "hundreds of", "several thousand", "dozens", "tens of thousands": (first, last, min, max).
fn vague(text: &str, toks: &[Tok], i: usize) -> Option<(usize, usize, f64, f64)> {
    let t = toks.get(i)?;
    if t.kind != Kind::Word {
        return None;
    }
    let mut buf = [0u8; 24];
    let w = lower(word(text, t), &mut buf)?;
    let plural_scale = |w: &str| -> Option<f64> {
        Some(match w {
            "hundreds" => 100.0,
            "thousands" => 1e3,
            "millions" => 1e6,
            "billions" => 1e9,
            _ => return None,
        })
    };
    let next_scale = |k: usize| -> Option<f64> {
        match lex_at(text, toks, k) {
            Some(Lex::Hundred) => Some(100.0),
            Some(Lex::Scale(s)) => Some(s),
            _ => None,
        }
    };
    match w {
        "several" | "few" => {
            let few = w == "few";
            if few && !(i >= 1 && word_is(text, toks, i - 1, "a")) {
                return None;
            }
            let first = if few { i - 1 } else { i };
            if let Some(s) = next_scale(i + 1).filter(|_| adjacent(text, toks, i + 1)) {
                let hi = if few { 5.0 } else { 9.0 };
                return Some((first, i + 1, 2.0 * s, hi * s));
            }
            if matches!(lex_at(text, toks, i + 1), Some(Lex::Dozen)) {
                return Some((first, i + 1, 24.0, if few { 60.0 } else { 108.0 }));
            }
            None
        }
        "dozens" => Some((i, i, 24.0, 144.0)),
        "tens" if word_is(text, toks, i + 1, "of") => {
            let mut buf2 = [0u8; 24];
            let s = toks
                .get(i + 2)
                .and_then(|n| lower(word(text, n), &mut buf2).and_then(plural_scale))?;
            Some((i, i + 2, 20.0 * s, 99.0 * s))
        }
        _ => {
            let s = plural_scale(w)?;
            if i >= 1 && (toks[i - 1].kind == Kind::Num || lex_at(text, toks, i - 1).is_some()) {
                return None;
            }
            // "hundreds of thousands".
            if word_is(text, toks, i + 1, "of") {
                let mut buf2 = [0u8; 24];
                if let Some(s2) = toks
                    .get(i + 2)
                    .and_then(|n| lower(word(text, n), &mut buf2).and_then(plural_scale))
                {
                    return Some((i, i + 2, 2.0 * s * s2, 9.99 * s * s2));
                }
            }
            Some((i, i, 2.0 * s, 9.99 * s))
        }
    }
}

#[derive(Clone, Copy, PartialEq, Debug)]
enum Bound {
    About,
    Nearly,
    AtLeast,
    AtMost,
}

/// Bound words ending just before token `i`: (first token of the modifier, bound).
fn bound_before(text: &str, toks: &[Tok], i: usize) -> Option<(usize, Bound)> {
    if i == 0 {
        return None;
    }
    let (mut b1, mut b2, mut b3) = ([0u8; 24], [0u8; 24], [0u8; 24]);
    let w1 = lower_at(text, toks, Some(i - 1), &mut b1);
    let w2 = lower_at(text, toks, i.checked_sub(2), &mut b2);
    let w3 = lower_at(text, toks, i.checked_sub(3), &mut b3);
    let two = |a: &str, b: &str| w2 == a && w1 == b;
    if w3 == "in" && two("excess", "of") {
        return Some((i - 3, Bound::AtLeast));
    }
    if w3 == "no" && (two("more", "than") || two("greater", "than")) {
        return Some((i - 3, Bound::AtMost));
    }
    if w3 == "no" && (two("fewer", "than") || two("less", "than")) {
        return Some((i - 3, Bound::AtLeast));
    }
    if w3 == "as" && (two("many", "as") || two("much", "as")) {
        return Some((i - 3, Bound::AtMost));
    }
    if w3 == "a" && two("minimum", "of") {
        return Some((i - 3, Bound::AtLeast));
    }
    if w3 == "a" && two("maximum", "of") {
        return Some((i - 3, Bound::AtMost));
    }
    if two("at", "least")
        || two("more", "than")
        || two("greater", "than")
        || two("upwards", "of")
        || two("just", "over")
        || two("well", "over")
    {
        return Some((i - 2, Bound::AtLeast));
    }
    if two("up", "to") || two("less", "than") || two("fewer", "than") || two("at", "most") {
        return Some((i - 2, Bound::AtMost));
    }
    if two("close", "to") || two("just", "under") || two("just", "shy") {
        return Some((i - 2, Bound::Nearly));
    }
    if two("an", "estimated") {
        return Some((i - 2, Bound::About));
    }
    match w1 {
        "about" | "approximately" | "approx" | "around" | "roughly" | "some" | "estimated"
        | "circa" | "nearly" | "almost"
            if !w1.is_empty() =>
        {
            let b = if w1 == "nearly" || w1 == "almost" {
                Bound::Nearly
            } else {
                Bound::About
            };
            Some((i - 1, b))
        }
        "over" | "above" | "exceeding" => Some((i - 1, Bound::AtLeast)),
        "under" | "below" => Some((i - 1, Bound::AtMost)),
        _ => None,
    }
}

fn apply_bound(b: Option<Bound>, lo: f64, hi: f64) -> (f64, f64) {
    match b {
        None => (lo, hi),
        Some(Bound::About) => (lo * 0.9, hi * 1.1),
        Some(Bound::Nearly) => (lo * 0.9, hi),
        Some(Bound::AtLeast) => (lo, f64::INFINITY),
        Some(Bound::AtMost) => (0.0, hi),
    }
}

/// A currency's name or code, where one word says which currency it is. "Francs", "pesos",
/// "marks" and "rand" are left out: several countries' currencies, or ordinary words.
fn currency_word(w: &str) -> Option<&'static str> {
    let mut buf = [0u8; 24];
    Some(match lower(w, &mut buf)? {
        "dollar" | "dollars" | "usd" => "USD",
        "euro" | "euros" | "eur" => "EUR",
        "pound" | "pounds" | "gbp" | "sterling" => "GBP",
        "won" | "krw" => "KRW",
        "yuan" | "renminbi" | "cny" | "rmb" => "CNY",
        "yen" | "jpy" => "JPY",
        "rouble" | "roubles" | "ruble" | "rubles" | "rub" => "RUB",
        "rupee" | "rupees" | "inr" => "INR",
        "lira" | "liras" => "TRY",
        "hryvnia" | "hryvnias" | "hryvnas" | "uah" => "UAH",
        "zloty" | "zlotys" | "zlotych" | "pln" => "PLN",
        "shekel" | "shekels" => "ILS",
        "baht" | "thb" => "THB",
        "ringgit" | "myr" => "MYR",
        "rupiah" | "idr" => "IDR",
        "naira" | "ngn" => "NGN",
        "peseta" | "pesetas" => "ESP",
        "guilder" | "guilders" => "NLG",
        "markka" | "markkaa" => "FIM",
        "chf" => "CHF",
        "aud" => "AUD",
        "bitcoin" | "bitcoins" | "btc" => "BTC",
        _ => return None,
    })
}

/// A currency named by a country's adjective and a name several currencies share: "Swiss
/// francs", "US dollars", "Turkish lira", "Mexican pesos".
fn currency_named(country: &str, name: &str) -> Option<&'static str> {
    let (mut a, mut b) = ([0u8; 24], [0u8; 24]);
    let country = lower(country, &mut a)?;
    let name = lower(name, &mut b)?;
    let name = name.strip_suffix('s').unwrap_or(name);
    Some(match (country, name) {
        ("us" | "u.s." | "american", "dollar") => "USD",
        ("canadian", "dollar") => "CAD",
        ("australian", "dollar") => "AUD",
        ("singapore", "dollar") => "SGD",
        ("taiwan" | "taiwanese", "dollar") => "TWD",
        ("swiss", "franc") => "CHF",
        ("french", "franc") => "FRF",
        ("belgian", "franc") => "BEF",
        ("turkish", "lira") => "TRY",
        ("italian", "lira" | "lire") => "ITL",
        ("dutch", "guilder") => "NLG",
        ("finnish", "markka") => "FIM",
        ("german" | "deutsche", "mark") => "DEM",
        ("chinese", "yuan") => "CNY",
        ("japanese", "yen") => "JPY",
        ("indian", "rupee") => "INR",
        ("pakistani", "rupee") => "PKR",
        ("mexican", "peso") => "MXN",
        ("philippine", "peso") => "PHP",
        ("argentine" | "argentinian", "peso") => "ARS",
        ("chilean", "peso") => "CLP",
        ("colombian", "peso") => "COP",
        ("brazilian", "real" | "reai") => "BRL",
        ("saudi", "riyal") => "SAR",
        ("norwegian", "krone" | "kroner") => "NOK",
        ("danish", "krone" | "kroner") => "DKK",
        ("swedish", "krona" | "kronor") => "SEK",
        ("russian", "rouble" | "ruble") => "RUB",
        ("british", "pound") => "GBP",
        ("egyptian", "pound") => "EGP",
        _ => return None,
    })
}

fn currency_sign(p: &str) -> Option<&'static str> {
    Some(match p {
        "$" => "USD",
        "€" => "EUR",
        "£" => "GBP",
        "¥" => "JPY",
        "₩" => "KRW",
        "₽" => "RUB",
        "₹" => "INR",
        "₺" => "TRY",
        "₴" => "UAH",
        "₪" => "ILS",
        "₦" => "NGN",
        "₱" => "PHP",
        "₫" => "VND",
        "₿" => "BTC",
        "₾" => "GEL",
        "₸" => "KZT",
        _ => return None,
    })
}

fn time_unit(w: &str) -> Option<&'static str> {
    let mut buf = [0u8; 24];
    Some(match lower(w, &mut buf)? {
        "second" | "seconds" => "second",
        "minute" | "minutes" => "minute",
        "hour" | "hours" => "hour",
        "day" | "days" => "day",
        "week" | "weeks" => "week",
        "month" | "months" => "month",
        "year" | "years" => "year",
        "decade" | "decades" => "decade",
        "century" | "centuries" => "century",
        _ => return None,
    })
}

/// Words that end a counted noun phrase before it starts or grows.
fn np_stop(w: &str) -> bool {
    NP_STOPS.get(w).is_some()
}

static NP_STOPS: LazyLock<Shelves<()>> =
    LazyLock::new(|| Shelves::new(NP_STOP.iter().map(|&w| (w, ()))));

#[rustfmt::skip]
const NP_STOP: &[&str] = &[
    "the", "a", "an", "of", "in", "on", "at", "to", "for", "from", "with", "by", "and", "or",
    "but", "than", "that", "which", "who", "whom", "whose", "is", "are", "was", "were", "be",
    "been", "being", "have", "has", "had", "will", "would", "could", "can", "may", "might", "must",
    "should", "shall", "do", "does", "did", "not", "as", "into", "over", "under", "after",
    "before", "since", "during", "per", "percent", "reportedly", "allegedly", "also", "each",
    "this", "these", "those", "their", "its", "his", "her", "our", "it", "they", "he", "she", "we",
    "you", "i", "there", "here", "more", "less", "fewer", "ago", "later", "earlier", "last",
    "next", "when", "where", "while", "if", "out", "up", "down", "between", "among", "against",
    "about", "around", "so", "such", "then", "again", "only", "just", "still", "already", "now",
    "across", "through", "toward", "towards", "including", "amid", "despite", "via", "both", "all",
    "some", "any", "no", "other", "another", "according", "said", "says", "say", "told", "one",
    "ones", "met", "went", "came", "took", "made", "gave", "saw", "held", "left", "fell", "rose",
    "lost", "began", "sent", "fled", "got", "became", "brought", "built", "bought", "fought",
    "led", "ran", "spent", "struck", "flew", "shot", "put", "set", "cut", "won", "saying",
    "having", "because", "without", "within", "unless", "until", "though", "although", "whether",
    "beyond", "upon", "behind", "near", "like", "once", "yet", "nor",
];

const IRREGULAR: &[(&str, &str)] = &[
    ("people", "people"),
    ("men", "man"),
    ("women", "woman"),
    ("children", "child"),
    ("police", "police"),
    ("personnel", "personnel"),
    ("staff", "staff"),
    ("lives", "life"),
    ("feet", "foot"),
    ("mice", "mouse"),
    ("geese", "goose"),
    ("teeth", "tooth"),
    ("series", "series"),
    ("species", "species"),
    ("news", "news"),
    ("aircraft", "aircraft"),
    ("cattle", "cattle"),
    ("data", "data"),
    ("criteria", "criterion"),
];

/// Singular lemma of a lower-case English noun, so "soldiers" and "soldier" compare equal.
pub fn singular(w: &str) -> String {
    let (keep, ending) = singular_parts(w);
    format!("{}{ending}", &w[..keep])
}

/// The singular of `w` as the first `keep` bytes of `w` followed by `ending`, so that `counted`
/// can reduce the head noun in the phrase it builds.
fn singular_parts(w: &str) -> (usize, &'static str) {
    if let Some((_, s)) = IRREGULAR.iter().find(|(p, _)| *p == w) {
        return (0, s);
    }
    if w.len() <= 3
        || w.ends_with("ss")
        || w.ends_with("us")
        || w.ends_with("is")
        || !w.ends_with('s')
    {
        return (w.len(), "");
    }
    if w.ends_with("ies") {
        return (w.len() - 3, "y");
    }
    if ["ches", "shes", "xes", "sses", "zzes"]
        .iter()
        .any(|suf| w.ends_with(suf))
    {
        return (w.len() - 2, "");
    }
    (w.len() - 1, "")
}

fn looks_plural(w: &str) -> bool {
    IRREGULAR.iter().any(|(p, s)| *p == w && p != s)
        || (w.len() > 3
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !w.ends_with("us")
            && !w.ends_with("is"))
}

/// The noun phrase counted by a number ending at token `k` (exclusive start `k`).
fn counted(text: &str, toks: &[Tok], mut k: usize) -> Option<String> {
    if word_is(text, toks, k, "of") && adjacent(text, toks, k) {
        k += 1;
        let mut buf = [0u8; 24];
        while toks.get(k).is_some_and(|t| {
            t.kind == Kind::Word
                && lower(word(text, t), &mut buf).is_some_and(|w| {
                    matches!(
                        w,
                        "the" | "their" | "its" | "his" | "her" | "these" | "those"
                    )
                })
        }) {
            k += 1;
        }
    }
    // The words found so far, lower-cased and joined by spaces; the last one starts at `head`.
    let mut phrase = String::new();
    let mut words = 0;
    let mut head = 0;
    let mut is_cap_phrase = true;
    let mut prev_end = toks.get(k.checked_sub(1)?)?.end;
    while words < 3 {
        let Some(t) = toks.get(k) else { break };
        let same_line = t.start >= prev_end
            && text
                .get(prev_end..t.start)
                .is_some_and(|g| g.trim().is_empty() && !g.contains('\n'));
        if t.kind != Kind::Word || !same_line {
            break;
        }
        let mut last = k;
        // Hyphenated modifiers: "Russian-backed", "long-range".
        while punct_is(text, toks, last + 1, "-")
            && toks.get(last + 2).is_some_and(|n| {
                n.kind == Kind::Word
                    && n.start == toks[last + 1].end
                    && toks[last + 1].start == toks[last].end
            })
        {
            last += 2;
        }
        // The words and their hyphens are glued, so the whole modifier is one slice.
        let w = text.get(t.start..toks[last].end).unwrap_or("");
        if np_stop(w) || (w.ends_with("ed") && !w.contains('-')) || w.ends_with("ly") {
            break;
        }
        // Names after a common noun belong to the next phrase: "first met Putin".
        if is_cap(w) && words > 0 && !is_cap_phrase {
            break;
        }
        is_cap_phrase &= is_cap(w);
        if words > 0 {
            phrase.push(' ');
        }
        head = phrase.len();
        let bare = w.trim_end_matches(['\'', '’']);
        if bare.is_ascii() {
            phrase.push_str(bare);
            phrase[head..].make_ascii_lowercase();
        } else {
            phrase.push_str(&bare.to_lowercase());
        }
        let lw = &phrase[head..];
        if let Some(owner) = lw.strip_suffix("’s").or_else(|| lw.strip_suffix("'s")) {
            phrase.truncate(head + owner.len());
        }
        let plural = looks_plural(&phrase[head..]) && !is_cap(w);
        words += 1;
        prev_end = toks[last].end;
        k = last + 1;
        if plural {
            break;
        }
    }
    if words == 0 {
        return None;
    }
    let (keep, ending) = singular_parts(&phrase[head..]);
    phrase.truncate(head + keep);
    phrase.push_str(ending);
    Some(phrase)
}

/// Finds the quantities of `toks` (one sentence), skipping tokens inside `blocked` byte ranges
/// (dates, URLs), and appends them to `out`.
/// Appends the quantities of a sentence of tokens `toks` to `out`, but none inside `blocked`.
/// `words` are the sentence's `keywords` families: without `NUMBER`, no word starts a number.
pub(crate) fn quantities(
    text: &str,
    toks: &[Tok],
    words: u8,
    blocked: &[(usize, usize)],
    out: &mut Vec<Quantity>,
) {
    let inside = |t: &Tok| blocked.iter().any(|&(a, b)| t.start < b && t.end > a);
    let plain = |start: usize, end: usize, v: f64| Quantity {
        text: text.get(start..end).unwrap_or("").to_string(),
        start,
        end,
        min: v,
        max: v,
        kind: QuantityKind::Count,
        counted: None,
        unit: None,
    };
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i];
        let candidate = match t.kind {
            Kind::Punct => {
                if let Some(v) = vulgar(word(text, &t)).filter(|_| !inside(&t)) {
                    out.push(plain(t.start, t.end, v));
                }
                false
            }
            Kind::Word => words & keywords::NUMBER != 0 && starts_number(text, toks, i),
            Kind::Num => true,
        };
        if !candidate || inside(&t) {
            i += 1;
            continue;
        }
        if let Some((first, last, position)) = relative::relative_at(text, toks, i)
            .filter(|&(first, last, _)| !toks[first..=last].iter().any(inside))
        {
            let (start, end) = (toks[first].start, toks[last].end);
            let offset = f64::from(position.offset);
            out.push(Quantity {
                kind: QuantityKind::RelativeOrdinal(position),
                ..plain(start, end, offset)
            });
            i = last + 1;
            continue;
        }
        // "22,24,26,31": comma groups that are not thousands are a list.
        let digits = text.get(t.start..t.digits_end).unwrap_or("");
        if t.kind == Kind::Num && digits.contains(',') && !digits_are_noise(text, toks, i) {
            if let Some(Digits::List(list)) = parse_digits(digits) {
                for (a, b, v) in list {
                    out.push(plain(t.start + a, t.start + b, v));
                }
                i += 1;
                continue;
            }
        }
        let (first, mut last, mut lo, mut hi, mut kind, mut unit, words_only) =
            if let Some((f, l, lo, hi)) = vague(text, toks, i) {
                (f, l, lo, hi, QuantityKind::Count, None, true)
            } else if let Some(p) = number_at(text, toks, i)
                .filter(|p| !toks[p.first..=p.last].iter().any(inside))
                .or_else(|| phrase(text, toks, i))
            {
                let kind = if p.ordinal {
                    QuantityKind::Ordinal
                } else {
                    QuantityKind::Count
                };
                (
                    p.first,
                    p.last,
                    p.value,
                    p.value,
                    kind,
                    p.unit,
                    p.words_only,
                )
            } else {
                i += 1;
                continue;
            };
        if toks[first..=last].iter().any(inside) {
            i = last + 1;
            continue;
        }
        // A bare "one" is usually a pronoun: "the one you mentioned", "one of the countries",
        // "one can imagine".
        if words_only && first == last && word(text, &toks[first]).eq_ignore_ascii_case("one") {
            let (mut b1, mut b2) = ([0u8; 24], [0u8; 24]);
            let prev = lower_at(text, toks, first.checked_sub(1), &mut b1);
            let next = lower_at(text, toks, Some(first + 1), &mut b2);
            if matches!(
                prev,
                "the"
                    | "this"
                    | "that"
                    | "which"
                    | "each"
                    | "any"
                    | "every"
                    | "no"
                    | "another"
                    | "a"
                    | "one"
                    | "only"
            ) || matches!(
                next,
                "of" | "another"
                    | "you"
                    | "is"
                    | "do"
                    | "does"
                    | "who"
                    | "that"
                    | "which"
                    | "or"
                    | "and"
                    | "can"
                    | "could"
                    | "should"
                    | "must"
                    | "might"
            ) || (prev == "by"
                && matches!(
                    next,
                    "count" | "estimate" | "account" | "measure" | "tally" | "reckoning"
                ))
            {
                i = last + 1;
                continue;
            }
        }
        // "the two countries", "their two leaders": a spelled-out two or three after a
        // determiner points back at things already named; it counts nothing new.
        if words_only && first == last && kind == QuantityKind::Count {
            let (mut b1, mut b2) = ([0u8; 24], [0u8; 24]);
            let w = lower_at(text, toks, Some(first), &mut b1);
            let prev = lower_at(text, toks, first.checked_sub(1), &mut b2);
            if matches!(w, "two" | "three")
                && matches!(
                    prev,
                    "the" | "their" | "these" | "those" | "its" | "his" | "her" | "our" | "both"
                )
                && counted(text, toks, last + 1).is_some()
            {
                i = last + 1;
                continue;
            }
        }
        // A spelled-out ordinal is a rank only before a noun or after a determiner: "first met" is
        // an adverb, "the first time" and "second term" are ranks.
        if kind == QuantityKind::Ordinal && words_only {
            let (mut b1, mut b2) = ([0u8; 24], [0u8; 24]);
            let prev = lower_at(text, toks, first.checked_sub(1), &mut b1);
            let owner = first
                .checked_sub(1)
                .map(|k| word(text, &toks[k]))
                .is_some_and(|p| ["'s", "'S", "’s", "’S"].iter().any(|s| p.ends_with(s)));
            let det = owner
                || matches!(
                    prev,
                    "the" | "a" | "an" | "its" | "his" | "her" | "their" | "our" | "this" | "that"
                );
            // "first" and "second" are also adverbs and a unit of time ("first met", "a
            // second"); other ordinal words are ranks unless they start a compound
            // ("third-party").
            let w = lower_at(text, toks, Some(last), &mut b2);
            let adverbial =
                first == last && matches!(w, "first" | "second" | "firstly" | "secondly");
            let placed = matches!(
                prev,
                "finished" | "came" | "comes" | "placed" | "ranked" | "ranks" | "finish"
            );
            let compound = punct_is(text, toks, last + 1, "-") && glued(toks, last + 1);
            let rank = !compound && (!adverbial || placed);
            if !det && !rank && counted(text, toks, last + 1).is_none() {
                i = last + 1;
                continue;
            }
        }
        let mut start_tok = first;
        // Negative numbers: "minus 5", "-1" after a space.
        if kind == QuantityKind::Count && first >= 1 {
            let pw = word(text, &toks[first - 1]);
            let is_minus_word =
                pw.eq_ignore_ascii_case("minus") || pw.eq_ignore_ascii_case("negative");
            let is_minus_sign = (pw == "-" || pw == "−")
                && toks[first - 1].end == toks[first].start
                && (first < 2 || toks[first - 2].end < toks[first - 1].start)
                && toks[first].kind == Kind::Num;
            if is_minus_word || is_minus_sign {
                lo = -lo;
                hi = -hi;
                start_tok = first - 1;
            }
        }
        // Money before the number: "$1.5 billion", "US$ 5", "USD 20".
        if start_tok >= 1 {
            let pt = toks[start_tok - 1];
            let pw = word(text, &pt);
            if let Some(c) = currency_sign(pw).filter(|_| pt.kind == Kind::Punct) {
                unit = Some(c.to_string());
                start_tok -= 1;
                if start_tok >= 1
                    && toks[start_tok - 1].end == toks[start_tok].start
                    && matches!(
                        word(text, &toks[start_tok - 1]),
                        "US" | "U.S." | "A" | "C" | "HK" | "NZ" | "S"
                    )
                {
                    let pre = word(text, &toks[start_tok - 1]);
                    if pre != "US" && pre != "U.S." {
                        unit = Some(format!("{}D", pre.trim_end_matches('.')));
                    }
                    start_tok -= 1;
                }
            } else if pt.kind == Kind::Word
                && pw.len() == 3
                && pw.chars().all(|c| c.is_ascii_uppercase())
            {
                if let Some(c) = currency_word(pw) {
                    unit = Some(c.to_string());
                    start_tok -= 1;
                }
            }
        }
        // Ranges: "10,000 to 12,000", "10,000-12,000", "between 5 and 7", "5 or 6".
        let mut k = last + 1;
        if kind == QuantityKind::Count {
            let between = start_tok >= 1
                && (word_is(text, toks, start_tok - 1, "between")
                    || word_is(text, toks, start_tok - 1, "from"));
            let sep = toks.get(k).map(|t| word(text, t)).unwrap_or("");
            let is_sep = matches!(sep, "-" | "–" | "—")
                || sep == "to"
                || sep == "and" && between
                || sep == "or";
            if is_sep
                && toks.get(k + 1).is_some_and(|n| !inside(n))
                && adjacent(text, toks, k)
                && adjacent(text, toks, k + 1)
            {
                let mut k2 = k + 1;
                let cur2 =
                    currency_sign(toks.get(k2).map(|t| word(text, t)).unwrap_or("")).is_some();
                if cur2 {
                    k2 += 1;
                }
                if let Some(p2) = number_at(text, toks, k2).filter(|p| {
                    !p.ordinal
                        && (!p.words_only || !word(text, &toks[p.first]).eq_ignore_ascii_case("a"))
                }) {
                    let (mut a, b) = (lo, p2.value);
                    // "10 to 12 million": the scale of the second end applies to the first.
                    if b > a * 100.0 && a.abs() < 1000.0 && p2.first == p2.last.saturating_sub(1) {
                        if let Some(Lex::Scale(s)) = lex_at(text, toks, p2.last) {
                            a *= s;
                        }
                    }
                    // "five or six" is a range; "5.00 or 5,00" and "10 bln or 10 tln" are two
                    // numbers.
                    let alternative = sep == "or" && (b <= a || b > 3.0 * a.max(1.0));
                    if b >= a && !alternative {
                        lo = a;
                        hi = b;
                        last = p2.last;
                        if between {
                            start_tok -= 1;
                        }
                        if p2.unit.is_some() && unit.is_none() {
                            unit = p2.unit;
                        }
                    }
                }
            }
        }
        k = last + 1;
        // Bounds before the number.
        let mut bound = None;
        if !(start_tok >= 1 && word_is(text, toks, start_tok - 1, "between")) {
            if let Some((bstart, b)) = bound_before(text, toks, start_tok) {
                bound = Some(b);
                start_tok = bstart;
            }
        }
        // Percentages, money and durations after the number.
        let next = toks.get(k).map(|t| word(text, t)).unwrap_or("");
        let glued = toks.get(k).is_some_and(|t| t.start == toks[last].end);
        if kind == QuantityKind::Count {
            if next == "%" && glued
                || next.eq_ignore_ascii_case("percent")
                || next.eq_ignore_ascii_case("pct")
                || next.eq_ignore_ascii_case("percentage")
            {
                kind = QuantityKind::Percent;
                if next.eq_ignore_ascii_case("percentage") && word_is(text, toks, k + 1, "points") {
                    unit = Some("pp".to_string());
                    k += 1;
                }
                last = k;
            } else if next.eq_ignore_ascii_case("per") && word_is(text, toks, k + 1, "cent") {
                kind = QuantityKind::Percent;
                last = k + 1;
            } else if start_tok >= 2
                && word_is(text, toks, start_tok - 1, "of")
                && (word_is(text, toks, start_tok - 2, "percent")
                    || (word_is(text, toks, start_tok - 2, "cent")
                        && word_is(text, toks, start_tok.saturating_sub(3), "per")))
                && !(start_tok >= 3 && toks[start_tok - 3].kind == Kind::Num)
            {
                // "per cent of 210": the amount named after the unit.
                kind = QuantityKind::Percent;
                start_tok = if word_is(text, toks, start_tok - 2, "cent") {
                    start_tok - 3
                } else {
                    start_tok - 2
                };
            } else if let Some(c) =
                currency_word(next).filter(|_| adjacent(text, toks, k) && unit.is_none())
            {
                unit = Some(c.to_string());
                last = k;
            } else if let Some(c) = toks
                .get(k + 1)
                .filter(|_| {
                    unit.is_none() && adjacent(text, toks, k) && adjacent(text, toks, k + 1)
                })
                .and_then(|t| currency_named(next, word(text, t)))
            {
                unit = Some(c.to_string());
                last = k + 1;
            } else if let Some(c) = currency_sign(next).filter(|_| {
                unit.is_none()
                    && toks[k].kind == Kind::Punct
                    && adjacent(text, toks, k)
                    && !toks.get(k + 1).is_some_and(|t| t.kind == Kind::Num)
            }) {
                // "5 €", "100₾": the sign after the amount, as much of Europe writes it; but in
                // "eight $1 million" the sign opens the next amount.
                unit = Some(c.to_string());
                last = k;
            } else if unit.is_none() {
                let mut d = k;
                let hyphen = punct_is(text, toks, d, "-") && glued;
                if hyphen {
                    d += 1;
                }
                if let Some(u) = toks
                    .get(d)
                    .filter(|t| t.kind == Kind::Word && (hyphen || adjacent(text, toks, d)))
                    .and_then(|t| time_unit(word(text, t)))
                {
                    kind = QuantityKind::Duration;
                    unit = Some(u.to_string());
                    last = d;
                    // "16-month-long", "72-year-old".
                    if punct_is(text, toks, d + 1, "-")
                        && (word_is(text, toks, d + 2, "long") || word_is(text, toks, d + 2, "old"))
                        && toks[d + 1].start == toks[d].end
                    {
                        last = d + 2;
                    }
                }
            }
        }
        let (lo, hi) = apply_bound(bound, lo, hi);
        let counted = match kind {
            QuantityKind::Duration => None,
            _ => counted(text, toks, last + 1),
        };
        let start = toks[start_tok].start;
        let end = toks[last].end;
        out.push(Quantity {
            text: text.get(start..end).unwrap_or("").to_string(),
            start,
            end,
            min: lo,
            max: hi,
            kind,
            counted,
            unit,
        });
        i = last + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tok::tokenize;

    pub(super) fn q(s: &str) -> Vec<Quantity> {
        let mut toks = vec![];
        tokenize(s, 0, s.len(), &mut toks);
        let mut out = vec![];
        let words = keywords::families(s, &toks);
        for i in 0..toks.len() {
            assert!(
                words & keywords::NUMBER != 0 || !starts_number(s, &toks, i),
                "{s}"
            );
        }
        quantities(s, &toks, words, &[], &mut out);
        out
    }

    fn one(s: &str) -> Quantity {
        let v = q(s);
        assert_eq!(v.len(), 1, "{s}: {v:?}");
        v.into_iter().next().unwrap()
    }

    #[test]
    fn digits_and_separators() {
        assert_eq!(one("subject to 5,532 sanctions").min, 5532.0);
        assert_eq!(
            one("subject to 5,532 sanctions").counted.as_deref(),
            Some("sanction")
        );
        assert_eq!(one("1.5 times").min, 1.5);
        assert_eq!(one("1.2 million people").max, 1_200_000.0);
        assert_eq!(one("1.2 million people").counted.as_deref(), Some("people"));
        assert_eq!(one("100k").min, 100_000.0);
    }

    #[test]
    fn number_words() {
        assert_eq!(one("six hundred soldiers").min, 600.0);
        assert_eq!(one("a dozen drones").min, 12.0);
        assert_eq!(one("twenty-three missiles").min, 23.0);
        assert_eq!(one("two countries").min, 2.0);
        assert_eq!(one("one hundred and sixty-one").min, 161.0);
        assert_eq!(one("two thirds").min, 2.0 / 3.0);
        assert_eq!(one("one and a half million").min, 1_500_000.0);
        assert!(q("a man walked in").is_empty());
        assert!(q("one of the countries").is_empty());
        assert!(q("By one count, prices rose.").is_empty());
        assert!(q("As one can imagine, prices rose.").is_empty());
        assert!(q("Support for CentOS 7 ends soon.").is_empty());
        assert!(q("The storm became a Category 5 hurricane.").is_empty());
        assert_eq!(q("On Monday 12 people died.").len(), 1);
        assert_eq!(q("Earthquake Kills 12 In Turkey").len(), 1);
        assert_eq!(q("Russia sent 12 ships.").len(), 1);
        assert_eq!(q("Biden won 39 of South Carolina's 54 delegates.").len(), 2);
        assert_eq!(q("The poll had Biden 47% and Trump 40%.").len(), 2);
        assert_eq!(
            one("We can reduce costs by 75% without leaving anyone out.").counted,
            None
        );
        assert_eq!(
            one("I can't say that with 100% confidence because we did not test it.")
                .counted
                .as_deref(),
            Some("confidence")
        );
        assert!(q("the two countries signed").is_empty());
        assert!(q("their three leaders met").is_empty());
        assert_eq!(q("two countries signed").len(), 1);
        assert_eq!(q("the 200 soldiers").len(), 1);
    }

    #[test]
    fn money() {
        let m = one("a $1.5 billion deal");
        assert_eq!(
            (m.min, m.unit.as_deref(), m.counted.as_deref()),
            (1.5e9, Some("USD"), Some("deal"))
        );
        assert_eq!(one("500 million won").unit.as_deref(), Some("KRW"));
        assert_eq!(one("€20").unit.as_deref(), Some("EUR"));
        assert_eq!(one("3 billion yuan").min, 3e9);
    }

    #[test]
    fn currencies_named_after_the_amount() {
        for (s, min, unit) in [
            ("a fine of 40,000 Swiss francs", 40_000.0, "CHF"),
            ("it raised 120 million Dutch guilders", 120e6, "NLG"),
            ("paid 15 US dollars each", 15.0, "USD"),
            ("worth 2.5 billion hryvnias", 2.5e9, "UAH"),
            ("a ticket costs 20 €", 20.0, "EUR"),
            ("sold 3.2 bitcoin", 3.2, "BTC"),
        ] {
            let m = one(s);
            assert_eq!((m.min, m.unit.as_deref()), (min, Some(unit)), "{s}");
        }
        // A country's adjective alone names no currency: "French" before "fries" is no franc.
        assert_eq!(one("ate 12 French fries").unit, None);
        assert_eq!(q("eight $3 million salaries")[0].unit, None);
    }

    #[test]
    fn bounds_and_ranges() {
        let a = one("approximately 600 North Korean soldiers have lost their lives");
        assert_eq!((a.min, a.max), (540.0, 660.0));
        assert_eq!(a.text, "approximately 600");
        assert_eq!(a.counted.as_deref(), Some("north korean soldier"));
        let m = one("more than 10,000 troops");
        assert_eq!((m.min, m.max), (10_000.0, f64::INFINITY));
        assert_eq!(m.counted.as_deref(), Some("troop"));
        let n = one("nearly 100 people");
        assert_eq!((n.min, n.max), (90.0, 100.0));
        let u = one("up to 300 km");
        assert_eq!((u.min, u.max), (0.0, 300.0));
        let r = one("10,000 to 12,000 troops");
        assert_eq!((r.min, r.max), (10_000.0, 12_000.0));
        let r = one("10,000-12,000 troops");
        assert_eq!((r.min, r.max), (10_000.0, 12_000.0));
        let r = one("between 5 and 7 missiles");
        assert_eq!(
            (r.min, r.max, r.text.as_str()),
            (5.0, 7.0, "between 5 and 7")
        );
    }

    #[test]
    fn vague_amounts() {
        let h = one("hundreds of soldiers");
        assert_eq!(
            (h.min, h.max, h.counted.as_deref()),
            (200.0, 999.0, Some("soldier"))
        );
        let s = one("several hundred people");
        assert_eq!((s.min, s.max), (200.0, 900.0));
        assert_eq!(
            (one("dozens of drones").min, one("dozens of drones").max),
            (24.0, 144.0)
        );
        assert_eq!(one("tens of thousands of people").min, 20_000.0);
    }

    #[test]
    fn kinds() {
        let o = one("Putin's 72nd birthday");
        assert_eq!(
            (o.kind, o.min, o.counted.as_deref()),
            (QuantityKind::Ordinal, 72.0, Some("birthday"))
        );
        assert_eq!(one("the first time").kind, QuantityKind::Ordinal);
        for (s, v) in [
            ("the two hundred and first day", 201.0),
            ("one thousand and first night", 1001.0),
            ("its one hundred and twenty-fifth anniversary", 125.0),
        ] {
            let o = one(s);
            assert_eq!((o.kind, o.min), (QuantityKind::Ordinal, v), "{s}");
        }
        assert_eq!(q("two hundred and first-time buyers")[0].min, 200.0);
        let p = one("rose 40% last year");
        assert_eq!((p.kind, p.min), (QuantityKind::Percent, 40.0));
        assert_eq!(one("twenty percent").kind, QuantityKind::Percent);
        let d = one("its 16-month-long conflict");
        assert_eq!(
            (d.kind, d.min, d.unit.as_deref(), d.text.as_str()),
            (QuantityKind::Duration, 16.0, Some("month"), "16-month-long")
        );
        let d = one("over the past two decades");
        assert_eq!(
            (d.kind, d.unit.as_deref()),
            (QuantityKind::Duration, Some("decade"))
        );
    }

    #[test]
    fn noise_is_not_a_number() {
        assert!(q("call 555-123-4567 now").is_empty());
        assert!(q("at 10:30 today").is_empty());
        assert!(q("see www.x.com/a/123 and F-16 jets")
            .iter()
            .all(|x| x.min != 16.0));
        assert!(q("192.168.1.2").is_empty());
        assert!(q("").is_empty());
    }

    #[test]
    fn fractions_powers_and_words() {
        let v = |s: &str| one(s).min;
        assert_eq!(v("a fifth of the vote"), 0.2);
        assert_eq!(one("a fifth term").kind, QuantityKind::Ordinal);
        assert_eq!(v("one twenty-fifth"), 0.04);
        assert_eq!(v("one-eighth"), 0.125);
        assert_eq!(v("forty two and a third"), 42.0 + 1.0 / 3.0);
        assert_eq!(v("one hundred and three quarters"), 100.75);
        assert_eq!(v("two million and three fifths"), 2_600_000.0);
        assert_eq!(v("three hundred and two dozens"), 324.0);
        assert_eq!(v("one over three"), 1.0 / 3.0);
        assert_eq!(v("1 in 5 adults"), 0.2);
        assert_eq!(v("2  1/4"), 2.25);
        assert_eq!(v("the result is ⅔"), 2.0 / 3.0);
        assert_eq!(v("nine point nought four"), 9.04);
        assert_eq!(v("12.32e+14"), 1.232e15);
        assert_eq!(v("1.3x10^6"), 1_300_000.0);
        assert_eq!(v("1 234 567"), 1_234_567.0);
        assert_eq!(v("one billion and a half million"), 1_000_500_000.0);
        assert_eq!(one("three trillionth").min, 3e12);
        assert_eq!(one("twenty-first").kind, QuantityKind::Ordinal);
        assert!(q("They first met in Seoul").is_empty());
        assert_eq!(q("in 5 over 3 days").len(), 2);
    }

    #[test]
    fn alternatives_and_lists() {
        assert_eq!(q("either 10 bln or 10 tln").len(), 2);
        let r = one("five or six people");
        assert_eq!((r.min, r.max), (5.0, 6.0));
        assert_eq!(q("Exercises nrs. 22,24,26,31.").len(), 4);
        let p = one("per cent of 210");
        assert_eq!((p.kind, p.min), (QuantityKind::Percent, 210.0));
        assert_eq!(q("3 hundred and 2 hundred").len(), 2);
    }

    #[test]
    fn every_number_word_is_found() {
        for &(w, l) in WORDS {
            assert_eq!(lex(w), Some(l), "{w}");
            assert_eq!(lex(&w.to_uppercase()), Some(l), "{w}");
        }
        assert_eq!(lex("seconds"), None);
        assert_eq!(lex("the"), None);
        for w in LEADS {
            let s = format!("{w} thousand");
            let mut toks = vec![];
            tokenize(&s, 0, s.len(), &mut toks);
            assert!(starts_number(&s, &toks, 0), "{w}");
            assert!(starts_number(&s.to_uppercase(), &toks, 0), "{w}");
        }
        assert!(!starts_number(
            "the",
            &[Tok {
                start: 0,
                end: 3,
                kind: Kind::Word,
                digits_end: 0
            }],
            0
        ));
    }

    #[test]
    fn digits_read_as_parsing_them_does() {
        let mut cases: Vec<String> = [
            "0",
            "007",
            ".5",
            "3.14159",
            "1,234.56",
            "1e10",
            "2.5E-3",
            "123456789012345",
            "1234567890123456",
            "12345678901234.5",
            "0.000000000000001",
        ]
        .map(String::from)
        .into();
        for n in (0..200_000u64).step_by(7) {
            cases.push(format!("{n}"));
            cases.push(format!("{}.{}", n / 1000, n % 1000));
            cases.push(format!("{}.{:05}", n % 97, n));
        }
        for c in &cases {
            assert_eq!(without_commas(c), without_commas_slow(c), "{c}");
        }
    }

    #[test]
    fn noun_phrase_stops_are_found_in_any_case() {
        for w in NP_STOP {
            assert!(np_stop(w) && np_stop(&w.to_uppercase()), "{w}");
        }
        assert!(!np_stop("soldiers") && !np_stop("thee") && !np_stop(""));
    }

    #[test]
    fn singular_lemmas() {
        for (p, s) in [
            ("soldiers", "soldier"),
            ("casualties", "casualty"),
            ("lives", "life"),
            ("missiles", "missile"),
            ("launches", "launch"),
            ("people", "people"),
            ("status", "status"),
        ] {
            assert_eq!(singular(p), s);
        }
    }
}
