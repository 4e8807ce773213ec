//! Words → normalised content terms: lower case, stop words dropped, light suffix stripping, and a
//! small table of news synonyms, so that "supplying munitions" and "provide weapons" meet.

/// A stable 64-bit hash (FNV-1a, then a splitmix finaliser): the same on every machine, run and
/// thread, unlike `RandomState`, so blocking keys can be computed anywhere and shuffled by value.
pub fn stable_hash(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    mix(h)
}

/// splitmix64's finaliser: spreads every input bit over the output.
pub fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Lower-cased alphanumeric runs. Apostrophes end a word ("Korea's" → "korea", "s").
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            if w.is_ascii() {
                w.to_ascii_lowercase()
            } else {
                w.to_lowercase()
            }
        })
}

/// Calls `f` with each lower-cased alphanumeric run of `text`, as [`words`] yields them, without
/// allocating for words that are already lower-case ASCII (most of them).
pub fn for_each_word(text: &str, mut f: impl FnMut(&str)) {
    let mut buf = String::new();
    for w in text.split(|c: char| !c.is_alphanumeric()) {
        if w.is_empty() {
            continue;
        }
        if w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
            f(w);
        } else {
            buf.clear();
            if w.is_ascii() {
                buf.push_str(w);
                buf.make_ascii_lowercase();
            } else {
                buf.push_str(&w.to_lowercase());
            }
            f(&buf);
        }
    }
}

/// The stable hash of the term of a lower-cased word ([`term`]), or `None` for a word without
/// one. Memoised per thread: news vocabulary is small and repetitive, and stemming every
/// occurrence costs more than one hash lookup. The result is a pure function of the word, so the
/// cache never changes an answer.
pub fn term_key(word: &str) -> Option<u64> {
    use std::cell::RefCell;
    thread_local! {
        static CACHE: RefCell<rustc_hash::FxHashMap<Box<str>, Option<u64>>> =
            RefCell::new(rustc_hash::FxHashMap::default());
    }
    CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some(&key) = cache.get(word) {
            return key;
        }
        let key = term(word).map(|t| stable_hash(t.as_bytes()));
        // Bounded: a corpus with an endless vocabulary (random tokens) must not grow it forever.
        if cache.len() >= 1 << 18 {
            cache.clear();
        }
        cache.insert(word.into(), key);
        key
    })
}

/// Function words and reporting verbs: frequent in every news sentence, so they say nothing about
/// which fact a sentence states.
const STOP: &[&str] = &[
    "a",
    "about",
    "above",
    "according",
    "after",
    "again",
    "against",
    "all",
    "also",
    "although",
    "am",
    "among",
    "an",
    "and",
    "another",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "d",
    "did",
    "do",
    "does",
    "doing",
    "dr",
    "during",
    "each",
    "either",
    "even",
    "ever",
    "every",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "least",
    "less",
    "like",
    "ll",
    "m",
    "many",
    "may",
    "me",
    "might",
    "more",
    "most",
    "mr",
    "mrs",
    "ms",
    "much",
    "must",
    "my",
    "neither",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "others",
    "our",
    "ours",
    "out",
    "over",
    "own",
    "per",
    "quite",
    "rather",
    "re",
    "s",
    "said",
    "same",
    "say",
    "saying",
    "says",
    "several",
    "she",
    "should",
    "since",
    "so",
    "some",
    "such",
    "t",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "thus",
    "to",
    "told",
    "too",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "ve",
    "very",
    "via",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "yet",
    "you",
    "your",
];

/// Words that name a day relative to the article ("on Monday", "yesterday"): every article has
/// its own Monday, so the word says nothing about which day is meant. Resolved dates are matched
/// by value instead.
const RELATIVE_DAYS: &[&str] = &[
    "friday",
    "monday",
    "saturday",
    "sunday",
    "thursday",
    "today",
    "tomorrow",
    "tonight",
    "tuesday",
    "wednesday",
    "weekend",
    "yesterday",
];

