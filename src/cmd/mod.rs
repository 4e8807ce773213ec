//! The command line: `claimcheck [run] [INPUT...]` and the inspection sub-commands.

mod check;
#[cfg(feature = "distributed")]
mod dist;
mod explain;
mod inspect;
mod run;

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

pub use check::CheckArgs;
pub use explain::ExplainArgs;
pub use run::RunArgs;

/// Exit code when no input could be processed at all.
pub const EXIT_NOTHING_PROCESSED: u8 = 1;
/// Exit code for usage errors and for reports that could not be written.
pub const EXIT_USAGE_OR_OUTPUT: u8 = 2;

#[derive(Debug, Parser)]
#[command(
    name = "claimcheck",
    version,
    about = "Which factual claims do several news outlets make, which only one, and where do their numbers or dates disagree?",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub run: RunArgs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Analyse articles and write claims.csv, mentions.csv and articles.csv (the default).
    Run(RunArgs),
    /// Print the article text of FILE with boilerplate removed.
    Clean(InspectArgs),
    /// Print the sentences of FILE, one per line.
    Segment(InspectArgs),
    /// Print the claims of FILE as JSON lines.
    Extract(ExtractArgs),
    /// Check known claim clusters (a TOML file of expectations) against the reports of a run.
    Check(CheckArgs),
    /// Show one cluster of a run: its mentions in their source text, their values, and why it has its status.
    Explain(ExplainArgs),
    /// The main job on several processes (timely dataflow): same reports as `run`, written by process 0.
    #[cfg(feature = "distributed")]
    Dist(dist::DistArgs),
}

#[derive(Debug, Args)]
pub struct InspectArgs {
    /// A .txt, .md or .html file, or `-` for standard input.
    pub file: PathBuf,
    /// Read FILE as HTML (default: by extension, else by content).
    #[arg(long)]
    pub html: bool,
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    #[command(flatten)]
    pub input: InspectArgs,
    /// Publication date (YYYY, YYYY-MM or YYYY-MM-DD) that relative dates are resolved against.
    #[arg(long)]
    pub published: Option<model::PubDate>,
    /// Treat every sentence as a claim, without removing boilerplate (for testing the parsers).
    #[arg(long)]
    pub all: bool,
    /// Drop claims whose check-worthiness score is below this (0 to 1).
    #[arg(long)]
    pub min_score: Option<f32>,
}

pub fn dispatch(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        None => run::run(cli.run),
        Some(Command::Run(args)) => run::run(args),
        Some(Command::Clean(args)) => inspect::clean(&args),
        Some(Command::Segment(args)) => inspect::segment(&args),
        Some(Command::Extract(args)) => inspect::extract(&args),
        Some(Command::Check(args)) => check::check(&args),
        Some(Command::Explain(args)) => explain::explain(&args),
        #[cfg(feature = "distributed")]
        Some(Command::Dist(args)) => dist::dist(args),
    }
}
