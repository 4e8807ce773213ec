use claimcheck::cmd::{self, Cli};

#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;
use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cmd::dispatch(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("claimcheck: error: {err:#}");
            ExitCode::from(cmd::EXIT_USAGE_OR_OUTPUT)
        }
    }
}
