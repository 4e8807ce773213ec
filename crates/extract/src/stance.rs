//! Hedging ("reportedly", "could") and negation ("did not", "have both denied") within a claim's
//! own text.

use regex::Regex;
use std::sync::LazyLock;

static HEDGE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:reportedly|allegedly|alleged|purportedly|supposedly|apparent(?:ly)?|appears?|appeared|seem(?:s|ed|ingly)?|suggest(?:s|ed|ing)?|could|might|(?-i:may)|possibl[ey]|probabl[ey]|(?:un)?likely|perhaps|believed\s+to|thought\s+to|said\s+to\s+be|signs\s+are\s+mounting|unconfirmed|unverified|rumou?red|presumably|speculat(?:e|ed|ion)|expected\s+to)(?-u:\b)",
    )
    .ok()
});

static NEGATION: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:not|never|no\s+longer|no|none|neither|nor|nobody|nothing|deny|denies|denied|denying|denial|reject(?:s|ed|ing)?|dismiss(?:es|ed|ing)?|refut(?:e|es|ed))(?-u:\b)|n[’']t(?-u:\b)",
    )
    .ok()
});

/// True when the text softens what it states.
pub fn hedged(s: &str) -> bool {
    HEDGE.as_ref().is_some_and(|r| r.is_match(s))
}

/// True when the text negates or denies what it states. "not only" is emphasis, not negation.
pub fn negated(s: &str) -> bool {
    let Some(r) = NEGATION.as_ref() else {
        return false;
    };
    r.find_iter(s).any(|m| {
        let rest = s.get(m.end()..).unwrap_or("").trim_start();
        let w = m.as_str().to_ascii_lowercase();
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

    #[test]
    fn hedges() {
        for s in [
            "Approximately 600 North Korean troops have reportedly died.",
            "It appears that Russia has turned to rogue nations.",
            "Signs are mounting that Russia is seeking weapons.",
            "Russia could expedite North Korea's pursuits.",
            "The missiles may have been supplied by Pyongyang.",
            "The plane was believed to be carrying arms.",
        ] {
            assert!(hedged(s), "{s}");
        }
        assert!(!hedged("The talks took place in May."));
        assert!(!hedged("Kim met Putin in 2019."));
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
        ] {
            assert!(negated(s), "{s}");
        }
        assert!(!negated("Not only Russia but also China voted."));
        assert!(!negated("Kim met Putin in 2019."));
    }
}