pub fn is_stop(w: &str) -> bool {
    // Every word of every claim is looked up here: a hash set, not a binary search of strings.
    static SET: std::sync::LazyLock<rustc_hash::FxHashSet<&'static str>> =
        std::sync::LazyLock::new(|| STOP.iter().chain(RELATIVE_DAYS).copied().collect());
    SET.contains(w)
}

/// Strips one or two inflectional suffixes ("sanctioned" → "sanction" → "sanct") and a final "e",
/// so that "host", "hosts", "hosted" and "hosting" share a stem. Crude on purpose: it only has to
/// map variants of one word together, not produce dictionary forms.
pub fn stem(word: &str) -> String {
    let mut w = word.to_string();
    // A second round only for derivational suffixes under an inflection ("sanctioned" →
    // "sanction" → "sanct"); "supplying" → "supply" must not go on to "supp".
    if strip_once(&mut w, RULES) {
        strip_once(&mut w, &RULES[..8]);
        if let Some(base) = w.strip_suffix("ed").filter(|b| b.len() >= 4) {
            w = base.to_string();
        }
    }
    if w.len() > 3 && w.ends_with('e') {
        w.pop();
    }
    w
}

/// Suffixes and their replacements, longest first; the first eight are derivational.
const RULES: &[(&str, &str)] = &[
    ("ations", ""),
    ("ation", ""),
    ("ings", ""),
    ("ing", ""),
    ("ments", ""),
    ("ment", ""),
    ("ions", ""),
    ("ion", ""),
    ("ily", "y"),
    ("ies", "y"),
    ("ied", "y"),
    ("ly", ""),
    ("ed", ""),
    ("es", ""),
    ("s", ""),
];

fn strip_once(w: &mut String, rules: &[(&str, &str)]) -> bool {
    for (suffix, repl) in rules {
        if let Some(base) = w.strip_suffix(suffix) {
            if base.chars().count() < 3 {
                continue;
            }
            // "es" is a suffix only after a sibilant ("taxes", "marches"); "games" loses just "s".
            if *suffix == "es"
                && !(base.ends_with(['s', 'x', 'z'])
                    || base.ends_with("ch")
                    || base.ends_with("sh"))
            {
                continue;
            }
            // "ss" is not a plural ("press", "class").
            if *suffix == "s" && (base.ends_with('s') || base.ends_with('u') || base.ends_with('i'))
            {
                continue;
            }
            let base = format!("{base}{repl}");
            *w = base;
            return true;
        }
    }
    false
}

/// News synonyms mapped to one representative stem. Only words that outlets use interchangeably for
/// the same fact, never words whose difference matters to a claim (killed ≠ wounded, sent ≠ killed).
const SYNONYMS: &[(&str, &str)] = &[
    ("ammunit", "weapon"),
    ("arm", "weapon"),
    ("armament", "weapon"),
    ("bolster", "strengthen"),
    ("consolidat", "strengthen"),
    ("dead", "die"),
    ("death", "die"),
    ("deepen", "strengthen"),
    ("deliver", "supply"),
    ("detain", "arrest"),
    ("died", "die"),
    ("dying", "die"),
    ("earthquak", "quak"),
    ("fatality", "die"),
    ("film", "movie"),
    ("harsh", "heavy"),
    ("hurt", "wound"),
    ("injur", "wound"),
    ("injury", "wound"),
    ("kill", "die"),
    ("messag", "letter"),
    ("munit", "weapon"),
    ("nat", "country"),
    ("pledg", "vow"),
    ("promis", "vow"),
    ("provid", "supply"),
    ("sever", "heavy"),
    ("slain", "die"),
    ("soldier", "troop"),
    ("solidify", "strengthen"),
];

/// Whole words mapped before stemming, where the stem would be ambiguous ("notes" and "noted" both
/// stem to "not").
const WORD_SYNONYMS: &[(&str, &str)] = &[("notes", "letter")];

