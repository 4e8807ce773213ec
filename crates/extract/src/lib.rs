//! extract: sentences → claims with normalized numbers, dates, attribution and stance.
//!
//! In: one article's clean text, its sentences as byte ranges, and its publication date (a year,
//! a month or a day, or unknown). Out: [`Claim`]s, each a byte range inside its sentence with the
//! [`Quantity`](model::Quantity)s and [`DateMention`](model::DateMention)s it states, who it is
//! attributed to, whether it is hedged or negated, the named entities it mentions, and a
//! check-worthiness score.
//!
//! Two ideas carry the design. First, every value is normalized so that two outlets can be
//! compared without re-reading the text: numbers become intervals ("about 600" → 540..=660,
//! "more than 10,000" → 10000..) tagged with the singular head noun they count, and relative dates
//! are resolved against the publication date looking back, at no finer granularity than that
//! date allows. Second, everything works on one cheap token scan per sentence (byte ranges into
//! the text, no per-token allocation) plus a few compiled regexes, so extraction is fast and
//! cannot fail: any input gives some (possibly empty) list of claims.

mod attribution;
mod claims;
mod dates;
mod entities;
mod keywords;
mod numbers;
mod stance;
mod tok;

pub use numbers::singular;
pub use stance::{hedged, negated};

use memchr::memmem;
use model::{Claim, DateMention, PubDate, Quantity, QuantityKind, Sentence};
use std::sync::LazyLock;

/// Which sentences become claims.
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    /// Treat every sentence as a claim (for evaluating the parsers on bare phrases).
    pub all: bool,
    /// Claims scoring below this check-worthiness are dropped. The default, 0.3, is the score of
    /// a plain declarative sentence with no number, date or name: anything factual stays, while
    /// opinion, headings, short fragments and hedges without facts fall below it.
    pub min_score: f32,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            all: false,
            min_score: 0.3,
        }
    }
}

/// Longer sentences are never claims. The longest sentences of real news run to about 1,500 bytes.
pub const MAX_SENTENCE_BYTES: usize = 8_000;

/// What one sentence leaves for the next: the speaker a pronoun or a continued quotation refers to.
#[derive(Default)]
struct Carry {
    last_named: Option<String>,
    quote_speaker: Option<String>,
}

