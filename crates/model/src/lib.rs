//! The plain data that flows between claimcheck's stages.
//!
//! `clean` turns a source file into a [`CleanText`] (article text plus an [`Alignment`] back to the
//! source bytes), `segment` cuts that text into [`Sentence`]s, `extract` turns sentences into
//! [`Claim`]s carrying normalized [`Quantity`]s and [`DateMention`]s, `cluster` groups claims of
//! different articles that state the same fact, and `compare` gives each group a [`Finding`].
//!
//! Every type here is a struct with public fields that serde can write and read, so a stage can be
//! run on its own, inspected as JSON, or moved between processes without a conversion layer.

mod alignment;
mod date;

pub use alignment::{Alignment, Piece};
pub use date::{days_in_month, Granularity, PubDate, PubDateError};

use serde::{Deserialize, Serialize};

/// What claimcheck knows about one input article before reading its text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleMeta {
    /// The name the article is reported under: the file name, or the `id` of a JSONL record.
    pub id: String,
    /// Publication date, from the manifest, the page's metadata or the text itself.
    pub published: Option<PubDate>,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
}

/// Article text after boilerplate removal, with a map back to the bytes of the source.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CleanText {
    /// The kept text: blocks (paragraphs, headings, list items) separated by a blank line.
    pub text: String,
    /// Maps byte ranges of `text` to byte ranges of the source file.
    pub alignment: Alignment,
    /// Non-empty source lines (or HTML blocks) dropped as boilerplate.
    pub dropped_lines: usize,
    /// Headline, publication date and author found in page metadata (HTML) or the text itself.
    pub title: Option<String>,
    pub published: Option<PubDate>,
    pub author: Option<String>,
}

/// One sentence of a [`CleanText`], as a byte range of its `text`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
}

/// What a [`Quantity`] measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuantityKind {
    /// A count or amount: "600 soldiers", "$1.5 billion".
    Count,
    /// A rank: "72nd birthday". Never compared with counts.
    Ordinal,
    /// "40%", "40 percent".
    Percent,
    /// A length of time: "16-month-long", "two decades".
    Duration,
    /// A position named relative to a list rather than by number: "the last", "next", "the
    /// second to last". It carries where it counts from and how far; `min` and `max` hold the
    /// offset too. The list it counts in is never stated, so a relative ordinal names no value
    /// that another outlet could confirm or contradict: it is never compared and never counts as
    /// a number in reports.
    RelativeOrdinal(Relative),
}

/// Where a relative ordinal counts from and how far, upstream's `end-1` or `current+1`: "last"
/// is the end + 0, "penultimate" the end − 1, "next" the current + 1, "previous" the current − 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Relative {
    pub anchor: Anchor,
    pub offset: i32,
}

/// What a relative ordinal counts from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Anchor {
    /// The end of the list: "last", "penultimate".
    End,
    /// The item at hand: "next", "previous", "current".
    Current,
}

/// A number found in a claim, normalized to an interval.
///
/// Exact values have `min == max`; "about 600" widens the interval, "more than 10,000" leaves it
/// open above (`max` is `f64::INFINITY`, written as `null` in JSON), so two statements agree when
/// their intervals overlap.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// The words as written, e.g. "approximately 600".
    pub text: String,
    /// Byte range of `text` in the clean text.
    pub start: usize,
    pub end: usize,
    pub min: f64,
    #[serde(with = "open_bound")]
    pub max: f64,
    pub kind: QuantityKind,
    /// The thing counted, lower-cased head noun phrase: "soldiers", "north korean troops".
    pub counted: Option<String>,
    /// Unit or currency: "USD", "km", "month".
    pub unit: Option<String>,
}

/// A date found in a claim, resolved against the article's publication date where it is relative.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateMention {
    /// The words as written, e.g. "on Tuesday", "July 2022".
    pub text: String,
    /// Byte range of `text` in the clean text.
    pub start: usize,
    pub end: usize,
    /// ISO form at the given granularity (`2024-12-19`, `2024-12`, `2024`); `None` when the date is
    /// relative and the publication date is unknown.
    pub value: Option<String>,
    pub granularity: Granularity,
}

