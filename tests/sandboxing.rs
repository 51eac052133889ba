//! Sandboxed iframes seen from pages: the console lines of blocked scripts, popups and
//! navigations, messages from an opaque origin, and the agents sandboxed documents get.

use postern_conformance::run_page;

#[test]
fn sandboxed_frames_block_scripts_popups_and_top_navigation() {
    let run = run_page("sandboxing");
    let srcdoc = |s: &str| format!("[about:srcdoc] {s}");
    assert_eq!(
        run.lines,
        vec![
            srcdoc(
                "Blocked script execution in 'about:srcdoc' because the document's frame is sandboxed and the 'allow-scripts' permission is not set."
            ),
            srcdoc(
                "Blocked opening 'http://a.test/frame.html' in a new window because the request was made in a sandboxed frame whose 'allow-popups' permission is not set."
            ),
            srcdoc("popup: null"),
            srcdoc(
                "Unsafe attempt to initiate navigation to 'http://a.test/elsewhere.html': the frame attempting it is sandboxed and may not navigate the target."
            ),
            srcdoc("SecurityError"),
            "[http://a.test/frame.html] frame origin null".to_owned(),
            "[http://a.test] parent got \"hello\" from null".to_owned(),
            "[http://a.test] parent got \"for a.test only\" from null".to_owned(),
        ]
    );
    // The message for b.test never reaches a.test.
    assert_eq!(run.dropped_messages, 1);
    assert_eq!(run.lost_tasks, 0);
}

#[test]
fn each_sandboxed_document_is_its_own_site_so_its_own_agent() {
    let run = run_page("sandboxing");
    // a.test (with the frames' initial about:blank documents), and one agent for each of
    // the three documents of a new opaque origin.
    assert_eq!(run.agents, 4, "{:#?}", run.lines);
}
