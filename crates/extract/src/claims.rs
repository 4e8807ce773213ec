//! Which sentences hold checkable claims, how a sentence splits into several, and how
//! check-worthy each is.

use crate::keywords;
use crate::tok::{is_cap, Kind, Tok};
use regex::Regex;
use std::sync::LazyLock;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PartKind {
    /// The whole sentence.
    Whole,
    /// The sentence without a non-restrictive relative clause.
    Main,
    /// A non-restrictive relative clause, told about its antecedent.
    Relative,
    /// One of several coordinated independent clauses.
    Coordinate,
}

/// One claim of a sentence: `start..end` is its range, `spans` the text it consists of.
#[derive(Clone, Debug)]
pub(crate) struct Part {
    pub start: usize,
    pub end: usize,
    pub spans: Vec<(usize, usize)>,
    pub text: String,
    pub kind: PartKind,
    /// Token range the part's own words come from (for attribution).
    pub toks: (usize, usize),
}

fn raw<'a>(text: &'a str, t: &Tok) -> &'a str {
    text.get(t.start..t.end).unwrap_or("")
}

fn words_between(toks: &[Tok], a: usize, b: usize) -> usize {
    toks.get(a..b)
        .map_or(0, |ts| ts.iter().filter(|t| t.kind != Kind::Punct).count())
}

/// Whether a word is a finite verb as news prose writes one: an auxiliary, a regular past tense
/// or a common irregular one ("rose", "fell").
fn finite_verb(w: &str) -> bool {
    (w.len() > 3 && w.ends_with("ed"))
        || matches!(
            w,
            "is" | "are"
                | "was"
                | "were"
                | "has"
                | "have"
                | "had"
                | "will"
                | "would"
                | "could"
                | "may"
                | "might"
                | "can"
                | "rose"
                | "fell"
                | "grew"
                | "shrank"
                | "sank"
                | "said"
                | "took"
                | "made"
                | "won"
                | "lost"
                | "left"
                | "came"
                | "went"
                | "hit"
                | "cut"
                | "held"
                | "kept"
                | "paid"
                | "gave"
                | "told"
                | "found"
                | "met"
                | "sold"
                | "led"
                | "began"
                | "broke"
                | "spent"
                | "struck"
                | "stood"
        )
}

/// Whether token `k` can open a clause: a name, a pronoun or determiner, or a bare noun followed
/// by a finite verb ("imports fell").
fn subject_start(text: &str, toks: &[Tok], k: usize) -> bool {
    let t = &toks[k];
    let w = raw(text, t);
    t.kind == Kind::Word
        && (is_cap(w)
            || matches!(
                w,
                "he" | "she"
                    | "they"
                    | "it"
                    | "we"
                    | "the"
                    | "a"
                    | "an"
                    | "its"
                    | "their"
                    | "his"
                    | "her"
                    | "both"
                    | "this"
                    | "these"
                    | "officials"
                    | "analysts"
            )
            || toks
                .get(k + 1)
                .is_some_and(|n| n.kind == Kind::Word && finite_verb(raw(text, n))))
}

fn trimmed(text: &str, a: usize, b: usize) -> (usize, usize) {
    let s = text.get(a..b).unwrap_or("");
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    (a + lead, (b - trail).max(a + lead))
}

