//! Links and their targets (issue 16): an opener follows `<a target=... rel=...>` links and
//! submits a form into popups, with the exact console output Chromium prints for the same
//! pages.

use postern_conformance::{repo_root, run_site};

#[test]
fn links_open_popups_by_target_and_rel() {
    let run = run_site(
        &repo_root().join("tests").join("pages").join("links"),
        "http://a.test/",
    );
    let a = |l: &str| format!("[http://a.test] {l}");
    assert_eq!(
        run.lines,
        vec![
            // <base target="pop"> and rel=opener: a new popup named "pop" with its opener,
            // and a copy of the opener's sessionStorage.
            a(r#"popup says: ?named opener true, name "pop", session from-opener"#),
            // target=_blank without rel=opener: noopener, so no opener, no name, and no copy
            // of sessionStorage.
            a(r#"popup without opener says: ?blank opener false, name "", session null"#),
            a("canceled click: dispatchEvent returned false"),
            // Only a MouseEvent named click is an activation event.
            a("plain Event click: true"),
            a("no href: true"),
            // A bubbling click at a child of the link activates the link; "pop" exists and
            // is navigated.
            a(r#"popup says: ?again opener true, name "pop", session from-opener"#),
            a("submit event: cancelable true, bubbles true"),
            a(
                r#"popup says: ?q=a+b&x=1&on=on&button=pressed opener true, name "pop", session from-opener"#
            ),
            a(r#"popup says: http://b.test opener true, name """#),
            a("done"),
        ]
    );
}
