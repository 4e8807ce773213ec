//! Who a claim is attributed to: "according to KCNA", "per Rodong Sinmun", "Kim said",
//! "… ,” said Ramon Pacheco Pardo", "state media reported", "reports from Seoul indicate",
//! "customs data showed", "the airline said".
//!
//! Speakers are found around reporting verbs outside quotation marks. Verbs of speech ("said",
//! "told") take any noun phrase as their speaker, since whoever says something is its source;
//! verbs of finding or belief ("showed", "suggest", "believe") only a name or a source noun
//! ("data", "analysts"), since "the findings suggest" is inference, not sourcing. A name ends at
//! its last capitalised run ("U.S. National Security Council spokesman John Kirby" →
//! "John Kirby"); a common-noun phrase keeps its owner and modifiers ("Ukraine's air force").
//! Pronouns resolve to the last named speaker of the article.

use crate::keywords;
use crate::tok::{is_cap, lower, Kind, Tok};

/// A token lower-cased on the stack. Long or non-ASCII words come out empty (no keyword is
/// either), except that a curly apostrophe becomes a straight one so "officials’" still matches.
#[derive(Clone, Copy)]
struct Low {
    buf: [u8; 24],
    len: usize,
}

impl Low {
    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
    }
}

fn lw(text: &str, t: &Tok) -> Low {
    let mut low = Low {
        buf: [0; 24],
        len: 0,
    };
    let w = raw(text, t);
    if w.is_ascii() {
        if w.len() <= low.buf.len() {
            low.buf[..w.len()].copy_from_slice(w.as_bytes());
            low.buf[..w.len()].make_ascii_lowercase();
            low.len = w.len();
        }
        return low;
    }
    for c in w.chars() {
        let b = match c {
            '’' => b'\'',
            c if c.is_ascii() => (c as u8).to_ascii_lowercase(),
            _ => return Low { len: 0, ..low },
        };
        if low.len == low.buf.len() {
            return Low { len: 0, ..low };
        }
        low.buf[low.len] = b;
        low.len += 1;
    }
    low
}

fn raw<'a>(text: &'a str, t: &Tok) -> &'a str {
    text.get(t.start..t.end).unwrap_or("")
}

