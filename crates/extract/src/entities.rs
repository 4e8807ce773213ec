//! Named actors and places: runs of capitalised words, normalised so that spellings of one name
//! agree across outlets ("Kim Jong-un", "Kim Jong Un" → "kim jong un"; "U.S." → "us").

use crate::tok::{day_or_month_name, is_cap, lower, Kind, Tok};

/// Titles split a run ("Russian President Vladimir Putin" → "russian", "vladimir putin") so the
/// person matches articles that omit the title.
fn is_title(w: &str) -> bool {
    let mut buf = [0u8; 24];
    let Some(w) = lower(w.trim_end_matches('.'), &mut buf) else {
        return false;
    };
    matches!(
        w,
        "president"
            | "prime"
            | "minister"
            | "foreign"
            | "defense"
            | "defence"
            | "secretary"
            | "general"
            | "chairman"
            | "chairwoman"
            | "leader"
            | "supreme"
            | "rep"
            | "sen"
            | "senator"
            | "mr"
            | "mrs"
            | "ms"
            | "dr"
            | "gen"
            | "col"
            | "lt"
            | "adm"
            | "king"
            | "queen"
            | "pope"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "ambassador"
            | "chancellor"
            | "premier"
            | "vice"
            | "deputy"
            | "governor"
            | "mayor"
            | "director"
            | "chief"
            | "commander"
            | "lawmaker"
            | "sir"
            | "lord"
            | "lady"
            | "prof"
            | "professor"
            | "comrade"
            | "marshal"
    )
}

/// Capitalised words that start sentences or headings without naming anything.
fn is_common(w: &str) -> bool {
    let mut buf = [0u8; 24];
    let Some(w) = lower(w, &mut buf) else {
        return false;
    };
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "in"
            | "on"
            | "at"
            | "as"
            | "it"
            | "this"
            | "that"
            | "these"
            | "those"
            | "there"
            | "here"
            | "he"
            | "she"
            | "they"
            | "we"
            | "i"
            | "you"
            | "his"
            | "her"
            | "their"
            | "its"
            | "our"
            | "my"
            | "your"
            | "but"
            | "and"
            | "or"
            | "so"
            | "if"
            | "when"
            | "while"
            | "after"
            | "before"
            | "since"
            | "during"
            | "despite"
            | "although"
            | "though"
            | "because"
            | "with"
            | "without"
            | "for"
            | "from"
            | "by"
            | "to"
            | "of"
            | "about"
            | "according"
            | "however"
            | "meanwhile"
            | "moreover"
            | "also"
            | "both"
            | "all"
            | "some"
            | "many"
            | "most"
            | "more"
            | "such"
            | "other"
            | "another"
            | "each"
            | "every"
            | "no"
            | "not"
            | "one"
            | "two"
            | "three"
            | "last"
            | "next"
            | "first"
            | "earlier"
            | "later"
            | "just"
            | "only"
            | "even"
            | "still"
            | "yet"
            | "then"
            | "now"
            | "today"
            | "yesterday"
            | "tomorrow"
            | "what"
            | "who"
            | "why"
            | "how"
            | "where"
            | "which"
            | "whether"
            | "following"
            | "presently"
            | "separately"
            | "signs"
            | "reports"
            | "letters"
            | "marking"
            | "analysts"
            | "officials"
            | "experts"
            | "based"
            | "mid"
            | "over"
            | "under"
            | "among"
            | "between"
            | "until"
            | "once"
            | "given"
            | "amid"
            | "unlike"
            | "like"
            | "let"
            | "please"
            | "did"
            | "does"
            | "do"
            | "is"
            | "are"
            | "was"
            | "were"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "could"
            | "should"
            | "can"
            | "approximately"
            | "nearly"
            | "around"
            | "roughly"
            | "read"
    ) || day_or_month_name(w)
}

