//! `postern run`: load a page, run its event loops until idle, print its console.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use clap::Args;
use postern::{EngineError, RunOutcome, StdoutConsole, TimeMode, UserAgent, UserAgentOptions};
use postern_dom::VirtualHosts;

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

/// Runs `postern run`.
pub fn run(args: RunArgs) -> Result<ExitCode, EngineError> {
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
