//! `postern bench`: runs the benchmark pages of `benches/pages/` (each in a `postern run` of
//! its own, real time), runs the peers' scripts beside them (`node` on `../shared/peers`, when
//! both are there), and prints the ratio table (docs/performance.md).
//!
//! A page prints one line per workload, `BENCH name=<id> value=<median> unit=<unit>
//! min=<min> max=<max> reps=<n>`; a peer script prints `<name> median <value> <unit> [min
//! <min> .. max <max>]` (the peers' `harness.js`). [`COMPARISONS`] pairs them.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use clap::Args;

use crate::bench_peers::{PeerRun, Peers};
use crate::bench_table::{Figure, Sitting, print_table};

/// `postern bench`.
#[derive(Debug, Args)]
pub struct BenchArgs {
    /// The folder of benchmark pages: one folder per page, holding host-named folders
    /// (`a.test/`, `b.test/`) as `postern run` serves them.
    #[arg(long, value_name = "DIR", default_value = "benches/pages")]
    pub pages: PathBuf,
    /// Only the pages whose folder name contains this text.
    #[arg(long, value_name = "TEXT")]
    pub only: Option<String>,
    /// The peers' scripts (`clone.js`, `mc.js`, `dom.js`, `harness.js`, `package.json`).
    #[arg(long, value_name = "DIR", default_value = "../shared/peers")]
    pub peers: PathBuf,
    /// A writable folder where the peers are copied and `npm ci` installs their packages
    /// (kept between runs).
    #[arg(long, value_name = "DIR")]
    pub peers_work: Option<PathBuf>,
    /// Do not run the peers.
    #[arg(long)]
    pub no_peers: bool,
    /// Also build and run the peers' Rust floor (`rustfloor/`, crossbeam round trips) with
    /// `cargo run --release`.
    #[arg(long)]
    pub floor: bool,
    /// Each workload once, on a thousandth of its count, and no peers: checks that the pages
    /// run, measures nothing.
    #[arg(long)]
    pub quick: bool,
}

/// A Postern workload and the peer figure it is compared with.
pub struct Comparison {
    /// The `name=` of the page's BENCH line.
    pub ours: &'static str,
    /// The peer's script (`dom.js`, `mc.js`, `clone.js`, `rustfloor`).
    pub script: &'static str,
    /// The start of the peer's line.
    pub peer_line: &'static str,
    /// The peer, as the table names it.
    pub peer: &'static str,
}

const fn cmp(
    ours: &'static str,
    script: &'static str,
    peer_line: &'static str,
    peer: &'static str,
) -> Comparison {
    Comparison {
        ours,
        script,
        peer_line,
        peer,
    }
}

/// The rows of the table, in order. A workload may have several peers.
pub const COMPARISONS: &[Comparison] = &[
    cmp(
        "post_message.self.one_way",
        "dom.js",
        "happy-dom self.postMessage one-way",
        "happy-dom (no clone)",
    ),
    cmp(
        "post_message.self.one_way",
        "dom.js",
        "jsdom self.postMessage one-way",
        "jsdom (no clone)",
    ),
    cmp(
        "post_message.self.chained_hop",
        "dom.js",
        "happy-dom self.postMessage chained",
        "happy-dom",
    ),
    cmp(
        "iframe.same_origin.round_trip",
        "mc.js",
        "MessageChannel same-thread ping-pong",
        "Node MessageChannel same thread",
    ),
    cmp(
        "iframe.cross_site.round_trip",
        "mc.js",
        "worker_threads MessageChannel cross-thread ping-pong",
        "Node worker_threads",
    ),
    cmp(
        "iframe.cross_site.round_trip",
        "rustfloor",
        "crossbeam 2-thread ping-pong (unbounded x2)",
        "crossbeam, 2 threads",
    ),
    cmp(
        "iframe.cross_site.round_trip_after_100k",
        "mc.js",
        "worker_threads MessageChannel cross-thread ping-pong",
        "Node worker_threads",
    ),
    cmp(
        "iframe.cross_site.round_trip_1mib_transferred",
        "mc.js",
        "worker_threads cross-thread ping-pong w/ 1 MiB ArrayBuffer transferred",
        "Node worker_threads",
    ),
    cmp(
        "iframe.cross_site.round_trip_1mib_copied",
        "mc.js",
        "worker_threads cross-thread ping-pong w/ 1 MiB ArrayBuffer copied",
        "Node worker_threads",
    ),
    cmp(
        "channel.same_thread.one_way",
        "mc.js",
        "MessageChannel same-thread one-way",
        "Node MessageChannel",
    ),
    cmp(
        "channel.same_thread.round_trip",
        "mc.js",
        "MessageChannel same-thread ping-pong",
        "Node MessageChannel",
    ),
    cmp(
        "channel.cross_agent.round_trip",
        "mc.js",
        "worker_threads MessageChannel cross-thread ping-pong",
        "Node worker_threads",
    ),
    cmp(
        "clone.small_objects_10k",
        "clone.js",
        "(c) 10k small objects",
        "Node structuredClone",
    ),
    cmp(
        "clone.map_10k_cycles",
        "clone.js",
        "(e) Map 10k entries",
        "Node structuredClone",
    ),
    cmp(
        "clone.float64array_1m",
        "clone.js",
        "(f) Float64Array 1M elements",
        "Node structuredClone",
    ),
    cmp(
        "clone.arraybuffer_64mib_copy",
        "clone.js",
        "(a) ArrayBuffer 64 MiB copy",
        "Node structuredClone",
    ),
    cmp(
        "clone.arraybuffer_64mib_transfer",
        "clone.js",
        "(b) ArrayBuffer 64 MiB transfer",
        "Node structuredClone",
    ),
];

