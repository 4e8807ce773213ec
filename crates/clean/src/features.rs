//! What one line (or block) of text looks like, measured in a single pass over its words.
//!
//! The word lists here are features, not verdicts: a line of prose may say "share" or "comment";
//! what matters is how much of the line such words make up, together with its length, punctuation
//! and function words. [`crate::text`] weighs these.

/// Measurements of one trimmed line.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Features {
    pub words: usize,
    /// Function words ("the", "of", "and"…): prose has many, chrome and names few.
    pub stop: usize,
    /// Words starting with an uppercase letter, and alphabetic words that are not stop words.
    pub capitalized: usize,
    pub content: usize,
    /// Site-interface vocabulary: subscribe, sign in, comments, share…
    pub ui: usize,
    /// Evidence of a finite verb: auxiliaries, reporting verbs, regular past tense.
    pub verbs: usize,
    /// Words that are mostly digits (dates, times, counts).
    pub numeric: usize,
    /// Ends like a sentence: `.`, `!`, `?`, optionally followed by closing quotes/brackets.
    pub terminal: bool,
    /// Ends with `?`, `!` or `:`, which headings may, unlike `.`.
    pub ends_open: bool,
    /// Starts with a bullet or a list number ("1.", "2)").
    pub list: bool,
    /// The whole line is a file name such as `image.png`.
    pub file_name: bool,
    /// Starts like a link to another article: "READ MORE:", "Related:", "See also".
    pub teaser: bool,
    /// Announces or belongs to a comment widget: "Leave a Reply", "0 Comments", "Link to comment".
    pub comment_marker: bool,
    /// Credits a source or an agency: "Based on a report from…", "Reporting by…", "Photo: …".
    pub credit: bool,
    /// Starts like an author bio: "<Name> is a journalist…", "<Name> writes about…".
    pub bio: bool,
}

impl Features {
    /// Share of the words that are function words.
    pub fn stop_ratio(&self) -> f32 {
        self.stop as f32 / self.words.max(1) as f32
    }

    pub fn ui_ratio(&self) -> f32 {
        self.ui as f32 / self.words.max(1) as f32
    }

    /// Share of content words that are capitalized: high for Title Case headings and names.
    pub fn title_ratio(&self) -> f32 {
        self.capitalized as f32 / self.content.max(1) as f32
    }

    /// Looks like running prose: long enough, punctuated, made of ordinary English.
    pub fn prose(&self) -> bool {
        let long = self.words >= 12 && (self.terminal || self.words >= 30);
        long && self.stop_ratio() >= 0.15
            && self.ui_ratio() < 0.12
            && !self.teaser
            && !self.comment_marker
            && !self.file_name
    }

    /// A short sentence: fine inside an article body, chrome when alone.
    pub fn sentence(&self) -> bool {
        self.words >= 3 && self.terminal && self.stop > 0 && self.ui_ratio() < 0.2 && !self.teaser
    }

    /// Could be a headline or a section heading: a few words, no closing full stop, no chrome.
    pub fn heading_like(&self) -> bool {
        (2..=24).contains(&self.words)
            && (!self.terminal || self.ends_open)
            && self.ui_ratio() < 0.2
            && !self.teaser
            && !self.comment_marker
            && !self.file_name
            && !self.credit
            && self.numeric * 2 < self.words
    }
}

pub(crate) fn measure(line: &str) -> Features {
    measure_lines(&[line.trim()])
}

/// Measures consecutive lines of one block as if joined by spaces, without joining them.
pub(crate) fn measure_lines(lines: &[&str]) -> Features {
    let mut f = Features::default();
    let mut first_words: [&str; 8] = [""; 8];
    let mut seen = 0;
    for line in lines {
        scan_words(line, &mut f, &mut first_words, &mut seen);
    }
    let first = lines.first().copied().unwrap_or("");
    let last = lines.last().copied().unwrap_or("");
    let end = last.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»', '*', ' ']);
    f.terminal = end.ends_with(['.', '!', '?', '…']) && !end.ends_with("...");
    f.ends_open = end.ends_with(['?', '!', ':']);
    f.list = is_list_item(first);
    f.file_name = f.words <= 3 && lines.len() == 1 && is_file_name(first);
    let mut buf = [0u8; 24];
    let lead = leading_lower(first, &mut buf);
    f.teaser = starts_with_any(lead, TEASER) || (first.starts_with(['»', '→', '▶']) && !f.terminal);
    f.comment_marker = f.words <= 8 && is_comment_marker(lead, f.words);
    f.credit = f.words <= 30 && starts_with_any(lead, CREDIT);
    f.bio = is_bio(&first_words, f.words);
    f
}