/// Splits sentence tokens `toks` (of `text[start..end]`) into claims: coordinated independent
/// clauses ("X happened, and Y said Z") first, then a non-restrictive "who"/"which" clause off
/// each.
pub(crate) fn split(
    text: &str,
    toks: &[Tok],
    quoted: &[bool],
    start: usize,
    end: usize,
) -> Vec<Part> {
    let whole = || {
        let (a, b) = trimmed(text, start, end);
        vec![Part {
            start: a,
            end: b,
            spans: vec![(a, b)],
            text: text.get(a..b).unwrap_or("").to_string(),
            kind: PartKind::Whole,
            toks: (0, toks.len()),
        }]
    };
    // Inside brackets is an aside, never a place to cut: "Russia overtook North Korea (and Iran,
    // and Syria) in March".
    let mut depth = 0usize;
    let bracketed: Vec<bool> = toks
        .iter()
        .map(|t| {
            match raw(text, t) {
                "(" | "[" => depth += 1,
                ")" | "]" => depth = depth.saturating_sub(1),
                _ => {}
            }
            depth > 0
        })
        .collect();
    let outside = |k: usize| !quoted.get(k).copied().unwrap_or(true) && !bracketed[k];
    // Coordination points: ", and" / ", but" / ", while" / ";" before a new subject. A contrastive
    // "while" joins two facts as "and" does: "exports rose 3%, while imports fell 2%".
    let mut cuts: Vec<(usize, usize)> = vec![];
    for k in 1..toks.len() {
        let p = raw(text, &toks[k]);
        let body = if p == ","
            && outside(k)
            && k + 2 < toks.len()
            && matches!(raw(text, &toks[k + 1]), "and" | "but" | "while" | "whereas")
        {
            k + 2
        } else if p == ";" && outside(k) && k + 1 < toks.len() {
            k + 1
        } else {
            continue;
        };
        let prev_cut = cuts.last().map_or(0, |c| c.1);
        if subject_start(text, toks, body)
            && words_between(toks, prev_cut, k) >= 4
            && words_between(toks, body, toks.len()) >= 4
        {
            cuts.push((k, body));
        }
    }
    let mut segs: Vec<(usize, usize, PartKind)> = vec![];
    let mut from = 0;
    for &(cut, body) in &cuts {
        segs.push((from, cut, PartKind::Coordinate));
        from = body;
    }
    segs.push((
        from,
        toks.len(),
        if cuts.is_empty() {
            PartKind::Whole
        } else {
            PartKind::Coordinate
        },
    ));
    let mut parts = vec![];
    for (a, b, kind) in segs {
        if a >= b {
            continue;
        }
        let seg_start = if a == 0 { start } else { toks[a].start };
        let seg_end = if b == toks.len() {
            end
        } else {
            toks[b - 1].end
        };
        let rel = (a + 1..b).find(|&k| {
            toks[k].kind == Kind::Word
                && matches!(raw(text, &toks[k]), "who" | "which")
                && raw(text, &toks[k - 1]) == ","
                && outside(k)
                && k >= a + 2
        });
        let Some(r) = rel else {
            let (s, e) = trimmed(text, seg_start, seg_end);
            parts.push(Part {
                start: s,
                end: e,
                spans: vec![(s, e)],
                text: text.get(s..e).unwrap_or("").to_string(),
                kind,
                toks: (a, b),
            });
            continue;
        };
        let close = (r + 1..b).find(|&k| raw(text, &toks[k]) == "," && outside(k));
        let last_punct = b > a
            && toks[b - 1].kind == Kind::Punct
            && matches!(raw(text, &toks[b - 1]), "." | "!");
        let clause_end_tok = close.unwrap_or(if last_punct { b - 1 } else { b });
        // A clause that ends the sentence on its verb ("…, which Moscow and Pyongyang have both
        // denied") takes its object from the main clause: alone it states nothing but names.
        let ends_on_verb = close.is_none()
            && clause_end_tok > r + 1
            && finite_verb(&raw(text, &toks[clause_end_tok - 1]).to_lowercase());
        if ends_on_verb || words_between(toks, r + 1, clause_end_tok) < 2 {
            let (s, e) = trimmed(text, seg_start, seg_end);
            parts.push(Part {
                start: s,
                end: e,
                spans: vec![(s, e)],
                text: text.get(s..e).unwrap_or("").to_string(),
                kind,
                toks: (a, b),
            });
            continue;
        }
        let comma = toks[r - 1].start;
        let clause_start = toks[r].start;
        let clause_end = toks[clause_end_tok - 1].end;
        // The main clause without the relative clause.
        let (m1s, m1e) = trimmed(text, seg_start, comma);
        let rest_from = match close {
            Some(c) => toks[c].end,
            None => clause_end,
        };
        let (m2s, m2e) = trimmed(text, rest_from, seg_end);
        let mut main_text = text.get(m1s..m1e).unwrap_or("").to_string();
        let rest = text.get(m2s..m2e).unwrap_or("");
        if !rest.is_empty() {
            if !rest.starts_with(['.', '!', ',', ';']) {
                main_text.push(' ');
            }
            main_text.push_str(rest);
        }
        let (ms, me) = trimmed(text, seg_start, seg_end);
        parts.push(Part {
            start: ms,
            end: me,
            spans: vec![(m1s, m1e), (m2s, m2e)],
            text: main_text,
            kind: if kind == PartKind::Whole {
                PartKind::Main
            } else {
                kind
            },
            toks: (a, b),
        });
        // The relative clause, told about its antecedent: "Kim first met Putin in 2019".
        let body = text.get(toks[r].end..clause_end).unwrap_or("").trim();
        let rel_text = if raw(text, &toks[r]) == "who" {
            let mut s = r - 1;
            while s > a && toks[s - 1].kind == Kind::Word && is_cap(raw(text, &toks[s - 1]))
                || s > a && raw(text, &toks[s - 1]) == "-"
            {
                s -= 1;
            }
            if s == r - 1 {
                s = r.saturating_sub(2).max(a);
            }
            let ante = text.get(toks[s].start..comma).unwrap_or("").trim();
            format!("{ante} {body}")
        } else {
            text.get(clause_start..clause_end).unwrap_or("").to_string()
        };
        parts.push(Part {
            start: clause_start,
            end: clause_end,
            spans: vec![(clause_start, clause_end)],
            text: rel_text,
            kind: PartKind::Relative,
            toks: (r, clause_end_tok),
        });
    }
    if parts.is_empty() {
        return whole();
    }
    parts
}

