//! The run on several processes: the same stage functions as [`pipeline`], with the articles
//! sharded across the workers of all processes (`dataflow`).
//!
//! Every worker reads, cleans, segments and extracts the articles whose file name hashes to it,
//! and keeps their mentions. The cluster stage runs across workers on keys and weights
//! ([`dataflow::cluster`]). Then each cluster's mentions meet on the cluster's owner, which
//! compares them and renders their report rows; worker 0 only orders the clusters (a small key
//! each) and writes the rows it receives, a batch at a time, in report order. Mentions are
//! numbered as the single-machine run numbers them (by article name, then input order, then
//! position), so the reports are that run's, byte for byte.

use crate::input::{InputFile, Manifest, WalkProblem};
use crate::pipeline::{self, ArticleResult, Options, ReportKey, Totals};
use crate::report::{self, ClusterView, CsvStyle, StreamedReports};
use compare::ArticleInfo;
use dataflow::{Comm, Placed};
use model::{Finding, Mention, Status};
use rayon::prelude::*;
use std::collections::HashMap;
use std::ops::Range;
use std::path::PathBuf;

/// What every process needs: the same list of inputs (every process must see the same files),
/// the manifest and the settings.
pub struct Shared {
    pub files: Vec<InputFile>,
    pub problems: Vec<WalkProblem>,
    pub manifest: Manifest,
    pub opts: Options,
    /// Where process 0 writes the reports, and how.
    pub out: PathBuf,
    pub style: CsvStyle,
    pub workbook: bool,
    /// Clusters whose rows reach worker 0 in one round: bounds what worker 0 holds at a time.
    pub clusters_per_round: usize,
}

/// What worker 0 has once the reports are written: every article (for the summary and the
/// timings) and the findings in numbers.
pub struct Reported {
    pub articles: Vec<ArticleResult>,
    pub totals: Totals,
}

/// Where an article came from: its file's position in the input list and its position in the
/// file (JSONL holds many). The single-machine run keeps articles in this order before sorting
/// them by name, so it breaks ties between equal names.
type Origin = (u32, u32);

/// A cluster on its owner: where its mentions are in the owner's list, and its verdict.
struct Owned {
    mentions: Range<usize>,
    finding: Finding,
    representative: usize,
    /// Its place in the reports and its id, from worker 0.
    position: u32,
    id: u32,
}

/// What worker 0 needs of a cluster to order it, count it and name it.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
struct Ranked {
    key: ReportKey<u32>,
    hash: u64,
    mentions: u32,
    status: Status,
    /// Empty unless the cluster is a conflict (the summary shows the first few).
    disagreement: String,
}