/// Byte classes for the word scan: ASCII whitespace, ASCII letters and digits, digits, upper-
/// and lower-case ASCII letters, other bytes of non-ASCII chars, and the lead bytes of the
/// non-ASCII chars that may be whitespace (U+0085, U+00A0, U+1680, U+2000…U+205F, U+3000), the
/// only ones the scan must decode.
const DIGIT: u8 = 1;
const SPACE: u8 = 2;
const ALNUM: u8 = 4;
const UPPER: u8 = 8;
const LOWER: u8 = 16;
const HIGH: u8 = 32;
const MAYBE_SPACE: u8 = 64;
static BYTE_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c.is_ascii_whitespace() {
            SPACE
        } else if c.is_ascii_digit() {
            ALNUM | DIGIT
        } else if c.is_ascii_uppercase() {
            ALNUM | UPPER
        } else if c.is_ascii_lowercase() {
            ALNUM | LOWER
        } else if matches!(c, 0xc2 | 0xe1 | 0xe2 | 0xe3) {
            HIGH | MAYBE_SPACE
        } else if c >= 0x80 {
            HIGH
        } else {
            0
        };
        b += 1;
    }
    t
};

/// Whether a whitespace char starts at `line[i..]`, and its length.
fn space_at(line: &str, i: usize, class: u8) -> Option<usize> {
    if class & SPACE != 0 {
        return Some(1);
    }
    if class & MAYBE_SPACE == 0 {
        return None;
    }
    line[i..]
        .chars()
        .next()
        .filter(|c| c.is_whitespace())
        .map(char::len_utf8)
}

/// Counts the words of one line in a single pass over its bytes: a word is a run of non-space
/// chars, measured from its first to its last letter or digit.
fn scan_words<'a>(line: &'a str, f: &mut Features, first: &mut [&'a str; 8], seen: &mut usize) {
    // Printable ASCII and spaces, the common case, sets the high bit of neither the byte nor the
    // byte minus 0x20. Or-ing them all up is one pass without branches.
    let plain = line
        .bytes()
        .fold(0, |acc, c| acc | c | c.wrapping_sub(b' '))
        < 0x80;
    if plain {
        scan_plain_words(line, f, first, seen);
        return;
    }
    let b = line.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if let Some(len) = space_at(line, i, BYTE_CLASS[usize::from(b[i])]) {
            i += len;
            continue;
        }
        let start = i;
        while i < b.len() {
            let class = BYTE_CLASS[usize::from(b[i])];
            if class & (SPACE | MAYBE_SPACE) != 0 && space_at(line, i, class).is_some() {
                break;
            }
            i += 1;
        }
        let token = &line[start..i];
        if let Some(slot) = first.get_mut(*seen) {
            *slot = token;
        }
        *seen += 1;
        // Letters outside ASCII count as word chars too; only the edges need decoding.
        let edge = |c: char| !c.is_alphanumeric();
        let from_start = token.trim_start_matches(edge);
        let word_start = i - from_start.len();
        let word = &b[word_start..word_start + from_start.trim_end_matches(edge).len()];
        if !word.is_empty() {
            let digits = word.iter().filter(|c| c.is_ascii_digit()).count();
            count_word(b, word_start, word, digits, word.is_ascii(), f);
        }
    }
}

/// `scan_words` for a line of printable ASCII and spaces. A token and its digits are found eight
/// bytes at a time, with arithmetic on a `u64`: most tokens take one step, where a loop over
/// bytes spent a third of the time of cleaning on this.
fn scan_plain_words<'a>(
    line: &'a str,
    f: &mut Features,
    first: &mut [&'a str; 8],
    seen: &mut usize,
) {
    let b = line.as_bytes();
    let alnum = |c: &u8| BYTE_CLASS[usize::from(*c)] & ALNUM != 0;
    let mut i = 0;
    while i < b.len() {
        if b[i] == b' ' {
            i += 1;
            continue;
        }
        let start = i;
        let mut digits = 0;
        loop {
            let x = load8(b, i);
            // No byte is below the space, so the space is the one byte below 0x21.
            let spaces = HIGH_BITS & !at_least(x, b' ' + 1);
            let before = spaces.wrapping_sub(1) & !spaces;
            let digit = at_least(x, b'0') & !at_least(x, b'9' + 1) & before;
            if digit != 0 {
                digits += ((digit >> 7).wrapping_mul(ONES) >> 56) as usize;
            }
            let len = spaces.trailing_zeros() as usize / 8;
            i += len;
            if len < 8 {
                break;
            }
        }
        if let Some(slot) = first.get_mut(*seen) {
            *slot = &line[start..i];
        }
        *seen += 1;
        let token = &b[start..i];
        if let Some(s) = token.iter().position(alnum) {
            let e = token.iter().rposition(alnum).unwrap_or(s);
            count_word(b, start + s, &token[s..=e], digits, true, f);
        }
    }
}