fn is_word(text: &str, toks: &[Tok], k: usize, w: &str) -> bool {
    toks.get(k)
        .is_some_and(|t| raw(text, t).eq_ignore_ascii_case(w))
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Class {
    /// Speech: any subject is the source ("the airline said").
    Speech,
    /// Finding or belief: only a name or a source noun is ("customs data showed").
    Source,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Needs {
    Nothing,
    /// "that" or the end of the clause: "the bank reported a profit" reports no speech, "the
    /// agency reported that …" and "…, state media reported." do.
    Complement,
    /// Only "that": "claims that", but not "rejected claims of".
    That,
}

/// The verbs of `reporting_verb`, for `keywords` (a test checks that none is missing): `speaker`
/// looks for a speaker around them only in a sentence that has one.
#[rustfmt::skip]
pub(crate) const SPEAKER_WORDS: &[&str] = &[
    "said", "says", "say", "told", "tells", "stated", "added", "adds", "noted", "warned",
    "warns", "wrote", "writes", "tweeted", "insisted", "insists", "argued", "argues",
    "explained", "revealed", "reveals", "acknowledged", "admitted", "admits", "alleged",
    "alleges", "allege", "disclosed", "declared", "stressed", "emphasised", "emphasized",
    "asserted", "accused", "accuses", "cautioned", "predicted", "reiterated", "claimed",
    "charged", "testified", "remarked", "commented", "replied", "mentioned", "recalled",
    "contended", "maintained", "countered", "conceded", "observed", "confirmed", "confirms",
    "reported", "announced", "announces", "states", "claims", "notes", "indicated", "indicate",
    "indicates", "believe", "believes", "suggested", "suggest", "suggests", "estimated",
    "concluded", "quoted", "cited", "fear", "fears", "feared", "expect", "expects", "reports",
    "show", "shows", "showed", "found", "finds", "estimates", "report", "claim", "note",
    "estimate", "find", "think", "thinks", "argue", "warn", "insist",
];

/// Reporting verbs, by what their subject must be and what must follow them.
fn reporting_verb(w: &str) -> Option<(Class, Needs)> {
    use Class::*;
    use Needs::*;
    Some(match w {
        "said" | "says" | "say" | "told" | "tells" | "stated" | "added" | "adds" | "noted"
        | "warned" | "warns" | "wrote" | "writes" | "tweeted" | "insisted" | "insists"
        | "argued" | "argues" | "explained" | "revealed" | "reveals" | "acknowledged"
        | "admitted" | "admits" | "alleged" | "alleges" | "allege" | "disclosed" | "declared"
        | "stressed" | "emphasised" | "emphasized" | "asserted" | "accused" | "accuses"
        | "cautioned" | "predicted" | "reiterated" | "claimed" | "charged" | "testified"
        | "remarked" | "commented" | "replied" | "mentioned" | "recalled" | "contended"
        | "maintained" | "countered" | "conceded" | "observed" | "confirmed" | "confirms" => {
            (Speech, Nothing)
        }
        "reported" | "announced" | "announces" => (Speech, Complement),
        "states" | "claims" | "notes" => (Speech, That),
        "indicated" | "indicate" | "indicates" | "believe" | "believes" | "suggested"
        | "suggest" | "suggests" | "estimated" | "concluded" | "quoted" | "cited" | "fear"
        | "fears" | "feared" | "expect" | "expects" => (Source, Nothing),
        "reports" | "show" | "shows" | "showed" | "found" | "finds" | "estimates" => {
            (Source, Complement)
        }
        "report" | "claim" | "note" | "estimate" | "find" | "think" | "thinks" | "argue"
        | "warn" | "insist" => (Source, That),
        _ => return None,
    })
}

/// Words that may follow a reporting verb or its speaker when the clause ends there:
/// "…, the company said on Sunday", "said in a statement", "showed last month".
fn clause_ends(text: &str, toks: &[Tok], k: usize, hi: usize) -> bool {
    if k >= hi || toks[k].kind == Kind::Punct {
        return true;
    }
    matches!(
        lw(text, &toks[k]).as_str(),
        "on" | "in"
            | "at"
            | "last"
            | "this"
            | "during"
            | "late"
            | "earlier"
            | "later"
            | "yesterday"
            | "today"
            | "tonight"
            | "overnight"
            | "adding"
            | "citing"
            | "quoting"
            | "when"
            | "after"
            | "before"
            | "while"
    )
}

/// A participle or adjective that links a source to what it knows: "people briefed on the
/// matter", "sources familiar with the talks", "officials close to the president".
fn knowing(w: &str) -> bool {
    w == "familiar" || w == "close" || w.len() > 4 && (w.ends_with("ed") || w.ends_with("ing"))
}

/// Words after which a reporting phrase does not continue forward: "said X on Tuesday",
/// "according to officials in a statement" (but "people briefed on the matter" goes on).
fn forward_stop(text: &str, toks: &[Tok], k: usize) -> bool {
    let l = lw(text, &toks[k]);
    // An acronym is a name, whatever word it spells: "according to the WHO".
    if acronym(raw(text, &toks[k])) {
        return false;
    }
    match l.as_str() {
        "on" => !(k > 0 && knowing(lw(text, &toks[k - 1]).as_str())),
        "last" | "this" | "during" | "late" | "yesterday" | "today" | "tonight" | "overnight"
        | "told" | "adding" | "citing" | "quoting" => true,
        "in" | "at" => toks.get(k + 1).is_some_and(|n| {
            matches!(
                lw(text, n).as_str(),
                "a" | "an" | "the" | "his" | "her" | "its" | "their"
            )
        }),
        // After a word of the phrase, "report" or "claims" is its head noun: "the report by",
        // "initial reports".
        w => {
            boundary_word(w)
                || reporting_verb(w).is_some()
                    && !(noun_reading(w) && k > 0 && toks[k - 1].kind == Kind::Word)
        }
    }
}

/// Reporting verbs that are also nouns naming what a source put out.
fn noun_reading(w: &str) -> bool {
    matches!(
        w,
        "report" | "reports" | "claim" | "claims" | "note" | "notes" | "estimate" | "estimates"
    )
}

/// Two or more capitals and nothing else: "WHO", "KCNA".
fn acronym(w: &str) -> bool {
    w.len() >= 2 && w.bytes().all(|b| b.is_ascii_uppercase())
}

/// Heads a speech verb cannot have as a source: people addressed or nobody at all.
fn not_a_speaker(w: &str) -> bool {
    matches!(
        w,
        "i" | "we"
            | "you"
            | "us"
            | "me"
            | "one"
            | "this"
            | "that"
            | "these"
            | "those"
            | "there"
            | "here"
            | "who"
            | "which"
            | "what"
            | "everyone"
            | "someone"
            | "anyone"
            | "nobody"
            | "none"
            | "neither"
            | "no"
            | "outside"
            | "inside"
            | "too"
            | "instead"
            | "ago"
    ) || w.len() < 3
        || w.ends_with("ly") && !matches!(w, "family" | "ally" | "assembly")
        || w.ends_with("ed")
}

/// Words opening a noun phrase that names nobody in particular: "neither side", "no one".
fn negative_quantifier(w: &str) -> bool {
    matches!(w, "neither" | "no" | "none" | "nobody" | "nor" | "few")
}

/// Numbers and counting words before a source: "two officials", "one resident".
fn count_word(t: &Tok, w: &str) -> bool {
    t.kind == Kind::Num
        || matches!(
            w,
            "one"
                | "two"
                | "three"
                | "four"
                | "five"
                | "six"
                | "seven"
                | "eight"
                | "nine"
                | "ten"
                | "dozens"
                | "hundreds"
                | "thousands"
                | "several"
                | "some"
                | "many"
                | "most"
        )
}
/// Heads of common-noun sources: "analysts say", "state media reported".
fn source_noun(w: &str) -> bool {
    let w = w.trim_end_matches(['\'', '’']);
    matches!(
        w,
        "official"
            | "officials"
            | "analyst"
            | "analysts"
            | "expert"
            | "experts"
            | "source"
            | "sources"
            | "media"
            | "ministry"
            | "agency"
            | "government"
            | "report"
            | "reports"
            | "diplomat"
            | "diplomats"
            | "authorities"
            | "police"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "military"
            | "army"
            | "statement"
            | "statements"
            | "newspaper"
            | "outlet"
            | "outlets"
            | "office"
            | "observers"
            | "witnesses"
            | "witness"
            | "residents"
            | "lawmakers"
            | "lawmaker"
            | "intelligence"
            | "researchers"
            | "scientists"
            | "data"
            | "figures"
            | "study"
            | "survey"
            | "monitor"
            | "group"
            | "council"
            | "committee"
            | "correspondent"
            | "journalists"
            | "activists"
            | "critics"
            | "regime"
            | "leader"
            | "leadership"
            | "spokespeople"
            | "observer"
            | "commission"
            | "ministers"
            | "minister"
            | "president"
            | "presidency"
            | "embassy"
            | "state"
            | "tv"
            | "television"
            | "broadcaster"
            | "daily"
            | "paper"
            | "website"
            | "people"
            | "administration"
            | "kremlin"
            | "department"
            | "pentagon"
            | "command"
            | "staff"
            | "secretary"
            | "envoy"
            | "investigators"
            | "prosecutors"
            | "court"
            | "watchdog"
            | "documents"
            | "document"
            | "records"
            | "estimates"
            | "counts"
            | "tally"
            | "count"
            | "service"
            | "services"
            | "organisation"
            | "organization"
            | "union"
            | "bank"
            | "results"
            | "poll"
            | "polls"
            | "statistics"
            | "filing"
            | "filings"
    )
}

fn pronoun(w: &str) -> bool {
    matches!(w, "he" | "she" | "it" | "they")
}

fn preposition(w: &str) -> bool {
    matches!(
        w,
        "from" | "in" | "at" | "for" | "of" | "with" | "on" | "to"
    )
}

/// Auxiliaries and adverbs between a speaker and its verb: "Kim has also said".
fn aux_or_adverb(w: &str) -> bool {
    matches!(
        w,
        "has"
            | "have"
            | "had"
            | "also"
            | "later"
            | "earlier"
            | "previously"
            | "recently"
            | "once"
            | "reportedly"
            | "publicly"
            | "officially"
            | "separately"
            | "both"
            | "repeatedly"
            | "further"
            | "again"
            | "already"
            | "was"
            | "were"
            | "is"
            | "are"
            | "be"
            | "been"
            | "being"
            | "will"
            | "would"
            | "could"
            | "may"
            | "might"
            | "then"
            | "now"
    )
}

fn boundary_word(w: &str) -> bool {
    matches!(
        w,
        "that"
            | "which"
            | "who"
            | "whom"
            | "and"
            | "but"
            | "as"
            | "while"
            | "when"
            | "because"
            | "if"
            | "where"
            | "since"
            | "after"
            | "before"
            | "so"
            | "or"
            | "than"
            | "although"
            | "though"
            | "what"
            | "how"
            | "why"
            | "whether"
            | "also"
            | "even"
            | "however"
            | "meanwhile"
            | "yet"
            | "then"
            | "later"
            | "earlier"
            | "previously"
            | "recently"
            | "has"
            | "have"
            | "had"
            | "was"
            | "were"
            | "is"
            | "are"
            | "will"
            | "would"
            | "could"
            | "reportedly"
            | "once"
            | "publicly"
            | "officially"
            | "separately"
            | "both"
            | "repeatedly"
            | "further"
            | "again"
            | "already"
            | "not"
            | "did"
            | "does"
            | "do"
            | "never"
            | "been"
    )
}

fn determiner(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "various"
            | "several"
            | "some"
            | "many"
            | "its"
            | "their"
            | "his"
            | "her"
            | "per"
            | "unnamed"
            | "anonymous"
    )
}

/// Where quotation marks open and close: `true` for tokens inside a quotation.
pub(crate) fn quoted(text: &str, toks: &[Tok]) -> Vec<bool> {
    let mut inside = false;
    toks.iter()
        .map(|t| {
            if t.kind == Kind::Punct {
                match raw(text, t) {
                    "“" => {
                        inside = true;
                        return true;
                    }
                    "”" => {
                        inside = false;
                        return true;
                    }
                    "\"" => {
                        inside = !inside;
                        return true;
                    }
                    _ => {}
                }
            }
            inside
        })
        .collect()
}

fn possessive(w: &str) -> bool {
    w.ends_with("’s") || w.ends_with("'s")
}

/// Cleans a noun phrase given as token indices `a..b` into a source name, or `None` when it does
/// not name a source. With `any` (the subject of a speech verb) any common noun heads a source,
/// provided the phrase is anchored by an article, a count, a possessive or a capital, so that a
/// stray word before the verb ("… gathered outside said") is not taken for one.
fn source_name(text: &str, toks: &[Tok], a: usize, b: usize, any: bool) -> Option<String> {
    let mut a = a;
    let mut b = b;
    while a < b && toks[b - 1].kind == Kind::Punct {
        b -= 1;
    }
    if a >= b {
        return None;
    }
    // Before the first preposition, a later article starts the phrase: "last week the ministry".
    let first_prep = (a..b)
        .find(|&k| preposition(lw(text, &toks[k]).as_str()))
        .unwrap_or(b);
    if let Some(d) = (a + 1..first_prep)
        .rev()
        .find(|&k| matches!(lw(text, &toks[k]).as_str(), "the" | "a" | "an"))
    {
        a = d;
    }
    let determined = determiner(lw(text, &toks[a]).as_str());
    while a < b && toks[a].kind == Kind::Word && determiner(lw(text, &toks[a]).as_str()) {
        a += 1;
    }
    if a >= b {
        return None;
    }
    let lead = lw(text, &toks[a]);
    if negative_quantifier(lead.as_str())
        || boundary_word(lead.as_str()) && !acronym(raw(text, &toks[a]))
    {
        return None;
    }
    // "a translation by X", "statements from X", "a report by X": the source is X.
    for k in a + 1..b.saturating_sub(1) {
        let w = lw(text, &toks[k]);
        if matches!(w.as_str(), "by" | "from") {
            // "a statement released by her family": the participle is not the head.
            let participle = k >= a + 2 && lw(text, &toks[k - 1]).as_str().ends_with("ed");
            let head = lw(text, &toks[if participle { k - 2 } else { k - 1 }]);
            let by_only = matches!(
                head.as_str(),
                "report"
                    | "reports"
                    | "translation"
                    | "article"
                    | "post"
                    | "analysis"
                    | "interview"
                    | "quoted"
                    | "cited"
                    | "survey"
                    | "study"
                    | "poll"
            );
            if matches!(
                head.as_str(),
                "statement" | "statements" | "remarks" | "comments" | "message" | "data"
            ) || by_only && w.as_str() == "by"
            {
                return source_name(text, toks, k + 1, b, any);
            }
        }
    }
    // A parenthesised acronym names the source most briefly: "Korean Central News Agency (KCNA)".
    for k in a..b.saturating_sub(2) {
        if raw(text, &toks[k]) == "(" && raw(text, &toks[k + 2]) == ")" {
            let w = raw(text, &toks[k + 1]);
            if w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase() || c == '.') {
                return Some(w.to_string());
            }
        }
    }
    let first = &toks[a];
    let anchored = determined
        || is_cap(raw(text, first))
        || count_word(first, lw(text, first).as_str())
        || possessive(raw(text, first));
    let common_ok =
        |h: &str| source_noun(h) || any && anchored && !not_a_speaker(h) && !determiner(h);
    // "reports from Seoul", "officials in Seoul", "people familiar with the matter": the head
    // noun before the preposition decides.
    if let Some(p) = (a + 1..b).find(|&k| preposition(lw(text, &toks[k]).as_str())) {
        let mut h = p - 1;
        if h > a && knowing(lw(text, &toks[h]).as_str()) {
            h -= 1;
        }
        let head = lw(text, &toks[h]);
        if toks[h].kind == Kind::Word && !is_cap(raw(text, &toks[h])) && common_ok(head.as_str())
            || p == a + 1 && source_noun(lw(text, first).as_str())
        {
            return Some(span(text, toks, a, b));
        }
    }
    // "an NDRRMC report", "KCNA reports": the name is the source.
    if b - a >= 2
        && matches!(lw(text, &toks[b - 1]).as_str(), "report" | "reports")
        && is_cap(raw(text, &toks[b - 2]))
    {
        b -= 1;
    }
    let last = raw(text, &toks[b - 1]);
    if is_cap(last) || toks[b - 1].kind == Kind::Num {
        let mut s = b - 1;
        while s > a {
            let prev = &toks[s - 1];
            let pw = raw(text, prev);
            let joined = prev.end == toks[s].start;
            // "Bank of Korea", "Institute for the Study of War".
            let connector = s >= a + 2
                && (matches!(
                    pw,
                    "of" | "for" | "on" | "de" | "al" | "bin" | "van" | "von"
                ) && is_cap(raw(text, &toks[s - 2]))
                    || pw == "the"
                        && matches!(lw(text, &toks[s - 2]).as_str(), "of" | "for" | "on"));
            if (prev.kind == Kind::Word && (is_cap(pw) || joined))
                || connector
                || (pw == "-" && joined)
            {
                s -= 1;
            } else {
                break;
            }
        }
        // Titles before the name go: "Rep. Kang Dae-sik" → "Kang Dae-sik", "President Putin" → "Putin".
        while s + 1 < b && is_title(raw(text, &toks[s])) {
            s += 1;
            if raw(text, &toks[s]) == "." {
                s += 1;
            }
        }
        let name = span(text, toks, s, b);
        let name = name
            .strip_suffix("’s")
            .or_else(|| name.strip_suffix("'s"))
            .unwrap_or(&name)
            .to_string();
        return Some(name);
    }
    let head = lw(text, &toks[b - 1]);
    if toks[b - 1].kind != Kind::Word || !common_ok(head.as_str()) {
        return None;
    }
    // "a state media report": the medium is the source.
    if matches!(head.as_str(), "report" | "reports")
        && b - a >= 2
        && matches!(lw(text, &toks[b - 2]).as_str(), "media" | "agency" | "tv")
    {
        b -= 1;
    }
    Some(span(text, toks, a, b))
}

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
            | "leader"
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
            | "spokesman"
            | "spokeswoman"
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
            | "professor"
            | "prof"
            | "supreme"
            | "king"
            | "queen"
            | "pope"
    )
}

