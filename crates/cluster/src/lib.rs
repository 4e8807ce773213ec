//! cluster: claim mentions from many articles → groups that state the same fact.
//!
//! In: the [`Mention`]s of all articles (claim text, entities, normalised numbers and dates). Out:
//! groups of mention indices, one per fact, plus a copy group per article ([`copy_groups`]) so
//! that `compare` can tell independent sources from republished wire copy.
//!
//! Three ideas keep it fast and careful:
//!
//! * **Keyed candidates, weighted overlap.** Each mention is reduced to a set of terms (content
//!   word stems, entities, number and date keys; [`blocking_keys`]). Only mentions sharing one of
//!   their rarest terms are ever compared (prefix filtering; terms shared by more than
//!   [`Params::max_block`] mentions generate no candidates), so cost stays near-linear. A candidate
//!   pair is scored by the IDF-weighted overlap of the two term sets, and vetoed when its dates are
//!   too far apart to be one event or its ordinals differ ("81st" vs "86th" Academy Awards).
//! * **Stories as context.** Articles are first grouped into stories by the rare specifics they
//!   share (places, names, numbers, dates over the whole article; `stories`). Two sentences about
//!   "the earthquake" in articles of one story are about the same earthquake, so they link at
//!   [`Params::story_link_threshold`]; across stories the wording alone has to carry the match and
//!   the stricter [`Params::link_threshold`] applies.
//! * **Guarded union-find.** Pairs above their threshold are merged best first. A merge that
//!   would put two different statements of one article into one group is refused unless those two
//!   statements are themselves the same fact, so one broad sentence cannot chain unrelated claims
//!   together.

mod copies;
pub mod facts;
mod prefix;
mod stories;
pub mod text;
mod unionfind;

pub use copies::{copy_groups, fingerprint, Fingerprint, SIGNATURE_LEN};
pub use prefix::{prefix_of, shared_terms};
pub use stories::{article_terms, Stories};

use facts::{representative, DaySpan, QuantityKey};
use model::{Mention, QuantityKind};
use prefix::PrefixIndex;
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use text::{normalise_name, stable_hash};

/// Thresholds of clustering and copy detection. The defaults were tuned on the ECB+ training
/// topics and checked on its dev topics and on the seed articles.
#[derive(Clone, Debug, PartialEq)]
pub struct Params {
    /// Minimum pair score (0..=1) for two mentions of articles that tell different stories to
    /// state the same fact (also the threshold of [`same_fact`], which knows no stories).
    pub link_threshold: f32,
    /// Share of the pair score given to containment (shared weight over the smaller side's
    /// weight) rather than Dice (shared weight over the mean weight). Containment lets a headline
    /// match the long sentence that tells the same fact; Dice keeps two long sentences that share
    /// a few words apart.
    pub containment_weight: f32,
    /// Fewer shared terms than this and two mentions are never the same fact, whatever the score:
    /// one shared name is not a shared fact.
    pub min_shared_terms: usize,
    /// Two resolved dates more than this many days apart belong to different events (the same
    /// kind of event in another week or year); closer than that they may be one event whose date
    /// the sources disagree on, which `compare` reports as a date conflict.
    pub max_date_gap_days: i64,
    /// Terms shared by more mentions than this generate no candidate pairs (they still count in
    /// scoring). Bounds the work per mention.
    pub max_block: usize,
    /// How many of a mention's rarest terms generate candidates.
    pub prefix_terms: usize,
    /// How many of those a pair must share to be scored at all.
    pub candidate_min_shared: usize,
    /// Weight of an entity, number or date term relative to a word term of the same rarity: such
    /// terms pin a statement down more than a word does.
    pub key_weight: f32,
    /// Share of the mention pairs across two groups (sampled, up to 8 × 8) that must themselves
    /// score above their threshold for the groups to merge. 0 is single linkage; higher values
    /// stop chains A ≈ B ≈ C where A and C state different facts.
    pub min_link_share: f32,
    /// Minimum cosine similarity of two articles' terms (weighted by rarity among articles) for
    /// them to tell one story.
    pub story_threshold: f32,
    /// Weight of an entity, number or date term in story similarity, relative to a word.
    pub story_key_weight: f32,
    /// How many of an article's rarest terms find the articles it is compared with.
    pub story_prefix_terms: usize,
    /// How many of those two articles must share to be compared at all.
    pub story_min_shared: usize,
    /// Minimum pair score for two mentions whose articles tell one story: the shared story
    /// already pins down which happening they are about, so less wording has to match.
    pub story_link_threshold: f32,
    /// Minimum estimated shingle Jaccard for two articles to be copies.
    pub copy_threshold: f32,
    /// LSH bands of a fingerprint ([`SIGNATURE_LEN`] / bands rows each). 16 bands of 4 rows find
    /// pairs of Jaccard 0.5 with probability 0.64 per pair, and 0.6 with 0.88; copies are usually
    /// far above that.
    pub copy_bands: usize,
    /// In a crowded LSH bucket, a member is compared with at most this many earlier members.
    pub copy_bucket_cap: usize,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            link_threshold: 0.4,
            containment_weight: 0.5,
            min_shared_terms: 2,
            max_date_gap_days: 31,
            max_block: 256,
            prefix_terms: 8,
            candidate_min_shared: 2,
            key_weight: 1.5,
            min_link_share: 0.5,
            story_threshold: 0.1,
            story_key_weight: 3.0,
            story_prefix_terms: 32,
            story_min_shared: 2,
            story_link_threshold: 0.2,
            copy_threshold: 0.5,
            copy_bands: 16,
            copy_bucket_cap: 32,
        }
    }
}

