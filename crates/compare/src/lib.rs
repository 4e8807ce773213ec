//! compare: one cluster of mentions → corroborated, single source or conflict.
//!
//! In: the mentions `cluster` grouped as one fact, and per article its short label and copy group.
//! Out: a [`Finding`]: how many distinct and independent (copies collapsed) articles state it, who
//! they attribute it to, and whether two articles disagree on a number, a date or the stance.
//!
//! Values are intervals and agree when they overlap ("about 600" and "600" agree). Two numbers
//! are only compared when they measure the same quantity: same kind, same counted head noun, same
//! unit, and the same predicate around them ("600 troops sent" is not "600 troops killed"). A
//! disagreement between articles published on different dates reads as a change over time, not a
//! contradiction.

mod describe;

pub use describe::{describe_dates, describe_numbers, describe_quantity};

use cluster::facts::{intervals_overlap, DaySpan, QuantityKey};
use cluster::text::{term, words};
use model::{ConflictKind, Finding, Mention, PubDate, Quantity, QuantityKind, Status};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// What `compare` knows about an article besides its mentions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArticleInfo {
    /// Short name used in text, e.g. "004".
    pub label: String,
    /// Index of the first article of this article's copy group (`cluster::copy_groups`).
    pub copy_group: usize,
}

/// Two resolved dates of one event further apart than this are different occurrences of the same
/// kind of event, not a disagreement; the same bound `cluster` uses to keep them apart.
fn max_date_gap_days() -> i64 {
    cluster::Params::default().max_date_gap_days
}

/// One mention with what compare needs about its article.
struct Source<'a> {
    m: &'a Mention,
    label: String,
    published: Option<PubDate>,
}

/// The verdict on one cluster.
pub fn compare(mentions: &[&Mention], articles: &HashMap<String, ArticleInfo>) -> Finding {
    let mut sources: Vec<Source> = mentions
        .iter()
        .map(|m| Source {
            m,
            label: articles
                .get(&m.article)
                .map_or_else(|| m.article.clone(), |a| a.label.clone()),
            published: m.published,
        })
        .collect();
    // A canonical order, so the finding does not depend on the order mentions come in.
    sources.sort_by(|a, b| {
        (&a.label, &a.m.article, a.m.claim.start, a.m.seq).cmp(&(
            &b.label,
            &b.m.article,
            b.m.claim.start,
            b.m.seq,
        ))
    });

    let distinct: BTreeSet<&str> = sources.iter().map(|s| s.m.article.as_str()).collect();
    // Articles outside the map (no fingerprint) are their own copy group.
    let groups: BTreeSet<(usize, &str)> = distinct
        .iter()
        .map(|a| {
            articles
                .get(*a)
                .map_or((usize::MAX, *a), |i| (i.copy_group, ""))
        })
        .collect();

    let mut origins: Vec<String> = Vec::new();
    let mut seen: BTreeSet<String> = BTreeSet::new();
    for s in &sources {
        if let Some(a) = s.m.claim.attribution.as_deref() {
            let key = origin_key(a);
            if !key.is_empty() && seen.insert(key) {
                origins.push(a.trim().to_string());
            }
        }
    }

    let mut conflicts = number_conflicts(&sources);
    conflicts.extend(date_conflicts(&sources));
    conflicts.extend(stance_conflicts(&sources));
    let status = if !conflicts.is_empty() {
        Status::Conflict
    } else if groups.len() >= 2 {
        Status::Corroborated
    } else {
        Status::SingleSource
    };
    Finding {
        status,
        sources: distinct.len(),
        independent_sources: groups.len(),
        origins,
        conflict_kind: conflicts.first().map(|c| c.0),
        disagreement: conflicts
            .into_iter()
            .map(|c| c.1)
            .collect::<Vec<_>>()
            .join("; "),
    }
}

/// "the KCNA", "KCNA " and "kcna" are one origin.
fn origin_key(attribution: &str) -> String {
    let ws: Vec<String> = words(attribution).collect();
    let ws = match ws.first().map(String::as_str) {
        Some("the") => &ws[1..],
        _ => &ws[..],
    };
    ws.join(" ")
}

