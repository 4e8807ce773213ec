//! `claimcheck dist [INPUT...] -- -w W -n N -p I -h HOSTS`: the main job on several processes.
//!
//! Start one process per host with the same INPUT (a shared or copied folder) and the same host
//! file; process `-p 0` writes the reports, identical to `claimcheck run` on the same input.

use super::run::{finish, Job, RunArgs};
use super::EXIT_USAGE_OR_OUTPUT;
use crate::distributed::{self, Shared};
use crate::input;
use anyhow::{Context, Result};
use clap::Args;
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
    });
    let work = Arc::clone(&shared);
    let outcome = dataflow::execute(&config, move |comm| distributed::analyse(comm, &work))
        .context("distributed run failed; no reports written")?;
    let mut analysis = None;
    for result in outcome.results {
        match result {
            Ok(Some(a)) => analysis = Some(a),
            Ok(None) => {}
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
    match analysis {
        Some((analysis, analysed)) => {
            job.warn_unknown_manifest_entries(&analysis.articles);
            finish(&analysis, &args.run, &job.pool, started, Some(analysed))
        }
        None => Ok(ExitCode::SUCCESS),
    }
}