/// A term of a mention: the hash of a content word stem, or of an entity, number or date key,
/// told apart by the lowest bit (set for keys). One machine word per term: a large run holds tens
/// of millions of them.
fn word_term(hash: u64) -> u64 {
    hash & !1
}

fn key_term(hash: u64) -> u64 {
    hash | 1
}

/// Whether a term is an entity, number or date key (they weigh more than words).
pub fn is_key(term: u64) -> bool {
    term & 1 == 1
}

/// A mention reduced to what the scorer needs: its terms ([`blocking_keys`]), dates and ordinals.
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct Features {
    /// Sorted, distinct terms (see [`is_key`]).
    terms: Vec<u64>,
    dates: Vec<DaySpan>,
    /// (head hash of the counted noun, representative value) of each ordinal.
    ordinals: Vec<(u64, f64)>,
}

/// The [`Features`] of one mention: a per-mention function, so it runs wherever the mention is.
pub fn features(m: &Mention) -> Features {
    let claim = &m.claim;
    let mut ts: Vec<u64> = Vec::new();
    text::for_each_word(&claim.text, |w| {
        if let Some(h) = text::term_key(w) {
            ts.push(word_term(h));
        }
    });
    let mut key = |s: String| ts.push(key_term(stable_hash(s.as_bytes())));
    for e in &claim.entities {
        let e = normalise_name(e);
        if !e.is_empty() {
            key(format!("e:{e}"));
        }
    }
    let mut ordinals = Vec::new();
    for q in &claim.numbers {
        // "The last convoy" and "the next convoy" of two articles may be the same convoy or not:
        // a relative ordinal says nothing either way.
        if matches!(q.kind, QuantityKind::RelativeOrdinal(_)) {
            continue;
        }
        let k = QuantityKey::of(q);
        let head = k.counted.clone().unwrap_or_default();
        if q.kind == QuantityKind::Ordinal {
            if let Some(v) = representative(q) {
                ordinals.push((stable_hash(head.as_bytes()), v));
            }
        }
        if let Some(v) = representative(q) {
            key(format!("n:{:?}:{v}", q.kind));
        }
        if !head.is_empty() {
            key(format!("q:{:?}:{head}", q.kind));
        }
    }
    let mut dates = Vec::new();
    for d in &claim.dates {
        let Some(v) = d.value.as_deref() else {
            continue;
        };
        // A worked-out span within one month or year ("earlier this month") meets dates in it
        // as that month or year would.
        let (span, v) = match (DaySpan::of_mention(d), DaySpan::of_day_interval(v)) {
            (Some(span), _) => (span, v),
            (None, Some((span, shared))) => (span, shared),
            (None, None) => continue,
        };
        dates.push(span);
        // Year and month keys: "in August 2022" meets "on 15 August 2022" on "d:2022-08".
        key(format!("d:{}", v.get(..4).unwrap_or(v)));
        if let Some(month) = v.get(..7).filter(|_| v.len() >= 7) {
            key(format!("d:{month}"));
        }
    }
    ts.sort_unstable();
    ts.dedup();
    ts.shrink_to_fit();
    Features {
        terms: ts,
        dates,
        ordinals,
    }
}

