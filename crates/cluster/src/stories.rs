//! Articles that tell the same story.
//!
//! Two sentences about "the earthquake" state the same fact only if they are about the same
//! earthquake; their own words rarely say which, but their articles do: articles about one
//! happening share its rare specifics (places, names, numbers, dates) across all their sentences.
//! So each article is reduced to the union of its mentions' terms, weighted by rarity among
//! articles, and article pairs are scored by cosine similarity. Only pairs found by prefix
//! filtering on their rarest terms are scored, so the cost stays near-linear in the articles.

use crate::prefix::PrefixIndex;
use crate::unionfind::UnionFind;
use crate::{Features, Params};
use rayon::prelude::*;
use rustc_hash::FxHashMap;

/// Articles grouped by story: `story[a]` is the story of article `a`.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Stories {
    story: Vec<u32>,
}

/// An article's terms for story similarity: the distinct terms of all its mentions.
pub fn article_terms<'a>(mentions: impl IntoIterator<Item = &'a Features>) -> Vec<u64> {
    let mut t: Vec<u64> = mentions
        .into_iter()
        .flat_map(|f| f.terms.iter().copied())
        .collect();
    t.sort_unstable();
    t.dedup();
    t.shrink_to_fit();
    t
}

impl Stories {
    /// `article_ids[m]` is the article of mention `m`; ids are dense from 0.
    pub(crate) fn build(article_ids: &[u32], feats: &[Features], params: &Params) -> Stories {
        let n_articles = article_ids
            .iter()
            .map(|&a| a as usize + 1)
            .max()
            .unwrap_or(0);
        let mut by_article: Vec<Vec<&Features>> = vec![Vec::new(); n_articles];
        for (f, &a) in feats.iter().zip(article_ids) {
            by_article[a as usize].push(f);
        }
        let terms = by_article.into_par_iter().map(article_terms).collect();
        Stories::from_article_terms(terms, params)
    }

