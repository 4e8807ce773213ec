//! Who a claim is attributed to: "according to KCNA", "per Rodong Sinmun", "Kim said",
//! "… ,” said Ramon Pacheco Pardo", "state media reported", "reports from Seoul indicate".
//!
//! Speakers are found around reporting verbs outside quotation marks. A name ends at its last
//! capitalised run ("U.S. National Security Council spokesman John Kirby" → "John Kirby"); a
//! common-noun source is kept only when its head is a source noun ("analysts", "state media").
//! Pronouns resolve to the last named speaker of the article.

use crate::tok::{is_cap, lower, Kind, Tok};

fn lw(text: &str, t: &Tok) -> String {
    text.get(t.start..t.end).unwrap_or("").to_ascii_lowercase()
}

fn raw<'a>(text: &'a str, t: &Tok) -> &'a str {
    text.get(t.start..t.end).unwrap_or("")
}

/// Verbs that report speech whatever follows them.
fn speech_verb(w: &str) -> bool {
    matches!(
        w,
        "said"
            | "says"
            | "say"
            | "told"
            | "tells"
            | "stated"
            | "states"
            | "added"
            | "adds"
            | "noted"
            | "announced"
            | "announces"
            | "confirmed"
            | "confirms"
            | "warned"
            | "warns"
            | "wrote"
            | "writes"
            | "tweeted"
            | "insisted"
            | "insists"
            | "argued"
            | "argues"
            | "explained"
            | "revealed"
            | "reveals"
            | "indicated"
            | "indicate"
            | "indicates"
            | "acknowledged"
            | "admitted"
            | "admits"
            | "alleged"
            | "alleges"
            | "disclosed"
            | "declared"
            | "stressed"
            | "emphasised"
            | "emphasized"
            | "asserted"
            | "reported"
            | "believe"
            | "believes"
            | "accused"
            | "accuses"
            | "cautioned"
            | "predicted"
            | "concluded"
            | "estimated"
            | "reiterated"
            | "suggested"
            | "suggest"
            | "suggests"
            | "claimed"
            | "quoted"
            | "cited"
            | "charged"
            | "testified"
            | "remarked"
            | "commented"
            | "replied"
            | "mentioned"
            | "recalled"
            | "contended"
            | "maintained"
            | "countered"
            | "conceded"
            | "observed"
    )
}

/// Nouns or verbs that report speech only when "that" follows: "reports that", "claims that".
fn that_verb(w: &str) -> bool {
    matches!(
        w,
        "report"
            | "reports"
            | "claim"
            | "claims"
            | "note"
            | "notes"
            | "estimate"
            | "estimates"
            | "show"
            | "shows"
            | "showed"
            | "found"
            | "find"
            | "finds"
            | "think"
            | "thinks"
            | "argue"
            | "warn"
            | "insist"
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
    )
}

