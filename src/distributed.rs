//! The run on several processes: the same stage functions as [`pipeline`], with the articles
//! sharded across the workers of all processes (`dataflow`).
//!
//! Every worker reads, cleans, segments and extracts the articles whose name hashes to it; the
//! results meet on worker 0, which clusters, compares and hands the analysis to the caller to
//! write. Articles are keyed by name and everything after is sorted by name and position, so the
//! reports are the single-machine run's, byte for byte.

use crate::input::{InputFile, Manifest, WalkProblem};
use crate::pipeline::{self, Analysis, ArticleResult, Options};
use dataflow::Comm;
use std::time::{Duration, Instant};

/// What every process needs: the same list of inputs (every process must see the same files),
/// the manifest and the settings.
pub struct Shared {
    pub files: Vec<InputFile>,
    pub problems: Vec<WalkProblem>,
    pub manifest: Manifest,
    pub opts: Options,
}

/// Runs on every worker; returns the analysis on worker 0 (with the wall time of the per-article
/// stages) and `None` on the others, or an error when the processes do not see the same inputs.
pub fn analyse(comm: &mut Comm, shared: &Shared) -> Result<Option<(Analysis, Duration)>, String> {
    let started = Instant::now();
    check_same_inputs(comm, &shared.files)?;
    let (me, peers) = (comm.index(), comm.peers());
    let mine: Vec<ArticleResult> = shared
        .files
        .iter()
        .filter(|f| owner(&f.name, peers) == me)
        .flat_map(|f| pipeline::analyse_file(f, &shared.manifest, &shared.opts))
        .collect();
    let mut articles = comm.gather(mine);
    let analyse_wall = started.elapsed();
    if me != 0 {
        return Ok(None);
    }
    articles.extend(
        shared
            .problems
            .iter()
            .map(|p| ArticleResult::from(p.clone())),
    );
    let hidden = crate::progress::Progress::hidden();
    let analysis = pipeline::analyse_corpus(articles, &shared.opts, &hidden);
    Ok(Some((analysis, analyse_wall)))
}

/// The worker that analyses the input named `name`: a fixed hash, so every process agrees.
pub fn owner(name: &str, peers: usize) -> usize {
    (cluster::text::stable_hash(name.as_bytes()) % peers as u64) as usize
}

/// Every process lists the inputs itself (from a shared or copied folder); a process that sees
/// other files would shard a different list, so the run stops before any work.
fn check_same_inputs(comm: &mut Comm, files: &[InputFile]) -> Result<(), String> {
    let mut names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
    names.sort_unstable();
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
