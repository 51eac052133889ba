//! Agent clusters on threads, seen from pages: which windows share an agent, and virtual
//! time giving the same trace every run across several agent threads.

use postern_conformance::run_page;

#[test]
fn cross_site_windows_run_in_separate_agents_and_same_site_ones_share() {
    let run = run_page("agents");
    // a.test and www.a.test are one site (one agent); b.test and c.test one agent each.
    assert_eq!(run.agents, 3, "{:#?}", run.lines);
    assert_eq!(run.lost_tasks, 0);
    assert_eq!(run.dropped_messages, 0);
}

#[test]
fn messages_and_timers_across_agent_threads_follow_virtual_time() {
    let run = run_page("agents");
    let a = |s: &str| format!("[http://a.test] {s}");
    let got = |from: &str, round: u32, at: u64| {
        let origin = match from {
            "www" => "http://www.a.test",
            "b" => "http://b.test",
            _ => "http://c.test",
        };
        a(&format!(
            "parent got {from} round {round} from {origin} at {at}"
        ))
    };
    let parent: Vec<String> = run
        .lines
        .iter()
        .filter(|l| l.starts_with("[http://a.test] parent"))
        .cloned()
        .collect();
    let hour = 3_600_000;
    assert_eq!(
        parent,
        vec![
            got("b", 1, 20),
            got("www", 1, 30),
            got("b", 2, 40),
            got("www", 2, 60),
            got("b", 3, 60),
            got("www", 3, 90),
            got("c", 1, hour),
            got("c", 2, 2 * hour),
            got("c", 3, 3 * hour),
            a("parent saw b:1 www:1 b:2 www:2 b:3 www:3 c:1 c:2 c:3"),
        ]
    );
    // Every report is acknowledged in its own frame, at the time it was sent.
    for line in [
        "[http://b.test] b acked 3 at 60",
        "[http://www.a.test] www acked 3 at 90",
        "[http://c.test] c acked 3 at 10800000",
    ] {
        assert!(
            run.lines.iter().any(|l| l == line),
            "{line} in {:#?}",
            run.lines
        );
    }
}

#[test]
fn virtual_time_runs_over_several_agents_are_identical() {
    let first = run_page("agents");
    for _ in 0..3 {
        let again = run_page("agents");
        assert_eq!(again.lines, first.lines);
    }
    assert_eq!(first.lines.len(), 19, "{:#?}", first.lines);
}

#[test]
fn frames_example_nested_dynamic_and_removed_iframes_and_a_popup() {
    let run = postern_conformance::run_site(
        &postern_conformance::repo_root()
            .join("examples")
            .join("frames"),
        "http://a.test/",
    );
    let a = |s: &str| format!("[http://a.test] {s}");
    assert_eq!(
        run.lines,
        vec![
            a(r#"middle says {"from":"middle","frames":1} from http://b.test"#),
            a(r#"leaf says {"from":"leaf","depth":2} from http://c.test"#),
            a("frames.length 1; middle's frames.length 1"),
            a("the leaf is middle's frames[0]: true"),
            a("the leaf's top is this window: true"),
            a("the inserted iframe fired load"),
            a("inserted: frames.length 2; its document is reachable: true"),
            a("removed: frames.length 1; closed true and true"),
            a("opened a popup: closed false; same name finds it: true"),
            a(
                r#"popup says {"from":"popup","name":"helper"} from http://c.test; source is the popup: true"#
            ),
            a("closed the popup: true"),
            a("done"),
        ]
    );
    // Three sites, three agent threads (the c.test popup joins c.test's agent); the message
    // to the removed frame went nowhere.
    assert_eq!(run.agents, 3);
    assert_eq!(run.outcome, postern::RunOutcome::Idle);
}

#[test]
fn each_browsing_context_group_has_its_own_agent_cluster_map() {
    let run = run_page("groups");
    let a = |s: &str| format!("[http://a.test] {s}");
    let mut lines = run.lines.clone();
    // The two popups run in different agents: their order is the turn order.
    lines[2..].sort();
    assert_eq!(
        lines,
        vec![
            a("shared popup's document is reachable: true"),
            a("noopener returns null: true"),
            a("popup kind=noopener; has an opener: false"),
            a("popup kind=shared; has an opener: true"),
        ]
    );
    // The opener and its popup share one agent; the noopener popup, same site but in a new
    // group, gets another.
    assert_eq!(run.agents, 2);
}