fn span(text: &str, toks: &[Tok], a: usize, b: usize) -> String {
    text.get(toks[a].start..toks[b - 1].end)
        .unwrap_or("")
        .to_string()
}

/// Forward noun phrase after `k` (exclusive end): stops at punctuation other than hyphens,
/// parentheses around an acronym, and clause or time words.
fn np_forward(text: &str, toks: &[Tok], k: usize, hi: usize) -> usize {
    let mut e = k;
    let mut words = 0;
    while e < hi && words < 12 {
        let t = &toks[e];
        let w = raw(text, t);
        if t.kind == Kind::Punct {
            let acronym = w == "(" && e + 2 < hi && raw(text, &toks[e + 2]) == ")";
            if acronym {
                e += 3;
                continue;
            }
            if w == "-" || w == "." && e > k && is_title(raw(text, &toks[e - 1])) {
                e += 1;
                continue;
            }
            break;
        }
        if e > k && forward_stop(text, toks, e) && !is_word(text, toks, e, "of") {
            break;
        }
        e += 1;
        words += 1;
    }
    e
}

/// Start of the noun phrase ending at token `end`, walking back over words (and hyphens or
/// title abbreviations) to punctuation, a quotation, a clause word or a reporting verb.
fn np_backward(text: &str, toks: &[Tok], quoted: &[bool], lo: usize, end: usize) -> usize {
    let mut s = end;
    let mut words = 0;
    while s > lo && words < 8 {
        let p = &toks[s - 1];
        let pw = raw(text, p);
        if p.kind == Kind::Punct {
            if pw == "-" && p.start == toks[s].start.saturating_sub(1)
                || pw == "." && s >= 2 && is_title(raw(text, &toks[s - 2]))
            {
                s -= 1;
                continue;
            }
            break;
        }
        if quoted.get(s - 1).copied().unwrap_or(false) {
            break;
        }
        let l = lw(text, p);
        let verb = reporting_verb(l.as_str()).is_some_and(|(_, n)| n == Needs::Nothing);
        if boundary_word(l.as_str()) || verb && !is_cap(pw) {
            break;
        }
        s -= 1;
        words += 1;
    }
    s
}

