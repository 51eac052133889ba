//! What the CLI tests share: running the built `postern` binary.

// Each test binary uses only some of these.
#![allow(dead_code)]

pub mod server;

use std::path::PathBuf;
use std::process::{Command, Output};

/// The `postern` binary cargo built for these tests.
pub const POSTERN: &str = env!("CARGO_BIN_EXE_postern");

/// A page under `cli/tests/pages/`.
pub fn page(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("pages")
        .join(name)
        .display()
        .to_string()
}

/// The project's own WPT-style suite, `tests/wpt/`.
pub fn own_suite() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("tests")
        .join("wpt")
}

/// What a run of `postern` left: its exit code, standard output and standard error.
pub struct Ran {
    /// The exit code (`None`: killed by a signal).
    pub code: Option<i32>,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
}

/// Runs `postern args...` with `env` added to the environment.
pub fn postern(args: &[&str], env: &[(&str, &str)]) -> Ran {
    let mut command = Command::new(POSTERN);
    command.args(args);
    for (name, value) in env {
        command.env(name, value);
    }
    let Output {
        status,
        stdout,
        stderr,
    } = command
        .output()
        .unwrap_or_else(|e| panic!("{POSTERN} does not start: {e}"));
    Ran {
        code: status.code(),
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
    }
}