/// Adds one word (trimmed to its letters and digits), which starts at `line[start]`, to the counts.
#[inline(always)]
fn count_word(
    line: &[u8],
    start: usize,
    word: &[u8],
    digits: usize,
    ascii: bool,
    f: &mut Features,
) {
    let n = word.len();
    f.words += 1;
    let class = if ascii && n <= 16 && may_be_listed(word) {
        word_class(pack_ascii(line, start, n))
    } else {
        0
    };
    let is_stop = class & STOP_WORD != 0;
    f.stop += usize::from(is_stop);
    f.ui += usize::from(class & UI_WORD != 0);
    f.numeric += usize::from(digits * 2 > n);
    let lead = word[0];
    let (alphabetic, upper, lower) = if lead < 0x80 {
        let class = BYTE_CLASS[usize::from(lead)];
        (
            class & (UPPER | LOWER) != 0,
            class & UPPER != 0,
            class & LOWER != 0,
        )
    } else {
        // Words are cut from a line at char boundaries.
        let c = std::str::from_utf8(word)
            .ok()
            .and_then(|w| w.chars().next())
            .unwrap_or(' ');
        (c.is_alphabetic(), c.is_uppercase(), c.is_lowercase())
    };
    if alphabetic && !is_stop {
        f.content += 1;
        f.capitalized += usize::from(upper);
    }
    let past = n > 4 && lower && word[n - 2] | 0x20 == b'e' && word[n - 1] | 0x20 == b'd';
    f.verbs += usize::from(past || class & VERB_WORD != 0);
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH_BITS: u64 = ONES * 0x80;

/// Eight bytes of `b` from `at` as one integer, the first byte lowest, with spaces past the end.
fn load8(b: &[u8], at: usize) -> u64 {
    if let Some(chunk) = b.get(at..).and_then(<[u8]>::first_chunk) {
        return u64::from_le_bytes(*chunk);
    }
    let mut padded = [b' '; 8];
    let rest = b.get(at..).unwrap_or_default();
    padded[..rest.len()].copy_from_slice(rest);
    u64::from_le_bytes(padded)
}

/// The high bit of every byte of `x` that is at least `c`. The bytes must be ASCII, so that
/// adding `0x80 - c` to each never carries into the next.
const fn at_least(x: u64, c: u8) -> u64 {
    x.wrapping_add(ONES * (0x80 - c as u64)) & HIGH_BITS
}

/// All bits of the first `n` bytes of a `u64` (`n` at most 8).
const fn low_bytes(n: usize) -> u64 {
    if n < 8 {
        (1 << (8 * n)) - 1
    } else {
        u64::MAX
    }
}

/// The key `pack_lower` makes, for the ASCII word of `n` (at most 16) bytes at `line[start..]`,
/// eight bytes at a time: packing byte by byte cost more than the lookup.
fn pack_ascii(line: &[u8], start: usize, n: usize) -> u128 {
    let lower = |x: u64| x | (at_least(x, b'A') & !at_least(x, b'Z' + 1)) >> 2;
    let lo = lower(load8(line, start) & low_bytes(n.min(8)));
    if n <= 8 {
        return u128::from(lo);
    }
    let hi = lower(load8(line, start + 8) & low_bytes(n - 8));
    u128::from(hi) << 64 | u128::from(lo)
}

const STOP_WORD: u8 = 1;
const UI_WORD: u8 = 2;
const VERB_WORD: u8 = 4;

/// A short ASCII word lower-cased into an integer, first byte lowest, so that looking it up
/// compares integers instead of strings. Every listed word fits in 16 bytes. `pack_ascii` packs
/// the same way.
const fn pack_lower(bytes: &[u8]) -> u128 {
    let mut key = 0u128;
    let mut i = 0;
    while i < bytes.len() && i < 16 {
        key |= (bytes[i].to_ascii_lowercase() as u128) << (8 * i);
        i += 1;
    }
    key
}

/// Slots of the open-addressing table the word lists are hashed into: a power of two, about
/// twice the number of listed words, so that probes are short.
const SLOTS: usize = 512;

const fn slot(key: u128) -> usize {
    let mixed = (key as u64 ^ (key >> 64) as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    (mixed >> 55) as usize
}

/// The word lists hashed at compile time: keys, and the lists each key is in.
static WORD_TABLE: ([u128; SLOTS], [u8; SLOTS]) = {
    let mut keys = [0u128; SLOTS];
    let mut classes = [0u8; SLOTS];
    let lists: [(&[&str], u8); 3] = [(STOP, STOP_WORD), (UI, UI_WORD), (VERBS, VERB_WORD)];
    let mut l = 0;
    while l < lists.len() {
        let (list, bit) = lists[l];
        let mut w = 0;
        while w < list.len() {
            let key = pack_lower(list[w].as_bytes());
            let mut i = slot(key);
            while classes[i] != 0 && keys[i] != key {
                i = (i + 1) % SLOTS;
            }
            keys[i] = key;
            classes[i] |= bit;
            w += 1;
        }
        l += 1;
    }
    (keys, classes)
};

/// For each word length and first letter, the second letters of listed words: most words are in
/// no list, and this rules them out before any hashing.
static LISTED_PAIRS: [[u32; 27]; 17] = {
    let mut t = [[0u32; 27]; 17];
    let lists: [&[&str]; 3] = [STOP, UI, VERBS];
    let mut l = 0;
    while l < lists.len() {
        let mut w = 0;
        while w < lists[l].len() {
            let b = lists[l][w].as_bytes();
            let second = if b.len() > 1 { b[1] } else { b'a' };
            t[b.len()][letter_bit(b[0]) as usize] |= 1 << letter_bit(second);
            w += 1;
        }
        l += 1;
    }
    t
};

/// A letter's index in a row of `LISTED_PAIRS` and its bit in a mask there; anything but a letter
/// shares index 26, whose row is empty: listed words start with a letter.
const fn letter_bit(c: u8) -> u32 {
    let c = c.to_ascii_lowercase();
    if c.is_ascii_lowercase() {
        (c - b'a') as u32
    } else {
        26
    }
}

/// `letter_bit` of every byte, looked up rather than computed in the word scan.
static LETTER_BITS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = letter_bit(b as u8) as u8;
        b += 1;
    }
    t
};

