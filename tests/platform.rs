//! The platform around windows (issue 16): pages with their exact console output.

use postern_conformance::{repo_root, run_site};

#[test]
fn random_uuid_only_in_a_secure_context() {
    let run = run_site(
        &repo_root()
            .join("tests")
            .join("pages")
            .join("secure-context"),
        "http://app.localhost/",
    );
    let mut lines = run.lines.clone();
    lines.sort();
    assert_eq!(
        lines,
        vec![
            "[http://a.test] a.test: secure false, randomUUID undefined, getRandomValues function",
            "[http://app.localhost] app.localhost: secure true, randomUUID function, v4 true, distinct true",
            "[http://app.localhost] its about:blank frame: secure true, randomUUID function",
        ]
    );
}

#[test]
fn local_storage_is_shared_by_same_origin_windows_with_storage_events() {
    let run = run_site(
        &repo_root().join("tests").join("pages").join("storage"),
        "http://a.test/",
    );
    let a = |l: &str| format!("[http://a.test] {l}");
    let of = |prefix: &str| -> Vec<String> {
        let lines = run.lines.iter().filter(|l| l.starts_with(prefix));
        lines.cloned().collect()
    };
    assert_eq!(
        of("[http://a.test]"),
        vec![
            a("items: 2, key(0) a, b 2, keys a,b, in true, getItem(x) null"),
            a("after delete: 1, a undefined"),
            // Web IDL's named property visibility: the prototype's getItem wins (Chromium
            // shows the item instead).
            a("an item named getItem: function, shadowed"),
            a("6 Mi code units: QuotaExceededError"),
            a("sessionStorage: session, Storage true, same object true"),
            a("frame sees b 2, session session"),
            a(
                "storage event: key from-frame, null → hello, url http://a.test/frame.html, area is localStorage true"
            ),
            a("frame wrote: hello"),
            // A window whose script never read localStorage gets the event too (whatwg/html#10135;
            // Chromium does the same).
            a("untouched frame: storage late → x, area is its localStorage true"),
        ]
    );
    assert_eq!(
        of("[http://b.test]"),
        vec!["[http://b.test] b.test sees a.test's b: null".to_string()]
    );
}

#[test]
fn blobs_and_files_cross_to_a_cross_site_iframe_and_back() {
    // The frame is another site, so another agent thread: the Blob's bytes cross threads in
    // the record. The same lines, in this order, as Chromium prints them.
    let run = run_site(
        &repo_root().join("tests").join("pages").join("blobs"),
        "http://a.test/",
    );
    let a = |l: &str| format!("[http://a.test] {l}");
    let b = |l: &str| format!("[http://b.test] {l}");
    assert_eq!(
        run.lines,
        vec![
            b(r#"frame got: Blob true, size 11, type "text/plain", text "hello world""#),
            b(
                r#"frame got: File true, name notes.txt, lastModified 1234, type "text/x-notes", text "file body""#
            ),
            b(r#"frame got a slice: "wor", size 3"#),
            a(r#"parent got: Blob, size 12, type "text/reply", text "hello from b""#),
            a(r#"parent got: File copy.txt 5678, size 9, type "", text "file body""#),
            a(r#"parent got over the port: Blob, size 3, type "", text "wor""#),
            a("parent done"),
        ]
    );
}
