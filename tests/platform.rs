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