/// A short run of capitalised words (titles with their full stops allowed): "Maria Zakharova".
fn is_name(text: &str, toks: &[Tok], a: usize, b: usize) -> bool {
    let words = toks[a..b].iter().filter(|t| t.kind == Kind::Word).count();
    (1..=5).contains(&words)
        && toks[a..b].iter().enumerate().all(|(i, t)| {
            let w = raw(text, t);
            match t.kind {
                Kind::Word => is_cap(w),
                Kind::Punct => {
                    w == "-" || w == "." && i > 0 && is_title(raw(text, &toks[a + i - 1]))
                }
                Kind::Num => false,
            }
        })
}

/// Who reports speech in tokens `lo..hi` of a sentence: `(name, named)` where `named` is a proper
/// name that later pronouns may refer to.
pub(crate) fn speaker(
    text: &str,
    toks: &[Tok],
    quoted: &[bool],
    lo: usize,
    hi: usize,
    last_named: Option<&str>,
    words: u8,
) -> Option<(String, bool)> {
    let resolve = |name: String| -> Option<(String, bool)> {
        let l = name.to_ascii_lowercase();
        if pronoun(&l) {
            return last_named.map(|n| (n.to_string(), true));
        }
        let named = is_cap(&name) && !source_noun(l.rsplit(' ').next().unwrap_or(""));
        Some((name, named))
    };
    let inside = |k: usize| quoted.get(k).copied().unwrap_or(false);
    // A finding ("investigators found …") yields to whoever reports it ("…, the police chief
    // said"), so it is kept only as a fallback.
    let mut finding: Option<String> = None;
    // Reporting verbs, in text order, outside quotations. A capitalised one is a name ("the
    // United States"). Without one in the sentence (`keywords`' SPEAKER list), none is looked at.
    let verbs_end = if words & keywords::SPEAKER != 0 {
        hi
    } else {
        lo
    };
    for v in lo..verbs_end {
        let t = &toks[v];
        // Verbs are written in lower case, so the word is looked up as it stands.
        let w = raw(text, t);
        if t.kind != Kind::Word || !w.starts_with(|c: char| c.is_ascii_lowercase()) || inside(v) {
            continue;
        }
        let Some((class, needs)) = reporting_verb(w) else {
            continue;
        };
        // "declined to say", "is expected to announce": not a statement made.
        if v > lo && is_word(text, toks, v - 1, "to") {
            continue;
        }
        let that = v + 1 < hi && is_word(text, toks, v + 1, "that");
        let complete = match needs {
            Needs::Nothing => true,
            Needs::That => that,
            // "found no evidence": a negative finding is reported, not a result.
            Needs::Complement => {
                that || clause_ends(text, toks, v + 1, hi) || is_word(text, toks, v + 1, "no")
            }
        };
        if !complete {
            continue;
        }
        let any = class == Class::Speech;
        // "as reported by KCNA", "was cited by": passive, the agent follows.
        if v + 1 < hi && is_word(text, toks, v + 1, "by") {
            let e = np_forward(text, toks, v + 2, hi);
            if let Some(n) = source_name(text, toks, v + 2, e, any) {
                if any {
                    return resolve(n);
                }
                finding.get_or_insert(n);
            }
            continue;
        }
        // Inverted: “…,” said Ramon Pacheco Pardo, a Korea expert. The phrase must end the
        // clause, or "…, said the launch had failed" would make "launch" a speaker.
        let prev = (v > lo).then(|| raw(text, &toks[v - 1]));
        if matches!(prev, Some("," | "”" | "\"" | "’")) || (v == lo && v > 0) {
            let e = np_forward(text, toks, v + 1, hi);
            if e > v + 1 && clause_ends(text, toks, e, hi) {
                let first = &toks[v + 1];
                let any = any && (is_cap(raw(text, first)) || determiner(lw(text, first).as_str()));
                if let Some(n) = source_name(text, toks, v + 1, e, any) {
                    if any {
                        return resolve(n);
                    }
                    finding.get_or_insert(n);
                }
            }
        }
        // Subject before the verb, skipping auxiliaries and adverbs. A passive ("residents were
        // told", "it was reported") names no speaker before its verb.
        let mut j = v;
        let mut passive = false;
        while j > lo && toks[j - 1].kind == Kind::Word {
            let l = lw(text, &toks[j - 1]);
            if !aux_or_adverb(l.as_str()) {
                break;
            }
            passive |= matches!(
                l.as_str(),
                "was" | "were" | "is" | "are" | "be" | "been" | "being"
            );
            j -= 1;
        }
        if passive {
            continue;
        }
        // A parenthesis between subject and verb: "The agency, citing unnamed officials, said",
        // "Kirby, a spokesman for the council, said", "The ministry's spokeswoman, Maria
        // Zakharova, said" (where the name in commas is the speaker).
        if j > lo && raw(text, &toks[j - 1]) == "," {
            let close = j - 1;
            let mut k = close;
            while k > lo && raw(text, &toks[k - 1]) != "," && !inside(k - 1) && close - k < 16 {
                k -= 1;
            }
            if k > lo && k < close && raw(text, &toks[k - 1]) == "," {
                let open = k - 1;
                let s = np_backward(text, toks, quoted, lo, open);
                if s < open {
                    let titled =
                        is_name(text, toks, k, close) && !is_cap(raw(text, &toks[open - 1]));
                    let found = if titled {
                        source_name(text, toks, k, close, false)
                    } else {
                        source_name(text, toks, s, open, any)
                    };
                    if let Some(n) = found {
                        if any {
                            return resolve(n);
                        }
                        finding.get_or_insert(n);
                    }
                }
            }
            continue;
        }
        let s = np_backward(text, toks, quoted, lo, j);
        if s < j {
            let first = lw(text, &toks[s]);
            if s + 1 == j && pronoun(first.as_str()) {
                return resolve(first.as_str().to_string());
            }
            if let Some(n) = source_name(text, toks, s, j, any) {
                if any {
                    return resolve(n);
                }
                finding.get_or_insert(n);
            }
        }
    }
    if let Some(n) = finding {
        return resolve(n);
    }
    // "according to KCNA", "per Rodong Sinmun", "citing officials", "quoting a spokesman".
    for k in lo..hi {
        if inside(k) || toks[k].kind != Kind::Word {
            continue;
        }
        let w = raw(text, &toks[k]);
        let start = if w.eq_ignore_ascii_case("according") && is_word(text, toks, k + 1, "to") {
            k + 2
        } else if w.eq_ignore_ascii_case("per") && k + 1 < hi {
            let mut n = k + 1;
            while n < hi && is_word(text, toks, n, "per") {
                n += 1;
            }
            let unit = toks.get(n).map(|t| lw(text, t));
            if unit.is_some_and(|u| {
                matches!(
                    u.as_str(),
                    "cent"
                        | "capita"
                        | "day"
                        | "year"
                        | "week"
                        | "month"
                        | "hour"
                        | "person"
                        | "head"
                        | "unit"
                        | "share"
                        | "barrel"
                        | "ton"
                        | "tonne"
                        | "kilogram"
                        | "kg"
                        | "minute"
                        | "second"
                        | "annum"
                        | "se"
                )
            }) {
                continue;
            }
            n
        } else if (w.eq_ignore_ascii_case("citing") || w.eq_ignore_ascii_case("quoting"))
            && k + 1 < hi
        {
            k + 1
        } else {
            continue;
        };
        if start >= hi {
            continue;
        }
        let e = np_forward(text, toks, start, hi);
        // "according to a report citing the mayor's office": the source cited comes next.
        if is_word(text, toks, e, "citing") || is_word(text, toks, e, "quoting") {
            continue;
        }
        let by_unit = w.eq_ignore_ascii_case("per");
        if let Some(n) = source_name(text, toks, start, e, true)
            .or_else(|| (!by_unit).then(|| bare_plural(text, toks, start, e))?)
        {
            return resolve(n);
        }
    }
    None
}

