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
            && !(self.terminal && !self.ends_open)
            && self.ui_ratio() < 0.2
            && !self.teaser
            && !self.comment_marker
            && !self.file_name
            && !self.credit
            && self.numeric * 2 < self.words
    }
}

pub(crate) fn measure(line: &str) -> Features {
    let line = line.trim();
    let mut f = Features::default();
    let mut first_words: [&str; 8] = [""; 8];
    let mut buf = [0u8; 24];
    for (i, raw) in line.split_whitespace().enumerate() {
        if i < first_words.len() {
            first_words[i] = raw;
        }
        let word = raw.trim_matches(|c: char| !c.is_alphanumeric());
        if word.is_empty() {
            continue;
        }
        f.words += 1;
        let lower = ascii_lower(word, &mut buf);
        let is_stop = STOP.binary_search(&lower).is_ok();
        f.stop += usize::from(is_stop);
        f.ui += usize::from(UI.binary_search(&lower).is_ok());
        let first = word.chars().next().unwrap_or(' ');
        if first.is_alphabetic() && !is_stop {
            f.content += 1;
            f.capitalized += usize::from(first.is_uppercase());
        }
        let digits = word.bytes().filter(u8::is_ascii_digit).count();
        f.numeric += usize::from(digits * 2 > word.len());
        let past = lower.len() > 4 && lower.ends_with("ed") && first.is_lowercase();
        f.verbs += usize::from(past || VERBS.binary_search(&lower).is_ok());
    }
    let end = line.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»', '*', ' ']);
    f.terminal = end.ends_with(['.', '!', '?', '…']) && !end.ends_with("...");
    f.ends_open = end.ends_with(['?', '!', ':']);
    f.list = is_list_item(line);
    f.file_name = f.words <= 3 && is_file_name(line);
    let lead = leading_lower(line, &mut buf);
    f.teaser = TEASER.iter().any(|t| lead.starts_with(t))
        || (line.starts_with(['»', '→', '▶']) && !f.terminal);
    f.comment_marker = f.words <= 8 && is_comment_marker(line, f.words);
    f.credit = CREDIT.iter().any(|t| lead.starts_with(t)) && f.words <= 30;
    f.bio = is_bio(&first_words, f.words);
    f
}

/// Lower-cases an ASCII word into `buf`; words that are not short ASCII come back unchanged,
/// which is fine because every word list here is short ASCII.
fn ascii_lower<'b>(word: &'b str, buf: &'b mut [u8; 24]) -> &'b str {
    if word.len() > buf.len() || !word.is_ascii() {
        return word;
    }
    let out = &mut buf[..word.len()];
    out.copy_from_slice(word.as_bytes());
    out.make_ascii_lowercase();
    std::str::from_utf8(out).unwrap_or(word)
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
    !stem.is_empty()
        && !stem.contains(char::is_whitespace)
        && IMAGE_EXT.iter().any(|e| ext.eq_ignore_ascii_case(e))
}

fn is_comment_marker(line: &str, words: usize) -> bool {
    let mut buf = [0u8; 24];
    let lead = leading_lower(line.trim(), &mut buf);
    let lead = lead.trim_start_matches(|c: char| c.is_ascii_digit() || c.is_whitespace());
    COMMENT_MARKERS.iter().any(|m| lead.starts_with(m))
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

/// Sorted: looked up by binary search.
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

/// Sorted.
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

/// Sorted.
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