/// Whether an ASCII word of at most 16 bytes could be in a list, by its length and first letters.
fn may_be_listed(bytes: &[u8]) -> bool {
    let first = LETTER_BITS[usize::from(bytes[0])];
    let second = bytes.get(1).map_or(0, |&c| LETTER_BITS[usize::from(c)]);
    LISTED_PAIRS[bytes.len()][usize::from(first)] >> second & 1 != 0
}

/// The lists a word is in, as `STOP_WORD | UI_WORD | VERB_WORD` bits.
fn word_class(key: u128) -> u8 {
    let (keys, classes) = &WORD_TABLE;
    let mut i = slot(key);
    while classes[i] != 0 {
        if keys[i] == key {
            return classes[i];
        }
        i = (i + 1) % SLOTS;
    }
    0
}

/// Whether `lead` starts with one of `prefixes`; the first byte rules most of them out cheaply.
fn starts_with_any(lead: &str, prefixes: &[&str]) -> bool {
    let Some(&first) = lead.as_bytes().first() else {
        return false;
    };
    prefixes
        .iter()
        .any(|p| p.as_bytes().first() == Some(&first) && lead.starts_with(p))
}

/// The first (at most 24) bytes of the line, lower-cased, for prefix tests.
fn leading_lower<'b>(line: &str, buf: &'b mut [u8; 24]) -> &'b str {
    let mut n = line.len().min(buf.len());
    while !line.is_char_boundary(n) {
        n -= 1;
    }
    let out = &mut buf[..n];
    out.copy_from_slice(&line.as_bytes()[..n]);
    out.make_ascii_lowercase();
    std::str::from_utf8(out).unwrap_or("")
}

