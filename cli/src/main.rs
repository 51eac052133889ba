//! The `postern` command-line tool (package `postern-cli`).
//!
//! `postern run` loads a page (a URL, an HTML file, or a directory of host-named
//! subdirectories served as virtual origins), runs its event loops until idle and prints its
//! console; `postern wpt` runs web-platform-tests from a checkout through the runner in
//! `postern_wpt`, each file in a child process of its own (the hidden `postern wpt-child`).
//! Both drive the engine through its public embedding API
//! (`postern::UserAgent`).

mod bench;
mod bench_peers;
mod bench_table;
mod exit;
mod limits;
mod net;
mod output;
mod run;
mod trace;
mod watch;
mod wpt;
mod wpt_child;

/// The process's allocator: mimalloc, kept by agents' memory budgets. A page's script
/// allocates and frees small objects at a high rate (every message event, every cloned
/// object); glibc's malloc spent about 30% of a MessagePort benchmark in its own bookkeeping
/// (docs/performance-log.md). [`postern::ContainingAllocator`] stops an agent whose
/// allocation would pass `--memory-limit` (or fails) instead of aborting the process.
#[global_allocator]
static GLOBAL: postern::ContainingAllocator<mimalloc::MiMalloc> =
    postern::ContainingAllocator::new(mimalloc::MiMalloc);

use std::process::ExitCode;

use clap::{Parser, Subcommand};
use postern::EngineError;
use postern_wpt::WptError;
use thiserror::Error;

pub use bench::BenchArgs;
pub use run::RunArgs;
pub use wpt::WptArgs;
pub use wpt_child::WptChildArgs;

/// Postern: a headless engine where `window.postMessage()` follows the HTML standard.
#[derive(Debug, Parser)]
#[command(
    name = "postern",
    version,
    about,
    after_help = "Exit codes: see `postern run --help` and `postern wpt --help`."
)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Load a page, run its event loops until idle, print its console.
    #[command(after_help = exit::RUN_EXIT_CODES)]
    Run(RunArgs),
    /// Run web-platform-tests from a checkout (no server, no network), each file in a
    /// process of its own.
    #[command(after_help = exit::WPT_EXIT_CODES)]
    Wpt(WptArgs),
    /// Run the benchmark pages (real time) and the peers beside them; print the ratio table.
    Bench(BenchArgs),
    /// Runs one test file for `postern wpt` and prints its result (internal).
    #[command(hide = true)]
    WptChild(WptChildArgs),
}

/// Why a command could not run (exit code 2).
#[derive(Debug, Error)]
pub enum CliError {
    /// The engine failed: a directory could not be served, a URL opened, a user agent set up.
    #[error(transparent)]
    Engine(#[from] EngineError),
    /// The WPT runner could not run.
    #[error("wpt: {0}")]
    Wpt(#[from] WptError),
}

/// Runs the command line.
pub fn run(cli: Cli) -> Result<ExitCode, CliError> {
    Ok(match cli.command {
        Command::Wpt(args) => wpt::run(args)?,
        Command::Run(args) => run::run(args)?,
        Command::WptChild(args) => wpt_child::run(args),
        Command::Bench(args) => bench::run(args),
    })
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("postern: {error}");
            ExitCode::from(exit::USAGE_OR_SETUP)
        }
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::Cli;

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }
}
