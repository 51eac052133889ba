//! Results: statuses, the per-directory summary, and the wptreport JSON that wpt.fyi ingests.

use std::collections::BTreeMap;

use serde::Serialize;

/// A file's status.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize, PartialOrd, Ord)]
pub enum FileStatus {
    /// The harness completed.
    #[serde(rename = "OK")]
    Ok,
    /// The harness reported an error, or the page never reported.
    #[serde(rename = "ERROR")]
    Error,
    /// The harness (or the runner) timed out.
    #[serde(rename = "TIMEOUT")]
    Timeout,
    /// The engine panicked, or the test's process ended without reporting (an abort: stack
    /// overflow, allocation failure).
    #[serde(rename = "CRASH")]
    Crash,
    /// A precondition of the whole file failed.
    #[serde(rename = "PRECONDITION_FAILED")]
    PreconditionFailed,
}

/// A subtest's status.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize, PartialOrd, Ord)]
pub enum SubtestStatus {
    /// Passed.
    #[serde(rename = "PASS")]
    Pass,
    /// An assertion failed.
    #[serde(rename = "FAIL")]
    Fail,
    /// Timed out.
    #[serde(rename = "TIMEOUT")]
    Timeout,
    /// Never ran.
    #[serde(rename = "NOTRUN")]
    NotRun,
    /// A precondition failed.
    #[serde(rename = "PRECONDITION_FAILED")]
    PreconditionFailed,
}

impl FileStatus {
    /// testharness.js's harness status number.
    pub fn from_harness(status: i64) -> FileStatus {
        match status {
            0 => FileStatus::Ok,
            2 => FileStatus::Timeout,
            3 => FileStatus::PreconditionFailed,
            _ => FileStatus::Error,
        }
    }

    /// The name used in reports and expectations.
    pub fn name(self) -> &'static str {
        match self {
            FileStatus::Ok => "OK",
            FileStatus::Error => "ERROR",
            FileStatus::Timeout => "TIMEOUT",
            FileStatus::Crash => "CRASH",
            FileStatus::PreconditionFailed => "PRECONDITION_FAILED",
        }
    }
}

impl SubtestStatus {
    /// testharness.js's test status number.
    pub fn from_harness(status: i64) -> SubtestStatus {
        match status {
            0 => SubtestStatus::Pass,
            2 => SubtestStatus::Timeout,
            3 => SubtestStatus::NotRun,
            4 => SubtestStatus::PreconditionFailed,
            _ => SubtestStatus::Fail,
        }
    }

    /// The name used in reports and expectations.
    pub fn name(self) -> &'static str {
        match self {
            SubtestStatus::Pass => "PASS",
            SubtestStatus::Fail => "FAIL",
            SubtestStatus::Timeout => "TIMEOUT",
            SubtestStatus::NotRun => "NOTRUN",
            SubtestStatus::PreconditionFailed => "PRECONDITION_FAILED",
        }
    }
}

/// One subtest's result.
#[derive(Clone, Debug, Serialize, serde::Deserialize)]
pub struct SubtestResult {
    /// Its name.
    pub name: String,
    /// Its status.
    pub status: SubtestStatus,
    /// The assertion message, if it did not pass.
    pub message: Option<String>,
}

/// One file's result.
#[derive(Clone, Debug, Serialize, serde::Deserialize)]
pub struct TestResult {
    /// The test id (URL path with variant).
    pub test: String,
    /// The file status.
    pub status: FileStatus,
    /// The harness message.
    pub message: Option<String>,
    /// The subtests, in the order the harness reported them.
    pub subtests: Vec<SubtestResult>,
    /// Wall-clock milliseconds it took.
    pub duration: u64,
}

/// The wptreport JSON document.
#[derive(Serialize)]
struct WptReport<'a> {
    results: Vec<ReportEntry<'a>>,
    run_info: BTreeMap<&'static str, serde_json::Value>,
    time_start: u64,
    time_end: u64,
}

