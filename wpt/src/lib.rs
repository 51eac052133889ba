//! Postern's web-platform-tests runner (the library behind `postern wpt` and the project's
//! own WPT-style suite): runs web-platform-tests in-process, with no server and no network,
//! through the engine's public embedding API.
//!
//! A virtual wptserve ([`server::WptServer`]) answers the hosts and ports of WPT's default
//! configuration from a checkout; each test file runs in its own [`postern::UserAgent`] under
//! virtual time ([`runner`]), either on a thread of this process or, isolated, in a child
//! process of its own ([`isolation`], [`child`]: an abort becomes `CRASH` for its file and
//! the run goes on); results come from the checkout's own testharness.js through
//! the runner's `testharnessreport.js`; [`report`] writes the summary and wptreport JSON;
//! [`expectations`] decides what is unexpected. [`run_wpt`] does all of it for a
//! [`WptOptions`]; [`summary_text`] is what is printed after a run.

pub mod child;
pub mod config;
pub mod discover;
pub mod expectations;
pub mod isolation;
pub mod report;
pub mod runner;
pub mod server;
pub mod substitute;

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use thiserror::Error;

use expectations::{Expectations, ExpectationsError, Unexpected};
use report::{TestResult, summary_table, wptreport_json};

/// What `postern wpt` was asked to do.
#[derive(Clone, Debug)]
pub struct WptOptions {
    /// The WPT checkout (or any tree laid out like one).
    pub root: PathBuf,
    /// Files or directories under the root; empty = everything.
    pub paths: Vec<PathBuf>,
    /// The expectations file (TOML).
    pub expectations: Option<PathBuf>,
    /// Rewrite the expectations file from the results.
    pub update_expectations: bool,
    /// Where to write wptreport JSON.
    pub report: Option<PathBuf>,
    /// Worker threads.
    pub jobs: usize,
    /// Multiplies harness timeouts.
    pub timeout_multiplier: f64,
    /// Print a line per file even on a terminal (where a progress bar is shown otherwise;
    /// elsewhere a line per file is always printed).
    pub verbose: bool,
    /// Where each file runs.
    pub isolation: Isolation,
    /// How long a child process may run one file before it is killed (the file is then
    /// `TIMEOUT`); `None`: [`default_file_timeout`]. Only with [`Isolation::Processes`]: a
    /// thread cannot be killed, in-process files stop at the engine's wall limit only.
    pub file_timeout: Option<Duration>,
}

/// Where each test file runs.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Isolation {
    /// On a worker thread of this process: the fastest start, and what a library user
    /// without the `postern` binary can do. A panic is `CRASH` for its file; a process abort
    /// (stack overflow, allocation failure) ends the whole run.
    #[default]
    InProcess,
    /// In a child process of its own, started by this command (`postern wpt-child`): an
    /// abort is `CRASH` for its file, a hang past the file timeout `TIMEOUT`, and the run
    /// goes on.
    Processes(isolation::ChildCommand),
}

/// The file timeout when none is given: the engine's wall limit for the timeout multiplier
/// (60 s times it, at least 60 s) plus 10 s for the process to start and report.
pub fn default_file_timeout(timeout_multiplier: f64) -> Duration {
    runner::RunSettings::for_timeout_multiplier(timeout_multiplier).wall_limit
        + Duration::from_secs(10)
}

/// Why a run could not be made.
#[derive(Debug, Error)]
pub enum WptError {
    /// The root is not a directory.
    #[error("{0} is not a directory")]
    NoRoot(String),
    /// The expectations file.
    #[error(transparent)]
    Expectations(#[from] ExpectationsError),
    /// The report could not be written.
    #[error("cannot write the report {path}: {message}")]
    Report {
        /// The file.
        path: String,
        /// Why.
        message: String,
    },
    /// The command that starts a test file's process could not be found.
    #[error("cannot start test processes: {0}")]
    ChildCommand(String),
    /// A list of test paths could not be read.
    #[error("{path}: {message}")]
    List {
        /// The file.
        path: String,
        /// Why.
        message: String,
    },
}

/// What a run found.
#[derive(Debug)]
pub struct WptOutcome {
    /// Every file's result.
    pub results: Vec<TestResult>,
    /// Files skipped, with reasons.
    pub skipped: Vec<discover::Skipped>,
    /// Results that differ from the expectations.
    pub unexpected: Vec<Unexpected>,
    /// How long the run took.
    pub elapsed: Duration,
}

impl WptOutcome {
    /// Subtests that passed and subtests that did not.
    pub fn subtest_counts(&self) -> (usize, usize) {
        let total: usize = self.results.iter().map(|r| r.subtests.len()).sum();
        let passed: usize = self
            .results
            .iter()
            .flat_map(|r| &r.subtests)
            .filter(|s| s.status == report::SubtestStatus::Pass)
            .count();
        (passed, total - passed)
    }
}

fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as u64)
        .unwrap_or(0)
}

/// One line per file: status, subtests passed, id.
pub fn result_line(result: &TestResult) -> String {
    let passed = result
        .subtests
        .iter()
        .filter(|s| s.status == report::SubtestStatus::Pass)
        .count();
    format!(
        "{:<8} {:>4}/{:<4} {}",
        result.status.name(),
        passed,
        result.subtests.len(),
        result.test
    )
}