/// A bare plural after "according to" or "citing" ("according to firefighters", "citing local
/// doctors"), not after "per" ("per pupils" is a rate): the preposition already says a source follows, so the phrase needs no article or
/// capital to anchor it, as the subject of "said" does. Bare singulars stay out: "according to
/// plan", "according to tradition".
fn bare_plural(text: &str, toks: &[Tok], a: usize, b: usize) -> Option<String> {
    let phrase = toks.get(a..b)?;
    let head = lw(text, phrase.last()?);
    let head = head.as_str();
    let plain = phrase
        .iter()
        .all(|t| t.kind == Kind::Word && !is_cap(raw(text, t)));
    (plain && phrase.len() <= 3 && head.len() >= 4 && head.ends_with('s') && !head.ends_with("ss"))
        .then(|| span(text, toks, a, b))
        .filter(|_| !not_a_speaker(head))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tok::tokenize;

    fn a(s: &str, last: Option<&str>) -> Option<String> {
        let mut toks = vec![];
        tokenize(s, 0, s.len(), &mut toks);
        let q = quoted(s, &toks);
        let words = keywords::families(s, &toks);
        let found = speaker(s, &toks, &q, 0, toks.len(), last, words).map(|x| x.0);
        let unskipped = speaker(s, &toks, &q, 0, toks.len(), last, u8::MAX).map(|x| x.0);
        assert_eq!(found, unskipped, "{s}");
        found
    }

    #[test]
    fn speaker_words_hold_every_reporting_verb() {
        let src = include_str!("attribution.rs");
        let body = src.split("fn reporting_verb").nth(1).unwrap_or("");
        let body = body.split("\n}\n").next().unwrap_or("");
        let verbs: Vec<&str> = body.split('"').skip(1).step_by(2).collect();
        assert!(verbs.len() > 90, "{verbs:?}");
        for w in verbs {
            assert!(
                reporting_verb(w).is_some() && SPEAKER_WORDS.contains(&w),
                "{w}"
            );
        }
    }

    #[test]
    fn a_bare_plural_after_according_to_is_a_source() {
        let cases = [
            (
                "Another person died, according to firefighters.",
                Some("firefighters"),
            ),
            (
                "Two people died, according to local doctors.",
                Some("local doctors"),
            ),
            ("The launch went ahead according to plan.", None),
            ("Prices rose by 3 cents per gallons sold.", None),
        ];
        for (s, want) in cases {
            assert_eq!(a(s, None).as_deref(), want, "{s}");
        }
    }

    #[test]
    fn reported_speech() {
        assert_eq!(
            a("Kim made the promise in a letter, according to KCNA.", None).as_deref(),
            Some("KCNA")
        );
        assert_eq!(
            a("Kim responded with a message, per per Rodong Sinmun.", None).as_deref(),
            Some("Rodong Sinmun")
        );
        assert_eq!(
            a("The ties are strong, Kim said.", None).as_deref(),
            Some("Kim")
        );
        assert_eq!(
            a(
                "Washington said Shoigu used his trip to request munitions.",
                None
            )
            .as_deref(),
            Some("Washington")
        );
        assert_eq!(
            a("Putin told Kim that Russia will help.", None).as_deref(),
            Some("Putin")
        );
        assert_eq!(
            a(
                "Troops fired rockets, the Financial Times reported last month.",
                None
            )
            .as_deref(),
            Some("Financial Times")
        );
        assert_eq!(
            a("Reports from Seoul indicate that 600 soldiers died.", None).as_deref(),
            Some("Reports from Seoul")
        );
        assert_eq!(
            a("The regimes grew closer, analysts say.", None).as_deref(),
            Some("analysts")
        );
        assert_eq!(
            a("Ties grew, state media reported.", None).as_deref(),
            Some("state media")
        );
        assert_eq!(
            a("Ties grew, per various state media reports.", None).as_deref(),
            Some("state media")
        );
    }

    #[test]
    fn quoted_speakers_and_titles() {
        assert_eq!(
            a("“Russia is in need of friends,” said Ramon Pacheco Pardo, a Korea expert at King’s College London.", None).as_deref(),
            Some("Ramon Pacheco Pardo")
        );
        assert_eq!(
            a("“This is desperate,” U.S. National Security Council spokesman John Kirby said earlier this month.", None).as_deref(),
            Some("John Kirby")
        );
        assert_eq!(
            a("He said the two countries are strong, according to the North’s official Korean Central News Agency (KCNA).", Some("Kim")).as_deref(),
            Some("Kim")
        );
        assert_eq!(a("Ties are good, according to the North’s official Korean Central News Agency (KCNA).", None).as_deref(), Some("KCNA"));
        assert_eq!(a("“It is fine,” he said.", None), None);
        assert_eq!(
            a(
                "John Kirby, a spokesman for the council, said talks failed.",
                None
            )
            .as_deref(),
            Some("John Kirby")
        );
    }

    #[test]
    fn common_noun_and_possessive_speakers() {
        for (s, want) in [
            ("Russia launched 48 drones overnight, Ukraine's air force said.", "Ukraine's air force"),
            ("The airline said the flight landed safely.", "airline"),
            ("Tesla delivered 466,140 vehicles, the company said on Sunday.", "company"),
            ("Exports grew 8.5% in July, customs data showed on Monday.", "customs data"),
            ("The report, published on Thursday, found that emissions fell.", "report"),
            ("The agency, citing unnamed officials, said the launch had failed.", "agency"),
            ("The ministry's spokeswoman, Maria Zakharova, said Moscow would respond.", "Maria Zakharova"),
            ("The deal may be signed soon, two sources familiar with the talks told Reuters.", "two sources familiar with the talks"),
            ("In March, the United States accused Russia of sending a delegation.", "United States"),
            ("“No one has claimed responsibility,” said Lt. Col. Richard Hecht, an army spokesman.", "Richard Hecht"),
            ("“We were told to leave,” one resident told the BBC.", "one resident"),
            ("Last week the ministry said prices rose.", "ministry"),
            ("According to people briefed on the matter, the deal is worth $2 billion.", "people briefed on the matter"),
            ("Russian forces may attack, the Institute for the Study of War said.", "Institute for the Study of War"),
            ("The researchers found no link between the vaccine and autism.", "researchers"),
            ("Investigators found no evidence of foul play, the police chief said.", "police chief"),
            ("Officials fear the death toll could rise further.", "Officials"),
        ] {
            assert_eq!(a(s, None).as_deref(), Some(want), "{s}");
        }
    }

    #[test]
    fn verbs_that_report_nothing_here() {
        for s in [
            "The company reported a net profit of $1.2 billion.",
            "The findings suggest the vaccine may be less effective.",
            "The government rejected claims that it had used chemical weapons.",
            "Neither side has confirmed the casualty figures.",
            "Officials did not say how many people were missing.",
            "Residents were told to leave their homes.",
            "It was reported that the ship had been seized.",
            "Protesters who gathered outside said nothing.",
            "Officials at the Pentagon declined to say whether it was deployed.",
            "Police found the body of a woman.",
            "The ministry was criticised amid fears that prices would rise.",
        ] {
            assert_eq!(a(s, None), None, "{s}");
        }
    }

    #[test]
    fn no_speaker() {
        assert_eq!(a("Both countries face heavy sanctions.", None), None);
        assert_eq!(a("The tax is 5 per cent.", None), None);
        assert_eq!(a("“We will win,” the banner read.", None), None);
    }
}