/// The stable keys a mention can be blocked on: hashes of its content word stems, its entities,
/// its quantities (kind + counted noun, and kind + rounded value) and its resolved years and
/// months. Sorted and distinct. Two mentions are compared only if they share a key.
pub fn blocking_keys(m: &Mention) -> Vec<u64> {
    features(m).terms
}

/// Whether two mentions can be one fact at all, whatever their wording: their dates (when both
/// have resolved ones) come within `max_date_gap_days` of each other, and no two ordinals of the
/// same thing differ.
fn compatible(a: &Features, b: &Features, params: &Params) -> bool {
    if !a.dates.is_empty() && !b.dates.is_empty() {
        let near = a
            .dates
            .iter()
            .any(|x| b.dates.iter().any(|y| x.gap(y) <= params.max_date_gap_days));
        if !near {
            return false;
        }
    }
    !a.ordinals
        .iter()
        .any(|(ha, va)| b.ordinals.iter().any(|(hb, vb)| ha == hb && va != vb))
}

impl Features {
    /// The mention's distinct terms, sorted.
    pub fn terms(&self) -> &[u64] {
        &self.terms
    }
}

/// How many mentions hold each term, over all mentions of a run: the rarity that weighs terms
/// and picks the blocking prefix.
#[derive(Clone, Debug, Default)]
pub struct TermStats {
    pub df: FxHashMap<u64, u32>,
    pub mentions: usize,
}

impl TermStats {
    /// Counts the terms of `feats`.
    pub fn count<'a>(feats: impl IntoIterator<Item = &'a Features>) -> TermStats {
        let mut stats = TermStats::default();
        for f in feats {
            stats.mentions += 1;
            for &t in f.terms() {
                *stats.df.entry(t).or_insert(0) += 1;
            }
        }
        stats
    }

    /// Weight of a term: its IDF over all mentions, times [`Params::key_weight`] for keys.
    fn weight(&self, term: u64, params: &Params) -> f32 {
        let d = self.df.get(&term).copied().unwrap_or(1) as f32;
        let idf = (1.0 + self.mentions as f32 / d).ln();
        if is_key(term) {
            idf * params.key_weight
        } else {
            idf
        }
    }

    /// The mention's terms weighted, ready for [`link`].
    pub fn weigh(&self, f: Features, params: &Params) -> Weighted {
        Weighted::new(f, &|t| self.weight(t, params))
    }

    /// The terms a mention is blocked on: a pair of mentions is a candidate when their prefixes
    /// share [`Params::candidate_min_shared`] terms.
    pub fn prefix(&self, f: &Features, params: &Params) -> Vec<u64> {
        prefix_of(&f.terms, &self.df, params.max_block, params.prefix_terms)
    }
}

/// A mention's terms with their weights, ready for scoring.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Weighted {
    f: Features,
    /// Weight of each term of `f.terms`, in the same order.
    weights: Vec<f32>,
    total: f32,
}

impl Weighted {
    fn new(f: Features, weight: &dyn Fn(u64) -> f32) -> Self {
        let weights: Vec<f32> = f.terms.iter().map(|&t| weight(t)).collect();
        let total = weights.iter().sum();
        Weighted { f, weights, total }
    }
}

