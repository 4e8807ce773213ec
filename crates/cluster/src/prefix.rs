//! Prefix filtering: candidate pairs without comparing all pairs.
//!
//! Each item (a mention, an article) is indexed under its rarest terms only, ties broken by hash so
//! the choice is the same everywhere. Two items with a large weighted overlap share some of their
//! rarest terms, so the items found under an item's prefix terms are its only candidates. Terms in
//! fewer than two items can pair nothing, and terms in more than `max_block` items are too common
//! to be worth a block; both are left out of the prefix.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

pub(crate) struct PrefixIndex {
    /// Each item's rarest terms.
    prefixes: Vec<Vec<u64>>,
    /// Term → the items indexed under it, in increasing order.
    postings: FxHashMap<u64, Vec<u32>>,
}

/// An item's prefix: its at most `prefix_terms` rarest terms among those held by 2 to
/// `max_block` items (`df` counts the items holding each term), rarest first, ties by hash.
pub fn prefix_of(
    terms: &[u64],
    df: &FxHashMap<u64, u32>,
    max_block: usize,
    prefix_terms: usize,
) -> Vec<u64> {
    let mut ts: Vec<(u32, u64)> = terms
        .iter()
        .filter_map(|&h| {
            let d = df.get(&h).copied().unwrap_or(0);
            (d >= 2 && d as usize <= max_block).then_some((d, h))
        })
        .collect();
    ts.sort_unstable();
    ts.truncate(prefix_terms);
    ts.into_iter().map(|(_, h)| h).collect()
}

/// How many terms two prefixes share: a pair is a candidate when it is at least `min_shared`.
pub fn shared_terms(a: &[u64], b: &[u64]) -> usize {
    a.iter().filter(|h| b.contains(h)).count()
}

impl PrefixIndex {
    /// `terms[i]` are item `i`'s distinct terms; `df` counts the items holding each term.
    pub(crate) fn build(
        terms: &[&[u64]],
        df: &FxHashMap<u64, u32>,
        max_block: usize,
        prefix_terms: usize,
    ) -> Self {
        let prefixes: Vec<Vec<u64>> = terms
            .par_iter()
            .map(|t| prefix_of(t, df, max_block, prefix_terms))
            .collect();
        let mut postings: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
        for (i, p) in prefixes.iter().enumerate() {
            for &h in p {
                postings.entry(h).or_default().push(i as u32);
            }
        }
        PrefixIndex { prefixes, postings }
    }

    /// The items after `i` that share at least `min_shared` of its prefix terms, in increasing
    /// order: one shared rare term is common by chance, two rarely are.
    pub(crate) fn candidates(&self, i: usize, min_shared: usize) -> Vec<usize> {
        let mut hits: Vec<u32> = Vec::new();
        for h in &self.prefixes[i] {
            if let Some(list) = self.postings.get(h) {
                hits.extend(list.iter().copied().filter(|&j| j as usize > i));
            }
        }
        hits.sort_unstable();
        hits.chunk_by(|a, b| a == b)
            .filter(|run| run.len() >= min_shared)
            .map(|run| run[0] as usize)
            .collect()
    }
}
