//! Value parsers for the numeric options: each rejects what is not finite, positive and
//! bounded with a message naming the range (clap prints it and exits with 2).

use std::time::Duration;

/// The longest time or wall-clock limit: one week.
pub const MAX_SECONDS: f64 = 7.0 * 24.0 * 3600.0;
/// The largest timeout multiplier.
pub const MAX_TIMEOUT_MULTIPLIER: f64 = 1000.0;
/// The smallest and the largest memory limit of an agent, in MiB (16 MiB to 1 TiB).
pub const MEBIBYTES: std::ops::RangeInclusive<u64> = 16..=1024 * 1024;
/// The most worker processes or threads.
pub const MAX_JOBS: usize = 256;

/// A finite number in `(0, max]`.
fn positive_bounded(text: &str, max: f64, what: &str) -> Result<f64, String> {
    let value: f64 = text
        .trim()
        .parse()
        .map_err(|_| format!("{text:?} is not a number; expected {what}"))?;
    let problem = if !value.is_finite() {
        "is not a finite number"
    } else if value <= 0.0 {
        "is not greater than 0"
    } else if value > max {
        "is too large"
    } else {
        return Ok(value);
    };
    Err(format!("{text} {problem}; expected {what}"))
}

/// A number of seconds: finite, greater than 0, at most a week (`30`, `0.5`).
pub fn seconds(text: &str) -> Result<Duration, String> {
    let what = format!("a number of seconds greater than 0 and at most {MAX_SECONDS}");
    let value = positive_bounded(text, MAX_SECONDS, &what)?;
    Ok(Duration::from_secs_f64(value))
}

/// A timeout multiplier: finite, greater than 0, at most 1000.
pub fn timeout_multiplier(text: &str) -> Result<f64, String> {
    let what = format!("a number greater than 0 and at most {MAX_TIMEOUT_MULTIPLIER}");
    positive_bounded(text, MAX_TIMEOUT_MULTIPLIER, &what)
}

/// A number of parallel jobs: an integer from 1 to 256.
pub fn jobs(text: &str) -> Result<usize, String> {
    let what = format!("an integer from 1 to {MAX_JOBS}");
    match text.trim().parse::<usize>() {
        Ok(n) if (1..=MAX_JOBS).contains(&n) => Ok(n),
        Ok(_) => Err(format!("{text} is out of range: expected {what}")),
        Err(_) => Err(format!("{text:?} is not a number; expected {what}")),
    }
}

/// A memory limit in MiB, an integer from 16 to 1048576 (1 TiB); returned in bytes.
pub fn mebibytes(text: &str) -> Result<usize, String> {
    let what = format!(
        "a whole number of MiB from {} to {}",
        MEBIBYTES.start(),
        MEBIBYTES.end()
    );
    match text.trim().parse::<u64>() {
        Ok(n) if MEBIBYTES.contains(&n) => usize::try_from(n * 1024 * 1024)
            .map_err(|_| format!("{text} MiB is more than this machine can address")),
        Ok(_) => Err(format!("{text} is out of range: expected {what}")),
        Err(_) => Err(format!("{text:?} is not a number; expected {what}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seconds_must_be_finite_positive_and_bounded() {
        assert_eq!(seconds("30"), Ok(Duration::from_secs(30)));
        assert_eq!(seconds("0.25"), Ok(Duration::from_millis(250)));
        assert_eq!(seconds("604800"), Ok(Duration::from_secs(604_800)));
        for bad in [
            "1e300", "-1", "NaN", "nan", "inf", "-inf", "0", "-0", "604801", "", "x",
        ] {
            assert!(seconds(bad).is_err(), "{bad:?} accepted");
        }
        let message = seconds("1e300").unwrap_err();
        assert!(message.contains("too large"), "{message}");
        assert!(seconds("NaN").unwrap_err().contains("not a finite number"));
        assert!(seconds("-1").unwrap_err().contains("not greater than 0"));
        assert!(seconds("ten").unwrap_err().contains("not a number"));
    }

    #[test]
    fn memory_limits_are_whole_mebibytes_in_range() {
        assert_eq!(mebibytes("4096"), Ok(4096 * 1024 * 1024));
        assert_eq!(mebibytes("16"), Ok(16 * 1024 * 1024));
        for bad in ["0", "15", "-1", "1.5", "NaN", "1048577", "1e300", ""] {
            assert!(mebibytes(bad).is_err(), "{bad:?} accepted");
        }
        assert!(mebibytes("8").unwrap_err().contains("out of range"));
    }

    #[test]
    fn multipliers_and_jobs_are_bounded() {
        assert_eq!(timeout_multiplier("2.5"), Ok(2.5));
        for bad in ["0", "-1", "NaN", "inf", "1001", "1e300"] {
            assert!(timeout_multiplier(bad).is_err(), "{bad:?} accepted");
        }
        assert_eq!(jobs("2"), Ok(2));
        for bad in ["0", "-1", "257", "1.5", "NaN", "99999999999999999999999"] {
            assert!(jobs(bad).is_err(), "{bad:?} accepted");
        }
    }
}
