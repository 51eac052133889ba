//! The `postern` command-line tool (package `postern-cli`).
//!
//! `postern run` loads a page (a URL, an HTML file, or a directory of host-named
//! subdirectories served as virtual origins), runs its event loops until idle and prints its
//! console; `postern wpt` runs web-platform-tests from a checkout in-process, through the
//! runner in `postern_wpt`. Both drive the engine through its public embedding API
//! (`postern::UserAgent`).

mod run;
mod wpt;

/// The process's allocator: mimalloc. A page's script allocates and frees small objects at a
/// high rate (every message event, every cloned object); glibc's malloc spent about 30% of a
/// MessagePort benchmark in its own bookkeeping (docs/performance.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::process::ExitCode;

use clap::{Parser, Subcommand};
use postern::EngineError;
use postern_wpt::WptError;
use thiserror::Error;

pub use run::RunArgs;
pub use wpt::WptArgs;

/// Postern: a headless engine where `window.postMessage()` follows the HTML standard.
#[derive(Debug, Parser)]
#[command(name = "postern", version, about)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Load a page, run its event loops until idle, print its console.
    Run(RunArgs),
    /// Run web-platform-tests from a checkout, in-process (no server, no network).
    Wpt(WptArgs),
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
    })
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("postern: {error}");
            ExitCode::from(2)
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