/// Starts of URLs, searched with prebuilt vector searchers: `str::find` builds its searcher on
/// every call, which cost more than the search itself on sentence-sized text.
static URL_STARTS: LazyLock<[memmem::Finder<'static>; 3]> =
    LazyLock::new(|| ["http://", "https://", "www."].map(memmem::Finder::new));

/// Byte ranges of URLs and e-mail-like strings, whose digits are not quantities.
fn url_spans(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let Some(s) = text.get(start..end) else {
        return;
    };
    for pat in URL_STARTS.iter() {
        let mut from = 0;
        while let Some(i) = s.get(from..).and_then(|r| pat.find(r.as_bytes())) {
            let a = from + i;
            let b = s[a..].find(char::is_whitespace).map_or(s.len(), |k| a + k);
            out.push((start + a, start + b));
            from = b;
        }
    }
}

fn within(spans: &[(usize, usize)], a: usize, b: usize) -> bool {
    spans.iter().any(|&(s, e)| a >= s && b <= e)
}

/// Extracts the claims of one article. `published` resolves relative dates ("last month").
pub fn extract(
    text: &str,
    sentences: &[Sentence],
    published: Option<PubDate>,
    opts: &Options,
) -> Vec<Claim> {
    let mut out = vec![];
    let mut toks = Vec::with_capacity(64);
    let mut carry = Carry::default();
    let mut nums: Vec<Quantity> = vec![];
    let mut dts: Vec<DateMention> = vec![];
    let mut blocked: Vec<(usize, usize)> = vec![];
    for s in sentences {
        let (start, end) = (s.start, s.end.min(text.len()));
        if start >= end || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            continue;
        }
        // A "sentence" this long is a page without sentence punctuation (a scraped blob, a
        // table flattened into one line), not a statement anyone could check; and the parsers'
        // look-arounds are not meant for one the size of a book.
        if end - start > MAX_SENTENCE_BYTES {
            continue;
        }
        toks.clear();
        nums.clear();
        dts.clear();
        blocked.clear();
        tok::tokenize(text, start, end, &mut toks);
        if toks.is_empty() {
            continue;
        }
        let words = keywords::families(text, &toks);
        let quoted = attribution::quoted(text, &toks);
        let first_word = toks
            .iter()
            .position(|t| t.kind == tok::Kind::Word)
            .unwrap_or(0);
        let speaker = |lo: usize, hi: usize, last_named: Option<&str>| {
            attribution::speaker(text, &toks, &quoted, lo, hi, last_named, words)
        };
        let sentence_speaker = speaker(0, toks.len(), carry.last_named.as_deref());
        let has_quote = toks
            .iter()
            .any(|t| matches!(text.get(t.start..t.end), Some("“" | "”" | "\"")));
        let opens_with_quote = matches!(text.get(toks[0].start..toks[0].end), Some("“" | "\""));
        // A sentence that only continues a quotation keeps the previous sentence's speaker.
        let sentence_attr = match &sentence_speaker {
            Some((name, _)) => Some(name.clone()),
            None if opens_with_quote => carry.quote_speaker.clone(),
            None => None,
        };
        if let Some((name, true)) = &sentence_speaker {
            carry.last_named = Some(name.clone());
        }
        carry.quote_speaker = if has_quote || opens_with_quote {
            sentence_attr.clone()
        } else {
            None
        };

        if !opts.all && claims::rejected(text, &toks, start, end) {
            continue;
        }
        if words & keywords::DATE != 0 {
            dates::dates(text, start, end, published.as_ref(), &mut dts);
        }
        blocked.extend(dts.iter().map(|d| (d.start, d.end)));
        url_spans(text, start, end, &mut blocked);
        numbers::quantities(text, &toks, words, &blocked, &mut nums);

        let terminal = claims::terminal(&text[start..end]);
        let parts = if opts.all {
            vec![claims::Part {
                start,
                end,
                spans: vec![(start, end)],
                text: text[start..end].to_string(),
                kind: claims::PartKind::Whole,
                toks: (0, toks.len()),
            }]
        } else {
            claims::split(text, &toks, &quoted, start, end)
        };
        for p in parts {
            let numbers: Vec<Quantity> = nums
                .iter()
                .filter(|q| within(&p.spans, q.start, q.end))
                .cloned()
                .collect();
            let dates: Vec<DateMention> = dts
                .iter()
                .filter(|d| within(&p.spans, d.start, d.end))
                .cloned()
                .collect();
            let own = if p.kind == claims::PartKind::Whole {
                None
            } else {
                speaker(p.toks.0, p.toks.1, carry.last_named.as_deref()).map(|x| x.0)
            };
            let attribution = match p.kind {
                claims::PartKind::Coordinate => own,
                _ => own.or_else(|| sentence_attr.clone()),
            };
            let span_text =
                |f: fn(&str) -> bool| p.spans.iter().any(|&(a, b)| text.get(a..b).is_some_and(f));
            let hedged = words & keywords::HEDGE != 0 && span_text(stance::hedged);
            let negated = words & keywords::NEGATION != 0 && span_text(stance::negated);
            let mut ents = vec![];
            entities::entities(text, &toks, &p.spans, first_word, &mut ents);
            // A relative ordinal ("the last") states no checkable value: it is neither.
            let signals = claims::Signals {
                counts: numbers
                    .iter()
                    .filter(|q| {
                        matches!(
                            q.kind,
                            QuantityKind::Count | QuantityKind::Percent | QuantityKind::Duration
                        )
                    })
                    .count(),
                ordinals: numbers
                    .iter()
                    .filter(|q| q.kind == QuantityKind::Ordinal)
                    .count(),
                dates: dates.len(),
                entities: ents.len(),
                attributed: attribution.is_some(),
                hedged,
                words,
            };
            let score = claims::score(&p.text, terminal, &signals);
            if !opts.all && score < opts.min_score {
                continue;
            }
            out.push(Claim {
                start: p.start,
                end: p.end,
                text: p.text,
                sentence_start: start,
                sentence_end: end,
                numbers,
                dates,
                attribution,
                hedged,
                negated,
                entities: ents,
                score,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sentences split naively after ".", "?" or a closing quote and a space; the real splitter is
    /// the segment stage.
    fn sentences(text: &str) -> Vec<Sentence> {
        let mut out = vec![];
        let mut start = 0;
        for (i, _) in text.match_indices(' ') {
            if i > start && (text[..i].ends_with(['.', '?']) || text[..i].ends_with(".”")) {
                out.push(Sentence { start, end: i });
                start = i + 1;
            }
        }
        if start < text.len() {
            out.push(Sentence {
                start,
                end: text.len(),
            });
        }
        out
    }

    fn run(text: &str, published: &str) -> Vec<Claim> {
        extract(
            text,
            &sentences(text),
            published.parse().ok(),
            &Options::default(),
        )
    }

    #[test]
    fn a_run_on_blob_is_no_claim_and_the_next_sentence_still_is() {
        let blob = "troops sent in October 2024 about 11,000 ".repeat(MAX_SENTENCE_BYTES / 20);
        let text = format!("{blob}\nNorth Korea sent 11,000 troops to Russia, officials said.");
        let sentences = [
            Sentence {
                start: 0,
                end: blob.len(),
            },
            Sentence {
                start: blob.len() + 1,
                end: text.len(),
            },
        ];
        let c = extract(&text, &sentences, None, &Options::default());
        assert_eq!(c.len(), 1, "{c:#?}");
        assert!(c[0].text.starts_with("North Korea sent"));
    }

    #[test]
    fn claims_keep_offsets_inside_their_sentence() {
        let text = "Kim, who first met Putin in 2019, called for even closer strategic cooperation between Pyongyang and Moscow.";
        let c = run(text, "2023-06");
        assert_eq!(c.len(), 2, "{c:#?}");
        assert!(c[1].numbers.is_empty(), "a year is not a count: {c:#?}");
        for cl in &c {
            assert!(cl.sentence_start <= cl.start && cl.end <= cl.sentence_end);
        }
        assert_eq!(
            c[0].text,
            "Kim called for even closer strategic cooperation between Pyongyang and Moscow."
        );
        assert!(c[0].dates.is_empty());
        assert_eq!(c[1].text, "Kim first met Putin in 2019");
        assert_eq!(c[1].dates[0].value.as_deref(), Some("2019"));
        assert!(c[1].numbers.is_empty(), "a year is not a count");
    }

    #[test]
    fn facts_of_a_sentence() {
        let text = "Reports from Seoul indicate that approximately 600 North Korean soldiers have lost their lives while fighting for Russia.";
        let c = run(text, "2025-07-13");
        assert_eq!(c.len(), 1);
        let q = &c[0].numbers[0];
        assert_eq!(
            (q.min, q.max, q.counted.as_deref()),
            (540.0, 660.0, Some("north korean soldier"))
        );
        assert_eq!(c[0].attribution.as_deref(), Some("Reports from Seoul"));
        assert!(!c[0].hedged);
        assert!(
            run(
                "Approximately 600 North Korean troops have reportedly died in the conflict.",
                "2025-07-13"
            )[0]
            .hedged
        );
        assert!(c[0].entities.contains(&"seoul".to_string()));
    }

    #[test]
    fn speaker_carries_to_pronouns_and_continued_quotes() {
        let text = "“Russia is in need of friends,” said Ramon Pacheco Pardo, a Korea expert. “North Korea can also provide weapons to support its invasion of Ukraine.” He said this is a worrying development for the United States.";
        let c = run(text, "2023-08-16");
        assert_eq!(c.len(), 3, "{c:#?}");
        assert!(
            c.iter()
                .all(|x| x.attribution.as_deref() == Some("Ramon Pacheco Pardo")),
            "{c:#?}"
        );
    }

    #[test]
    fn negation_and_dates() {
        let text = "Signs are mounting that Russia is seeking weapons from North Korea, which Moscow and Pyongyang have both denied. Letters on Tuesday between the leaders of North Korea and Russia did not mention any weapons sales.";
        let c = run(text, "2023-08-16");
        // The denial comments on the claim it follows: one claim, hedged and denied.
        let signs = c.iter().find(|x| x.text.starts_with("Signs")).unwrap();
        assert!(
            signs.negated && signs.hedged && signs.text.ends_with("denied."),
            "{c:#?}"
        );
        let letters = c.iter().find(|x| x.text.starts_with("Letters")).unwrap();
        assert!(letters.negated);
        assert_eq!(letters.dates[0].value.as_deref(), Some("2023-08-15"));
    }

    #[test]
    fn filtering_and_all() {
        let text = "Both countries face heavy sanctions imposed by U.S.-led global coalitions. Will Russia send more troops? Leave a Reply";
        let c = run(text, "2023-08-16");
        assert_eq!(c.len(), 1);
        assert!(c[0].score >= Options::default().min_score);
        let all = extract(
            text,
            &sentences(text),
            None,
            &Options {
                all: true,
                ..Options::default()
            },
        );
        assert_eq!(all.len(), 3);
    }

    #[test]
    fn relative_ordinals_are_kept_but_are_no_checkable_number() {
        let all = Options {
            all: true,
            ..Options::default()
        };
        let text = "The last convoy left.";
        let c = extract(text, &sentences(text), None, &all);
        assert!(
            matches!(
                c[0].numbers[..],
                [Quantity {
                    kind: QuantityKind::RelativeOrdinal(_),
                    ..
                }]
            ),
            "{c:#?}"
        );
        let plain = "The convoy left.";
        let p = extract(plain, &sentences(plain), None, &all);
        assert_eq!(c[0].score, p[0].score, "a relative ordinal raises no score");
        // The date parser claims "last week" and "next Tuesday" before numbers see them.
        let text = "The convoy left last week and returns next Tuesday.";
        let c = extract(text, &sentences(text), "2024-05-10".parse().ok(), &all);
        assert!(c[0].numbers.is_empty(), "{c:#?}");
        assert_eq!(c[0].dates.len(), 2, "{c:#?}");
    }

    #[test]
    fn never_panics_on_odd_input() {
        let text =
            "“ ” $ % - – 1,, ,5 .. 3- -3 Dec. 99 2024-13-45 ¥ ½ per per per according to, said. ";
        let bad = [
            Sentence {
                start: 0,
                end: text.len(),
            },
            Sentence { start: 1, end: 2 },
            Sentence { start: 5, end: 3 },
            Sentence {
                start: 0,
                end: 10_000,
            },
        ];
        let _ = extract(text, &bad, "2023".parse().ok(), &Options::default());
        let _ = extract(
            text,
            &bad,
            None,
            &Options {
                all: true,
                min_score: 0.0,
            },
        );
        let _ = extract("", &[], None, &Options::default());
    }
}
