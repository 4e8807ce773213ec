//! `claimcheck [run] [INPUT...]`: the main job, from article files to the three reports.

use super::{EXIT_NOTHING_PROCESSED, EXIT_USAGE_OR_OUTPUT};
use crate::input::{self, Manifest};
use crate::pipeline::{self, ArticleResult, Options};
use crate::progress::Progress;
use crate::report::{self, CsvStyle};
use anyhow::{Context, Result};
use clap::Args;
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

const DEFAULT_INPUT: &str = "data/articles";
const DEFAULT_MANIFEST: &str = "data/manifest.csv";

#[derive(Debug, Args, Default)]
pub struct RunArgs {
    /// Article files or folders (searched recursively): .txt, .md, .html, .htm, .jsonl.
    /// Default: data/articles.
    pub inputs: Vec<PathBuf>,
    /// Folder for the reports (created if missing).
    #[arg(long, default_value = "reports")]
    pub out: PathBuf,
    /// CSV of article metadata (article, published, outlet, url, title). Default: data/manifest.csv
    /// for the default input, else a manifest.csv in the (first) input folder, if there is one.
    #[arg(long)]
    pub manifest: Option<PathBuf>,
    /// Worker threads (default: one per core). Reports are identical whatever the number.
    #[arg(long, short = 'j')]
    pub jobs: Option<usize>,
    /// No progress bars and no summary.
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// Write CSV without the UTF-8 byte order mark (for pipelines; Excel needs the mark).
    #[arg(long)]
    pub no_bom: bool,
    /// Skip files (and JSONL lines) larger than this many bytes.
    #[arg(long, default_value_t = 64 * 1024 * 1024)]
    pub max_file_size: u64,
    /// Keep only claims whose check-worthiness score is at least this (0 to 1).
    #[arg(long)]
    pub min_score: Option<f32>,
    /// Treat every sentence as a claim (no check-worthiness filter, no clause splitting).
    #[arg(long)]
    pub all_sentences: bool,
    /// Do not write the workbook claimcheck.xlsx beside the CSV reports.
    #[arg(long)]
    pub no_xlsx: bool,
    /// Also write the time of each stage as CSV to this file (for benchmarks).
    #[arg(long, value_name = "FILE")]
    pub timings: Option<PathBuf>,
}

pub fn run(args: RunArgs) -> Result<ExitCode> {
    let started = Instant::now();
    if args.timings.is_some() {
        crate::memory::watch();
    }
    let job = Job::prepare(&args, true)?;
    let mut analysed = Vec::new();
    let analysis = job.pool.install(|| -> Result<_> {
        let (files, problems) = input::collect(&job.inputs)?;
        let analyse_started = Instant::now();
        let bar = job.progress.bar("articles", files.len() as u64);
        let mut articles: Vec<ArticleResult> = files
            .par_iter()
            .flat_map_iter(|f| {
                let r = pipeline::analyse_file(f, &job.manifest, &job.opts);
                bar.inc(1);
                r
            })
            .collect();
        bar.finish_and_clear();
        analysed.push(pipeline::Phase::ended(
            "read+clean+segment+extract",
            analyse_started,
        ));
        articles.extend(problems.into_iter().map(ArticleResult::from));
        job.warn_unknown_manifest_entries(&articles);
        Ok(pipeline::analyse_corpus(articles, &job.opts, &job.progress))
    })?;
    finish(&analysis, &args, &job.pool, started, analysed)
}

/// What a run needs before it reads any article: the inputs, the manifest, the settings and the
/// threads. Fails early when the output folder cannot be created (when `writes` says this
/// process writes the reports).
pub(super) struct Job {
    pub inputs: Vec<PathBuf>,
    pub manifest: Manifest,
    manifest_path: Option<PathBuf>,
    pub opts: Options,
    pub progress: Progress,
    pub pool: rayon::ThreadPool,
}

