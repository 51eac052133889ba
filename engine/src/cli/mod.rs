//! The `postern` command line: `postern run`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use clap::{Args, Parser, Subcommand};
use postern_dom::VirtualHosts;

use crate::EngineError;
use crate::StdoutConsole;
use crate::{UserAgent, UserAgentOptions};
use postern_event_loop::RunOutcome;
use postern_event_loop::TimeMode;

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

/// `postern run`.
#[derive(Debug, Args)]
pub struct RunArgs {
    /// A URL, an HTML file, or a directory whose host-named subdirectories (e.g. `a.test/`)
    /// are served as `http://<name>/`; the alphabetically first is opened unless `--open`.
    pub target: String,
    /// Serve a directory as an origin: `--serve http://a.test=DIR` (repeatable).
    #[arg(long = "serve", value_name = "ORIGIN=DIR")]
    pub serve: Vec<String>,
    /// The URL to open (for a directory target).
    #[arg(long)]
    pub open: Option<String>,
    /// Run on virtual time: timers fire as soon as everything else is idle.
    #[arg(long)]
    pub virtual_time: bool,
    /// Stop after this many seconds of (virtual or real) time.
    #[arg(long, default_value_t = 30.0)]
    pub time_limit: f64,
}

fn serve_error(origin: &str, reason: impl ToString) -> EngineError {
    EngineError::Serve {
        origin: origin.to_string(),
        reason: reason.to_string(),
    }
}

/// The host-named subdirectories of `dir`, sorted.
fn host_directories(dir: &Path) -> Result<Vec<(String, PathBuf)>, EngineError> {
    let entries = std::fs::read_dir(dir).map_err(|e| serve_error(&dir.display().to_string(), e))?;
    let mut hosts: Vec<(String, PathBuf)> = entries
        .filter_map(Result::ok)
        .filter(|e| e.path().is_dir())
        .filter_map(|e| {
            let name = e.file_name().to_str()?.to_string();
            name.contains('.').then(|| (name, e.path()))
        })
        .collect();
    hosts.sort();
    Ok(hosts)
}

/// Works out what to serve and which URL to open.
fn plan(args: &RunArgs) -> Result<(VirtualHosts, String), EngineError> {
    let mut hosts = VirtualHosts::new();
    for mapping in &args.serve {
        let (origin, dir) = mapping
            .split_once('=')
            .ok_or_else(|| serve_error(mapping, "expected ORIGIN=DIR"))?;
        hosts
            .serve(origin, dir)
            .map_err(|e| serve_error(origin, e))?;
    }
    let path = Path::new(&args.target);
    let url = if path.is_dir() {
        let dirs = host_directories(path)?;
        for (name, dir) in &dirs {
            let origin = format!("http://{name}");
            hosts
                .serve(&origin, dir)
                .map_err(|e| serve_error(&origin, e))?;
        }
        match (&args.open, dirs.first()) {
            (Some(open), _) => open.clone(),
            (None, Some((name, _))) => format!("http://{name}/"),
            (None, None) => {
                return Err(serve_error(
                    &args.target,
                    "no host-named subdirectory (such as a.test/) to open",
                ));
            }
        }
    } else if path.is_file() {
        let absolute = std::fs::canonicalize(path).map_err(|e| serve_error(&args.target, e))?;
        url::Url::from_file_path(&absolute)
            .map_err(|()| serve_error(&args.target, "not an absolute path"))?
            .to_string()
    } else {
        args.target.clone()
    };
    Ok((hosts, url))
}

/// Reads a list of test paths (one per line; blank lines and `#` comments ignored).
fn read_list(path: &Path) -> Result<Vec<PathBuf>, EngineError> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| EngineError::Wpt(format!("{}: {e}", path.display())))?;
    Ok(text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(PathBuf::from)
        .collect())
}

fn run_wpt_command(args: WptArgs) -> Result<ExitCode, EngineError> {
    let mut paths = args.paths;
    if let Some(list) = &args.list {
        paths.extend(read_list(list)?);
    }
    let jobs = args.jobs.unwrap_or_else(|| {
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
    });
    let options = crate::wpt::WptOptions {
        root: args.root,
        paths,
        expectations: args.expectations,
        update_expectations: args.update_expectations,
        report: args.report,
        jobs,
        timeout_multiplier: args.timeout_multiplier,
        verbose: args.verbose,
    };
    let outcome = crate::wpt::run_wpt(&options).map_err(|e| EngineError::Wpt(e.to_string()))?;
    print!(
        "{}",
        crate::wpt::summary_text(&outcome, options.update_expectations)
    );
    if outcome.unexpected.is_empty() || options.update_expectations {
        Ok(ExitCode::SUCCESS)
    } else {
        Ok(ExitCode::from(1))
    }
}

/// Runs the command line.
pub fn run(cli: Cli) -> Result<ExitCode, EngineError> {
    match cli.command {
        Command::Wpt(args) => run_wpt_command(args),
        Command::Run(args) => {
            let (hosts, url) = plan(&args)?;
            let options = UserAgentOptions {
                time: if args.virtual_time {
                    TimeMode::Virtual
                } else {
                    TimeMode::Real
                },
                time_limit: Duration::from_secs_f64(args.time_limit.max(0.0)),
                ..UserAgentOptions::default()
            };
            let mut ua = UserAgent::new(Arc::new(hosts), Arc::new(StdoutConsole), options)?;
            ua.open(&url)?;
            match ua.run_until_idle() {
                RunOutcome::Idle | RunOutcome::Stopped => Ok(ExitCode::SUCCESS),
                RunOutcome::TimeLimit => {
                    eprintln!("postern: time limit reached with work still pending");
                    Ok(ExitCode::from(3))
                }
            }
        }
    }
}