/// Openings of page furniture rather than prose, lower-cased; `true` when a word must end there
/// ("related", but "relatedly" is prose).
const FURNITURE: [(&str, bool); 30] = [
    ("read more", false),
    ("related", true),
    ("advertisement", false),
    ("subscribe", false),
    ("sign up", false),
    ("sign in", false),
    ("click", false),
    ("share this", false),
    ("share on", false),
    ("follow us", false),
    ("leave a reply", false),
    ("leave a comment", false),
    ("post comment", false),
    ("jump to", false),
    ("you need", false),
    ("create an account", false),
    ("register", true),
    ("link to", false),
    ("notify", false),
    ("view all", false),
    ("get more", false),
    ("thank you", false),
    ("something went wrong", false),
    ("loading", false),
    ("popular right now", false),
    ("recommended", false),
    ("watch:", false),
    ("listen:", false),
    ("copyright", false),
    ("all rights reserved", false),
];

fn furniture(s: &str) -> bool {
    let lead = s.trim_start_matches(|c: char| !c.is_alphanumeric());
    if s[..s.len() - lead.len()].contains('©') {
        return true;
    }
    let mut head = [0u8; 24];
    let n = lead.len().min(head.len());
    head[..n].copy_from_slice(&lead.as_bytes()[..n]);
    head.make_ascii_lowercase();
    let head = &head[..n];
    // The first byte is compared on its own: it rules out almost every opening without a call
    // to compare the rest.
    let starts = |p: &str| head.first() == p.as_bytes().first() && head.starts_with(p.as_bytes());
    FURNITURE.iter().any(|&(p, whole)| {
        starts(p)
            && !(whole
                && lead
                    .as_bytes()
                    .get(p.len())
                    .is_some_and(u8::is_ascii_alphanumeric))
    })
}

/// Text about the text: "it is important to highlight …", "it should be noted".
static META: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?i)it is (?:important|worth|crucial|essential) to (?:highlight|note|mention|remember|stress|emphasi[sz]e|consider|understand)|it (?:is|should be) (?:worth )?not(?:ed|ing)|needless to say|it remains to be seen",
    )
    .ok()
});

pub(crate) static OPINION: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:should|must|ought to|need to|let['’]s|in my (?:opinion|view)|hopefully|unfortunately|shameful|disgrace(?:ful)?|ridiculous|oh|wow|lol|we|our|you|your)(?-u:\b)|(?-i:(?-u:\b)(?:I|us)(?-u:\b))").ok()
});

pub(crate) static EVALUATIVE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:remarkabl[ey]|striking(?:ly)?|surprising(?:ly)?|unexpected(?:ly)?|shocking(?:ly)?|stunning|dramatic(?:ally)?|crucial|alarming(?:ly)?|worrying|historic|unprecedented|notabl[ey])(?-u:\b)").ok()
});

/// Lower-case words one of which every match of `OPINION` holds as a whole ASCII word, for
/// `keywords`.
#[rustfmt::skip]
pub(crate) const OPINION_WORDS: &[&str] = &[
    "should", "must", "ought", "need", "let", "my", "hopefully", "unfortunately", "shameful",
    "disgrace", "disgraceful", "ridiculous", "oh", "wow", "lol", "we", "our", "you", "your", "i",
    "us",
];

