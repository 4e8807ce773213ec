//! The cluster stage across workers: `cluster::cluster`'s own pieces, with the mentions kept
//! where their articles were read and only keys, weights and edges on the wire.
//!
//! 1. Term counts meet by term and come back summed to the workers that have the term
//!    ([`cluster::TermStats`]).
//! 2. Article term sets meet on worker 0, which groups articles into stories for everyone.
//! 3. Each mention goes to the owners of its blocking-prefix terms. A pair is scored where its
//!    smallest shared prefix term lives, so every candidate pair is scored exactly once.
//! 4. Edges and weights meet on worker 0 for the guarded merge, which takes edges best first
//!    and so is one ordered pass; it is the same function the single-machine run calls.

use crate::Comm;
use cluster::{Edge, Features, Params, Stories, TermStats, Weighted};
use model::Mention;
use rustc_hash::FxHashMap;

/// One of this worker's mentions, with its place in the whole run.
pub struct Placed<'a> {
    /// Position among all mentions of the run (the order of the single-machine run).
    pub index: u32,
    /// Dense id of its article (distinct article names, numbered in that same order).
    pub article: u32,
    pub mention: &'a Mention,
}

/// A mention on its way to the owner of some of its prefix terms.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
struct Blocked {
    /// The prefix terms owned by the destination worker.
    here: Vec<u64>,
    index: u32,
    article: u32,
    prefix: Vec<u64>,
    weighted: Weighted,
}