/// Reads a list of test paths (one per line; blank lines and `#` comments ignored), such as
/// `postern wpt --list` takes.
pub fn read_list(path: &Path) -> Result<Vec<PathBuf>, WptError> {
    let text = std::fs::read_to_string(path).map_err(|e| WptError::List {
        path: path.display().to_string(),
        message: e.to_string(),
    })?;
    Ok(text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(PathBuf::from)
        .collect())
}

/// Runs the tests and writes the report and expectations asked for.
pub fn run_wpt(options: &WptOptions) -> Result<WptOutcome, WptError> {
    if !options.root.is_dir() {
        return Err(WptError::NoRoot(options.root.display().to_string()));
    }
    let started = Instant::now();
    let time_start = now_ms();
    let (tests, skipped) = discover::discover(&options.root, &options.paths);
    let server = Arc::new(server::WptServer::new(
        options.root.clone(),
        options.timeout_multiplier,
    ));
    let settings = runner::RunSettings::for_timeout_multiplier(options.timeout_multiplier);
    let bar = (!options.verbose && std::io::stderr().is_terminal()).then(|| {
        let bar = indicatif::ProgressBar::new(tests.len() as u64);
        if let Ok(style) =
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} {elapsed} {wide_msg}")
        {
            bar.set_style(style);
        }
        bar
    });
    let progress = |result: &TestResult| {
        if let Some(bar) = &bar {
            bar.set_message(result.test.clone());
            bar.inc(1);
        } else {
            println!("{}", result_line(result));
        }
    };
    let results = match &options.isolation {
        Isolation::InProcess => runner::run_all(server, &tests, options.jobs, settings, &progress),
        Isolation::Processes(command) => isolation::run_all_isolated(
            command,
            &options.root,
            &tests,
            options.jobs,
            options.timeout_multiplier,
            options
                .file_timeout
                .unwrap_or_else(|| default_file_timeout(options.timeout_multiplier)),
            &progress,
        ),
    };
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    let expectations = match &options.expectations {
        Some(path) => Expectations::load(path)?,
        None => Expectations::default(),
    };
    let unexpected = expectations.unexpected(&results);
    if options.update_expectations
        && let Some(path) = &options.expectations
    {
        expectations.updated(&results).save(path)?;
    }
    if let Some(path) = &options.report {
        std::fs::write(path, wptreport_json(&results, time_start, now_ms())).map_err(|e| {
            WptError::Report {
                path: path.display().to_string(),
                message: e.to_string(),
            }
        })?;
    }
    Ok(WptOutcome {
        results,
        skipped,
        unexpected,
        elapsed: started.elapsed(),
    })
}

/// The text printed after a run: the per-directory table, skips, unexpected results, and
/// the closing `N passed, N failed` line (subtests).
pub fn summary_text(outcome: &WptOutcome, update_expectations: bool) -> String {
    let mut out = summary_table(&outcome.results);
    if !outcome.skipped.is_empty() {
        out.push_str(&format!("skipped {} files:\n", outcome.skipped.len()));
        for skip in &outcome.skipped {
            out.push_str(&format!("  {} ({})\n", skip.path, skip.reason));
        }
    }
    let crashed: Vec<&TestResult> = outcome
        .results
        .iter()
        .filter(|r| r.status == report::FileStatus::Crash)
        .collect();
    if !crashed.is_empty() {
        out.push_str(&format!("crashed {} files:\n", crashed.len()));
        for result in crashed {
            out.push_str(&format!(
                "  {} ({})\n",
                result.test,
                result.message.as_deref().unwrap_or("no message")
            ));
        }
    }
    if !outcome.unexpected.is_empty() && !update_expectations {
        out.push_str(&format!(
            "{} unexpected results:\n",
            outcome.unexpected.len()
        ));
        for u in &outcome.unexpected {
            let what = match &u.subtest {
                Some(name) => format!("{} | {name}", u.test),
                None => u.test.clone(),
            };
            out.push_str(&format!(
                "  {what}: expected {}, got {}{}\n",
                u.expected,
                u.actual,
                u.message
                    .as_deref()
                    .map(|m| format!(" ({m})"))
                    .unwrap_or_default()
            ));
        }
    }
    let (passed, failed) = outcome.subtest_counts();
    out.push_str(&format!(
        "{} files in {:.1} s\n{passed} passed, {failed} failed\n",
        outcome.results.len(),
        outcome.elapsed.as_secs_f64()
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_skips_blank_lines_and_comments() {
        let path =
            std::env::temp_dir().join(format!("postern-wpt-list-{}.txt", std::process::id()));
        std::fs::write(&path, "# targets\n/a/b.html\n\n  /c.any.js  \n#/d.html\n").unwrap();
        let list = read_list(&path);
        let _ = std::fs::remove_file(&path);
        assert_eq!(
            list.unwrap(),
            vec![PathBuf::from("/a/b.html"), PathBuf::from("/c.any.js")]
        );
    }

    #[test]
    fn a_missing_list_is_an_error_naming_the_file() {
        let error = read_list(Path::new("/nonexistent/postern-wpt-list.txt")).unwrap_err();
        assert!(matches!(error, WptError::List { .. }));
        assert!(
            error
                .to_string()
                .starts_with("/nonexistent/postern-wpt-list.txt: ")
        );
    }
}
