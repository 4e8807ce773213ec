//! Word lists that tell a full stop after an abbreviation from one that ends a sentence.
//!
//! Keys are lower case without the final full stop; inner full stops are kept ("e.g", "a.m").

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// How an abbreviation behaves when the next word is capitalised.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Abbrev {
    /// Stands before a name, so never ends a sentence: "Mr.", "Gen.", "St.", "Mt.".
    Title,
    /// Is followed by more of the sentence: "vs.", "cf.", "e.g.", "i.e.".
    Inner,
    /// Stands before a number ("No. 5", "p. 55", "Fig. 3"); before a word it ends a sentence only
    /// when that word usually starts one.
    Numbering,
    /// Ends a company or person name ("Inc.", "Co.", "Jr."), and often the sentence with it.
    NameSuffix,
    /// Capitalised months, weekdays and US states: the sentence ends only before a usual starter,
    /// because "Jan. Smith" is rare but "Ill. Gov. Quinn" and "Nov. Elections" are not.
    Capitalised,
    /// "a.m." and "p.m.": followed by a capital, they usually end the sentence ("at 6 p.m. Police
    /// said") unless a weekday, month or time zone follows ("10 a.m. Tuesday").
    Time,
    /// Anything else known to take a full stop ("etc.", "min.", "dept."): a capital next ends the
    /// sentence, but a digit next does not.
    Plain,
}

const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "mx", "messrs", "mme", "mlle", "dr", "prof", "gen", "gens", "lt", "col",
    "maj", "capt", "cpt", "cmdr", "cdr", "comdr", "adm", "brig", "sgt", "cpl", "pvt", "pfc", "spc",
    "ens", "lieut", "sen", "sens", "rep", "reps", "gov", "govs", "atty", "supt", "det", "insp",
    "amb", "hon", "rt", "rev", "fr", "msgr", "pres", "st", "ste", "mt", "ft", "sra", "srta",
    "const", "dep", "cllr",
];
const INNER: &[&str] = &[
    "vs", "v", "viz", "cf", "approx", "appr", "ca", "incl", "esp", "e.g", "i.e", "eg", "ie",
    "a.k.a", "resp", "et",
];
const NUMBERING: &[&str] = &[
    "no", "nos", "nr", "nrs", "n°", "vol", "vols", "p", "pp", "fig", "figs", "art", "arts", "sec",
    "secs", "ch", "chap", "para", "paras", "tel", "ext", "ref", "refs", "rs", "op", "ed", "eds",
    "tab", "vers", "ver", "rev'd", "div", "apt", "rm", "bldg", "gr",
];
const NAME_SUFFIXES: &[&str] = &[
    "inc", "co", "cos", "corp", "ltd", "plc", "llc", "jr", "sr", "bros", "esq", "ltda", "mfg",
    "assn", "intl", "cie", "pty",
];
const CAPITALISED: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon",
    "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "ala", "ariz", "ark",
    "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "kans", "ky", "la", "md",
    "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "tenn", "tex",
    "va", "vt", "wash", "wis", "wyo", "ave", "blvd", "rd", "hwy", "univ", "dist", "gov't", "natl",
    "sq",
];
const TIME: &[&str] = &["a.m", "p.m"];
const PLAIN: &[&str] = &[
    "etc", "al", "est", "dept", "depts", "govt", "min", "max", "med", "btw", "f.e", "misc", "avg",
    "wk", "wks", "yr", "yrs", "hr", "hrs", "mos", "ibid", "cit", "lb", "lbs", "oz", "pct", "mln",
    "bln", "dlrs", "cts", "approx", "abbr", "admin", "alt", "anon", "assoc", "attn", "dept", "dir",
    "div", "dist", "ed", "eqn", "excl", "govt", "inst", "intro", "lang", "lit", "mgr", "mgmt",
    "natl", "orig", "pl", "pref", "prev", "pub", "qty", "sing", "std", "tech", "temp", "univ",
    "vet", "yd", "yds", "kg", "km", "cm", "mm", "ml", "sq", "cu",
];

static TABLE: LazyLock<HashMap<&'static str, Abbrev>> = LazyLock::new(|| {
    let mut m = HashMap::new();
    // Later lists do not override earlier ones: a word in two lists keeps the safer reading.
    for (list, kind) in [
        (TITLES, Abbrev::Title),
        (INNER, Abbrev::Inner),
        (TIME, Abbrev::Time),
        (NUMBERING, Abbrev::Numbering),
        (NAME_SUFFIXES, Abbrev::NameSuffix),
        (CAPITALISED, Abbrev::Capitalised),
        (PLAIN, Abbrev::Plain),
    ] {
        for w in list {
            m.entry(*w).or_insert(kind);
        }
    }
    m
});

