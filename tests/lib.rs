//! Helpers for Postern's own conformance suite: run a site of pages under virtual time and
//! collect what it printed.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

pub mod hostile;

use postern::{CollectingConsole, RunOutcome, StorageStore, TimeMode, UserAgent, UserAgentOptions};
use postern_dom::VirtualHosts;

/// What a run printed and how it ended.
#[derive(Debug)]
pub struct SiteRun {
    /// Every console line, as `[label] text`.
    pub lines: Vec<String>,
    /// Why the run stopped.
    pub outcome: RunOutcome,
    /// Posted messages that were not delivered.
    pub dropped_messages: u64,
    /// How many agents (one thread each) the run started.
    pub agents: usize,
    /// Tasks lost with a crashed agent.
    pub lost_tasks: u64,
}

/// The repository's root directory.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from(".."))
}

/// Serves every host-named subdirectory of `site` (e.g. `a.test/`) as `http://<name>/`, opens
/// `open`, and runs under virtual time until idle.
pub fn run_site(site: &Path, open: &str) -> SiteRun {
    run_site_with_storage(site, open, None)
}

/// Like [`run_site`], with `localStorage` kept in `store` (see
/// `UserAgent::with_storage_store`); the user agent is dropped (and the store saved to)
/// before this returns.
pub fn run_site_with_storage(
    site: &Path,
    open: &str,
    store: Option<Arc<dyn StorageStore>>,
) -> SiteRun {
    let mut hosts = VirtualHosts::new();
    let mut entries: Vec<_> = std::fs::read_dir(site)
        .map(|dir| dir.filter_map(Result::ok).collect())
        .unwrap_or_default();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let name = entry.file_name().to_string_lossy().into_owned();
        if entry.path().is_dir()
            && name.contains('.')
            && let Err(error) = hosts.serve(&format!("http://{name}"), entry.path())
        {
            return failed(format!("cannot serve {name}: {error}"));
        }
    }
    let console = CollectingConsole::new();
    let options = UserAgentOptions {
        time: TimeMode::Virtual,
        time_limit: Duration::from_secs(24 * 3600),
        wall_limit: Duration::from_secs(60),
        test_results: None,
        loop_iteration_limit: u64::MAX,
        // 2026-01-01T00:00:00Z: dates print the same every run.
        wall_clock_start: Some(Duration::from_secs(1_767_225_600)),
        max_navigable_depth: postern::DEFAULT_MAX_NAVIGABLE_DEPTH,
        agent_memory_limit: Some(postern::DEFAULT_AGENT_MEMORY_LIMIT),
    };
    let ua =
        UserAgent::with_storage_store(Arc::new(hosts), Arc::new(console.clone()), options, store);
    let mut ua = match ua {
        Ok(ua) => ua,
        Err(error) => return failed(error.to_string()),
    };
    if let Err(error) = ua.open(open) {
        return failed(error.to_string());
    }
    let outcome = ua.run_until_idle();
    SiteRun {
        lines: console.lines(),
        outcome,
        dropped_messages: ua.dropped_messages(),
        agents: ua.agent_count(),
        lost_tasks: ua.lost_tasks(),
    }
}

fn failed(reason: String) -> SiteRun {
    SiteRun {
        lines: vec![format!("[setup] {reason}")],
        outcome: RunOutcome::Idle,
        dropped_messages: 0,
        agents: 0,
        lost_tasks: 0,
    }
}

/// Runs a site under `tests/pages/<name>`, opening `http://a.test/`.
pub fn run_page(name: &str) -> SiteRun {
    run_site(
        &repo_root().join("tests").join("pages").join(name),
        "http://a.test/",
    )
}