pub(crate) fn is_list_item(line: &str) -> bool {
    let t = line.trim_start();
    if t.starts_with(['•', '·', '▪', '◦', '‣', '●', '–', '*', '-', '+']) {
        return t.chars().nth(1).is_some_and(char::is_whitespace);
    }
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    (1..=3).contains(&digits)
        && matches!(t.as_bytes().get(digits), Some(b'.' | b')'))
        && t.as_bytes()
            .get(digits + 1)
            .is_some_and(u8::is_ascii_whitespace)
}

fn is_file_name(line: &str) -> bool {
    let t = line.trim();
    let Some((stem, ext)) = t.rsplit_once('.') else {
        return false;
    };
    IMAGE_EXT.iter().any(|e| ext.eq_ignore_ascii_case(e))
        && !stem.is_empty()
        && !stem.contains(char::is_whitespace)
}

/// `lead` is the line's opening, lower-cased.
fn is_comment_marker(lead: &str, words: usize) -> bool {
    let lead = lead.trim_start_matches(|c: char| c.is_ascii_digit() || c.is_whitespace());
    starts_with_any(lead, COMMENT_MARKERS)
        || (words <= 3 && (lead.starts_with("comment") || lead.starts_with("responses")))
}

/// "David O'Sullivan is a veteran journalist…": a capitalized name, then a copula or a writer's verb.
fn is_bio(first: &[&str; 8], words: usize) -> bool {
    if words < 8 {
        return false;
    }
    let mut name = 0;
    while name < 4 && first[name].chars().next().is_some_and(char::is_uppercase) {
        name += 1;
    }
    if !(1..=4).contains(&name) {
        return false;
    }
    let next = |k: usize| first.get(name + k).copied().unwrap_or("");
    let verb = next(0);
    (verb == "is" && matches!(next(1), "a" | "an" | "the"))
        || matches!(verb, "writes" | "covers" | "reports" | "has" if BIO_VERB_FOLLOW.contains(&next(1)))
}

const BIO_VERB_FOLLOW: &[&str] = &[
    "about", "on", "for", "covered", "written", "been", "reported",
];

const STOP: &[&str] = &[
    "a", "about", "after", "against", "all", "also", "among", "an", "and", "any", "are", "as",
    "at", "be", "because", "been", "before", "being", "between", "both", "but", "by", "can",
    "could", "did", "do", "does", "during", "each", "even", "for", "from", "had", "has", "have",
    "he", "her", "his", "how", "i", "if", "in", "into", "is", "it", "its", "may", "more", "most",
    "much", "must", "no", "not", "of", "on", "one", "only", "or", "other", "our", "out", "over",
    "she", "should", "since", "so", "some", "such", "than", "that", "the", "their", "them", "then",
    "there", "these", "they", "this", "those", "through", "to", "under", "until", "up", "very",
    "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will",
    "with", "would", "you", "your",
];

const UI: &[&str] = &[
    "account",
    "advertisement",
    "advertising",
    "browsing",
    "click",
    "comment",
    "comments",
    "cookie",
    "cookies",
    "copyright",
    "download",
    "e-mail",
    "email",
    "facebook",
    "feedback",
    "feeds",
    "gallery",
    "homepage",
    "inbox",
    "jump",
    "linkedin",
    "loading",
    "log",
    "login",
    "logout",
    "members",
    "menu",
    "newsletter",
    "newsletters",
    "notify",
    "password",
    "photos",
    "pinterest",
    "podcast",
    "podcasts",
    "popular",
    "posts",
    "preferences",
    "premium",
    "print",
    "privacy",
    "recommended",
    "reddit",
    "register",
    "related",
    "replies",
    "reply",
    "reserved",
    "rss",
    "search",
    "sections",
    "settings",
    "share",
    "shares",
    "sign",
    "signup",
    "skip",
    "social",
    "sponsored",
    "subscribe",
    "subscribed",
    "subscriber",
    "subscribers",
    "subscribing",
    "subscription",
    "tap",
    "trending",
    "tweet",
    "twitter",
    "unlock",
    "video",
    "videos",
    "whatsapp",
];

const VERBS: &[&str] = &[
    "are", "be", "became", "becomes", "been", "began", "begins", "calls", "came", "can", "claims",
    "comes", "could", "did", "does", "faces", "finds", "found", "gave", "gets", "gives", "goes",
    "got", "had", "has", "have", "hits", "is", "knew", "knows", "leaves", "left", "made", "makes",
    "may", "might", "must", "offers", "plans", "pledge", "pledges", "said", "saw", "say", "says",
    "seeks", "sees", "should", "shows", "takes", "tells", "told", "took", "urges", "vows", "warns",
    "was", "went", "were", "will", "wins", "won", "would",
];

