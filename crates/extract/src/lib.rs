//! extract: sentences → claims with normalized numbers, dates, attribution and stance.

use model::{Claim, PubDate, Sentence};

/// Which sentences become claims.
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    /// Treat every sentence as a claim (for evaluating the parsers on bare phrases).
    pub all: bool,
    /// Claims scoring below this check-worthiness are dropped.
    pub min_score: f32,
}

impl Default for Options {
    fn default() -> Self {
        Options { all: false, min_score: 0.3 }
    }
}

/// Extracts the claims of one article. `published` resolves relative dates ("last month").
pub fn extract(text: &str, sentences: &[Sentence], _published: Option<PubDate>, _opts: &Options) -> Vec<Claim> {
    sentences
        .iter()
        .map(|s| Claim {
            start: s.start,
            end: s.end,
            text: text[s.start..s.end].to_string(),
            sentence_start: s.start,
            sentence_end: s.end,
            numbers: vec![],
            dates: vec![],
            attribution: None,
            hedged: false,
            negated: false,
            entities: vec![],
            score: 1.0,
        })
        .collect()
}
