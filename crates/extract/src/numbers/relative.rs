//! Relative ordinals: positions named from the end of a list or from the item at hand rather
//! than by number ("the last", "next", "the second to last", "penultimate"), after the English
//! grammar of Recognizers-Text.
//!
//! "Last", "next" and "current" are also dates, verbs and prepositions in news text. Before a
//! unit of time or a date word ("last week", "next two months", "last Tuesday") they belong to the
//! date parser; "will last", "at last" and "next to the embassy" name no position at all.

use super::{
    adjacent, glued, is_ordinal_suffix, lex_at, number_at, punct_is, time_unit, word, word_is, Lex,
};
use crate::tok::{day_or_month_name, is_cap, lower, Kind, Tok};
use model::{Anchor, Relative};

/// A relative ordinal starting at token `i`: (first token, last token, position). The span may
/// start before `i` when "the" belongs to it ("the second to last").
pub(super) fn relative_at(text: &str, toks: &[Tok], i: usize) -> Option<(usize, usize, Relative)> {
    if let Some(found) = counted_back(text, toks, i) {
        return Some(found);
    }
    let mut buf = [0u8; 24];
    let w = toks
        .get(i)
        .filter(|t| t.kind == Kind::Word)
        .and_then(|t| lower(word(text, t), &mut buf))?;
    // "the one before the last (one)".
    if w == "one" {
        let last = words_follow(text, toks, i + 1, &["before", "the", "last"])?;
        let last = words_follow(text, toks, last + 1, &["one"]).unwrap_or(last);
        return Some((with_the(text, toks, i), last, end(-1)));
    }
    let position = relative_word(w)?;
    if w == "next" {
        if let Some(last) = words_follow(text, toks, i + 1, &["to", "last"]) {
            return Some((i, last, end(-1)));
        }
    }
    if w == "last" {
        if let Some(last) = words_follow(text, toks, i + 1, &["but", "one"]) {
            return Some((with_the(text, toks, i), last, end(-1)));
        }
    }
    if names_no_position(text, toks, i, w) {
        return None;
    }
    // "next one", "the last one": the pronoun stands for the item, it counts nothing; "the last
    // one hundred" counts.
    let last = words_follow(text, toks, i + 1, &["one"])
        .filter(|&k| number_at(text, toks, k).is_some_and(|p| p.last == k))
        .unwrap_or(i);
    Some((i, last, position))
}

/// The single words of the grammar and the position each names.
fn relative_word(w: &str) -> Option<Relative> {
    Some(match w {
        "last" => end(0),
        "penultimate" => end(-1),
        "antepenultimate" => end(-2),
        "next" => current(1),
        "previous" => current(-1),
        "current" => current(0),
        _ => return None,
    })
}

fn end(offset: i32) -> Relative {
    Relative {
        anchor: Anchor::End,
        offset,
    }
}

fn current(offset: i32) -> Relative {
    Relative {
        anchor: Anchor::Current,
        offset,
    }
}

/// "The second to last", "third from last", "2nd-to-last": the n-th counted back from the end,
/// which is the end − (n − 1). "First to last" is a whole range, not a position.
fn counted_back(text: &str, toks: &[Tok], i: usize) -> Option<(usize, usize, Relative)> {
    let t = toks.get(i)?;
    let n = match t.kind {
        Kind::Word => match lex_at(text, toks, i)? {
            Lex::Ord(n, false) => n,
            _ => return None,
        },
        Kind::Num if is_ordinal_suffix(text.get(t.digits_end..t.end)?) => {
            text.get(t.start..t.digits_end)?.parse().ok()?
        }
        _ => return None,
    };
    if n < 2.0 {
        return None;
    }
    let last = words_follow(text, toks, i + 1, &["to", "last"])
        .or_else(|| words_follow(text, toks, i + 1, &["from", "last"]))?;
    Some((with_the(text, toks, i), last, end(1 - n as i32)))
}

/// `i`, or the "the" just before it, which upstream writes as part of "the second to last".
fn with_the(text: &str, toks: &[Tok], i: usize) -> usize {
    if i >= 1 && word_is(text, toks, i - 1, "the") && adjacent(text, toks, i) {
        i - 1
    } else {
        i
    }
}