/// Runs on every worker; returns what was reported on worker 0 and `None` on the others, with
/// the phases this worker went through, or an error when the processes do not see the same
/// inputs or the reports cannot be written.
pub fn analyse(
    comm: &mut Comm,
    shared: &Shared,
) -> Result<(Option<Reported>, Vec<pipeline::Phase>), String> {
    let mut laps = pipeline::Laps::start();
    check_same_inputs(comm, &shared.files)?;
    let (me, peers) = (comm.index(), comm.peers());
    let mut mine: Vec<(Origin, ArticleResult)> = shared
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
    laps.lap("read+clean+segment+extract");

    // Every article's name and mention count, everywhere: enough to number all mentions and to
    // give every article its short label.
    let summaries: Vec<(String, Origin, u32)> = mine
        .iter()
        .map(|(o, r)| (r.meta.id.clone(), *o, r.mentions.len() as u32))
        .collect();
    let mut summaries = comm.all_gather(summaries);
    summaries.sort_unstable_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
    let labels = pipeline::short_labels(
        summaries
            .iter()
            .map(|s| s.0.as_str())
            .chain(shared.problems.iter().map(|p| p.name.as_str())),
    );
    let mut places: HashMap<Origin, (u32, u32)> = HashMap::new();
    let (mut total, mut articles) = (0u32, 0u32);
    let mut last_name: Option<&str> = None;
    for (name, origin, n) in &summaries {
        if *n == 0 {
            continue;
        }
        if last_name != Some(name.as_str()) {
            articles += 1;
            last_name = Some(name);
        }
        places.insert(*origin, (total, articles - 1));
        total += n;
    }
    drop(summaries);
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
        total as usize,
        articles as usize,
        &shared.opts.cluster,
        |step| laps.lap(step),
    );
    drop(placed);

    // Each mention's cluster, known everywhere by the cluster's first mention.
    let firsts = if me == 0 {
        let mut first = vec![0u32; total as usize];
        for g in &groups {
            for &i in g {
                first[i] = g[0] as u32;
            }
        }
        vec![first]
    } else {
        Vec::new()
    };
    drop(groups);
    let first_of = comm.all_gather(firsts).pop().unwrap_or_default();
    let first = |i: u32| first_of.get(i as usize).copied().unwrap_or(i);
    let infos = article_infos(comm, &mut mine, &labels, &shared.opts);
    laps.lap("copies");

    // Each mention to its cluster's owner.
    let cluster_owner = |first: u32| first as usize % peers;
    let mut outgoing: Vec<(u32, u32, Mention)> = Vec::new();
    for (origin, r) in &mut mine {
        let (start, article) = places.get(origin).copied().unwrap_or_default();
        for (k, m) in std::mem::take(&mut r.mentions).into_iter().enumerate() {
            outgoing.push((start + k as u32, article, m));
        }
    }
    let mut held = comm.exchange(outgoing, |(i, _, _)| cluster_owner(first(*i)));
    held.sort_unstable_by_key(|(i, _, _)| (first(*i), *i));
    let mut bounds: Vec<Range<usize>> = Vec::new();
    for (k, (i, _, _)) in held.iter().enumerate() {
        match bounds.last_mut() {
            Some(r) if first(held[r.start].0) == first(*i) => r.end = k + 1,
            _ => bounds.push(k..k + 1),
        }
    }
    let mut owned: Vec<Owned> = bounds
        .into_par_iter()
        .map(|range| {
            let members: Vec<&Mention> = held[range.clone()].iter().map(|(_, _, m)| m).collect();
            Owned {
                finding: compare::compare(&members, &infos),
                representative: pipeline::representative(members.into_iter()),
                mentions: range,
                position: 0,
                id: 0,
            }
        })
        .collect();
    laps.lap("route+compare");

    // Worker 0 puts the clusters in report order and names them.
    let ranked: Vec<Ranked> = owned
        .iter()
        .map(|c| {
            let (index, article, m) = &held[c.mentions.start];
            let conflict = c.finding.status == Status::Conflict;
            Ranked {
                key: ReportKey::new(&c.finding, *article, m, *index as usize),
                hash: pipeline::claim_hash(m),
                mentions: c.mentions.len() as u32,
                status: c.finding.status,
                disagreement: if conflict {
                    c.finding.disagreement.clone()
                } else {
                    String::new()
                },
            }
        })
        .collect();
    let mut ranked = comm.gather(ranked);
    let mut totals = Totals::default();
    let mut placements: Vec<(u32, u32, u32)> = Vec::new();
    if me == 0 {
        ranked.sort_by(|a, b| a.key.cmp(&b.key));
        let ids = pipeline::cluster_ids(ranked.iter().map(|r| r.hash));
        for (position, (r, id)) in ranked.iter().zip(ids).enumerate() {
            totals.add(
                &pipeline::cluster_id_text(id),
                r.status,
                r.key.sources,
                &r.disagreement,
                r.mentions as usize,
            );
            placements.push((r.key.first as u32, position as u32, id));
        }
    }
    let clusters = ranked.len();
    drop(ranked);
    let placements: HashMap<u32, (u32, u32)> = comm
        .exchange(placements, |(first, _, _)| cluster_owner(*first))
        .into_iter()
        .map(|(first, position, id)| (first, (position, id)))
        .collect();
    for c in &mut owned {
        let first = first(held[c.mentions.start].0);
        (c.position, c.id) = placements.get(&first).copied().unwrap_or_default();
    }
    owned.sort_unstable_by_key(|c| c.position);
    let clusters = comm
        .all_gather(if me == 0 { vec![clusters] } else { Vec::new() })
        .pop()
        .unwrap_or(0);

    // The rows, rendered where the mentions are, reach worker 0 a round at a time.
    let mentions: Vec<Mention> = held.into_iter().map(|(_, _, m)| m).collect();
    let mut reports = (me == 0)
        .then(|| StreamedReports::create(&shared.out, shared.style).map_err(|e| format!("{e:#}")));
    let mut failed: Option<String> = None;
    let mut next = 0;
    let per_round = shared.clusters_per_round.max(1);
    for round in 0..clusters.div_ceil(per_round) {
        let end = u32::try_from((round + 1) * per_round).unwrap_or(u32::MAX);
        let count = owned[next..].partition_point(|c| c.position < end);
        let batch: Vec<(u32, Vec<u8>, Vec<u8>, u32)> = owned[next..next + count]
            .par_iter()
            .map(|c| {
                let id = pipeline::cluster_id_text(c.id);
                let view = ClusterView {
                    id: &id,
                    finding: &c.finding,
                    mentions: &mentions[c.mentions.clone()],
                    representative: c.representative,
                };
                // Rendering into memory cannot fail; an empty row would show in the reports.
                let (claims, rows) = report::cluster_rows(&view, &labels).unwrap_or_default();
                (c.position, claims, rows, c.mentions.len() as u32)
            })
            .collect();
        next += count;
        let mut got = comm.gather(batch);
        got.sort_unstable_by_key(|b| b.0);
        if let Some(Ok(writer)) = &mut reports {
            for (_, claims, rows, n) in got {
                if let Err(e) = writer.push(&claims, &rows, n as usize) {
                    failed.get_or_insert(format!("{e:#}"));
                }
            }
        }
    }
    drop(mentions);

    let mut gathered = comm.gather(mine);
    if me != 0 {
        laps.lap("write");
        return Ok((None, laps.phases));
    }
    gathered.sort_unstable_by_key(|(origin, _)| *origin);
    let mut articles: Vec<ArticleResult> = gathered.into_iter().map(|(_, r)| r).collect();
    articles.extend(
        shared
            .problems
            .iter()
            .map(|p| ArticleResult::from(p.clone())),
    );
    articles.sort_by(|a, b| a.meta.id.cmp(&b.meta.id));
    let writer = match reports {
        Some(Ok(writer)) => writer,
        Some(Err(e)) => return Err(e),
        None => return Err("worker 0 has no reports to write".into()),
    };
    if let Some(e) = failed {
        return Err(e);
    }
    writer
        .finish(&articles, shared.workbook)
        .map_err(|e| format!("{e:#}"))?;
    laps.lap("write");
    Ok((Some(Reported { articles, totals }), laps.phases))
}

