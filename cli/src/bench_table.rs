//! The figures of `postern bench`, the sitting they were measured in, and the ratio table.

use std::time::{SystemTime, UNIX_EPOCH};

use crate::bench::COMPARISONS;
use crate::bench_peers::PeerRun;

/// One measured workload: a rate (higher is better), median of its repetitions.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Figure {
    /// The workload.
    pub name: String,
    /// The median rate.
    pub median: f64,
    /// Its unit, without spaces (`kmsg/s`, `krt/s`, `MB/s`, ...).
    pub unit: String,
    /// The slowest repetition's rate.
    pub min: f64,
    /// The fastest repetition's rate.
    pub max: f64,
}

impl Figure {
    /// The figure as a page prints it.
    pub fn line(&self) -> String {
        format!(
            "BENCH name={} value={} unit={} min={} max={}",
            self.name, self.median, self.unit, self.min, self.max
        )
    }

    /// The figure for the table: the rate, and the time per operation for round trips and
    /// hops (`12.3 krt/s (81.3 µs)`).
    fn shown(&self) -> String {
        let per_second = match self.unit.as_str() {
            "krt/s" | "kmsg/s" | "kops/s" => self.median * 1e3,
            "rt/s" | "hops/s" => self.median,
            _ => return format!("{} {}", significant(self.median), self.unit),
        };
        let micros = 1e6 / per_second.max(f64::MIN_POSITIVE);
        format!(
            "{} {} ({} µs)",
            significant(self.median),
            self.unit,
            significant(micros)
        )
    }
}

/// A number with three or four significant digits (`1234`, `123.4`, `0.1234`).
fn significant(x: f64) -> String {
    if x >= 1000.0 {
        format!("{x:.0}")
    } else if x >= 100.0 {
        format!("{x:.1}")
    } else if x >= 10.0 {
        format!("{x:.2}")
    } else {
        format!("{x:.3}")
    }
}

/// When and under what load the figures were taken.
pub struct Sitting {
    started: SystemTime,
    finished: SystemTime,
    load_before: String,
    load_after: String,
    /// What was skipped or went wrong.
    pub notes: Vec<String>,
}

/// The 1, 5 and 15 minute load averages (Linux), or "n/a".
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|| "n/a".into())
}

/// `YYYY-MM-DD HH:MM` (UTC) of a time.
fn utc(time: SystemTime) -> String {
    let secs = time.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    let rem = secs % 86_400;
    // Howard Hinnant's days-to-civil.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02}",
        rem / 3600,
        (rem % 3600) / 60
    )
}

impl Sitting {
    /// Starts the sitting now.
    pub fn start() -> Sitting {
        let now = SystemTime::now();
        Sitting {
            started: now,
            finished: now,
            load_before: load_average(),
            load_after: String::new(),
            notes: Vec::new(),
        }
    }

    /// Ends it now.
    pub fn finish(&mut self) {
        self.finished = SystemTime::now();
        self.load_after = load_average();
    }
}

/// Prints the ratio table (Markdown) and the notes.
pub fn print_table(sitting: &Sitting, ours: &[Figure], theirs: &[PeerRun]) {
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    println!();
    println!(
        "Sitting: {} – {} UTC, load average {} → {} ({cores} cores), postern {}",
        utc(sitting.started),
        &utc(sitting.finished)[11..],
        sitting.load_before,
        sitting.load_after,
        env!("CARGO_PKG_VERSION")
    );
    println!();
    println!("| workload | Postern | peer | peer's figure | Postern / peer |");
    println!("|---|---|---|---|---|");
    let mut shown = Vec::new();
    for c in COMPARISONS {
        let Some(figure) = ours.iter().find(|f| f.name == c.ours) else {
            continue;
        };
        shown.push(c.ours);
        let peer = theirs
            .iter()
            .filter(|r| r.script == c.script)
            .flat_map(|r| r.figures.iter())
            .find(|f| f.name.starts_with(c.peer_line));
        let (theirs, ratio) = match peer {
            Some(p) if p.unit == figure.unit => (
                p.shown(),
                format!(
                    "**{:.2}×**",
                    figure.median / p.median.max(f64::MIN_POSITIVE)
                ),
            ),
            Some(p) => (p.shown(), "units differ".into()),
            None => ("not run".into(), "—".into()),
        };
        println!(
            "| {} | {} | {} ({}) | {theirs} | {ratio} |",
            figure.name,
            figure.shown(),
            c.peer,
            c.script
        );
    }
    for figure in ours.iter().filter(|f| !shown.contains(&f.name.as_str())) {
        println!("| {} | {} | — | — | — |", figure.name, figure.shown());
    }
    println!();
    println!("Ratios are rates (higher is faster): above 1, Postern is faster than the peer.");
    for note in &sitting.notes {
        println!("Note: {note}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utc_dates() {
        assert_eq!(utc(UNIX_EPOCH), "1970-01-01 00:00");
        let t = UNIX_EPOCH + std::time::Duration::from_secs(1_796_601_600 + 3_660);
        assert_eq!(utc(t), "2026-12-07 01:01");
    }
}