/// Groups of mention indices that state the same fact, as `cluster::cluster` would return for
/// all mentions of the run: on worker 0; empty on the others. `mentions` is the total count.
/// `step` is called with the name of each step as it ends (for timings).
pub fn cluster(
    comm: &mut Comm,
    mine: &[Placed],
    mentions: usize,
    articles: usize,
    params: &Params,
    mut step: impl FnMut(&'static str),
) -> Vec<Vec<usize>> {
    let peers = comm.peers();
    // A term's lowest bit says whether it is a key (`cluster::is_key`); the bits above it spread
    // terms over workers evenly.
    let owner = |h: u64| ((h >> 1) % peers as u64) as usize;
    let feats: Vec<Features> = mine.iter().map(|p| cluster::features(p.mention)).collect();

    // 1. Term counts, summed where each term lives, and returned to the workers whose mentions
    // have the term: a worker weighs and blocks only its own mentions.
    let me = comm.index() as u32;
    let local = TermStats::count(&feats);
    let partial = local.df.into_iter().map(|(h, c)| (h, c, me));
    let arrived = comm.exchange(partial, |&(h, _, _)| owner(h));
    let mut summed: FxHashMap<u64, u32> = FxHashMap::default();
    for &(h, c, _) in &arrived {
        *summed.entry(h).or_insert(0) += c;
    }
    let replies = arrived
        .into_iter()
        .map(|(h, _, to)| (h, summed.get(&h).copied().unwrap_or(0), to));
    let df = comm.exchange(replies, |&(_, _, to)| to as usize);
    drop(summed);
    let stats = TermStats {
        df: df.into_iter().map(|(h, c, _)| (h, c)).collect(),
        mentions,
    };
    step("cluster: term counts");

    // 2. Stories, from each article's terms, on worker 0, for everyone.
    let mut by_article: FxHashMap<u32, Vec<&Features>> = FxHashMap::default();
    for (p, f) in mine.iter().zip(&feats) {
        by_article.entry(p.article).or_default().push(f);
    }
    let article_terms: Vec<(u32, Vec<u64>)> = by_article
        .into_iter()
        .map(|(a, fs)| (a, cluster::article_terms(fs)))
        .collect();
    let gathered = comm.gather(article_terms);
    let stories = if comm.index() == 0 {
        // Two inputs may carry one article name (JSONL ids), read by different workers: the
        // article's terms are the union of both, as in a single run.
        let mut terms = vec![Vec::new(); articles];
        for (a, t) in gathered {
            if let Some(slot) = terms.get_mut(a as usize) {
                slot.extend(t);
            }
        }
        for t in &mut terms {
            t.sort_unstable();
            t.dedup();
        }
        vec![Stories::from_article_terms(terms, params)]
    } else {
        Vec::new()
    };
    let Some(stories) = comm.all_gather(stories).pop() else {
        return Vec::new();
    };
    step("cluster: stories");

    // 3. Candidate pairs where their prefix terms live, scored there.
    // Made while they are sent: a mention's copies exist only until they are on the wire.
    let outgoing = mine.iter().zip(feats).flat_map(|(p, f)| {
        let prefix = stats.prefix(&f, params);
        let w = stats.weigh(f, params);
        let mut by_owner: FxHashMap<usize, Vec<u64>> = FxHashMap::default();
        for &h in &prefix {
            by_owner.entry(owner(h)).or_default().push(h);
        }
        let mut dests: Vec<(usize, Vec<u64>)> = by_owner.into_iter().collect();
        dests.sort_unstable_by_key(|d| d.0);
        let (index, article) = (p.index, p.article);
        dests.into_iter().map(move |(to, here)| {
            let blocked = Blocked {
                here,
                index,
                article,
                prefix: prefix.clone(),
                weighted: w.clone(),
            };
            (to, blocked)
        })
    });
    let arrived: Vec<Blocked> = comm
        .exchange(outgoing, |(to, _)| *to)
        .into_iter()
        .map(|(_, b)| b)
        .collect();
    drop(stats);
    let mut postings: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
    for (k, b) in arrived.iter().enumerate() {
        for &h in &b.here {
            postings.entry(h).or_default().push(k);
        }
    }
    let mut edges: Vec<Edge> = Vec::new();
    let by_index: FxHashMap<u32, &Blocked> = arrived.iter().map(|b| (b.index, b)).collect();
    for (term, mut list) in postings {
        list.sort_unstable_by_key(|&k| arrived[k].index);
        for (x, &ka) in list.iter().enumerate() {
            let a = &arrived[ka];
            for &kb in &list[x + 1..] {
                let b = &arrived[kb];
                if cluster::shared_terms(&a.prefix, &b.prefix) < params.candidate_min_shared {
                    continue;
                }
                let first_shared = a.prefix.iter().filter(|h| b.prefix.contains(h)).min();
                if first_shared != Some(&term) {
                    continue;
                }
                let same_story = stories.same(a.article, b.article);
                if let Some(s) = cluster::link(&a.weighted, &b.weighted, same_story, params) {
                    edges.push((s, a.index, b.index));
                }
            }
        }
    }

    step("cluster: candidates");

    // 4. The guarded merge on worker 0. It asks about pairs inside the groups that edges join, so
    // it needs the weights of the mentions that have an edge: the scoring workers have them.
    let mut linked: Vec<(u32, u32, Weighted)> = Vec::new();
    let mut seen = rustc_hash::FxHashSet::default();
    for &(_, i, j) in &edges {
        for k in [i, j] {
            if let Some(b) = by_index.get(&k).filter(|_| seen.insert(k)) {
                linked.push((k, b.article, b.weighted.clone()));
            }
        }
    }
    drop(by_index);
    drop(arrived);
    let edges = comm.gather(edges);
    let linked = comm.gather(linked);
    if comm.index() != 0 {
        return Vec::new();
    }
    // A mention without an edge stays alone whatever its article, so only linked ones need theirs.
    let mut article_ids = vec![0u32; mentions];
    let mut weights: Vec<(u32, Weighted)> = Vec::with_capacity(linked.len());
    for (i, a, w) in linked {
        if let Some(slot) = article_ids.get_mut(i as usize) {
            *slot = a;
            weights.push((i, w));
        }
    }
    weights.sort_unstable_by_key(|(i, _)| *i);
    let weight = |i: usize| {
        let k = weights
            .binary_search_by_key(&(i as u32), |(i, _)| *i)
            .ok()?;
        Some(&weights[k].1)
    };
    let groups = cluster::merge_linked(&article_ids, edges, params, |p, q| {
        match (weight(p), weight(q)) {
            (Some(a), Some(b)) => {
                cluster::link(a, b, stories.same(article_ids[p], article_ids[q]), params).is_some()
            }
            _ => false,
        }
    });
    step("cluster: merge");
    groups
}