/// Each article's short label and copy group, on every worker: the fingerprints meet on worker
/// 0, which groups the copies as the single-machine run does.
fn article_infos(
    comm: &mut Comm,
    mine: &mut [(Origin, ArticleResult)],
    labels: &HashMap<String, String>,
    opts: &Options,
) -> HashMap<String, ArticleInfo> {
    let prints: Vec<(String, Origin, cluster::Fingerprint)> = mine
        .iter_mut()
        .filter_map(|(o, r)| Some((r.meta.id.clone(), *o, r.fingerprint.take()?)))
        .collect();
    let mut prints = comm.gather(prints);
    prints.sort_unstable_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
    let (names, fingerprints): (Vec<&str>, Vec<cluster::Fingerprint>) = prints
        .iter_mut()
        .map(|(name, _, f)| (name.as_str(), std::mem::take(f)))
        .unzip();
    let infos: Vec<(String, String, u64)> = if comm.index() == 0 {
        pipeline::article_infos(&names, &fingerprints, labels, opts)
            .into_iter()
            .map(|(name, info)| (name, info.label, info.copy_group as u64))
            .collect()
    } else {
        Vec::new()
    };
    comm.all_gather(infos)
        .into_iter()
        .map(|(name, label, group)| {
            let info = ArticleInfo {
                label,
                copy_group: group as usize,
            };
            (name, info)
        })
        .collect()
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