fn push_norm(out: &mut String, w: &str) {
    let w = w
        .strip_suffix("’s")
        .or_else(|| w.strip_suffix("'s"))
        .unwrap_or(w);
    // Most names are plain ASCII words: copied and lower-cased at once.
    if w.bytes().all(|b| b.is_ascii_alphanumeric()) {
        let from = out.len();
        out.push_str(w);
        out[from..].make_ascii_lowercase();
        return;
    }
    for c in w.chars() {
        match c {
            '.' | '\'' | '’' => {}
            '-' => out.push(' '),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
}

/// Entities of the tokens whose byte range lies in one of `spans`. `sentence_first` is the index
/// of the sentence's first token, whose capital proves nothing.
pub(crate) fn entities(
    text: &str,
    toks: &[Tok],
    spans: &[(usize, usize)],
    sentence_first: usize,
    out: &mut Vec<String>,
) {
    let within = |t: &Tok| spans.iter().any(|&(a, b)| t.start >= a && t.end <= b);
    // The name being read, in a buffer kept from name to name: each name found costs one
    // allocation of its own size.
    let mut run = String::new();
    let mut run_words = 0usize;
    let flush = |run: &mut String, run_words: &mut usize, out: &mut Vec<String>| {
        if *run_words > 0 && !run.is_empty() && !out.iter().any(|e| e == run) {
            out.push(run.as_str().to_owned());
        }
        run.clear();
        *run_words = 0;
    };
    let mut prev_end = usize::MAX;
    // Tokens are in text order, so those before the first span or after the last are skipped
    // without a look.
    let lo = spans.iter().map(|s| s.0).min().unwrap_or(0);
    let hi = spans.iter().map(|s| s.1).max().unwrap_or(0);
    let first = toks.partition_point(|t| t.start < lo);
    let last = toks.partition_point(|t| t.start < hi);
    for (i, t) in toks.iter().enumerate().take(last).skip(first) {
        let w = text.get(t.start..t.end).unwrap_or("");
        // Between names only a capitalised word matters: anything else would end a run, and
        // `prev_end` is read only inside one.
        if run_words == 0 && !(t.kind == Kind::Word && is_cap(w)) {
            continue;
        }
        if !within(t) {
            flush(&mut run, &mut run_words, out);
            continue;
        }
        let joined = prev_end == t.start;
        // Hyphenated continuations stay in the run: "Kim Jong-un", "Kang Dae-sik".
        if t.kind == Kind::Punct && w == "-" && run_words > 0 && joined {
            prev_end = t.end;
            continue;
        }
        let suffix_word = || {
            w.ends_with("ed")
                || matches!(
                    w,
                    "based"
                        | "style"
                        | "born"
                        | "made"
                        | "run"
                        | "era"
                        | "like"
                        | "wide"
                        | "level"
                        | "type"
                        | "backed"
                        | "led"
                )
        };
        if t.kind == Kind::Word
            && joined
            && run_words > 0
            && text.get(prev_end - 1..prev_end) == Some("-")
            && !suffix_word()
        {
            run.push(' ');
            push_norm(&mut run, w);
            prev_end = t.end;
            continue;
        }
        // The number of a name belongs to it: "Category 5", "Boeing 737", "CentOS 7".
        if t.kind == Kind::Num && run_words > 0 && crate::numbers::label_number(text, toks, i) {
            run.push(' ');
            run.push_str(w);
            prev_end = t.end;
            continue;
        }
        let cap = t.kind == Kind::Word && is_cap(w);
        let lower_connector = t.kind == Kind::Word
            && run_words > 0
            && matches!(w, "of" | "de" | "bin" | "al" | "van" | "von");
        if lower_connector
            && toks.get(i + 1).is_some_and(|n| {
                n.kind == Kind::Word && is_cap(text.get(n.start..n.end).unwrap_or(""))
            })
        {
            run.push(' ');
            run.push_str(w);
            prev_end = t.end;
            continue;
        }
        if !cap || is_title(w) || (i == sentence_first && is_common(w)) || w == "I" {
            flush(&mut run, &mut run_words, out);
            prev_end = t.end;
            continue;
        }
        if run.is_empty() {
            run.reserve(64);
        } else {
            run.push(' ');
        }
        push_norm(&mut run, w);
        run_words += 1;
        prev_end = t.end;
        // A possessive ends the name: "Russia’s war".
        let next_cap = toks.get(i + 1).is_some_and(|n| {
            n.kind == Kind::Word && is_cap(text.get(n.start..n.end).unwrap_or(""))
        });
        if (w.ends_with("’s") || w.ends_with("'s")) && !next_cap {
            flush(&mut run, &mut run_words, out);
        }
    }
    flush(&mut run, &mut run_words, out);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tok::tokenize;

    fn e(s: &str) -> Vec<String> {
        let mut toks = vec![];
        tokenize(s, 0, s.len(), &mut toks);
        let mut out = vec![];
        entities(s, &toks, &[(0, s.len())], 0, &mut out);
        out
    }

    #[test]
    fn names_are_normalised() {
        assert_eq!(
            e("Kim Jong-un met Russian President Vladimir Putin."),
            ["kim jong un", "russian", "vladimir putin"]
        );
        assert_eq!(
            e("North Korean leader Kim Jong Un thanked the U.S. and KCNA."),
            ["north korean", "kim jong un", "us", "kcna"]
        );
        assert_eq!(
            e("The Democratic People's Republic of Korea said."),
            ["democratic people republic of korea"]
        );
        assert_eq!(e("Russia’s war in Ukraine"), ["russia", "ukraine"]);
        assert_eq!(
            e("The storm became a Category 5 hurricane near Florida."),
            ["category 5", "florida"]
        );
    }

    #[test]
    fn sentence_initial_common_words_are_not_names() {
        assert_eq!(
            e("Both countries face heavy sanctions imposed by U.S.-led coalitions."),
            ["us"]
        );
        assert_eq!(e("Separately, Kim visited Russia."), ["kim", "russia"]);
    }
}
