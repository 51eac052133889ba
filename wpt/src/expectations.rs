//! Expectations: known failures per test and subtest, each with a reason, in TOML.
//!
//! ```toml
//! [[test]]
//! path = "/webmessaging/Channel_postMessage_Blob.any.html"
//! status = "ERROR"                  # the file status expected (default "OK")
//! reason = "Blob is not implemented"
//!
//! [test.subtests]
//! "Blob cloning" = { status = "FAIL", reason = "Blob is not implemented" }
//! ```
//!
//! A result is unexpected when it differs from its expectation; anything not listed is
//! expected to be OK (files) or PASS (subtests).

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::report::{FileStatus, SubtestStatus, TestResult};

/// An expectations file could not be used.
#[derive(Debug, Error)]
pub enum ExpectationsError {
    /// It could not be read or written.
    #[error("{path}: {message}")]
    Io {
        /// The file.
        path: String,
        /// What went wrong.
        message: String,
    },
    /// It is not valid expectations TOML.
    #[error("{path}: {message}")]
    Parse {
        /// The file.
        path: String,
        /// What went wrong.
        message: String,
    },
}

/// A subtest's expectation.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
pub struct SubtestExpectation {
    /// The status expected.
    pub status: SubtestStatus,
    /// Why.
    pub reason: String,
}

/// A file's expectations.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
pub struct TestExpectation {
    /// The test id.
    pub path: String,
    /// The file status expected (OK when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<FileStatus>,
    /// Why the file status is not OK.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Subtests expected not to pass.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub subtests: BTreeMap<String, SubtestExpectation>,
}

/// A whole expectations file.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
pub struct Expectations {
    /// One entry per test with a known failure.
    #[serde(default)]
    pub test: Vec<TestExpectation>,
}

/// One unexpected result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unexpected {
    /// The test id.
    pub test: String,
    /// The subtest, or `None` for the file status.
    pub subtest: Option<String>,
    /// What was expected.
    pub expected: String,
    /// What happened.
    pub actual: String,
    /// The message that came with it.
    pub message: Option<String>,
}

impl Expectations {
    /// Reads an expectations file; a missing file is an empty set.
    pub fn load(path: &Path) -> Result<Self, ExpectationsError> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Self::default()),
            Err(e) => {
                return Err(ExpectationsError::Io {
                    path: path.display().to_string(),
                    message: e.to_string(),
                });
            }
        };
        toml::from_str(&text).map_err(|e| ExpectationsError::Parse {
            path: path.display().to_string(),
            message: e.to_string(),
        })
    }

    fn find(&self, test: &str) -> Option<&TestExpectation> {
        self.test.iter().find(|t| t.path == test)
    }

    /// The results that differ from their expectations.
    pub fn unexpected(&self, results: &[TestResult]) -> Vec<Unexpected> {
        let mut out = Vec::new();
        for result in results {
            let expectation = self.find(&result.test);
            let expected_status = expectation.and_then(|e| e.status).unwrap_or(FileStatus::Ok);
            if result.status != expected_status {
                out.push(Unexpected {
                    test: result.test.clone(),
                    subtest: None,
                    expected: expected_status.name().into(),
                    actual: result.status.name().into(),
                    message: result.message.clone(),
                });
            }
            for subtest in &result.subtests {
                let expected = expectation
                    .and_then(|e| e.subtests.get(&subtest.name))
                    .map(|s| s.status)
                    .unwrap_or(SubtestStatus::Pass);
                if subtest.status != expected {
                    out.push(Unexpected {
                        test: result.test.clone(),
                        subtest: Some(subtest.name.clone()),
                        expected: expected.name().into(),
                        actual: subtest.status.name().into(),
                        message: subtest.message.clone(),
                    });
                }
            }
        }
        out
    }

    /// New expectations matching `results` (for the tests run), keeping the reasons already
    /// written and the entries of tests that were not run.
    pub fn updated(&self, results: &[TestResult]) -> Expectations {
        let mut entries: BTreeMap<String, TestExpectation> = self
            .test
            .iter()
            .map(|t| (t.path.clone(), t.clone()))
            .collect();
        for result in results {
            let old = entries.remove(&result.test);
            let reason_of = |subtest: Option<&str>| -> String {
                let old_reason = match subtest {
                    None => old.as_ref().and_then(|o| o.reason.clone()),
                    Some(name) => old
                        .as_ref()
                        .and_then(|o| o.subtests.get(name).map(|s| s.reason.clone())),
                };
                old_reason.unwrap_or_else(|| "recorded by --update-expectations; to triage".into())
            };
            let mut entry = TestExpectation {
                path: result.test.clone(),
                status: None,
                reason: None,
                subtests: BTreeMap::new(),
            };
            if result.status != FileStatus::Ok {
                entry.status = Some(result.status);
                entry.reason = Some(reason_of(None));
            }
            for subtest in &result.subtests {
                if subtest.status != SubtestStatus::Pass {
                    entry.subtests.insert(
                        subtest.name.clone(),
                        SubtestExpectation {
                            status: subtest.status,
                            reason: reason_of(Some(&subtest.name)),
                        },
                    );
                }
            }
            if entry.status.is_some() || !entry.subtests.is_empty() {
                entries.insert(result.test.clone(), entry);
            }
        }
        Expectations {
            test: entries.into_values().collect(),
        }
    }

    /// Writes the expectations as TOML.
    pub fn save(&self, path: &Path) -> Result<(), ExpectationsError> {
        let text = toml::to_string_pretty(self).map_err(|e| ExpectationsError::Parse {
            path: path.display().to_string(),
            message: e.to_string(),
        })?;
        let header = "# Known failures of Postern on these tests, each with its reason.\n# Written by `postern wpt --update-expectations`; reasons are kept when rewritten.\n\n";
        std::fs::write(path, format!("{header}{text}")).map_err(|e| ExpectationsError::Io {
            path: path.display().to_string(),
            message: e.to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_expectation_can_name_crash_and_timeout() {
        let expectations: Expectations = toml::from_str(
            "[[test]]\npath = \"/a.html\"\nstatus = \"CRASH\"\nreason = \"aborts\"\n\n\
             [[test]]\npath = \"/b.html\"\nstatus = \"TIMEOUT\"\nreason = \"hangs\"\n",
        )
        .unwrap();
        let result = |test: &str, status| TestResult {
            test: test.into(),
            status,
            message: None,
            subtests: Vec::new(),
            duration: 0,
        };
        let results = [
            result("/a.html", FileStatus::Crash),
            result("/b.html", FileStatus::Timeout),
            result("/c.html", FileStatus::Crash),
        ];
        let unexpected = expectations.unexpected(&results);
        assert_eq!(unexpected.len(), 1);
        assert_eq!(unexpected[0].test, "/c.html");
        assert_eq!(unexpected[0].actual, "CRASH");
        // --update-expectations writes CRASH back.
        let updated = toml::to_string(&expectations.updated(&results)).unwrap();
        assert!(
            updated.contains("path = \"/c.html\"\nstatus = \"CRASH\""),
            "{updated}"
        );
    }
}