/// Weighted overlap score of two mentions, when compatible and at least `min_shared_terms` terms
/// are shared; the caller applies the threshold.
fn score(a: &Weighted, b: &Weighted, params: &Params) -> Option<f32> {
    let (ta, tb) = (&a.f.terms, &b.f.terms);
    let (mut i, mut j, mut shared, mut n_shared) = (0, 0, 0.0f32, 0usize);
    while i < ta.len() && j < tb.len() {
        match ta[i].cmp(&tb[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += a.weights[i];
                n_shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    if n_shared < params.min_shared_terms || !compatible(&a.f, &b.f, params) {
        return None;
    }
    let (wa, wb) = (a.total, b.total);
    if wa <= 0.0 || wb <= 0.0 {
        return None;
    }
    let containment = shared / wa.min(wb);
    let dice = 2.0 * shared / (wa + wb);
    Some(params.containment_weight * containment + (1.0 - params.containment_weight) * dice)
}

/// Pair score (0..=1) of two mentions when they can state the same fact and score at least
/// `params.link_threshold`; `None` otherwise. Without corpus statistics every term weighs the same;
/// [`cluster`] weighs terms by their rarity among all mentions.
pub fn same_fact(a: &Mention, b: &Mention, params: &Params) -> Option<f32> {
    let key_weight = params.key_weight;
    let uniform = |t| if is_key(t) { key_weight } else { 1.0 };
    score(
        &Weighted::new(features(a), &uniform),
        &Weighted::new(features(b), &uniform),
        params,
    )
    .filter(|&s| s >= params.link_threshold)
}

/// Groups of indices into `mentions` that state the same fact: each group sorted, groups sorted by
/// their first index, every mention in exactly one group. Deterministic whatever the thread count.
pub fn cluster(mentions: &[Mention], params: &Params) -> Vec<Vec<usize>> {
    let index = Index::build(mentions, params);
    let edges: Vec<Edge> = (0..mentions.len())
        .into_par_iter()
        .flat_map_iter(|i| {
            let index = &index;
            index
                .candidates(i)
                .into_iter()
                .filter_map(move |j| index.linked(i, j).map(|s| (s, i as u32, j as u32)))
        })
        .collect();
    merge_linked(&index.article_ids, edges, params, |p, q| {
        index.linked(p, q).is_some()
    })
}

/// The pair score of two mentions when it reaches the threshold that applies: the lower
/// [`Params::story_link_threshold`] when their articles tell one story.
pub fn link(a: &Weighted, b: &Weighted, same_story: bool, params: &Params) -> Option<f32> {
    let s = score(a, b, params)?;
    (s >= threshold(same_story, params)).then_some(s)
}

fn threshold(same_story: bool, params: &Params) -> f32 {
    if same_story {
        params.story_link_threshold
    } else {
        params.link_threshold
    }
}

/// A linked pair of mentions: (score, i, j) with `i < j`.
pub type Edge = (f32, u32, u32);

/// The guarded union-find of [`cluster`] over the mentions `0..article_ids.len()` (of articles
/// `article_ids`), given their linked pairs in any order. `linked(p, q)` (with `p < q`) says
/// whether two mentions are the same fact; the guards ask it about pairs inside the groups that
/// an edge would join, never about mentions outside them, so a caller can run this on each
/// connected component of the edges apart. Groups as in [`cluster`].
pub fn merge_linked(
    article_ids: &[u32],
    mut edges: Vec<Edge>,
    params: &Params,
    linked: impl Fn(usize, usize) -> bool,
) -> Vec<Vec<usize>> {
    // Best pairs first; ties in index order, so the merge order never depends on scheduling.
    edges.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut groups = Groups::new(article_ids);
    for &(_, i, j) in &edges {
        groups.merge(i as usize, j as usize, params.min_link_share, &linked);
    }
    groups.into_sorted()
}

/// Why two mentions were or were not linked by [`cluster`]: for an analyst asking "why are these
/// not one fact?" and for tuning.
#[derive(Clone, Debug, PartialEq)]
pub struct PairDiagnosis {
    /// Whether blocking made them a candidate pair at all (they share enough rare terms).
    pub candidate: bool,
    /// Their weighted overlap score, when their dates and ordinals allow one fact at all and
    /// they share at least [`Params::min_shared_terms`] terms.
    pub score: Option<f32>,
    /// The threshold that applies: lower when their articles tell one story.
    pub threshold: f32,
    pub same_story: bool,
    /// How many terms they share, of how many each has.
    pub shared_terms: usize,
    pub terms: (usize, usize),
}

/// [`PairDiagnosis`] of mentions `i` and `j` of `mentions`, with the corpus statistics of a
/// [`cluster`] run over all of them.
pub fn diagnose(mentions: &[Mention], i: usize, j: usize, params: &Params) -> PairDiagnosis {
    let index = Index::build(mentions, params);
    let (i, j) = (i.min(j), i.max(j));
    let (ta, tb) = (&index.weighted[i].f.terms, &index.weighted[j].f.terms);
    let shared_terms = ta.iter().filter(|t| tb.binary_search(t).is_ok()).count();
    PairDiagnosis {
        candidate: index.candidates(i).contains(&j),
        score: score(&index.weighted[i], &index.weighted[j], params),
        threshold: index.threshold(i, j),
        same_story: index
            .stories
            .same(index.article_ids[i], index.article_ids[j]),
        shared_terms,
        terms: (ta.len(), tb.len()),
    }
}

/// Everything [`cluster`] knows about the mentions before it links any: their features, the
/// rarity of each term, the stories of their articles and the blocking postings.
struct Index<'p> {
    params: &'p Params,
    /// Each mention's features with their term weights.
    weighted: Vec<Weighted>,
    /// Dense article id of each mention.
    article_ids: Vec<u32>,
    stories: Stories,
    /// Candidate pairs by shared rare terms.
    prefix: PrefixIndex,
}
impl<'p> Index<'p> {
    fn build(mentions: &[Mention], params: &'p Params) -> Self {
        let feats: Vec<Features> = mentions.par_iter().map(features).collect();

        // Document frequency of each term over all mentions: IDF weights and block sizes.
        let stats = TermStats::count(&feats);
        let article_ids: Vec<u32> = {
            let mut ids: FxHashMap<&str, u32> = FxHashMap::default();
            mentions
                .iter()
                .map(|m| {
                    let next = ids.len() as u32;
                    *ids.entry(m.article.as_str()).or_insert(next)
                })
                .collect()
        };
        let stories = Stories::build(&article_ids, &feats, params);

        let term_lists: Vec<&[u64]> = feats.iter().map(|f| f.terms.as_slice()).collect();
        let prefix = PrefixIndex::build(
            &term_lists,
            &stats.df,
            params.max_block,
            params.prefix_terms,
        );
        let weighted = feats
            .into_par_iter()
            .map(|f| stats.weigh(f, params))
            .collect();
        Index {
            params,
            weighted,
            article_ids,
            stories,
            prefix,
        }
    }

    /// The mentions after `i` that share at least `candidate_min_shared` of its rarest terms.
    fn candidates(&self, i: usize) -> Vec<usize> {
        self.prefix.candidates(i, self.params.candidate_min_shared)
    }

    fn threshold(&self, i: usize, j: usize) -> f32 {
        let same_story = self.stories.same(self.article_ids[i], self.article_ids[j]);
        threshold(same_story, self.params)
    }

    /// The pair score when it reaches the threshold that applies to the two mentions' articles.
    fn linked(&self, i: usize, j: usize) -> Option<f32> {
        let same_story = self.stories.same(self.article_ids[i], self.article_ids[j]);
        link(
            &self.weighted[i],
            &self.weighted[j],
            same_story,
            self.params,
        )
    }
}

/// How many of a group's first members stand for it when two groups are compared.
const SAMPLE: usize = 8;

/// Union-find over mentions that also knows, per group, which mentions of each article it holds.
struct Groups {
    parent: Vec<usize>,
    /// At roots only: number of mentions in the group.
    size: Vec<usize>,
    /// At roots only: article id → the group's mentions from that article.
    by_article: Vec<FxHashMap<u32, Vec<usize>>>,
    /// At roots only: the group's [`SAMPLE`] lowest mention indices, ascending.
    sample: Vec<Vec<usize>>,
    /// Pairs of group states (root, size) whose merge was refused. A group only grows, so a root
    /// with a given size is one set of mentions: the same pair would be refused again. Wire copy
    /// makes this common: two groups of 200 copies of two similar sentences meet on 40,000 edges.
    refused: rustc_hash::FxHashSet<[usize; 4]>,
}

impl Groups {
    fn new(article_ids: &[u32]) -> Self {
        Groups {
            parent: (0..article_ids.len()).collect(),
            size: vec![1; article_ids.len()],
            by_article: article_ids
                .iter()
                .enumerate()
                .map(|(i, &a)| FxHashMap::from_iter([(a, vec![i])]))
                .collect(),
            sample: (0..article_ids.len()).map(|i| vec![i]).collect(),
            refused: Default::default(),
        }
    }

    fn find(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    /// Merges the groups of `i` and `j`, unless that would join two mentions of one article that
    /// `same` says are different statements, or fewer than `min_share` of the sampled pairs across
    /// the two groups are `same`.
    fn merge(&mut self, i: usize, j: usize, min_share: f32, same: impl Fn(usize, usize) -> bool) {
        let (ri, rj) = (self.find(i), self.find(j));
        if ri == rj {
            return;
        }
        let (small, large) = if self.size[ri] <= self.size[rj] {
            (ri, rj)
        } else {
            (rj, ri)
        };
        let state = [small, self.size[small], large, self.size[large]];
        if self.refused.contains(&state) {
            return;
        }
        if !self.may_merge(small, large, min_share, same) {
            self.refused.insert(state);
            return;
        }
        let moved = std::mem::take(&mut self.by_article[small]);
        for (art, ms) in moved {
            self.by_article[large].entry(art).or_default().extend(ms);
        }
        let mut sample = std::mem::take(&mut self.sample[small]);
        sample.extend_from_slice(&self.sample[large]);
        sample.sort_unstable();
        sample.truncate(SAMPLE);
        self.sample[large] = sample;
        self.parent[small] = large;
        self.size[large] += self.size[small];
    }

    /// The guards of [`Groups::merge`] for the groups rooted at `small` and `large`.
    fn may_merge(
        &self,
        small: usize,
        large: usize,
        min_share: f32,
        same: impl Fn(usize, usize) -> bool,
    ) -> bool {
        for (art, ms) in &self.by_article[small] {
            if let Some(others) = self.by_article[large].get(art) {
                if ms
                    .iter()
                    .any(|&p| others.iter().any(|&q| !same(p.min(q), p.max(q))))
                {
                    return false;
                }
            }
        }
        if min_share > 0.0 && self.size[small] + self.size[large] > 2 {
            let (a, b) = (&self.sample[small], &self.sample[large]);
            let linked = a
                .iter()
                .flat_map(|&p| b.iter().map(move |&q| (p, q)))
                .filter(|&(p, q)| same(p.min(q), p.max(q)))
                .count();
            if (linked as f32) < min_share * (a.len() * b.len()) as f32 {
                return false;
            }
        }
        true
    }

    fn into_sorted(mut self) -> Vec<Vec<usize>> {
        let n = self.parent.len();
        let mut by_root: Vec<Vec<usize>> = vec![Vec::new(); n];
        for i in 0..n {
            let r = self.find(i);
            by_root[r].push(i);
        }
        // Members were pushed in increasing order, so each group is sorted; sort groups by first member.
        let mut out: Vec<Vec<usize>> = by_root.into_iter().filter(|g| !g.is_empty()).collect();
        out.sort_unstable_by_key(|g| g[0]);
        out
    }
}

#[cfg(test)]
mod tests;