impl Job {
    pub fn prepare(args: &RunArgs, writes: bool) -> Result<Job> {
        let (inputs, manifest_path) = resolve_inputs(args);
        let manifest = match &manifest_path {
            Some(p) => Manifest::load(p)?,
            None => Manifest::default(),
        };
        for w in &manifest.warnings {
            eprintln!("warning: {w}");
        }
        // Fail before the work, not after it, when the reports cannot be written.
        if writes {
            std::fs::create_dir_all(&args.out)
                .with_context(|| format!("cannot create output folder {}", args.out.display()))?;
        }

        let mut opts = Options {
            max_file_size: args.max_file_size,
            ..Options::default()
        };
        opts.extract.all = args.all_sentences;
        if let Some(min) = args.min_score {
            opts.extract.min_score = min;
        }
        let progress = if args.quiet {
            Progress::hidden()
        } else {
            Progress::new(false)
        };
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(args.jobs.unwrap_or(0))
            .build()
            .context("cannot start worker threads")?;
        Ok(Job {
            inputs,
            manifest,
            manifest_path,
            opts,
            progress,
            pool,
        })
    }

    pub fn warn_unknown_manifest_entries(&self, articles: &[ArticleResult]) {
        warn_unknown_manifest_entries(&self.manifest, articles, self.manifest_path.as_deref());
    }
}

/// Writes the reports of a single-machine run, then [`conclude`]s.
fn finish(
    analysis: &pipeline::Analysis,
    args: &RunArgs,
    pool: &rayon::ThreadPool,
    started: Instant,
    analysed: Vec<pipeline::Phase>,
) -> Result<ExitCode> {
    report_skipped(&analysis.articles);
    let style = CsvStyle { bom: !args.no_bom };
    let write_started = Instant::now();
    crate::memory::reset_peak();
    if let Err(e) =
        pool.install(|| report::write_reports(analysis, &args.out, style, !args.no_xlsx))
    {
        eprintln!("claimcheck: error: {e:#}");
        return Ok(ExitCode::from(EXIT_USAGE_OR_OUTPUT));
    }
    let mut phases = analysed;
    phases.extend(analysis.phases.iter().cloned());
    phases.push(pipeline::Phase::ended("write", write_started));
    let totals = pipeline::Totals::of(analysis);
    let threads = pool.current_num_threads();
    conclude(&analysis.articles, &totals, &phases, threads, args, started)
}

pub(super) fn report_skipped(articles: &[ArticleResult]) {
    for a in articles {
        if let Err(reason) = &a.outcome {
            eprintln!("skipped {}: {reason}", a.meta.id);
        }
    }
}

/// After the reports are written: the timings (with `--timings`), the summary and the exit code.
/// `phases` are the run's phases in order, the per-article pass first.
pub(super) fn conclude(
    articles: &[ArticleResult],
    totals: &pipeline::Totals,
    phases: &[pipeline::Phase],
    threads: usize,
    args: &RunArgs,
    started: Instant,
) -> Result<ExitCode> {
    if let Some(path) = &args.timings {
        let walls = Walls {
            phases,
            total: started.elapsed(),
            threads,
        };
        if let Err(e) = report::write_timings(path, &walls.rows(articles)) {
            eprintln!("claimcheck: error: {e:#}");
            return Ok(ExitCode::from(EXIT_USAGE_OR_OUTPUT));
        }
    }
    let ok = articles.iter().filter(|a| a.outcome.is_ok()).count();
    if !args.quiet {
        print_summary(articles, totals, ok, started, &args.out);
    }
    if ok == 0 {
        eprintln!("claimcheck: no input could be processed");
        return Ok(ExitCode::from(EXIT_NOTHING_PROCESSED));
    }
    Ok(ExitCode::SUCCESS)
}

