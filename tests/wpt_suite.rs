//! Runs Postern's own WPT-style suite (`tests/wpt/`) with the same runner as upstream WPT
//! (`postern wpt`), against the expectations in `tests/wpt/expectations.toml`.
//!
//! Files run in-process (`Isolation::InProcess`): this test has no `postern` binary to start
//! children with; `postern wpt` runs each file in a child process of its own.
//!
//! Prints one line per file, the per-directory table and a closing `N passed, N failed`
//! line; fails when any result differs from its expectation.

use std::process::ExitCode;

use postern_conformance::repo_root;
use postern_wpt::{Isolation, WptOptions, run_wpt, summary_text};

fn main() -> ExitCode {
    let root = repo_root().join("tests").join("wpt");
    let options = WptOptions {
        expectations: Some(root.join("expectations.toml")),
        root,
        paths: Vec::new(),
        update_expectations: false,
        report: None,
        jobs: std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1),
        timeout_multiplier: 1.0,
        verbose: true,
        isolation: Isolation::InProcess,
        file_timeout: None,
    };
    match run_wpt(&options) {
        Ok(outcome) => {
            print!("{}", summary_text(&outcome, false));
            if outcome.results.is_empty() {
                eprintln!(
                    "wpt_suite: no test files found under {}",
                    options.root.display()
                );
                return ExitCode::FAILURE;
            }
            if outcome.unexpected.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
        Err(error) => {
            eprintln!("wpt_suite: {error}");
            ExitCode::FAILURE
        }
    }
}