/// The last token of `words` when they follow from token `k` on, each after a space or a hyphen
/// ("to last", "-to-last").
fn words_follow(text: &str, toks: &[Tok], mut k: usize, words: &[&str]) -> Option<usize> {
    let mut last = None;
    for w in words {
        if punct_is(text, toks, k, "-") && glued(toks, k) && glued(toks, k + 1) {
            k += 1;
        } else if !adjacent(text, toks, k) {
            return None;
        }
        if !word_is(text, toks, k, w) {
            return None;
        }
        last = Some(k);
        k += 1;
    }
    last
}

/// Uses of a relative word that name no position in a list: dates and periods ("last week",
/// "next two months"; "penultimate" is no date word), compounds ("last-minute",
/// "next-generation", as "third-party" is no rank), the preposition "next to", the noun "current"
/// ("swept away by the current": the adjective always has its noun after it), the verb "last"
/// ("will last", "did not last"), the idiom "at (long) last", and verbs and adverbs that end a
/// clause ("will the truce last?", "spoke next").
fn names_no_position(text: &str, toks: &[Tok], i: usize, w: &str) -> bool {
    let dated = matches!(w, "last" | "next" | "previous" | "current");
    // A noun phrase may start with a number: "next 3 books".
    let word_follows = toks.get(i + 1).is_some_and(|t| t.kind != Kind::Punct);
    let mut buf = [0u8; 24];
    let prev = i.checked_sub(1).and_then(|k| toks.get(k)).map_or("", |t| {
        let raw = word(text, t);
        lower(raw, &mut buf).unwrap_or(raw)
    });
    (dated && time_follows(text, toks, i + 1))
        || (punct_is(text, toks, i + 1, "-") && glued(toks, i + 1))
        || (w == "next" && word_is(text, toks, i + 1, "to"))
        || (w == "current" && !word_follows)
        || (w == "last" && verb_or_idiom_after(prev))
        || (!word_follows && !names_bare_position(prev))
}

/// Words before "last" that make it the verb ("will last", "didn't last") or the idiom "at
/// (long) last". `prev` is lower-case.
pub(crate) fn verb_or_idiom_after(prev: &str) -> bool {
    prev.ends_with("n't")
        || prev.ends_with("n’t")
        || matches!(
            prev,
            "to" | "will"
                | "would"
                | "could"
                | "can"
                | "may"
                | "might"
                | "must"
                | "should"
                | "shall"
                | "not"
                | "did"
                | "does"
                | "do"
                | "at"
                | "long"
        )
}

/// Words after which a relative word with no noun after it still names a position: a determiner
/// ("the last."), a verb of placing ("finished last") or a quotation mark ("“next” or “last”").
fn names_bare_position(prev: &str) -> bool {
    matches!(
        prev,
        "the"
            | "a"
            | "an"
            | "this"
            | "that"
            | "its"
            | "his"
            | "her"
            | "their"
            | "our"
            | "my"
            | "your"
            | "very"
            | "finished"
            | "finish"
            | "came"
            | "comes"
            | "come"
            | "placed"
            | "ranked"
            | "ranks"
            | "\""
            | "“"
            | "‘"
            | "'"
    )
}

/// A unit of time or a date word from token `k` on, perhaps after a number or a vague amount
/// ("week", "two months", "few days", "Tuesday").
fn time_follows(text: &str, toks: &[Tok], k: usize) -> bool {
    let mut buf = [0u8; 24];
    let mut k = k;
    // A number, a vague amount or "couple of" takes at most four tokens: "twenty - four".
    for _ in 0..4 {
        let Some(t) = toks.get(k) else { return false };
        let w = lower(word(text, t), &mut buf).unwrap_or("");
        let amount = t.kind == Kind::Num
            || lex_at(text, toks, k).is_some()
            || matches!(w, "-" | "few" | "several" | "couple" | "of");
        if !amount {
            break;
        }
        k += 1;
    }
    toks.get(k)
        .filter(|t| t.kind == Kind::Word && adjacent(text, toks, k))
        .is_some_and(|t| date_word(word(text, t)))
}

/// Units of time, parts of the day, week and year, and (capitalised) names of days and months,
/// possessive or not ("next year's").
fn date_word(w: &str) -> bool {
    let w = w.trim_end_matches("'s").trim_end_matches("’s");
    if time_unit(w).is_some() {
        return true;
    }
    let mut buf = [0u8; 24];
    let Some(l) = lower(w, &mut buf) else {
        return false;
    };
    let named = day_or_month_name(l);
    // "last march" and "next may" in lower case are a protest and a verb.
    (named && is_cap(w))
        || matches!(
            l,
            "night"
                | "morning"
                | "afternoon"
                | "evening"
                | "weekend"
                | "fortnight"
                | "quarter"
                | "season"
                | "spring"
                | "summer"
                | "autumn"
                | "fall"
                | "winter"
        )
}