/// Words that begin sentences far more often than they continue a name, so a full stop after an
/// ambiguous abbreviation ("U.S.", "No.", "Jan.") before one of them ends the sentence.
static STARTERS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    [
        "A",
        "After",
        "All",
        "Also",
        "An",
        "And",
        "Another",
        "As",
        "At",
        "Being",
        "Both",
        "But",
        "By",
        "Did",
        "During",
        "Each",
        "Even",
        "For",
        "From",
        "He",
        "Her",
        "Here",
        "His",
        "How",
        "However",
        "I",
        "If",
        "In",
        "It",
        "Its",
        "Last",
        "Many",
        "Meanwhile",
        "Millions",
        "More",
        "Most",
        "My",
        "No",
        "Now",
        "On",
        "One",
        "Our",
        "She",
        "Since",
        "So",
        "Some",
        "Still",
        "Such",
        "That",
        "The",
        "Their",
        "Then",
        "There",
        "These",
        "They",
        "This",
        "Those",
        "Thus",
        "To",
        "Two",
        "Under",
        "We",
        "What",
        "When",
        "Where",
        "While",
        "Who",
        "Why",
        "With",
        "Yet",
        "You",
    ]
    .into_iter()
    .collect()
});

/// Words after "a.m."/"p.m." that continue the time expression.
static TIME_FOLLOWERS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "Mon",
        "Tue",
        "Wed",
        "Thu",
        "Fri",
        "Sat",
        "Sun",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Sept",
        "Oct",
        "Nov",
        "Dec",
        "EST",
        "EDT",
        "CST",
        "CDT",
        "MST",
        "MDT",
        "PST",
        "PDT",
        "ET",
        "CT",
        "MT",
        "PT",
        "GMT",
        "UTC",
        "BST",
        "CET",
        "CEST",
        "IST",
        "JST",
        "KST",
        "AEST",
        "AEDT",
        "HKT",
        "SGT",
        "WIB",
        "Eastern",
        "Central",
        "Mountain",
        "Pacific",
        "Moscow",
        "Beijing",
        "Tokyo",
        "Seoul",
        "Hong",
        "London",
        "Paris",
        "New",
        "Washington",
    ]
    .into_iter()
    .collect()
});

/// Words that continue a company name after "Co." or "Inc.": "GmbH & Co. KG".
static NAME_CONTINUATIONS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    [
        "KG", "KGaA", "AG", "LLC", "LLP", "LP", "Ltd", "Inc", "Corp", "Co", "Cos", "Plc", "PLC",
        "OHG",
    ]
    .into_iter()
    .collect()
});

/// Verbs that attribute a quotation: `"Why?" Smith asked.` continues the sentence.
static SPEECH_VERBS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    [
        "said",
        "says",
        "asked",
        "asks",
        "told",
        "tells",
        "added",
        "adds",
        "recalled",
        "recalls",
        "tweeted",
        "wrote",
        "writes",
        "shouted",
        "yelled",
        "screamed",
        "cried",
        "replied",
        "continued",
        "explained",
        "insisted",
        "thundered",
        "exclaimed",
        "wondered",
        "demanded",
        "declared",
        "warned",
        "noted",
        "stated",
        "posted",
    ]
    .into_iter()
    .collect()
});

/// The class of `word` (the token before a full stop, without it), if it is a known abbreviation.
pub(crate) fn lookup(word: &str) -> Option<Abbrev> {
    let mut buf = [0u8; 16];
    let bytes = word.as_bytes();
    if bytes.is_empty() || bytes.len() > buf.len() {
        return None;
    }
    for (dst, src) in buf.iter_mut().zip(bytes) {
        *dst = src.to_ascii_lowercase();
    }
    let lower = std::str::from_utf8(&buf[..bytes.len()]).ok()?;
    let kind = *TABLE.get(lower)?;
    let capital = word.starts_with(|c: char| c.is_uppercase());
    // A lower-case "ill." or "wash." is the word, not the state; "CA." and "IE." are not "ca."
    // (circa) and "ie.".
    if kind == Abbrev::Capitalised && !capital || kind == Abbrev::Inner && capital && word.len() > 1
    {
        return None;
    }
    Some(kind)
}

pub(crate) fn is_starter(word: &str) -> bool {
    STARTERS.contains(word)
}

pub(crate) fn continues_time(word: &str) -> bool {
    TIME_FOLLOWERS.contains(word)
}

pub(crate) fn is_speech_verb(word: &str) -> bool {
    SPEECH_VERBS.contains(word)
}

pub(crate) fn continues_name(word: &str) -> bool {
    NAME_CONTINUATIONS.contains(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookup_is_case_insensitive_except_for_capitalised_words() {
        assert_eq!(lookup("Mr"), Some(Abbrev::Title));
        assert_eq!(lookup("MR"), Some(Abbrev::Title));
        assert_eq!(lookup("Inc"), Some(Abbrev::NameSuffix));
        assert_eq!(lookup("e.g"), Some(Abbrev::Inner));
        assert_eq!(lookup("P.M"), Some(Abbrev::Time));
        assert_eq!(lookup("Ill"), Some(Abbrev::Capitalised));
        assert_eq!(lookup("ill"), None);
        assert_eq!(lookup("CA"), None);
        assert_eq!(lookup("ca"), Some(Abbrev::Inner));
        assert_eq!(lookup("house"), None);
        assert_eq!(lookup(""), None);
        assert_eq!(lookup("averyveryverylongword"), None);
    }

    #[test]
    fn word_lists() {
        assert!(is_starter("The"));
        assert!(!is_starter("Government"));
        assert!(continues_time("Tuesday"));
        assert!(continues_name("KG"));
    }
}
