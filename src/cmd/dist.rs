//! `claimcheck dist [INPUT...] -- -w W -n N -p I -h HOSTS`: the main job on several processes.
//!
//! Start one process per host with the same INPUT (a shared or copied folder) and the same host
//! file; process `-p 0` writes the reports, identical to `claimcheck run` on the same input.

use super::run::{conclude, report_skipped, Job, RunArgs};
use super::EXIT_USAGE_OR_OUTPUT;
use crate::distributed::{self, Reported, Shared};
use crate::report::CsvStyle;
use crate::{input, pipeline, report};
use anyhow::{Context, Result};
use clap::Args;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};

#[derive(Debug, Args)]
pub struct DistArgs {
    #[command(flatten)]
    pub run: RunArgs,
    /// Seconds to wait at start-up for the other processes to connect.
    #[arg(long, default_value_t = 60)]
    pub connect_timeout: u64,
    /// Clusters whose report rows travel to process 0 together: fewer hold less memory on
    /// process 0, more take fewer rounds.
    #[arg(long, default_value_t = 50_000, value_parser = clap::value_parser!(u64).range(1..))]
    pub clusters_per_round: u64,
    /// timely's flags, after `--`: -w WORKERS (threads per process), -n PROCESSES,
    /// -p INDEX (this process, 0 writes the reports), -h HOSTFILE (one host:port per line).
    #[arg(last = true, allow_hyphen_values = true, value_name = "TIMELY")]
    pub timely: Vec<String>,
}

pub fn dist(args: DistArgs) -> Result<ExitCode> {
    let started = Instant::now();
    if args.run.timings.is_some() {
        crate::memory::watch();
    }
    let mut config = dataflow::Config::from_args(&args.timely)?;
    config.connect_timeout = Duration::from_secs(args.connect_timeout);
    let writes = config.process == 0;
    let job = Job::prepare(&args.run, writes)?;
    // Worker 0 clusters with rayon's global pool (timely workers cannot enter another pool).
    let _ = rayon::ThreadPoolBuilder::new()
        .num_threads(args.run.jobs.unwrap_or(0))
        .build_global();
    let (files, problems) = input::collect(&job.inputs)?;
    let shared = Arc::new(Shared {
        files,
        problems,
        manifest: job.manifest.clone(),
        opts: job.opts.clone(),
        out: args.run.out.clone(),
        style: CsvStyle {
            bom: !args.run.no_bom,
        },
        workbook: !args.run.no_xlsx,
        clusters_per_round: args.clusters_per_round as usize,
    });
    let work = Arc::clone(&shared);
    let outcome = dataflow::execute(&config, move |comm| distributed::analyse(comm, &work))
        .context("distributed run failed; no reports written")?;
    let mut reported = None;
    let mut phases = Vec::new();
    for (worker, result) in outcome.results.into_iter().enumerate() {
        match result {
            Ok((r, p)) => {
                reported = reported.or(r);
                if worker == 0 {
                    phases = p;
                }
            }
            Err(reason) => {
                eprintln!("claimcheck: error: {reason}; no reports written");
                return Ok(ExitCode::from(EXIT_USAGE_OR_OUTPUT));
            }
        }
    }
    if !args.run.quiet {
        eprintln!(
            "claimcheck dist: process {} of {}: {} workers, {:.1} MB sent to other processes",
            config.process,
            config.processes(),
            config.workers,
            outcome.bytes_sent_remote as f64 / 1e6,
        );
    }
    match reported {
        Some(Reported { articles, totals }) => {
            job.warn_unknown_manifest_entries(&articles);
            report_skipped(&articles);
            let threads = rayon::current_num_threads();
            conclude(&articles, &totals, &phases, threads, &args.run, started)
        }
        None => {
            if let Some(path) = &args.run.timings {
                write_phases(
                    &process_path(path, config.process),
                    &phases,
                    config.workers,
                    started,
                )?;
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// `timings.csv` becomes `timings.p1.csv` for process 1: the processes may share a folder.
fn process_path(path: &Path, process: usize) -> PathBuf {
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    let name = match path.extension() {
        Some(ext) => format!("{stem}.p{process}.{}", ext.to_string_lossy()),
        None => format!("{stem}.p{process}"),
    };
    path.with_file_name(name)
}

/// The timings of a process that writes no reports: its phases and its total.
fn write_phases(
    path: &Path,
    phases: &[pipeline::Phase],
    threads: usize,
    started: Instant,
) -> Result<()> {
    let row = |stage: &str, wall, peak_rss| report::Timing {
        stage: stage.to_string(),
        wall: Some(wall),
        cpu: None,
        articles: 0,
        bytes: 0,
        threads,
        peak_rss,
    };
    let mut rows: Vec<report::Timing> = phases
        .iter()
        .map(|p| row(p.name, p.wall, p.peak_rss))
        .collect();
    let peak = phases.iter().filter_map(|p| p.peak_rss).max();
    rows.push(row("total", started.elapsed(), peak));
    report::write_timings(path, &rows)
}
