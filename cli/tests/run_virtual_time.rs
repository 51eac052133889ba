//! Under `--virtual-time`, `postern run` runs until idle unless `--time-limit` is given: an
//! hour-long timer completes in milliseconds; `--wall-limit` still guards real time.

mod common;

use std::time::{Duration, Instant};

use common::{page, postern};

#[test]
fn an_hour_long_timer_completes_under_virtual_time() {
    let started = Instant::now();
    let ran = postern(&["run", "--virtual-time", &page("hour-timer.html")], &[]);
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    let texts: Vec<&str> = ran
        .stdout
        .lines()
        .filter_map(|l| l.split_once("] ").map(|(_, t)| t))
        .collect();
    assert_eq!(texts, ["started", "an hour later"], "{}", ran.stdout);
    assert_eq!(ran.stderr, "");
    assert!(started.elapsed() < Duration::from_secs(20));
}

#[test]
fn a_time_limit_given_still_bounds_virtual_time() {
    let ran = postern(
        &[
            "run",
            "--virtual-time",
            "--time-limit",
            "60",
            &page("hour-timer.html"),
        ],
        &[],
    );
    assert_eq!(ran.code, Some(3), "{}", ran.stderr);
    assert!(!ran.stdout.contains("an hour later"), "{}", ran.stdout);
    assert_eq!(
        ran.stderr,
        "postern: time limit of 60 s (virtual time) reached with work still pending\n"
    );
}

#[test]
fn real_time_keeps_its_default_limit_of_30_seconds() {
    // Shown in the message when the limit is reached; a short one keeps the test fast.
    let ran = postern(
        &["run", "--time-limit", "0.2", &page("hour-timer.html")],
        &[],
    );
    assert_eq!(ran.code, Some(3), "{}", ran.stderr);
    assert_eq!(
        ran.stderr,
        "postern: time limit of 0.2 s (real time) reached with work still pending\n"
    );
    let ran = postern(&["run", "--help"], &[]);
    assert!(
        ran.stdout
            .contains("Default: 30 in real time; none under --virtual-time"),
        "{}",
        ran.stdout
    );
}