#[cfg(test)]
mod tests {
    use super::super::tests::q;
    use model::{Anchor, QuantityKind, Relative};

    /// The relative ordinals of `s`: (text, anchor, offset).
    fn rel(s: &str) -> Vec<(String, Anchor, i32)> {
        q(s).into_iter()
            .filter_map(|x| match x.kind {
                QuantityKind::RelativeOrdinal(Relative { anchor, offset }) => {
                    Some((x.text, anchor, offset))
                }
                _ => None,
            })
            .collect()
    }

    fn one(s: &str) -> (String, Anchor, i32) {
        let v = rel(s);
        assert_eq!(v.len(), 1, "{s}: {v:?}");
        v.into_iter().next().unwrap()
    }

    #[test]
    fn single_words() {
        use Anchor::*;
        assert_eq!(one("the last hostage"), ("last".into(), End, 0));
        assert_eq!(
            one("a next generation missile"),
            ("next".into(), Current, 1)
        );
        assert_eq!(
            one("the previous government"),
            ("previous".into(), Current, -1)
        );
        assert_eq!(one("the current minister"), ("current".into(), Current, 0));
        assert_eq!(
            one("his penultimate match"),
            ("penultimate".into(), End, -1)
        );
        assert_eq!(one("the penultimate day"), ("penultimate".into(), End, -1));
        assert_eq!(
            one("the antepenultimate"),
            ("antepenultimate".into(), End, -2)
        );
        assert_eq!(one("she finished last."), ("last".into(), End, 0));
        assert_eq!(one("next 3 books"), ("next".into(), Current, 1));
        assert_eq!(rel("Do you mean “next” or “last”?").len(), 2);
    }

    #[test]
    fn phrases() {
        use Anchor::*;
        assert_eq!(
            one("the second to last"),
            ("the second to last".into(), End, -1)
        );
        assert_eq!(
            one("her third-from-last race"),
            ("third-from-last".into(), End, -2)
        );
        assert_eq!(
            one("the 2nd-to-last stage"),
            ("the 2nd-to-last".into(), End, -1)
        );
        assert_eq!(one("the next to last"), ("next to last".into(), End, -1));
        assert_eq!(
            one("the last but one"),
            ("the last but one".into(), End, -1)
        );
        assert_eq!(
            one("the one before the last one"),
            ("the one before the last one".into(), End, -1)
        );
        assert_eq!(
            one("the previous one."),
            ("previous one".into(), Current, -1)
        );
        assert!(q("the last one").iter().all(|x| x.min != 1.0));
        let v = q("the last one hundred soldiers");
        assert_eq!((v.len(), v[1].min), (2, 100.0), "{v:?}");
    }

    #[test]
    fn dates_and_periods_are_not_positions() {
        for s in [
            "last week",
            "next month",
            "the previous day",
            "last Tuesday",
            "last August",
            "last night",
            "the last 24 hours",
            "the next two years",
            "the last few weeks",
            "the current year",
            "next year's election",
        ] {
            assert!(rel(s).is_empty(), "{s}: {:?}", rel(s));
        }
        assert_eq!(rel("the last march").len(), 1);
    }

    #[test]
    fn verbs_prepositions_idioms_and_compounds_are_not_positions() {
        for s in [
            "the talks will last three days",
            "it did not last",
            "the ceasefire didn't last",
            "at last, peace",
            "at long last",
            "next to the embassy",
            "a last-minute deal",
            "from first to last",
            "swept away by the current.",
            "Will the truce last?",
            "He spoke next.",
            "Next, the council will vote.",
        ] {
            assert!(rel(s).is_empty(), "{s}: {:?}", rel(s));
        }
    }

    #[test]
    fn never_a_count_or_an_ordinal() {
        let v = q("the second to last of the next 3 books");
        assert_eq!(
            v.iter().filter(|x| x.kind == QuantityKind::Ordinal).count(),
            0
        );
        assert_eq!(rel("the second to last of the next 3 books").len(), 2);
    }
}
