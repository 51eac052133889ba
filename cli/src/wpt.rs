//! `postern wpt`: run web-platform-tests from a checkout, in-process.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use postern_wpt::{WptError, WptOptions, read_list, run_wpt, summary_text};

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
    /// Files run in parallel (default: the number of cores).
    #[arg(long)]
    pub jobs: Option<usize>,
    /// Multiplies harness timeouts.
    #[arg(long, default_value_t = 1.0)]
    pub timeout_multiplier: f64,
    /// Print one line per file instead of the progress bar on a terminal.
    #[arg(long, short)]
    pub verbose: bool,
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
    let options = WptOptions {
        root: args.root,
        paths,
        expectations: args.expectations,
        update_expectations: args.update_expectations,
        report: args.report,
        jobs,
        timeout_multiplier: args.timeout_multiplier,
        verbose: args.verbose,
    };
    let outcome = run_wpt(&options)?;
    print!("{}", summary_text(&outcome, options.update_expectations));
    if outcome.unexpected.is_empty() || options.update_expectations {
        Ok(ExitCode::SUCCESS)
    } else {
        Ok(ExitCode::from(1))
    }
}
