//! `postern wpt`: run web-platform-tests from a checkout, each file in a child process of its
//! own (or in-process with `--in-process`).

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::Args;
use postern_wpt::isolation::ChildCommand;
use postern_wpt::{Isolation, WptError, WptOptions, read_list, run_wpt, summary_text};

use crate::limits;

/// `postern wpt`.
#[derive(Debug, Args)]
pub struct WptArgs {
    /// The WPT checkout.
    #[arg(long)]
    pub root: PathBuf,
    /// Test files or directories, relative to the root (all of it when none).
    pub paths: Vec<PathBuf>,
    /// A file listing test paths (one per line, `#` comments), relative to the root.
    #[arg(long, value_name = "FILE")]
    pub list: Option<PathBuf>,
    /// Known failures (TOML); only results that differ from it make the exit code non-zero.
    #[arg(long, value_name = "FILE")]
    pub expectations: Option<PathBuf>,
    /// Rewrite the expectations file from this run's results.
    #[arg(long, requires = "expectations")]
    pub update_expectations: bool,
    /// Write results as wptreport JSON.
    #[arg(long, value_name = "FILE.json")]
    pub report: Option<PathBuf>,
    /// Files run in parallel, 1 to 256 (default: the number of cores).
    #[arg(long, value_parser = limits::jobs, allow_negative_numbers = true)]
    pub jobs: Option<usize>,
    /// Multiplies harness timeouts: more than 0, at most 1000.
    #[arg(long, default_value = "1", value_parser = limits::timeout_multiplier, allow_negative_numbers = true)]
    pub timeout_multiplier: f64,
    /// Real time a file's process may take before it is killed and the file is TIMEOUT
    /// (default: 60 s times the timeout multiplier, plus 10 s).
    #[arg(long, value_name = "SECONDS", value_parser = limits::seconds, allow_negative_numbers = true, conflicts_with = "in_process")]
    pub file_timeout: Option<Duration>,
    /// Run every file on a thread of this process instead of a process of its own: starts
    /// faster, but a file that aborts the process (stack overflow, allocation failure) ends
    /// the whole run.
    #[arg(long)]
    pub in_process: bool,
    /// Print one line per file instead of the progress bar on a terminal.
    #[arg(long, short)]
    pub verbose: bool,
}

/// How this binary starts a child for one file: itself, with the hidden `wpt-child`.
fn child_command() -> Result<ChildCommand, WptError> {
    let program = std::env::current_exe()
        .map_err(|e| WptError::ChildCommand(format!("the postern executable: {e}")))?;
    Ok(ChildCommand {
        program,
        args: vec!["wpt-child".into()],
    })
}

/// Runs `postern wpt`.
pub fn run(args: WptArgs) -> Result<ExitCode, WptError> {
    let mut paths = args.paths;
    if let Some(list) = &args.list {
        paths.extend(read_list(list)?);
    }
    let jobs = args.jobs.unwrap_or_else(|| {
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
    });
    let isolation = if args.in_process {
        Isolation::InProcess
    } else {
        Isolation::Processes(child_command()?)
    };
    let options = WptOptions {
        root: args.root,
        paths,
        expectations: args.expectations,
        update_expectations: args.update_expectations,
        report: args.report,
        jobs,
        timeout_multiplier: args.timeout_multiplier,
        verbose: args.verbose,
        isolation,
        file_timeout: args.file_timeout,
    };
    let outcome = run_wpt(&options)?;
    print!("{}", summary_text(&outcome, options.update_expectations));
    if outcome.unexpected.is_empty() || options.update_expectations {
        Ok(ExitCode::SUCCESS)
    } else {
        Ok(ExitCode::from(1))
    }
}
