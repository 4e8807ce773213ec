//! The run on several processes: the same stage functions as [`pipeline`], with the articles
//! sharded across the workers of all processes (`dataflow`).
//!
//! Every worker reads, cleans, segments and extracts the articles whose file name hashes to it,
//! and keeps their mentions. The cluster stage runs across workers on keys and weights
//! ([`dataflow::cluster`]); then the articles meet on worker 0, which compares the clusters and
//! hands the analysis to the caller to write. Mentions are numbered as the single-machine run
//! numbers them (by article name, then input order, then position), so the reports are that
//! run's, byte for byte.

use crate::input::{InputFile, Manifest, WalkProblem};
use crate::pipeline::{self, Analysis, ArticleResult, Options};
use dataflow::{Comm, Placed};
use std::collections::HashMap;
use std::time::Instant;

/// What every process needs: the same list of inputs (every process must see the same files),
/// the manifest and the settings.
pub struct Shared {
    pub files: Vec<InputFile>,
    pub problems: Vec<WalkProblem>,
    pub manifest: Manifest,
    pub opts: Options,
}

/// Where an article came from: its file's position in the input list and its position in the
/// file (JSONL holds many). The single-machine run keeps articles in this order before sorting
/// them by name, so it breaks ties between equal names.
type Origin = (u32, u32);

/// Runs on every worker; returns the analysis on worker 0 (with the wall time of the per-article
/// stages) and `None` on the others, or an error when the processes do not see the same inputs.
pub fn analyse(
    comm: &mut Comm,
    shared: &Shared,
) -> Result<Option<(Analysis, pipeline::Phase)>, String> {
    let started = Instant::now();
    check_same_inputs(comm, &shared.files)?;
    let (me, peers) = (comm.index(), comm.peers());
    let mine: Vec<(Origin, ArticleResult)> = shared
        .files
        .iter()
        .enumerate()
        .filter(|(_, f)| owner(&f.name, peers) == me)
        .flat_map(|(k, f)| {
            pipeline::analyse_file(f, &shared.manifest, &shared.opts)
                .into_iter()
                .enumerate()
                .map(move |(seq, r)| ((k as u32, seq as u32), r))
        })
        .collect();
    let analysed = pipeline::Phase::ended("read+clean+segment+extract", started);

    // Every article's name and mention count, everywhere: enough to number all mentions.
    let summaries: Vec<(String, Origin, u32)> = mine
        .iter()
        .map(|(o, r)| (r.meta.id.clone(), *o, r.mentions.len() as u32))
        .collect();
    let mut summaries = comm.all_gather(summaries);
    summaries.sort_unstable_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
    let mut places: HashMap<Origin, (u32, u32)> = HashMap::new();
    let (mut next_mention, mut articles) = (0u32, 0u32);
    let mut last_name: Option<&str> = None;
    for (name, origin, n) in &summaries {
        if *n == 0 {
            continue;
        }
        if last_name != Some(name.as_str()) {
            articles += 1;
            last_name = Some(name);
        }
        places.insert(*origin, (next_mention, articles - 1));
        next_mention += n;
    }
    let placed: Vec<Placed> = mine
        .iter()
        .flat_map(|(origin, r)| {
            let (first, article) = places.get(origin).copied().unwrap_or_default();
            r.mentions
                .iter()
                .enumerate()
                .map(move |(k, mention)| Placed {
                    index: first + k as u32,
                    article,
                    mention,
                })
        })
        .collect();
    let groups = dataflow::cluster(
        comm,
        &placed,
        next_mention as usize,
        articles as usize,
        &shared.opts.cluster,
    );
    drop(placed);

    let mut gathered = comm.gather(mine);
    if me != 0 {
        return Ok(None);
    }
    gathered.sort_unstable_by_key(|(origin, _)| *origin);
    let mut articles: Vec<ArticleResult> = gathered.into_iter().map(|(_, r)| r).collect();
    articles.extend(
        shared
            .problems
            .iter()
            .map(|p| ArticleResult::from(p.clone())),
    );
    let hidden = crate::progress::Progress::hidden();
    let analysis = pipeline::analyse_corpus_with(articles, &shared.opts, &hidden, |_| groups);
    Ok(Some((analysis, analysed)))
}

/// The worker that analyses the input named `name`: a fixed hash, so every process agrees.
pub fn owner(name: &str, peers: usize) -> usize {
    (cluster::text::stable_hash(name.as_bytes()) % peers as u64) as usize
}

/// Every process lists the inputs itself (from a shared or copied folder); a process that sees
/// other files, or lists them in another order, would shard a different list, so the run stops
/// before any work.
fn check_same_inputs(comm: &mut Comm, files: &[InputFile]) -> Result<(), String> {
    let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
    let digest = cluster::text::stable_hash(names.join("\n").as_bytes());
    let all = comm.all_gather(vec![(comm.index(), files.len(), digest)]);
    let (_, n0, d0) = all[0];
    match all.iter().find(|&&(_, _, d)| d != d0) {
        None => Ok(()),
        Some(&(worker, n, _)) => Err(format!(
            "worker {worker} sees {n} input files and worker 0 sees {n0}, or other names: \
             every process must see the same inputs"
        )),
    }
}