/// The same for `EVALUATIVE`.
#[rustfmt::skip]
pub(crate) const EVALUATIVE_WORDS: &[&str] = &[
    "remarkable", "remarkably", "striking", "strikingly", "surprising", "surprisingly",
    "unexpected", "unexpectedly", "shocking", "shockingly", "stunning", "dramatic",
    "dramatically", "crucial", "alarming", "alarmingly", "worrying", "historic", "unprecedented",
    "notable", "notably",
];

fn matches(r: &LazyLock<Option<Regex>>, s: &str) -> bool {
    r.as_ref().is_some_and(|r| r.is_match(s))
}

fn verb_like(text: &str, toks: &[Tok]) -> bool {
    toks.iter().any(|t| {
        let w = raw(text, t);
        t.kind == Kind::Word
            && (matches!(
                w.to_ascii_lowercase().as_str(),
                "is" | "are"
                    | "was"
                    | "were"
                    | "has"
                    | "have"
                    | "had"
                    | "will"
                    | "would"
                    | "can"
                    | "could"
                    | "said"
                    | "says"
                    | "say"
                    | "be"
                    | "been"
                    | "did"
                    | "does"
                    | "do"
                    | "may"
                    | "might"
                    | "must"
            ) || (w.len() > 4 && w.ends_with("ed") && !is_cap(w)))
    })
}

/// Whether a sentence cannot hold a checkable claim whatever it contains: questions, boilerplate,
/// meta-text, headings without a verb.
pub(crate) fn rejected(text: &str, toks: &[Tok], start: usize, end: usize) -> bool {
    let s = text.get(start..end).unwrap_or("").trim();
    if s.is_empty() || furniture(s) || matches(&META, s) {
        return true;
    }
    if s.trim_end_matches(['"', '”', '’', '\'', ')'])
        .ends_with('?')
    {
        return true;
    }
    let terminal = terminal(s);
    let words = toks.iter().filter(|t| t.kind == Kind::Word).count();
    if !terminal && (words < 4 || !verb_like(text, toks)) {
        return true;
    }
    words < 3
}

pub(crate) struct Signals {
    pub counts: usize,
    pub ordinals: usize,
    pub dates: usize,
    pub entities: usize,
    pub attributed: bool,
    pub hedged: bool,
    /// The word lists of `keywords` the sentence has a word of.
    pub words: u8,
}

/// Whether a sentence ends as prose does, with a full stop, "!" or an ellipsis (possibly inside
/// a closing quotation mark); headings and captions do not.
pub(crate) fn terminal(s: &str) -> bool {
    let last = s
        .trim()
        .trim_end_matches(['"', '”', '’', '\'', ')'])
        .chars()
        .last();
    matches!(last, Some('.' | '!' | '…'))
}