/// Reads one `BENCH name=... value=... unit=... min=... max=...` line (anywhere in a console
/// line); `None` for other lines and for `BENCH done`.
pub fn parse_bench_line(line: &str) -> Option<Figure> {
    let (_, rest) = line.split_once("BENCH ")?;
    let mut figure = Figure::default();
    for field in rest.split_whitespace() {
        let (key, value) = field.split_once('=')?;
        match key {
            "name" => figure.name = value.to_string(),
            "value" => figure.median = value.parse().ok()?,
            "unit" => figure.unit = value.to_string(),
            "min" => figure.min = value.parse().ok()?,
            "max" => figure.max = value.parse().ok()?,
            _ => {}
        }
    }
    (!figure.name.is_empty() && !figure.unit.is_empty()).then_some(figure)
}

/// The page folders to run, sorted.
fn page_folders(args: &BenchArgs) -> Result<Vec<PathBuf>, String> {
    let entries = std::fs::read_dir(&args.pages)
        .map_err(|e| format!("cannot read {}: {e}", args.pages.display()))?;
    let mut pages: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            args.only.as_deref().is_none_or(|only| name.contains(only))
        })
        .collect();
    pages.sort();
    Ok(pages)
}

/// Runs one page with this same binary (`postern run`, real time) and returns its figures.
fn run_page(page: &Path, quick: bool) -> Result<Vec<Figure>, String> {
    let exe = std::env::current_exe().map_err(|e| format!("cannot find postern: {e}"))?;
    let open = if quick {
        "http://a.test/?quick"
    } else {
        "http://a.test/"
    };
    let output = Command::new(exe)
        .arg("run")
        .arg(page)
        .args(["--open", open, "--time-limit", "900", "--wall-limit", "900"])
        .output()
        .map_err(|e| format!("cannot run postern: {e}"))?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let done = stdout.lines().any(|l| l.contains("BENCH done"));
    if !output.status.success() || !done {
        return Err(format!(
            "{} did not finish ({}): {}{}",
            page.display(),
            output.status,
            stdout.lines().last().unwrap_or(""),
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    Ok(stdout.lines().filter_map(parse_bench_line).collect())
}

/// Runs `postern bench`.
pub fn run(args: BenchArgs) -> ExitCode {
    if cfg!(debug_assertions) && !args.quick {
        eprintln!(
            "postern bench: this is a debug build; figures mean nothing (cargo build --release)"
        );
    }
    let mut sitting = Sitting::start();
    let pages = match page_folders(&args) {
        Ok(pages) => pages,
        Err(reason) => {
            eprintln!("postern bench: {reason}");
            return ExitCode::from(2);
        }
    };
    let mut peers = if args.no_peers || args.quick {
        sitting
            .notes
            .push("peers not run (--no-peers or --quick)".into());
        None
    } else {
        match Peers::prepare(&args.peers, args.peers_work.as_deref(), args.floor) {
            Ok(peers) => Some(peers),
            Err(note) => {
                sitting.notes.push(format!("peers skipped: {note}"));
                None
            }
        }
    };
    let mut ours = Vec::new();
    let mut theirs: Vec<PeerRun> = Vec::new();
    let mut failed = false;
    for page in &pages {
        eprintln!("postern bench: {}", page.display());
        match run_page(page, args.quick) {
            Ok(figures) => {
                for figure in &figures {
                    println!("{}", figure.line());
                }
                ours.extend(figures);
            }
            Err(reason) => {
                eprintln!("postern bench: {reason}");
                failed = true;
            }
        }
        // Each page's peers run right after it: ours and theirs alternate in one sitting.
        if let Some(peers) = peers.as_mut() {
            for script in scripts_for(&ours) {
                if theirs.iter().any(|r| r.script == script) {
                    continue;
                }
                eprintln!("postern bench: peer {script}");
                let run = peers.run(script);
                if let Some(note) = &run.note {
                    sitting.notes.push(note.clone());
                }
                theirs.push(run);
            }
        }
    }
    sitting.finish();
    print_table(&sitting, &ours, &theirs);
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// The peer scripts the figures so far are compared with, in table order.
fn scripts_for(ours: &[Figure]) -> Vec<&'static str> {
    let mut scripts = Vec::new();
    for c in COMPARISONS {
        if ours.iter().any(|f| f.name == c.ours) && !scripts.contains(&c.script) {
            scripts.push(c.script);
        }
    }
    scripts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bench_lines_are_read() {
        let f = parse_bench_line(
            "[http://a.test/] BENCH name=clone.x value=1.5 unit=MB/s min=1 max=2 reps=9",
        );
        let f = f.unwrap();
        assert_eq!((f.name.as_str(), f.unit.as_str()), ("clone.x", "MB/s"));
        assert_eq!((f.median, f.min, f.max), (1.5, 1.0, 2.0));
        assert!(parse_bench_line("BENCH done").is_none());
        assert!(parse_bench_line("hello").is_none());
    }
}