    /// Stories of articles `0..terms.len()`, given each article's [`article_terms`].
    pub fn from_article_terms(terms: Vec<Vec<u64>>, params: &Params) -> Stories {
        let n_articles = terms.len();
        let mut df: FxHashMap<u64, u32> = FxHashMap::default();
        for t in &terms {
            for &h in t {
                *df.entry(h).or_insert(0) += 1;
            }
        }
        let n = n_articles as f32;
        let weight = |t: u64| {
            let d = df.get(&t).copied().unwrap_or(1) as f32;
            // A term in every article says nothing about which story an article tells.
            let idf = (n / d).ln().max(0.0);
            if crate::is_key(t) {
                idf * params.story_key_weight
            } else {
                idf
            }
        };
        let weights: Vec<Vec<f32>> = terms
            .par_iter()
            .map(|t| t.iter().map(|&t| weight(t)).collect())
            .collect();
        let norms: Vec<f32> = weights
            .iter()
            .map(|w| w.iter().map(|x| x * x).sum::<f32>().sqrt())
            .collect();

        let term_lists: Vec<&[u64]> = terms.iter().map(Vec::as_slice).collect();
        let prefix = PrefixIndex::build(
            &term_lists,
            &df,
            params.max_block,
            params.story_prefix_terms,
        );
        let cosine = |i: usize, j: usize| {
            let denom = norms[i] * norms[j];
            if denom > 0.0 {
                dot(&terms[i], &weights[i], &terms[j], &weights[j]) / denom
            } else {
                0.0
            }
        };
        let mut edges: Vec<(f32, u32, u32)> = (0..n_articles)
            .into_par_iter()
            .flat_map_iter(|i| {
                // Articles of one story share many rare terms; those sharing one are mostly
                // chance meetings and not worth a cosine.
                let cands = prefix.candidates(i, params.story_min_shared);
                let cosine = &cosine;
                cands.into_iter().filter_map(move |j| {
                    let s = cosine(i, j);
                    (s >= params.story_threshold).then_some((s, i as u32, j as u32))
                })
            })
            .collect();
        edges.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));

        // Average linkage over a sample of members: a story grows only while its articles are,
        // on average, alike; single links would chain two stories through one article that
        // mentions both. The sample is a story's first articles by id, so it is the same whatever
        // the merge order, and only those are kept.
        const SAMPLE: usize = 8;
        let mut uf = UnionFind::new(n_articles);
        let mut sample: Vec<Vec<u32>> = (0..n_articles as u32).map(|a| vec![a]).collect();
        let mut size: Vec<u32> = vec![1; n_articles];
        // A story only grows, so (root, size) names one set of articles: a refused pair of
        // stories stays refused until one of them grows. Without this, two big stories that
        // share wire copy are compared again on every one of their thousands of edges.
        let mut refused: rustc_hash::FxHashSet<[u32; 4]> = Default::default();
        for &(_, i, j) in &edges {
            let (ri, rj) = (uf.find(i as usize), uf.find(j as usize));
            if ri == rj {
                continue;
            }
            let state = [ri as u32, size[ri], rj as u32, size[rj]];
            if refused.contains(&state) {
                continue;
            }
            let (sa, sb) = (&sample[ri], &sample[rj]);
            let mean = sa
                .iter()
                .flat_map(|&x| sb.iter().map(move |&y| cosine(x as usize, y as usize)))
                .sum::<f32>()
                / (sa.len() * sb.len()) as f32;
            if mean < params.story_threshold {
                refused.insert(state);
                continue;
            }
            let root = uf.union(ri, rj);
            let other = ri + rj - root;
            size[root] += size[other];
            let moved = std::mem::take(&mut sample[other]);
            let kept = &mut sample[root];
            kept.extend(moved);
            kept.sort_unstable();
            kept.truncate(SAMPLE);
        }
        let story = (0..n_articles).map(|a| uf.find(a) as u32).collect();
        Stories { story }
    }

    /// Whether articles `a` and `b` tell one story.
    pub fn same(&self, a: u32, b: u32) -> bool {
        self.story[a as usize] == self.story[b as usize]
    }
}
/// Sum over shared terms of the product of their weights; both term lists sorted by hash.
fn dot(ta: &[u64], wa: &[f32], tb: &[u64], wb: &[f32]) -> f32 {
    let (mut i, mut j, mut s) = (0, 0, 0.0f32);
    while i < ta.len() && j < tb.len() {
        match ta[i].cmp(&tb[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                s += wa[i] * wb[j];
                i += 1;
                j += 1;
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features;
    use crate::tests::{mention, two_earthquakes};
    use rustc_hash::FxHashMap;

    fn stories_of(ms: &[model::Mention]) -> (Vec<u32>, Stories) {
        let mut ids: FxHashMap<&str, u32> = FxHashMap::default();
        let article_ids: Vec<u32> = ms
            .iter()
            .map(|m| {
                let next = ids.len() as u32;
                *ids.entry(m.article.as_str()).or_insert(next)
            })
            .collect();
        let feats: Vec<Features> = ms.iter().map(features).collect();
        let stories = Stories::build(&article_ids, &feats, &Params::default());
        (article_ids, stories)
    }

    #[test]
    fn two_earthquakes_are_two_stories() {
        let mut ms = two_earthquakes();
        ms.push(mention(
            "football",
            1,
            "The club signed a young striker from a rival team.",
        ));
        ms.push(mention(
            "football",
            2,
            "The striker scored twice in his first match for the club.",
        ));
        let (_, s) = stories_of(&ms);
        // Articles in order: iran-1, iran-2, california-1, california-2, football.
        assert!(s.same(0, 1) && s.same(2, 3));
        assert!(!s.same(0, 2) && !s.same(1, 3));
        assert!(!s.same(4, 0) && !s.same(4, 2));
    }

    #[test]
    fn an_article_alone_is_its_own_story() {
        let (ids, s) = stories_of(&[mention("only", 1, "An earthquake struck near Ridgecrest.")]);
        assert_eq!(ids, vec![0]);
        assert!(s.same(0, 0));
    }
}