/// The normalised term of a word, or `None` for stop words, numbers and single letters.
pub fn term(word: &str) -> Option<String> {
    if word.len() < 2 || is_stop(word) || word.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    if let Some((_, to)) = WORD_SYNONYMS.iter().find(|(from, _)| *from == word) {
        return Some((*to).to_string());
    }
    let s = stem(word);
    match SYNONYMS.binary_search_by(|(from, _)| (*from).cmp(s.as_str())) {
        Ok(i) => Some(SYNONYMS[i].1.to_string()),
        Err(_) => Some(s),
    }
}

/// The content terms of a text, in order of appearance (duplicates kept).
pub fn terms(text: &str) -> Vec<String> {
    words(text).filter_map(|w| term(&w)).collect()
}

/// "Kim Jong-un", "kim jong un" → "kim jong un".
pub fn normalise_name(name: &str) -> String {
    words(name).collect::<Vec<_>>().join(" ")
}

/// The head of a counted noun phrase, as a term: "north korean troops" → "troop".
pub fn counted_head(counted: &str) -> Option<String> {
    words(counted).filter_map(|w| term(&w)).last()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_for_binary_search() {
        assert!(RELATIVE_DAYS.windows(2).all(|w| w[0] < w[1]));
        assert!(
            STOP.windows(2).all(|w| w[0] < w[1]),
            "{:?}",
            STOP.windows(2).find(|w| w[0] >= w[1])
        );
        assert!(
            SYNONYMS.windows(2).all(|w| w[0].0 < w[1].0),
            "{:?}",
            SYNONYMS.windows(2).find(|w| w[0].0 >= w[1].0)
        );
    }

    #[test]
    fn variants_share_a_stem() {
        for (a, b) in [
            ("hosting", "hosted"),
            ("sanctions", "sanctioned"),
            ("heavily", "heavy"),
            ("supplying", "supplies"),
            ("games", "game"),
            ("taxes", "tax"),
        ] {
            assert_eq!(stem(a), stem(b), "{a} {b}");
        }
        assert_ne!(stem("press"), stem("pres"));
    }

    #[test]
    fn synonyms_meet_but_killed_and_wounded_do_not() {
        assert_eq!(term("munitions"), term("weapons"));
        assert_eq!(term("providing"), term("supplying"));
        assert_eq!(term("killed"), term("deaths"));
        assert_ne!(term("killed"), term("wounded"));
        assert_eq!(term("the"), None);
        assert_eq!(term("2022"), None);
    }

    #[test]
    fn word_callbacks_and_term_keys_agree_with_words_and_terms() {
        let text = "Kim's ÉCOLE sent 5,532 Munitions; the troops DIED.";
        let mut seen = Vec::new();
        for_each_word(text, |w| seen.push(w.to_string()));
        assert_eq!(seen, words(text).collect::<Vec<_>>());
        let keys: Vec<u64> = seen.iter().filter_map(|w| term_key(w)).collect();
        let expected: Vec<u64> = terms(text)
            .iter()
            .map(|t| stable_hash(t.as_bytes()))
            .collect();
        assert_eq!(keys, expected);
        // Twice, so the second answers come from the cache.
        assert_eq!(
            seen.iter().filter_map(|w| term_key(w)).collect::<Vec<_>>(),
            expected
        );
    }

    #[test]
    fn hash_is_stable() {
        assert_eq!(stable_hash(b"kcna"), stable_hash(b"kcna"));
        assert_ne!(stable_hash(b"kcna"), stable_hash(b"kcnb"));
        assert_eq!(stable_hash(b""), mix(0xcbf2_9ce4_8422_2325));
    }

    #[test]
    fn counted_head_is_the_last_content_word() {
        assert_eq!(
            counted_head("north korean troops").as_deref(),
            Some("troop")
        );
        assert_eq!(counted_head("soldiers").as_deref(), Some("troop"));
        assert_eq!(counted_head("the"), None);
    }
}