/// Check-worthiness in 0..=1: facts that can be checked (numbers, dates, named actors, a source)
/// raise it; opinion, hedging without facts, shortness and missing sentence punctuation lower it.
pub(crate) fn score(part: &str, sentence_terminal: bool, sig: &Signals) -> f32 {
    let mut s = 0.3f32;
    if sig.counts > 0 {
        s += 0.25;
    } else if sig.ordinals > 0 {
        s += 0.1;
    }
    if sig.dates > 0 {
        s += 0.2;
    }
    if sig.entities >= 1 {
        s += 0.1;
    }
    if sig.entities >= 2 {
        s += 0.1;
    }
    if sig.attributed {
        s += 0.15;
    }
    if sig.hedged && sig.counts == 0 && sig.dates == 0 {
        s -= 0.1;
    }
    let t = part.trim();
    // Only whether there are six words matters: the count stops there.
    if t.split_whitespace().take(6).count() < 6 {
        s -= 0.15;
    }
    if !sentence_terminal {
        s -= 0.3;
    }
    if t.trim_end_matches(['"', '”', '’', '\'', ')'])
        .ends_with('!')
    {
        s -= 0.2;
    }
    if !sig.attributed && sig.words & keywords::OPINION != 0 && matches(&OPINION, t) {
        s -= 0.25;
    }
    if sig.words & keywords::EVALUATIVE != 0 && matches(&EVALUATIVE, t) {
        s -= 0.1;
    }
    s.clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::quoted;
    use crate::tok::tokenize;

    fn parts(s: &str) -> Vec<(PartKind, String, String)> {
        let mut toks = vec![];
        tokenize(s, 0, s.len(), &mut toks);
        let q = quoted(s, &toks);
        split(s, &toks, &q, 0, s.len())
            .into_iter()
            .map(|p| (p.kind, p.text, s[p.start..p.end].to_string()))
            .collect()
    }

    #[test]
    fn relative_clause_is_its_own_claim() {
        let p = parts(
            "Kim, who first met Putin in 2019, called for even closer strategic cooperation.",
        );
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].0, PartKind::Main);
        assert_eq!(p[0].1, "Kim called for even closer strategic cooperation.");
        assert_eq!(
            p[1],
            (
                PartKind::Relative,
                "Kim first met Putin in 2019".to_string(),
                "who first met Putin in 2019".to_string()
            )
        );
    }

    #[test]
    fn trailing_which_clause() {
        let p = parts("Russia fired 40 missiles at Kyiv, which killed 12 people in the city.");
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].1, "Russia fired 40 missiles at Kyiv.");
        assert_eq!(p[1].1, "which killed 12 people in the city");
    }

    #[test]
    fn a_which_clause_ending_on_its_verb_stays_with_what_it_comments_on() {
        for s in [
            "Signs are mounting that Russia is seeking weapons, which Moscow and Pyongyang have both denied.",
            "The ministry said 40 missiles were fired, which Kyiv disputed.",
        ] {
            let p = parts(s);
            assert_eq!(p.len(), 1, "{p:?}");
            assert_eq!(p[0].1, s);
        }
    }

    #[test]
    fn coordinated_clauses_split() {
        let p = parts("Russia fired 40 missiles at Kyiv overnight, and Ukraine said it shot down most of them.");
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].1, "Russia fired 40 missiles at Kyiv overnight");
        assert_eq!(p[1].1, "Ukraine said it shot down most of them.");
        assert_eq!(parts("Kim met Putin, and he left.").len(), 1);
        let p = parts("Russia overtook North Korea (and Iran, and Syria) in March to become the most sanctioned nation.");
        assert_eq!(p.len(), 1, "{p:?}");
        let p = parts("Exports rose 3.2% in March, while imports fell 1.5% from a year earlier.");
        assert_eq!(p.len(), 2, "{p:?}");
        assert_eq!(p[1].1, "imports fell 1.5% from a year earlier.");
        assert_eq!(
            parts("The minister spoke to reporters, while visiting troops near the front line.")
                .len(),
            1
        );
        assert_eq!(
            parts("“We met, and they agreed on everything today,” he said.").len(),
            1
        );
    }

    #[test]
    fn rejects_non_claims() {
        let r = |s: &str| {
            let mut toks = vec![];
            tokenize(s, 0, s.len(), &mut toks);
            rejected(s, &toks, 0, s.len())
        };
        assert!(r("Will Russia send troops?"));
        assert!(r("READ MORE: Wagner Group stage ‘military rebellion’"));
        assert!(r("Despite the positive tone, it is important to highlight the human cost of this alliance."));
        assert!(r("Daily Stock Markets News"));
        assert!(r("Leave a Reply"));
        assert!(r("© 2024 Reuters. All rights reserved."));
        assert!(r("Click here to get the latest updates on the war."));
        assert!(r("It should be noted that the figures are preliminary."));
        assert!(!r("Registered voters rose by 5% in the year to March."));
        assert!(!r(
            "Both countries face heavy sanctions imposed by U.S.-led global coalitions."
        ));
    }

    #[test]
    fn scores() {
        let plain = Signals {
            counts: 0,
            ordinals: 0,
            dates: 0,
            entities: 1,
            attributed: false,
            hedged: false,
            // Every pattern runs.
            words: u8::MAX,
        };
        let rich = Signals {
            counts: 1,
            ordinals: 0,
            dates: 1,
            entities: 2,
            attributed: true,
            hedged: false,
            words: u8::MAX,
        };
        let a = score(
            "Both countries face heavy sanctions imposed by U.S.-led global coalitions.",
            true,
            &plain,
        );
        let b = score("Reports from Seoul indicate that approximately 600 North Korean soldiers have lost their lives.", true, &rich);
        let c = score(
            "We must stand together against this outrage!",
            true,
            &Signals {
                entities: 0,
                ..plain
            },
        );
        assert!(a >= 0.3 && b > a && c < 0.3, "{a} {b} {c}");
        // "US" is the country, not the first person.
        let us = score("The US imposed sanctions on five firms.", true, &plain);
        let we = score("Let us impose sanctions on five firms.", true, &plain);
        assert!(us >= 0.3 && we < 0.3, "{us} {we}");
        assert!((0.0..=1.0).contains(&b));
    }
}