/// The content terms next to a number in its claim: the predicate that says what happened to the
/// counted thing ("killed", "sent", "wounded"). Two numbers with disjoint predicates are different
/// quantities even with the same counted noun.
fn predicate(q: &Quantity, m: &Mention) -> BTreeSet<String> {
    let claim = &m.claim;
    let text = claim.text.as_str();
    let (qs, qe) = (
        q.start.wrapping_sub(claim.start),
        q.end.wrapping_sub(claim.start),
    );
    let (before, after) = match (text.get(..qs), text.get(qe..)) {
        (Some(b), Some(a)) => (b, a),
        _ => return BTreeSet::new(),
    };
    let counted: BTreeSet<String> = q
        .counted
        .as_deref()
        .map(|c| words(c).filter_map(|w| term(&w)).collect())
        .unwrap_or_default();
    let keep = |w: &String| !counted.contains(w);
    let after_terms = words(after).filter_map(|w| term(&w)).filter(keep).take(4);
    let before_terms: Vec<String> = words(before)
        .filter_map(|w| term(&w))
        .filter(keep)
        .collect();
    let before_terms = before_terms.into_iter().rev().take(2);
    after_terms.chain(before_terms).collect()
}

fn same_predicate(a: &BTreeSet<String>, b: &BTreeSet<String>) -> bool {
    (a.is_empty() && b.is_empty()) || !a.is_disjoint(b)
}

/// The publication dates differ at their common granularity.
fn published_apart(a: Option<PubDate>, b: Option<PubDate>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => !DaySpan::of(&a).overlaps(&DaySpan::of(&b)),
        _ => false,
    }
}

/// A number and where it comes from.
struct Stated<'s> {
    label: &'s str,
    published: Option<PubDate>,
    article: &'s str,
    q: &'s Quantity,
    predicate: BTreeSet<String>,
}

fn number_conflicts(sources: &[Source]) -> Vec<(ConflictKind, String)> {
    let mut by_key: BTreeMap<QuantityKey, Vec<Stated>> = BTreeMap::new();
    for s in sources {
        for q in &s.m.claim.numbers {
            let key = QuantityKey::of(q);
            // Ranks name different things ("81st", "86th"), a relative ordinal ("the last") names
            // no value at all, and an uncounted number names nothing.
            let rank = matches!(
                q.kind,
                QuantityKind::Ordinal | QuantityKind::RelativeOrdinal(_)
            );
            if rank || key.counted.is_none() {
                continue;
            }
            by_key.entry(key).or_default().push(Stated {
                label: &s.label,
                published: s.published,
                article: &s.m.article,
                q,
                predicate: predicate(q, s.m),
            });
        }
    }
    let mut out = Vec::new();
    for stated in by_key.values() {
        let mut pairs: Vec<(&Stated, &Stated)> = Vec::new();
        for (i, a) in stated.iter().enumerate() {
            for b in &stated[i + 1..] {
                if a.article != b.article
                    && same_predicate(&a.predicate, &b.predicate)
                    && !intervals_overlap(a.q, b.q)
                {
                    pairs.push((a, b));
                }
            }
        }
        if let Some(text) = describe_disagreement(
            "number",
            &pairs,
            |s| describe_quantity(s.q),
            |s| (s.label, s.published),
        ) {
            out.push((ConflictKind::Number, text));
        }
    }
    out
}

/// The one resolved date of a mention, when it has exactly one: with several, which one dates the
/// event is unknown, so they are not compared.
fn event_date(m: &Mention) -> Option<(DaySpan, &str)> {
    let mut resolved = m
        .claim
        .dates
        .iter()
        .filter_map(|d| Some((DaySpan::of_mention(d)?, d.value.as_deref()?)));
    let first = resolved.next()?;
    resolved.next().is_none().then_some(first)
}

fn date_conflicts(sources: &[Source]) -> Vec<(ConflictKind, String)> {
    let dated: Vec<(&Source, DaySpan, &str)> = sources
        .iter()
        .filter_map(|s| event_date(s.m).map(|(span, v)| (s, span, v)))
        .collect();
    let mut pairs = Vec::new();
    for (i, a) in dated.iter().enumerate() {
        for b in &dated[i + 1..] {
            let gap = a.1.gap(&b.1);
            if a.0.m.article != b.0.m.article && gap > 0 && gap <= max_date_gap_days() {
                pairs.push((a, b));
            }
        }
    }
    // Dates are resolved against each article's own publication date already, so a later article
    // saying "Tuesday" about the same day is no change over time: never use that wording here.
    describe_disagreement(
        "date",
        &pairs,
        |d| d.2.to_string(),
        |d| (d.0.label.as_str(), None),
    )
    .map(|t| vec![(ConflictKind::Date, t)])
    .unwrap_or_default()
}

