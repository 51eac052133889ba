//! The peers of `postern bench`: the scripts of `../shared/peers`, copied to a writable
//! folder, their packages installed once with `npm ci`, each run with `node` (and, with
//! `--floor`, the Rust floor with `cargo run --release`). Whatever is missing is skipped with
//! a note, never an error.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::bench_table::Figure;

/// The peers, ready to run.
pub struct Peers {
    /// The writable copy.
    work: PathBuf,
    /// Whether `rustfloor` runs.
    floor: bool,
}

/// What one peer script printed.
pub struct PeerRun {
    /// The script (`mc.js`, ..., `rustfloor`).
    pub script: &'static str,
    /// Its figures, named by their whole line's name.
    pub figures: Vec<Figure>,
    /// Why it did not run, or what went wrong.
    pub note: Option<String>,
}

/// The output of `program args` run in `dir`, or why not.
fn output_of(program: &str, args: &[&str], dir: &Path) -> Result<String, String> {
    let output = Command::new(program)
        .args(args)
        .current_dir(dir)
        .output()
        .map_err(|e| format!("`{program}` does not start ({e})"))?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        return Err(format!(
            "`{program} {}` failed ({}): {}",
            args.join(" "),
            output.status,
            stderr.lines().last().unwrap_or("")
        ));
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

/// Copies the files of `from` into `to` (recursively, leaving out `node_modules`, `target`
/// and earlier results).
fn copy_tree(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let name = entry.file_name();
        if name == "node_modules" || name == "target" {
            continue;
        }
        let path = entry.path();
        if path.is_dir() {
            copy_tree(&path, &to.join(&name))?;
        } else {
            std::fs::copy(&path, to.join(&name))?;
        }
    }
    Ok(())
}

impl Peers {
    /// Copies the peers to `work` (default: `$TMPDIR/postern-peers`) and installs their
    /// packages once; `Err` is the note saying why the peers are skipped.
    pub fn prepare(peers: &Path, work: Option<&Path>, floor: bool) -> Result<Peers, String> {
        if !peers.join("harness.js").is_file() {
            return Err(format!("no peer scripts at {}", peers.display()));
        }
        let version = output_of("node", &["--version"], peers)?;
        let work = work.map_or_else(
            || std::env::temp_dir().join("postern-peers"),
            Path::to_path_buf,
        );
        copy_tree(peers, &work).map_err(|e| format!("cannot copy the peers: {e}"))?;
        if !work.join("node_modules").is_dir() {
            eprintln!("postern bench: npm ci in {}", work.display());
            output_of("npm", &["ci", "--no-audit", "--no-fund"], &work)?;
        }
        eprintln!(
            "postern bench: peers in {} (node {})",
            work.display(),
            version.trim()
        );
        Ok(Peers { work, floor })
    }

    /// Runs one peer script and reads its figures.
    pub fn run(&mut self, script: &'static str) -> PeerRun {
        let output = if script == "rustfloor" {
            if !self.floor {
                return PeerRun {
                    script,
                    figures: Vec::new(),
                    note: Some("rustfloor not run (postern bench --floor runs it)".into()),
                };
            }
            output_of(
                "cargo",
                &["run", "--release", "--quiet"],
                &self.work.join("rustfloor"),
            )
        } else {
            output_of("node", &[script], &self.work)
        };
        match output {
            Ok(text) => PeerRun {
                script,
                figures: text.lines().filter_map(parse_peer_line).collect(),
                note: None,
            },
            Err(note) => PeerRun {
                script,
                figures: Vec::new(),
                note: Some(format!("peer {script} skipped: {note}")),
            },
        }
    }
}

/// Reads a peer's `<name> median <value> <unit> [min <min> .. max <max>]` line.
pub fn parse_peer_line(line: &str) -> Option<Figure> {
    let (name, rest) = line.split_once(" median ")?;
    let (figures, range) = rest.split_once('[')?;
    let mut words = figures.split_whitespace();
    let median = words.next()?.parse().ok()?;
    let unit: String = words.collect();
    let range = range.split_once(']')?.0;
    let (min, max) = range.split_once("..")?;
    let number = |s: &str| -> Option<f64> { s.split_whitespace().last()?.parse().ok() };
    Some(Figure {
        name: name.trim().to_string(),
        median,
        unit,
        min: number(min)?,
        max: number(max)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn peer_lines_are_read() {
        let f = parse_peer_line(
            "MessageChannel same-thread ping-pong, 10k round trips            median      181.2 k rt/s  [min 170.0 .. max 190.5]",
        )
        .unwrap();
        assert_eq!(
            f.name,
            "MessageChannel same-thread ping-pong, 10k round trips"
        );
        assert_eq!((f.median, f.unit.as_str()), (181.2, "krt/s"));
        assert_eq!((f.min, f.max), (170.0, 190.5));
        let g = parse_peer_line("crossbeam 2-thread ping-pong (unbounded x2), round trip  median    400.000 k rt/s [min 300.000 .. max 500.000]  (2500 ns/rt)").unwrap();
        assert_eq!(g.unit, "krt/s");
        assert!(parse_peer_line("    -> 5.5 us per round trip").is_none());
    }
}
