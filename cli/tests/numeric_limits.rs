//! Every numeric option is checked by its value parser: what is not finite, positive and
//! bounded is a usage error (exit code 2) with a message naming the range, never a panic.

mod common;

use common::{page, postern};

fn rejected(option: &str, value: &str, subcommand: &[&str]) -> String {
    let mut args: Vec<&str> = subcommand.to_vec();
    args.extend([option, value]);
    let ran = postern(&args, &[]);
    assert_eq!(ran.code, Some(2), "{option} {value}: {}", ran.stderr);
    assert!(!ran.stderr.contains("panicked"), "{}", ran.stderr);
    assert!(
        ran.stderr
            .starts_with(&format!("error: invalid value '{value}' for '{option} ")),
        "{option} {value}: {}",
        ran.stderr
    );
    ran.stderr
}

#[test]
fn time_and_wall_limits_must_be_finite_positive_and_at_most_a_week() {
    let target = page("idle.html");
    for option in ["--time-limit", "--wall-limit"] {
        for value in ["1e300", "-1", "NaN", "inf", "0", "604801", "soon"] {
            let stderr = rejected(option, value, &["run", &target]);
            assert!(
                stderr.contains("expected a number of seconds greater than 0 and at most 604800"),
                "{stderr}"
            );
        }
    }
    let stderr = rejected("--time-limit", "1e300", &["run", &target]);
    assert!(stderr.contains("1e300 is too large"), "{stderr}");
    let stderr = rejected("--time-limit", "NaN", &["run", &target]);
    assert!(stderr.contains("NaN is not a finite number"), "{stderr}");
    let stderr = rejected("--wall-limit", "-1", &["run", &target]);
    assert!(stderr.contains("-1 is not greater than 0"), "{stderr}");
}

#[test]
fn a_limit_in_range_is_accepted() {
    let ran = postern(
        &[
            "run",
            "--time-limit",
            "0.5",
            "--wall-limit",
            "604800",
            &page("idle.html"),
        ],
        &[],
    );
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
}

#[test]
fn the_wpt_runner_checks_its_numbers_too() {
    let wpt = ["wpt", "--root", "."];
    for value in ["0", "-1", "NaN", "inf", "1001", "1e300"] {
        rejected("--timeout-multiplier", value, &wpt);
    }
    for value in ["0", "-3", "257", "1.5", "many"] {
        let stderr = rejected("--jobs", value, &wpt);
        assert!(
            stderr.contains("expected an integer from 1 to 256"),
            "{stderr}"
        );
    }
    for value in ["0", "-1", "NaN", "1e300"] {
        rejected("--file-timeout", value, &wpt);
    }
}
