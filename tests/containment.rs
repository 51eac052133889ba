//! Containment of hostile pages: what a page controls must not take the process down, and a
//! cross-site iframe doing it leaves its parent running (docs/reliability.md).

use postern_conformance::run_page;

fn a(line: &str) -> String {
    format!("[http://a.test] {line}")
}

fn b(line: &str) -> String {
    format!("[http://b.test] {line}")
}

#[test]
fn deep_nesting_is_a_range_error_and_the_parent_goes_on() {
    let run = run_page("deep-nesting");
    // Each window's lines in order (the two agents' lines interleave as their threads run).
    let of = |prefix: &str| -> Vec<String> {
        let lines = run.lines.iter().filter(|l| l.starts_with(prefix));
        lines.cloned().collect()
    };
    assert_eq!(
        of("[http://a.test]"),
        vec![
            a("child says: a 1,500-deep array literal parsed"),
            a("child says: eval: RangeError"),
            a("child says: Function: RangeError"),
            a("child says: 3,000 nested arrow functions: RangeError"),
            a("child says: a 20,000-deep template literal: RangeError"),
            a("child says: done"),
            a("the parent still runs"),
        ]
    );
    assert_eq!(
        of("[http://b.test]"),
        vec![b(
            "Uncaught RangeError: Maximum call stack size exceeded (the source nests too deeply)"
        )]
    );
    assert_eq!(run.lines.len(), 8, "no other line: {:?}", run.lines);
}

#[test]
fn strings_past_the_maximum_length_are_a_range_error() {
    let run = run_page("string-length");
    let expected = vec![
        a("'x'.repeat(2 ** 30): RangeError: Invalid string length"),
        a("'x'.padEnd(2 ** 30): RangeError: Invalid string length"),
        a("'x'.padStart(2 ** 30, 'ab'): RangeError: Invalid string length"),
        a("'x'.repeat(-1): RangeError: Invalid count value: -1"),
        a("ababab abax [x  ] é€é€"),
        a("repeat 1"),
    ];
    assert_eq!(run.lines, expected);
}

#[test]
fn unbounded_recursion_ends_its_script_not_the_process() {
    let run = run_page("recursion");
    // Deviation (docs/reliability.md): boa's runtime-limit error is not catchable, so the
    // script ends where a browser's `catch` would see a RangeError.
    let first = run.lines.first().cloned().unwrap_or_default();
    assert!(
        first.starts_with(&a(
            "Uncaught RuntimeLimitError: reached the maximum number of recursive calls"
        )),
        "{first}"
    );
    assert_eq!(run.lines.last(), Some(&a("the next script runs")));
    assert!(!run.lines.iter().any(|l| l.contains("not reached")));
}
