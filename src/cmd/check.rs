//! `claimcheck check EXPECT`: known-cluster checks against the reports of a run.

use super::EXIT_USAGE_OR_OUTPUT;
use crate::expect::{self, Reports};
use anyhow::Result;
use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// A TOML file of expectations (format in README.md).
    pub expect: PathBuf,
    /// Folder holding claims.csv and mentions.csv.
    #[arg(long, default_value = "reports")]
    pub reports: PathBuf,
}

/// Prints PASS, FAIL or GAP (a failing `known_gap`) per expectation. Exit 0 when none fails, 1
/// when any fails, 2 when the file or a quote in it is bad.
pub fn check(args: &CheckArgs) -> Result<ExitCode> {
    let expectations = match expect::load(&args.expect) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("claimcheck check: {e:#}");
            return Ok(ExitCode::from(EXIT_USAGE_OR_OUTPUT));
        }
    };
    let reports = Reports::load(&args.reports)?;
    let (mut passed, mut failed, mut errors, mut gaps) = (0, 0, 0, 0);
    for (i, e) in expectations.iter().enumerate() {
        match expect::check(&reports, e) {
            Ok(outcome) if outcome.pass => {
                passed += 1;
                println!("PASS {}", outcome.summary);
                if e.known_gap.is_some() {
                    println!("    passes now: remove its `known_gap` line");
                }
            }
            Ok(outcome) if e.known_gap.is_some() => {
                gaps += 1;
                println!("GAP  {}", outcome.summary);
                println!(
                    "    known gap: {}",
                    e.known_gap.as_deref().unwrap_or_default()
                );
                print!("{}", outcome.details);
            }
            Ok(outcome) => {
                failed += 1;
                println!("FAIL {}", outcome.summary);
                print!("{}", outcome.details);
            }
            Err(err) => {
                errors += 1;
                println!("ERROR expectation {}: {err:#}", i + 1);
            }
        }
    }
    println!(
        "{passed} passed, {} failed, {gaps} known gaps",
        failed + errors
    );
    Ok(if errors > 0 {
        ExitCode::from(EXIT_USAGE_OR_OUTPUT)
    } else if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
