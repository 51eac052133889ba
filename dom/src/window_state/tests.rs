use super::*;
use crate::ids::{DocumentId, NodeId};

fn container(n: u32) -> (DocumentId, NodeId) {
    (DocumentId(1), NodeId(n))
}

/// Every context's document is same origin with every other.
fn all_same(_: BrowsingContextId, _: BrowsingContextId) -> bool {
    true
}

/// No two different contexts' documents are same origin.
fn none_same(a: BrowsingContextId, b: BrowsingContextId) -> bool {
    a == b
}

/// A tab with an iframe, and a popup it opened.
fn tab_frame_and_popup() -> (
    BrowsingContextTree,
    BrowsingContextId,
    BrowsingContextId,
    BrowsingContextId,
) {
    let mut tree = BrowsingContextTree::new();
    let tab = tree.create_top_level(String::new());
    let frame = tree
        .create_child(tab, container(1), String::new())
        .expect("frame");
    let popup = tree
        .create_a_new_auxiliary_browsing_context(tab, String::new())
        .expect("popup");
    (tree, tab, frame, popup)
}

#[test]
fn window_name() {
    let mut tree = BrowsingContextTree::new();
    let top = tree.create_top_level("tab".into());
    let frame = tree
        .create_child(top, container(1), String::new())
        .expect("frame");
    assert_eq!(tree.window_name_getter(top), "tab");
    assert_eq!(tree.window_name_getter(frame), "");
    tree.window_name_setter(frame, "f".into());
    assert_eq!(tree.window_name_getter(frame), "f");
    assert_eq!(tree.child_by_name(top, "f"), Some(frame));
    tree.remove(frame);
    assert_eq!(tree.window_name_getter(frame), "");
    tree.window_name_setter(frame, "ignored".into());
    assert_eq!(tree.window_name_getter(frame), "");
}

#[test]
fn window_opener() {
    let mut tree = BrowsingContextTree::new();
    let tab = tree.create_top_level(String::new());
    let popup = tree
        .create_a_new_auxiliary_browsing_context(tab, String::new())
        .expect("popup");
    assert_eq!(tree.window_opener_getter(tab), None);
    assert_eq!(tree.window_opener_getter(popup), Some(tab));
    // The opener closes: window.opener still names it (its closed is then true).
    tree.remove(tab);
    assert_eq!(tree.window_opener_getter(popup), Some(tab));
    assert!(tree.window_closed_getter(tab));
    // window.opener = null disowns it.
    tree.window_opener_setter_null(popup);
    assert_eq!(tree.window_opener_getter(popup), None);
    assert_eq!(tree.window_opener_getter(BrowsingContextId(999)), None);
}

#[test]
fn script_closable_table() {
    let (mut tree, tab, frame, popup) = tab_frame_and_popup();
    let noopener_tab = tree.create_top_level(String::new());
    // (context, session history length, script-closable)
    let cases = [
        (tab, 1, true),
        (tab, 2, false),
        (popup, 1, true),
        (popup, 5, true),
        (noopener_tab, 1, true),
        (noopener_tab, 3, false),
        (frame, 1, false),
        (BrowsingContextId(999), 1, false),
    ];
    for (id, length, expected) in cases {
        assert_eq!(
            tree.is_script_closable(id, length),
            expected,
            "{id:?} {length}"
        );
    }
}

#[test]
fn window_close_steps_table() {
    // (description, this, incumbent, history length, same origin, outcome)
    let (mut tree, tab, frame, popup) = tab_frame_and_popup();
    let stranger = tree.create_top_level(String::new());
    type SameOrigin = fn(BrowsingContextId, BrowsingContextId) -> bool;
    let cases: [(
        &str,
        BrowsingContextId,
        BrowsingContextId,
        usize,
        SameOrigin,
        _,
    ); 8] = [
        (
            "a frame is not closed",
            frame,
            frame,
            1,
            all_same,
            WindowCloseOutcome::Ignored,
        ),
        (
            "a tab with history",
            tab,
            tab,
            2,
            all_same,
            WindowCloseOutcome::Ignored,
        ),
        (
            "a stranger",
            popup,
            stranger,
            1,
            none_same,
            WindowCloseOutcome::Ignored,
        ),
        (
            "unknown",
            BrowsingContextId(999),
            tab,
            1,
            all_same,
            WindowCloseOutcome::Ignored,
        ),
        // The popup's opener's frame is familiar with it (via the opener).
        (
            "popup by its opener's frame",
            popup,
            frame,
            3,
            none_same,
            WindowCloseOutcome::Closing,
        ),
        (
            "again: already closing",
            popup,
            frame,
            1,
            all_same,
            WindowCloseOutcome::Ignored,
        ),
        (
            "a tab by itself",
            tab,
            tab,
            1,
            none_same,
            WindowCloseOutcome::Closing,
        ),
        (
            "a same-origin stranger",
            stranger,
            tab,
            1,
            all_same,
            WindowCloseOutcome::Closing,
        ),
    ];
    for (label, this, incumbent, length, same_origin, expected) in cases {
        let outcome = tree.window_close_steps(this, incumbent, length, &same_origin);
        assert_eq!(outcome, expected, "{label}");
        if expected == WindowCloseOutcome::Closing {
            assert!(tree.window_closed_getter(this), "{label}: closed");
            assert!(tree.contains(this), "{label}: still in the tree");
        }
    }
    assert!(!tree.window_closed_getter(frame));
}

#[test]
fn closing_destroys_the_top_level_traversable() {
    let mut tree = BrowsingContextTree::new();
    let (tab, group) = tree.create_a_new_top_level_browsing_context(String::new());
    let frame = tree
        .create_child(tab, container(1), String::new())
        .expect("frame");
    let popup = tree
        .create_a_new_auxiliary_browsing_context(tab, String::new())
        .expect("popup");
    let popup_frame = tree
        .create_child(popup, container(2), String::new())
        .expect("popup frame");

    // A frame is no top-level traversable.
    assert_eq!(
        tree.destroy_a_top_level_traversable(frame),
        Err(TreeError::NotTopLevel(frame))
    );
    // The popup closes itself through window.close(); the queued task destroys it.
    let outcome = tree.window_close_steps(popup, popup, 1, &none_same);
    assert_eq!(outcome, WindowCloseOutcome::Closing);
    // A user closing it meanwhile changes nothing: it is already closing.
    assert_eq!(tree.close_a_top_level_traversable(popup), Ok(Vec::new()));
    assert_eq!(
        tree.definitely_close_a_top_level_traversable(popup),
        Ok(vec![popup, popup_frame])
    );
    assert!(tree.window_closed_getter(popup));
    assert!(tree.window_closed_getter(popup_frame));
    assert_eq!(tree.browsing_context_set(group), &[tab]);

    // The user closes the tab: it and its frame go, and the group with them.
    assert_eq!(
        tree.close_a_top_level_traversable(tab),
        Ok(vec![tab, frame])
    );
    assert!(tree.group(group).is_none());
    assert_eq!(tree.ids().count(), 0);
    assert_eq!(
        tree.close_a_top_level_traversable(tab),
        Err(TreeError::UnknownContext(tab))
    );
}
