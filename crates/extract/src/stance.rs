//! Hedging ("reportedly", "could") and negation ("did not", "have both denied") within a claim's
//! own text.

use regex::Regex;
use std::sync::LazyLock;

static HEDGE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:reportedly|allegedly|alleged|alleges?|purportedly|supposedly|apparent(?:ly)?|appears?|appeared|seem(?:s|ed|ingly)?|suggest(?:s|ed|ing)?|could|might|(?-i:may)|possibl[ey]|probabl[ey]|(?:un)?likely|perhaps|believe[sd]?|thought\s+to|it\s+(?:is|was|has\s+been)\s+(?:reported|said|alleged|claimed|rumou?red|understood)|unclear|uncertain|said\s+to\s+be|signs\s+are\s+mounting|unconfirmed|unverified|rumou?red|presumably|speculat(?:e|ed|ion)|expected\s+to)(?-u:\b)",
    )
    .ok()
});

static NEGATION: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:not|never|no\s+longer|no|none|neither|nor|nobody|nothing|deny|denies|denied|denying|denial|reject(?:s|ed|ing)?|dismiss(?:es|ed|ing)?|refut(?:e|es|ed)|without\s+(?:a|an|any))(?-u:\b)|n[’']t(?-u:\b)",
    )
    .ok()
});

/// Lower-case words one of which every match of `HEDGE` holds as a whole ASCII word (a phrase
/// by its rarest word), for `keywords`.
#[rustfmt::skip]
pub(crate) const HEDGE_WORDS: &[&str] = &[
    "reportedly", "allegedly", "alleged", "allege", "alleges", "purportedly", "supposedly",
    "apparent", "apparently", "appear", "appears", "appeared", "seem", "seems", "seemed",
    "seemingly", "suggest", "suggests", "suggested", "suggesting", "could", "might", "may",
    "possible", "possibly", "probable", "probably", "likely", "unlikely", "perhaps", "believe",
    "believes", "believed", "thought", "reported", "said", "claimed", "rumored", "rumoured",
    "understood", "unclear", "uncertain", "signs", "unconfirmed", "unverified", "presumably",
    "speculate", "speculated", "speculation", "expected",
];

/// The same for `NEGATION`, but for its "n't", which `keywords` looks for inside words.
#[rustfmt::skip]
pub(crate) const NEGATION_WORDS: &[&str] = &[
    "not", "never", "no", "none", "neither", "nor", "nobody", "nothing", "deny", "denies",
    "denied", "denying", "denial", "reject", "rejects", "rejected", "rejecting", "dismiss",
    "dismisses", "dismissed", "dismissing", "refute", "refutes", "refuted", "without",
];

/// True when the text softens what it states. "could not" states an inability, not a possibility.
pub fn hedged(s: &str) -> bool {
    let Some(r) = HEDGE.as_ref() else {
        return false;
    };
    r.find_iter(s).any(|m| {
        !(m.as_str().eq_ignore_ascii_case("could")
            && s.get(m.end()..)
                .is_some_and(|rest| rest.trim_start().starts_with("not")))
    })
}

/// True when the text negates or denies what it states. "not only" is emphasis, not negation; a
/// passive "was dismissed" is a firing or a ruling, not a denial.
pub fn negated(s: &str) -> bool {
    let Some(r) = NEGATION.as_ref() else {
        return false;
    };
    r.find_iter(s).any(|m| {
        let rest = s.get(m.end()..).unwrap_or("").trim_start();
        let w = m.as_str().to_ascii_lowercase();
        let before = s
            .get(..m.start())
            .unwrap_or("")
            .trim_end()
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        let passive = ["was", "were", "been", "be", "is", "are"]
            .iter()
            .any(|aux| before.eq_ignore_ascii_case(aux));
        if w.starts_with("dismiss") && passive {
            return false;
        }
        !(w == "not" && (rest.starts_with("only") || rest.starts_with("least")))
            && !(w == "no"
                && (rest.starts_with("doubt")
                    || rest.starts_with('.')
                    || rest.starts_with(|c: char| c.is_ascii_digit())))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keywords;

    /// Whether `keywords` finds a word of `family` in `s`, as it must wherever a pattern matches.
    fn listed(s: &str, family: u8) -> bool {
        let mut toks = vec![];
        crate::tok::tokenize(s, 0, s.len(), &mut toks);
        keywords::families(s, &toks) & family != 0
    }

    #[test]
    fn hedges() {
        for s in [
            "Approximately 600 North Korean troops have reportedly died.",
            "It appears that Russia has turned to rogue nations.",
            "Signs are mounting that Russia is seeking weapons.",
            "Russia could expedite North Korea's pursuits.",
            "The missiles may have been supplied by Pyongyang.",
            "The plane was believed to be carrying arms.",
            "Turkish officials believe the attack was planned in Syria.",
            "It was reported that the ship had been seized.",
            "It is unclear whether the strike was authorised.",
            "Prosecutors allege that the firm hid losses.",
        ] {
            assert!(hedged(s) && listed(s, keywords::HEDGE), "{s}");
        }
        assert!(!hedged("The talks took place in May."));
        assert!(!hedged("Kim met Putin in 2019."));
        assert!(!hedged("The claims could not be independently verified."));
        assert!(hedged(
            "The claims could be exaggerated and could not be verified."
        ));
    }

    #[test]
    fn negations() {
        for s in [
            "Letters did not mention any weapons sales.",
            "which Moscow and Pyongyang have both denied",
            "It does not pose a threat to anyone.",
            "The ministry rejected claims that troops were deployed.",
            "Pyongyang has never confirmed the deployment.",
            "He said the report wasn't accurate.",
            "Neither the isolation nor sanctions have stopped it.",
            "The talks ended without an agreement.",
            "The board dismissed the allegations as baseless.",
        ] {
            assert!(negated(s) && listed(s, keywords::NEGATION), "{s}");
        }
        assert!(!negated("Not only Russia but also China voted."));
        assert!(!negated("Kim met Putin in 2019."));
        assert!(!negated("The general was dismissed last week."));
        assert!(!negated("The storm left homes without power."));
    }
}