/// One checkable factual statement, with the facts extract normalized out of it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// Byte range of the claim in the clean text (a whole sentence, or one clause of it).
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// Byte range of the sentence the claim came from, kept as context.
    pub sentence_start: usize,
    pub sentence_end: usize,
    pub numbers: Vec<Quantity>,
    pub dates: Vec<DateMention>,
    /// Who the claim is attributed to: "KCNA", "Ramon Pacheco Pardo", "reports from Seoul".
    pub attribution: Option<String>,
    /// Softened: "reportedly", "allegedly", "appears", "could".
    pub hedged: bool,
    /// Negated or denied: "did not", "have both denied".
    pub negated: bool,
    /// Named actors and places mentioned (capitalized names, normalized), used for matching.
    pub entities: Vec<String>,
    /// How check-worthy the claim is, 0..=1: numbers, dates, named actors and reported speech raise it.
    pub score: f32,
}

impl Claim {
    /// Gives back the spare room of the claim's strings and lists. Vectors grown by pushing
    /// reserve room for four values; a run that keeps millions of claims would otherwise spend a
    /// third of its memory on room never used.
    pub fn shrink_to_fit(&mut self) {
        self.text.shrink_to_fit();
        self.numbers.shrink_to_fit();
        for q in &mut self.numbers {
            q.text.shrink_to_fit();
        }
        self.dates.shrink_to_fit();
        self.entities.shrink_to_fit();
        for e in &mut self.entities {
            e.shrink_to_fit();
        }
    }
}

/// A claim as it occurs in one article, located in the source file: the unit that is clustered.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    pub article: String,
    /// Position of the claim among its article's claims, from 1.
    pub seq: u32,
    /// Publication date of the article, used to resolve and compare dates.
    pub published: Option<PubDate>,
    /// 1-based line in the source file (for JSONL input: the record's line).
    pub line: usize,
    /// Byte range in the source file (for JSONL input: in the record's text field).
    pub source_start: usize,
    pub source_end: usize,
    pub claim: Claim,
}

impl Mention {
    /// `<article>#<seq>`: the claim's name in the reports. Built when needed rather than stored,
    /// since a large run holds millions of mentions.
    pub fn claim_id(&self) -> String {
        format!("{}#{}", self.article, self.seq)
    }
}

/// How the sources of a cluster relate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Conflict,
    Corroborated,
    SingleSource,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Conflict => "conflict",
            Status::Corroborated => "corroborated",
            Status::SingleSource => "single_source",
        }
    }
}

/// What kind of value two sources disagree on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConflictKind {
    Number,
    Date,
    Stance,
}

impl ConflictKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ConflictKind::Number => "number",
            ConflictKind::Date => "date",
            ConflictKind::Stance => "stance",
        }
    }
}

/// The verdict on one cluster of mentions.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    pub status: Status,
    /// Distinct articles among the mentions.
    pub sources: usize,
    /// Distinct articles once copies of one another are collapsed.
    pub independent_sources: usize,
    /// Attributed originators ("KCNA"), deduplicated, in first-seen order.
    pub origins: Vec<String>,
    /// The kind of the first conflict found, if any.
    pub conflict_kind: Option<ConflictKind>,
    /// What differs and which article says what, in plain words; empty when nothing does.
    pub disagreement: String,
}

mod open_bound {
    //! JSON has no infinity: an open upper bound is written as `null`.
    use serde::{Deserialize, Deserializer, Serializer};

    // `Some(v)` (not a bare `v`) so that binary formats, which tag options, read back what they
    // wrote; JSON writes both the same.
    pub fn serialize<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
        if v.is_finite() {
            s.serialize_some(v)
        } else {
            s.serialize_none()
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
        Ok(Option::<f64>::deserialize(d)?.unwrap_or(f64::INFINITY))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_ordinals_carry_anchor_and_offset_in_json() {
        let q = Quantity {
            text: "the second to last".into(),
            start: 0,
            end: 18,
            min: -1.0,
            max: -1.0,
            kind: QuantityKind::RelativeOrdinal(Relative {
                anchor: Anchor::End,
                offset: -1,
            }),
            counted: None,
            unit: None,
        };
        let json = serde_json::to_string(&q).unwrap();
        assert!(
            json.contains(r#""kind":{"relative_ordinal":{"anchor":"end","offset":-1}}"#),
            "{json}"
        );
        assert_eq!(serde_json::from_str::<Quantity>(&json).unwrap(), q);
        let count = serde_json::to_string(&QuantityKind::Count).unwrap();
        assert_eq!(count, r#""count""#);
    }
}