/// Whether two claims share a content term besides their named entities. A denial contradicts a
/// statement only when it denies the same happening: "which Moscow and Pyongyang have both denied"
/// shares nothing but the names with "Kim called for closer cooperation between Pyongyang and
/// Moscow", and is no denial of it.
fn shares_predicate(a: &model::Claim, b: &model::Claim) -> bool {
    let names: BTreeSet<String> = a
        .entities
        .iter()
        .chain(&b.entities)
        .flat_map(|e| words(e).filter_map(|w| term(&w)).collect::<Vec<_>>())
        .collect();
    let content = |c: &model::Claim| -> BTreeSet<String> {
        words(&c.text)
            .filter_map(|w| term(&w))
            .filter(|t| !names.contains(t))
            .collect()
    };
    !content(a).is_disjoint(&content(b))
}

fn stance_conflicts(sources: &[Source]) -> Vec<(ConflictKind, String)> {
    // Hedged statements ("reportedly", "allegedly") neither assert nor deny firmly enough.
    let firm: Vec<&Source> = sources.iter().filter(|s| !s.m.claim.hedged).collect();
    let mut pairs = Vec::new();
    for (i, a) in firm.iter().enumerate() {
        for b in &firm[i + 1..] {
            if a.m.article != b.m.article
                && a.m.claim.negated != b.m.claim.negated
                // The cluster may hold a denial through a chain of similar claims: only a denial
                // of this very statement counts.
                && cluster::same_fact(a.m, b.m, &cluster::Params::default()).is_some()
                && shares_predicate(&a.m.claim, &b.m.claim)
            {
                pairs.push((*a, *b));
            }
        }
    }
    let says = |s: &&Source| {
        if s.m.claim.negated {
            "denies it".to_string()
        } else {
            "states it".to_string()
        }
    };
    describe_disagreement("stance", &pairs, says, |s| (s.label.as_str(), s.published))
        .map(|t| vec![(ConflictKind::Stance, t)])
        .unwrap_or_default()
}

/// "number differs: 004 says ~600 soldiers; 001 says 1,200 soldiers", or, when the two sides were
/// published on different dates, "number changed over time: 001 says 100 (2024-12-19) → 004 says
/// 300 (2025-01-13)". One statement per article, in label order (date order for changes).
fn describe_disagreement<T>(
    what: &str,
    pairs: &[(T, T)],
    value: impl Fn(&T) -> String,
    source: impl Fn(&T) -> (&str, Option<PubDate>),
) -> Option<String> {
    let first = pairs.first()?;
    let over_time = pairs
        .iter()
        .all(|(a, b)| published_apart(source(a).1, source(b).1));
    let mut said: Vec<(Option<PubDate>, String, String)> = Vec::new();
    for (a, b) in pairs {
        for s in [a, b] {
            let (label, published) = source(s);
            if !said.iter().any(|(_, l, _)| l == label) {
                said.push((published, label.to_string(), value(s)));
            }
        }
    }
    if over_time {
        said.sort();
        let steps: Vec<String> = said
            .iter()
            .map(|(p, l, v)| {
                format!(
                    "{l} says {v} ({})",
                    p.map(|p| p.to_string()).unwrap_or_default()
                )
            })
            .collect();
        Some(format!("{what} changed over time: {}", steps.join(" → ")))
    } else {
        said.sort_by(|a, b| a.1.cmp(&b.1));
        // Keep the first conflicting pair's order readable: its first article leads.
        let lead = source(&first.0).0.to_string();
        said.sort_by_key(|(_, l, _)| *l != lead);
        let parts: Vec<String> = said
            .iter()
            .map(|(_, l, v)| format!("{l} says {v}"))
            .collect();
        Some(format!("{what} differs: {}", parts.join("; ")))
    }
}

#[cfg(test)]
mod tests;