/// With no INPUT, the project's own sample and manifest; otherwise a manifest.csv beside the
/// first input folder's articles, unless `--manifest` names one.
fn resolve_inputs(args: &RunArgs) -> (Vec<PathBuf>, Option<PathBuf>) {
    if args.inputs.is_empty() {
        let default_manifest = Path::new(DEFAULT_MANIFEST);
        let manifest = args.manifest.clone().or_else(|| {
            default_manifest
                .exists()
                .then(|| default_manifest.to_path_buf())
        });
        return (vec![PathBuf::from(DEFAULT_INPUT)], manifest);
    }
    let manifest = args.manifest.clone().or_else(|| {
        args.inputs
            .iter()
            .filter(|p| p.is_dir())
            .map(|p| p.join("manifest.csv"))
            .find(|p| p.is_file())
    });
    (args.inputs.clone(), manifest)
}

fn warn_unknown_manifest_entries(
    manifest: &Manifest,
    articles: &[ArticleResult],
    path: Option<&Path>,
) {
    let Some(path) = path else { return };
    let known: std::collections::HashSet<&str> = articles
        .iter()
        .flat_map(|a| {
            [
                a.meta.id.as_str(),
                a.meta.id.rsplit('/').next().unwrap_or(&a.meta.id),
            ]
        })
        .collect();
    for name in manifest.entries.keys() {
        if !known.contains(name.as_str()) {
            eprintln!(
                "warning: {}: lists {name}, which is not among the inputs",
                path.display()
            );
        }
    }
}

fn print_summary(
    articles: &[ArticleResult],
    totals: &pipeline::Totals,
    ok: usize,
    started: Instant,
    out: &Path,
) {
    let skipped = articles.len() - ok;
    let sentences: usize = articles
        .iter()
        .filter_map(|a| a.outcome.as_ref().ok())
        .map(|c| c.sentences)
        .sum();
    eprintln!(
        "claimcheck: {ok} articles read, {skipped} skipped; {sentences} sentences, {} claims, {} clusters: {} conflicts, {} corroborated, {} single-source; {:.2}s",
        totals.claims,
        totals.clusters,
        totals.conflicts,
        totals.corroborated,
        totals.single_source,
        started.elapsed().as_secs_f64(),
    );
    for (id, sources, disagreement) in &totals.first_conflicts {
        eprintln!("  conflict {id} ({sources} sources): {disagreement}");
    }
    eprintln!("reports in {}", out.display());
}

/// The phases measured around the per-article pass and the writing of the reports.
struct Walls<'a> {
    /// The per-article pass first.
    phases: &'a [pipeline::Phase],
    total: std::time::Duration,
    threads: usize,
}

impl Walls<'_> {
    /// One row per stage. The per-article stages run fused on every thread, so they get the CPU
    /// time summed over articles (their MB/s is per core); the corpus-wide phases get wall time.
    fn rows(&self, articles: &[ArticleResult]) -> Vec<report::Timing> {
        let ok: Vec<&pipeline::ArticleCounts> = articles
            .iter()
            .filter_map(|a| a.outcome.as_ref().ok())
            .collect();
        let articles = ok.len();
        let bytes: usize = ok.iter().map(|c| c.bytes).sum();
        let cpu = |f: fn(&pipeline::StageTimes) -> std::time::Duration| -> std::time::Duration {
            ok.iter().map(|c| f(&c.times)).sum()
        };
        let row = |stage: &str,
                   wall: Option<std::time::Duration>,
                   cpu: Option<std::time::Duration>,
                   peak_rss: Option<u64>| report::Timing {
            stage: stage.to_string(),
            wall,
            cpu,
            articles,
            bytes,
            threads: self.threads,
            peak_rss,
        };
        let phase = |p: &pipeline::Phase| row(p.name, Some(p.wall), None, p.peak_rss);
        let (first, rest) = self.phases.split_at(self.phases.len().min(1));
        let mut rows: Vec<report::Timing> = first.iter().map(phase).collect();
        rows.extend([
            row("clean", None, Some(cpu(|t| t.clean)), None),
            row("segment", None, Some(cpu(|t| t.segment)), None),
            row("extract", None, Some(cpu(|t| t.extract)), None),
        ]);
        rows.extend(rest.iter().map(phase));
        let peak = rows.iter().filter_map(|r| r.peak_rss).max();
        rows.push(row("total", Some(self.total), None, peak));
        rows
    }
}