const TEASER: &[&str] = &[
    "read more",
    "read also",
    "also read",
    "read next",
    "related:",
    "related stories",
    "related articles",
    "related coverage",
    "see also",
    "more:",
    "watch:",
    "listen:",
    "recommended:",
    "click here",
    "more from",
    "more on this",
    "don't miss",
    "must read",
];

const COMMENT_MARKERS: &[&str] = &[
    "leave a reply",
    "leave a comment",
    "link to comment",
    "post comment",
    "post a comment",
    "add comment",
    "add a comment",
    "comments (",
    "comments are closed",
    "view all comments",
    "show comments",
    "join the discussion",
    "join the conversation",
    "be the first to comment",
    "comment ",
    "comments",
    "reader comments",
    "inline feedbacks",
    "responses",
];

const CREDIT: &[&str] = &[
    "based on a report",
    "based on reports",
    "based on reporting",
    "reporting by",
    "additional reporting",
    "source:",
    "sources:",
    "photo:",
    "photos:",
    "image:",
    "credit:",
    "image credit",
    "photo credit",
    "editing by",
    "written by",
    "with inputs from",
    "this article was originally",
    "originally published",
    "this story was originally",
    "this article first appeared",
    "(reporting by",
];

const IMAGE_EXT: &[&str] = &["png", "jpg", "jpeg", "gif", "webp", "svg", "bmp", "avif"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_words_function_words_and_verbs() {
        let f = measure("The minister said the plan was approved by parliament.");
        assert_eq!(f.words, 9);
        assert_eq!(f.stop, 4);
        assert!(f.verbs >= 3, "said, was, approved: {f:?}");
        assert!(f.terminal && !f.ends_open);
        assert_eq!(f.content, 5);
        assert_eq!(f.capitalized, 0);
    }

    #[test]
    fn unicode_spaces_and_punctuation_split_and_trim_words() {
        let f = measure("“Share\u{a0}this”\u{2009}— 2024 ½");
        assert_eq!(f.words, 4, "{f:?}");
        assert_eq!(f.ui, 1);
        assert_eq!(f.numeric, 1);
        assert!(measure("\u{a0}\u{a0}").words == 0);
        assert!(measure("Ünïcode Straße").capitalized == 2);
    }

    #[test]
    fn lines_of_a_block_measure_as_one() {
        let joined = measure("Subscribe to our newsletter for the latest news on the war.");
        let split = measure_lines(&[
            "Subscribe to our newsletter",
            "for the latest news on the war.",
        ]);
        assert_eq!(joined.words, split.words);
        assert_eq!(joined.stop, split.stop);
        assert_eq!(joined.ui, split.ui);
        assert_eq!(joined.terminal, split.terminal);
    }

    #[test]
    fn line_kinds() {
        assert!(measure("READ MORE: Kim visits Moscow").teaser);
        assert!(measure("Leave a Reply").comment_marker);
        assert!(measure("Reporting by Jane Doe; Editing by John Roe").credit);
        assert!(measure("photo_2024.JPG").file_name);
        assert!(measure("• Prices rose").list);
        assert!(measure("12) Prices rose").list);
        assert!(!measure("2024. Prices rose").list);
        assert!(measure("David O'Sullivan is a veteran journalist who covers Asia for us").bio);
    }

    #[test]
    fn word_table_finds_every_listed_word_and_nothing_else() {
        for (list, bit) in [(STOP, STOP_WORD), (UI, UI_WORD), (VERBS, VERB_WORD)] {
            for w in list {
                assert!(word_class(pack_lower(w.as_bytes())) & bit != 0, "{w}");
                let upper = w.to_ascii_uppercase();
                assert!(
                    word_class(pack_lower(upper.as_bytes())) & bit != 0,
                    "{upper}"
                );
                assert!(may_be_listed(w.as_bytes()) && may_be_listed(upper.as_bytes()));
            }
        }
        assert!(!may_be_listed(b"zebra") && !may_be_listed(b"9am"));
        for w in ["theory", "sharing", "", "x", "newsletterss"] {
            assert_eq!(word_class(pack_lower(w.as_bytes())), 0, "{w}");
        }
    }
}