#[derive(Serialize)]
struct ReportEntry<'a> {
    test: &'a str,
    status: &'static str,
    message: Option<&'a str>,
    duration: u64,
    subtests: Vec<ReportSubtest<'a>>,
    known_intermittent: Vec<String>,
}

#[derive(Serialize)]
struct ReportSubtest<'a> {
    name: &'a str,
    status: &'static str,
    message: Option<&'a str>,
    known_intermittent: Vec<String>,
}

/// Serializes results as wptreport JSON.
pub fn wptreport_json(results: &[TestResult], time_start: u64, time_end: u64) -> String {
    let mut run_info = BTreeMap::new();
    run_info.insert("product", serde_json::json!("postern"));
    run_info.insert(
        "browser_version",
        serde_json::json!(env!("CARGO_PKG_VERSION")),
    );
    run_info.insert("os", serde_json::json!(std::env::consts::OS));
    run_info.insert("processor", serde_json::json!(std::env::consts::ARCH));
    run_info.insert("debug", serde_json::json!(cfg!(debug_assertions)));
    let report = WptReport {
        results: results
            .iter()
            .map(|r| ReportEntry {
                test: &r.test,
                status: r.status.name(),
                message: r.message.as_deref(),
                duration: r.duration,
                subtests: r
                    .subtests
                    .iter()
                    .map(|s| ReportSubtest {
                        name: &s.name,
                        status: s.status.name(),
                        message: s.message.as_deref(),
                        known_intermittent: Vec::new(),
                    })
                    .collect(),
                known_intermittent: Vec::new(),
            })
            .collect(),
        run_info,
        time_start,
        time_end,
    };
    serde_json::to_string_pretty(&report).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// Counts for one directory.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DirectoryCounts {
    /// Files run.
    pub files: usize,
    /// Files whose status was OK.
    pub files_ok: usize,
    /// Files whose status was OK and whose every subtest passed.
    pub files_passing: usize,
    /// Subtests reported.
    pub subtests: usize,
    /// Subtests that passed.
    pub subtests_passed: usize,
}

/// Per-directory counts, keyed by the directory of each test id.
pub fn per_directory(results: &[TestResult]) -> BTreeMap<String, DirectoryCounts> {
    let mut table: BTreeMap<String, DirectoryCounts> = BTreeMap::new();
    for result in results {
        let path = result.test.split('?').next().unwrap_or(&result.test);
        let dir = path.rsplit_once('/').map(|(d, _)| d).unwrap_or("");
        let dir = if dir.is_empty() { "/" } else { dir };
        let counts = table.entry(dir.to_string()).or_default();
        counts.files += 1;
        if result.status == FileStatus::Ok {
            counts.files_ok += 1;
            if result
                .subtests
                .iter()
                .all(|s| s.status == SubtestStatus::Pass)
            {
                counts.files_passing += 1;
            }
        }
        counts.subtests += result.subtests.len();
        counts.subtests_passed += result
            .subtests
            .iter()
            .filter(|s| s.status == SubtestStatus::Pass)
            .count();
    }
    table
}

/// The summary table as text.
pub fn summary_table(results: &[TestResult]) -> String {
    let table = per_directory(results);
    let mut out = format!(
        "{:<52} {:>9} {:>9} {:>15}\n",
        "directory", "files OK", "all pass", "subtests passed"
    );
    let mut total = DirectoryCounts::default();
    let row = |name: &str, c: &DirectoryCounts| {
        format!(
            "{name:<52} {:>9} {:>9} {:>15}\n",
            format!("{}/{}", c.files_ok, c.files),
            format!("{}/{}", c.files_passing, c.files),
            format!("{}/{}", c.subtests_passed, c.subtests)
        )
    };
    for (dir, c) in &table {
        out.push_str(&row(dir, c));
        total.files += c.files;
        total.files_ok += c.files_ok;
        total.files_passing += c.files_passing;
        total.subtests += c.subtests;
        total.subtests_passed += c.subtests_passed;
    }
    out.push_str(&row("total", &total));
    out
}