fn pronoun(w: &str) -> bool {
    matches!(w, "he" | "she" | "it" | "they")
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

/// Cleans a noun phrase given as token indices `a..b` into a source name, or `None` when it does
/// not name a source.
fn source_name(text: &str, toks: &[Tok], a: usize, b: usize) -> Option<String> {
    let mut a = a;
    let mut b = b;
    while a < b && toks[a].kind == Kind::Word && determiner(&lw(text, &toks[a])) {
        a += 1;
    }
    while a < b && toks[b - 1].kind == Kind::Punct {
        b -= 1;
    }
    if a >= b {
        return None;
    }
    // "a translation by X", "statements from X", "a report by X": the source is X.
    for k in a..b {
        let w = lw(text, &toks[k]);
        if (w == "by" || w == "from") && k > a && k + 1 < b {
            let head = lw(text, &toks[k - 1]);
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
            );
            if matches!(
                head.as_str(),
                "statement" | "statements" | "remarks" | "comments" | "message"
            ) || by_only && w == "by"
            {
                return source_name(text, toks, k + 1, b);
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
    while a < b && toks[b - 1].kind == Kind::Punct {
        b -= 1;
    }
    let last = raw(text, &toks[b - 1]);
    let first_lower = lw(text, &toks[a]);
    // "reports from Seoul", "officials in Seoul": a source noun with its place.
    if let Some(p) = (a + 1..b).find(|&k| {
        matches!(
            lw(text, &toks[k]).as_str(),
            "from" | "in" | "at" | "for" | "of"
        )
    }) {
        if source_noun(&lw(text, &toks[p - 1])) && !is_cap(raw(text, &toks[p - 1]))
            || source_noun(&first_lower) && p == a + 1
        {
            return Some(span(text, toks, a, b));
        }
    }
    if is_cap(last) || toks[b - 1].kind == Kind::Num {
        let mut s = b - 1;
        while s > a {
            let prev = &toks[s - 1];
            let pw = raw(text, prev);
            let joined = prev.end == toks[s].start;
            let connector = matches!(pw, "of" | "de" | "al" | "bin" | "van" | "von")
                && s >= a + 2
                && is_cap(raw(text, &toks[s - 2]));
            if (prev.kind == Kind::Word && is_cap(pw))
                || connector
                || (pw == "-" && joined)
                || (prev.kind == Kind::Word && joined && s >= 1)
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
    if !source_noun(&head) {
        return None;
    }
    // "a state media report", "state media outlets": the medium is the source.
    if matches!(head.as_str(), "report" | "reports" | "outlet" | "outlets")
        && b - a >= 2
        && matches!(lw(text, &toks[b - 2]).as_str(), "media" | "agency" | "tv")
    {
        b -= 1;
    }
    // "Pyongyang's state media": the owner is context, the medium the source.
    if b - a >= 2 && (raw(text, &toks[a]).ends_with("’s") || raw(text, &toks[a]).ends_with("'s"))
    {
        a += 1;
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
/// parentheses around an acronym, and clause words.
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
        let l = w.to_ascii_lowercase();
        if e > k && (boundary_word(&l) || speech_verb(&l)) && !matches!(l.as_str(), "of") {
            break;
        }
        e += 1;
        words += 1;
    }
    e
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
) -> Option<(String, bool)> {
    let resolve = |name: String| -> Option<(String, bool)> {
        let l = name.to_ascii_lowercase();
        if pronoun(&l) {
            return last_named.map(|n| (n.to_string(), true));
        }
        let named = is_cap(&name) && !source_noun(l.split_whitespace().last().unwrap_or(""));
        Some((name, named))
    };
    // Reporting verbs, in text order, outside quotations.
    for v in lo..hi {
        let t = &toks[v];
        if t.kind != Kind::Word || quoted.get(v).copied().unwrap_or(false) {
            continue;
        }
        let w = lw(text, t);
        let that_follows = v + 1 < hi && lw(text, &toks[v + 1]) == "that";
        if !(speech_verb(&w) || that_verb(&w) && that_follows) {
            continue;
        }
        // "as reported by KCNA", "was cited by": passive, the agent follows.
        if v + 1 < hi && lw(text, &toks[v + 1]) == "by" {
            let e = np_forward(text, toks, v + 2, hi);
            if let Some(n) = source_name(text, toks, v + 2, e) {
                return resolve(n);
            }
            continue;
        }
        // Inverted: “…,” said Ramon Pacheco Pardo, a Korea expert.
        let prev = v
            .checked_sub(1)
            .filter(|&p| p >= lo)
            .map(|p| raw(text, &toks[p]));
        if matches!(prev, Some("," | "”" | "\"" | "’")) || (v == lo && v > 0) {
            let mut e = v + 1;
            while e < hi
                && toks[e].kind == Kind::Word
                && (is_cap(raw(text, &toks[e]))
                    || determiner(&lw(text, &toks[e]))
                    || source_noun(&lw(text, &toks[e]))
                    || matches!(raw(text, &toks[e]), "of" | "de"))
            {
                e += 1;
                while e < hi && raw(text, &toks[e]) == "-" && e + 1 < hi {
                    e += 2;
                }
            }
            if e > v + 1 {
                if let Some(n) = source_name(text, toks, v + 1, e) {
                    return resolve(n);
                }
            }
        }
        // Subject before the verb, skipping auxiliaries and adverbs: "Kim has also said".
        let mut j = v;
        while j > lo
            && toks[j - 1].kind == Kind::Word
            && matches!(
                lw(text, &toks[j - 1]).as_str(),
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
                    | "will"
                    | "would"
                    | "could"
                    | "may"
                    | "might"
                    | "then"
                    | "now"
            )
        {
            j -= 1;
        }
        let end = j;
        // Appositive: "Kirby, a spokesman for the council, said".
        if j > lo && raw(text, &toks[j - 1]) == "," {
            let mut k = j - 1;
            while k > lo
                && raw(text, &toks[k - 1]) != ","
                && !quoted.get(k - 1).copied().unwrap_or(false)
            {
                k -= 1;
            }
            if k > lo && k + 1 < j && determiner(&lw(text, &toks[k])) {
                let mut s = k - 1;
                while s > lo && toks[s - 1].kind == Kind::Word && is_cap(raw(text, &toks[s - 1])) {
                    s -= 1;
                }
                if s < k - 1 || is_cap(raw(text, &toks[s])) {
                    if let Some(n) = source_name(text, toks, s, k - 1) {
                        return resolve(n);
                    }
                }
            }
            continue;
        }
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
            let l = pw.to_ascii_lowercase();
            if boundary_word(&l) || speech_verb(&l) {
                break;
            }
            s -= 1;
            words += 1;
        }
        if s < end {
            let first = lw(text, &toks[s]);
            if s + 1 == end && pronoun(&first) {
                return resolve(first);
            }
            if let Some(n) = source_name(text, toks, s, end) {
                return resolve(n);
            }
        }
    }
    // "according to KCNA", "per Rodong Sinmun".
    for k in lo..hi {
        if quoted.get(k).copied().unwrap_or(false) || toks[k].kind != Kind::Word {
            continue;
        }
        let w = lw(text, &toks[k]);
        let start = if w == "according" && k + 1 < hi && lw(text, &toks[k + 1]) == "to" {
            k + 2
        } else if w == "per" && k + 1 < hi {
            let mut n = k + 1;
            while n < hi && lw(text, &toks[n]) == "per" {
                n += 1;
            }
            let next = toks.get(n).map(|t| lw(text, t)).unwrap_or_default();
            if matches!(
                next.as_str(),
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
            ) {
                continue;
            }
            n
        } else if w == "citing" && k + 1 < hi {
            k + 1
        } else {
            continue;
        };
        let e = np_forward(text, toks, start, hi);
        if let Some(n) = source_name(text, toks, start, e) {
            return resolve(n);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tok::tokenize;

    fn a(s: &str, last: Option<&str>) -> Option<String> {
        let mut toks = vec![];
        tokenize(s, 0, s.len(), &mut toks);
        let q = quoted(s, &toks);
        speaker(s, &toks, &q, 0, toks.len(), last).map(|x| x.0)
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
    fn no_speaker() {
        assert_eq!(a("Both countries face heavy sanctions.", None), None);
        assert_eq!(a("The tax is 5 per cent.", None), None);
        assert_eq!(a("“We will win,” the banner read.", None), None);
    }
}
