//! `postern run`: load a page, run its event loops until idle, print its console, and say
//! through the exit code (and a line on standard error) why the run ended.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};

use clap::Args;
use postern::{EngineError, RunOutcome, ShutdownReport, TimeMode, UserAgent, UserAgentOptions};
use postern_dom::VirtualHosts;
use url::Url;

use crate::exit::RunExit;
use crate::limits;
use crate::net::{HttpLoader, RunLoader};
use crate::output::{Format, console_for, print_json};
use crate::trace::TracePrinter;
use crate::watch::{ErrorCountingConsole, LoadFailure, WatchedLoader};

/// The time limit in real time when --time-limit is not given.
pub const DEFAULT_TIME_LIMIT: Duration = Duration::from_secs(30);

impl RunArgs {
    /// The time limit in force: the one given; otherwise 30 s in real time, and none (run
    /// until idle) under virtual time.
    pub fn effective_time_limit(&self) -> Duration {
        match (self.time_limit, self.virtual_time) {
            (Some(limit), _) => limit,
            (None, false) => DEFAULT_TIME_LIMIT,
            (None, true) => Duration::MAX,
        }
    }
}

/// `postern run`.
#[derive(Debug, Args)]
pub struct RunArgs {
    /// A URL, an HTML file, or a directory whose host-named subdirectories (e.g. `a.test/`)
    /// are served as `http://<name>/`; the alphabetically first is opened unless `--open`.
    /// An `http:`/`https:` URL no directory serves is fetched over the network.
    pub target: String,
    /// Serve a directory as an origin: `--serve http://a.test=DIR` (repeatable).
    #[arg(long = "serve", value_name = "ORIGIN=DIR")]
    pub serve: Vec<String>,
    /// The URL to open (for a directory target).
    #[arg(long)]
    pub open: Option<String>,
    /// Run on virtual time: timers fire as soon as everything else is idle, and the run goes
    /// on until idle (an hour-long timer completes in milliseconds) unless --time-limit is
    /// given; --wall-limit still guards real time.
    #[arg(long)]
    pub virtual_time: bool,
    /// Stop after this many seconds of (virtual or real) time: more than 0, at most a week.
    /// Default: 30 in real time; none under --virtual-time.
    #[arg(long, value_name = "SECONDS", value_parser = limits::seconds, allow_negative_numbers = true)]
    pub time_limit: Option<Duration>,
    /// Stop after this many seconds of real time whatever the clock says (a task that never
    /// yields, pages that never go idle): more than 0, at most a week.
    #[arg(long, value_name = "SECONDS", default_value = "60", value_parser = limits::seconds, allow_negative_numbers = true)]
    pub wall_limit: Duration,
    /// The most memory one agent (the pages of one site) may hold, in MiB: an agent past
    /// it is stopped with its windows (exit code 6, stderr names it), the others go on.
    /// From 16 to 1048576.
    #[arg(long, value_name = "MIB", default_value = "4096", value_parser = limits::mebibytes, allow_negative_numbers = true)]
    pub memory_limit: usize,
    /// Never use the network: `http:`/`https:` URLs that no --serve directory serves fail to
    /// load (unknown host).
    #[arg(long)]
    pub offline: bool,
    /// The longest one network fetch may take (connecting, redirects, the body): more than 0,
    /// at most a week.
    #[arg(long, value_name = "SECONDS", default_value = "30", value_parser = limits::seconds, allow_negative_numbers = true)]
    pub http_timeout: Duration,
    /// What standard output shows: the console as `[origin] text` lines, or one JSON object
    /// per line (console messages, uncaught errors, load failures, the outcome last).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Print what happened to every posted message (window.postMessage, MessagePort,
    /// delivered, dropped by the origin check, target gone, messageerror) among the console
    /// lines, e.g. `[http://a.test] → http://b.test  targetOrigin=http://c.test  DROPPED
    /// (origin mismatch)`; with --format json, every event as a `message` object.
    #[arg(long)]
    pub trace_messages: bool,
    /// Exit with code 1 when any window reports an uncaught exception or an unhandled
    /// promise rejection.
    #[arg(long)]
    pub fail_on_error: bool,
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

/// What a finished run left to judge.
struct Ending {
    outcome: RunOutcome,
    elapsed: Duration,
    load_failure: Option<LoadFailure>,
    crashes: Vec<postern::CrashReport>,
    shutdown: ShutdownReport,
    uncaught: u64,
}

/// The exit code for a finished run, and the lines that explain it on standard error.
fn judge(args: &RunArgs, url: &Url, ending: &Ending) -> (RunExit, Vec<String>) {
    let mut lines = Vec::new();
    let mut exit = RunExit::Idle;
    // Checked from the lowest priority up: the last that applies is returned.
    if ending.uncaught > 0 && args.fail_on_error {
        lines.push(format!(
            "postern: {} uncaught error(s) reported (--fail-on-error)",
            ending.uncaught
        ));
        exit = RunExit::UncaughtErrors;
    }
    let limit_reached = ending.outcome == RunOutcome::TimeLimit;
    // The coordinator reports both limits as one outcome; the wall-clock limit is the one
    // reached when that much real time has passed.
    let wall = limit_reached && ending.elapsed >= args.wall_limit;
    // Threads still in a task at shutdown: left running, or stopped inside an allocation.
    let stuck = ending.shutdown.stuck_threads + ending.shutdown.stopped_threads;
    if limit_reached && !wall {
        let clock = if args.virtual_time { "virtual" } else { "real" };
        lines.push(format!(
            "postern: time limit of {} s ({clock} time) reached with work still pending",
            args.effective_time_limit().as_secs_f64()
        ));
        exit = RunExit::TimeLimit;
    }
    if wall {
        let seconds = args.wall_limit.as_secs_f64();
        lines.push(if stuck > 0 && args.virtual_time {
            format!(
                "postern: wall-clock limit of {seconds} s reached: a task never yielded \
                 ({stuck} agent thread(s) still in it). Under --virtual-time the clock only \
                 advances between tasks, so a busy-wait on Date.now() or performance.now() \
                 inside one task never ends"
            )
        } else if stuck > 0 {
            format!(
                "postern: wall-clock limit of {seconds} s reached: a task never yielded \
                 ({stuck} agent thread(s) still in it, such as an endless loop)"
            )
        } else {
            format!(
                "postern: wall-clock limit of {seconds} s reached with work still pending \
                 (the pages never went idle, such as an endless chain of messages or timers)"
            )
        });
        exit = RunExit::WallLimit;
    } else if stuck > 0 {
        lines.push(format!(
            "postern: {stuck} agent thread(s) were still in a task that never yielded"
        ));
    }
    for crash in &ending.crashes {
        lines.push(format!(
            "postern: agent {} crashed: {}",
            crash.agent.0, crash.message
        ));
        exit = RunExit::AgentCrashed;
    }
    match &ending.load_failure {
        Some(LoadFailure::Error(reason)) => {
            lines.push(format!("postern: could not load {url}: {reason}"));
            exit = RunExit::LoadFailed;
        }
        Some(LoadFailure::Status(status)) => {
            lines.push(format!("postern: could not load {url}: status {status}"));
            exit = RunExit::LoadFailed;
        }
        None => {}
    }
    (exit, lines)
}

/// Runs `postern run`.
pub fn run(args: RunArgs) -> Result<ExitCode, EngineError> {
    let (hosts, url) = plan(&args)?;
    let parsed = Url::parse(&url).map_err(|e| EngineError::InvalidUrl {
        url: url.clone(),
        reason: e.to_string(),
    })?;
    let network = (!args.offline).then(|| HttpLoader::new(args.http_timeout));
    let loader = Arc::new(WatchedLoader::new(
        Arc::new(RunLoader::new(hosts, network)),
        parsed.clone(),
        args.format,
    ));
    let console = Arc::new(ErrorCountingConsole::new(console_for(args.format)));
    let options = UserAgentOptions {
        time: if args.virtual_time {
            TimeMode::Virtual
        } else {
            TimeMode::Real
        },
        time_limit: args.effective_time_limit(),
        wall_limit: args.wall_limit,
        agent_memory_limit: Some(args.memory_limit),
        ..UserAgentOptions::default()
    };
    let mut ua = UserAgent::new(loader.clone(), console.clone(), options)?;
    if args.trace_messages {
        ua.observe_messages(Arc::new(TracePrinter::new(args.format)));
    }
    ua.open(&url)?;
    let started = Instant::now();
    let outcome = ua.run_until_idle();
    let elapsed = started.elapsed();
    let crashes = ua.crashed_agents();
    let shutdown = ua.shutdown();
    let ending = Ending {
        outcome,
        elapsed,
        load_failure: loader.failure(),
        crashes,
        shutdown,
        uncaught: console.uncaught(),
    };
    let (exit, lines) = judge(&args, &parsed, &ending);
    if args.format == Format::Json {
        print_json(&serde_json::json!({
            "type": "outcome",
            "exit_code": exit.code(),
            "outcome": exit.name(),
            "reasons": lines,
            "elapsed_ms": u64::try_from(elapsed.as_millis()).unwrap_or(u64::MAX),
            "virtual_time": args.virtual_time,
        }));
    }
    for line in lines {
        eprintln!("{line}");
    }
    Ok(exit.into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use postern::ids::AgentId;
    use postern::{CrashCause, CrashReport};

    fn args(virtual_time: bool, fail_on_error: bool) -> RunArgs {
        RunArgs {
            target: "page.html".into(),
            serve: Vec::new(),
            open: None,
            virtual_time,
            time_limit: None,
            wall_limit: Duration::from_secs(60),
            memory_limit: 4096 * 1024 * 1024,
            offline: true,
            http_timeout: Duration::from_secs(30),
            format: Format::Text,
            trace_messages: false,
            fail_on_error,
        }
    }

    fn ending(outcome: RunOutcome, elapsed: u64) -> Ending {
        Ending {
            outcome,
            elapsed: Duration::from_secs(elapsed),
            load_failure: None,
            crashes: Vec::new(),
            shutdown: ShutdownReport::default(),
            uncaught: 0,
        }
    }

    #[test]
    fn a_crashed_agent_exits_with_6_and_is_named() {
        let url = Url::parse("http://a.test/").unwrap();
        let mut end = ending(RunOutcome::Idle, 1);
        end.crashes.push(CrashReport {
            agent: AgentId(2),
            cause: CrashCause::Panic,
            message: "stack overflow".into(),
        });
        let (exit, lines) = judge(&args(false, false), &url, &end);
        assert_eq!(exit, RunExit::AgentCrashed);
        assert_eq!(exit.code(), 6);
        assert_eq!(lines, ["postern: agent 2 crashed: stack overflow"]);
    }

    #[test]
    fn the_first_reason_in_the_documented_order_wins() {
        let url = Url::parse("http://a.test/").unwrap();
        let mut end = ending(RunOutcome::TimeLimit, 61);
        end.uncaught = 2;
        let (exit, lines) = judge(&args(true, true), &url, &end);
        // Wall limit (4) before uncaught errors (1); both are explained.
        assert_eq!(exit, RunExit::WallLimit);
        assert_eq!(lines.len(), 2);
        end.crashes.push(CrashReport {
            agent: AgentId(1),
            cause: CrashCause::Panic,
            message: "panic".into(),
        });
        assert_eq!(
            judge(&args(true, true), &url, &end).0,
            RunExit::AgentCrashed
        );
        end.load_failure = Some(LoadFailure::Status(404));
        let (exit, lines) = judge(&args(true, true), &url, &end);
        assert_eq!(exit, RunExit::LoadFailed);
        assert_eq!(
            lines.last().map(String::as_str),
            Some("postern: could not load http://a.test/: status 404")
        );
        // Under the wall limit, a time limit is the time limit.
        let (exit, _) = judge(&args(true, false), &url, &ending(RunOutcome::TimeLimit, 3));
        assert_eq!(exit, RunExit::TimeLimit);
        // Uncaught errors without --fail-on-error change nothing.
        let mut end = ending(RunOutcome::Idle, 0);
        end.uncaught = 1;
        assert_eq!(
            judge(&args(false, false), &url, &end),
            (RunExit::Idle, vec![])
        );
    }
}
