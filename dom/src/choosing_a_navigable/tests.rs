use std::collections::HashMap;

use super::*;
use crate::ids::{DocumentId, NodeId};
use crate::sandboxing::parse_a_sandboxing_directive;

#[test]
fn valid_target_names_table() {
    // (name, valid navigable target name, ... or keyword)
    let cases = [
        ("", false, false),
        ("a", true, true),
        ("frame 1", true, true),
        (" _a", true, true),
        ("_a", false, false),
        ("_", false, false),
        ("_blank", false, true),
        ("_BLANK", false, true),
        ("_Self", false, true),
        ("_parent", false, true),
        ("_top", false, true),
        ("_unfencedTop", false, false),
        ("a\nb", true, true),
        ("a<b", true, true),
        ("a\n<b", false, false),
        ("<\tb", false, false),
        ("a\r<", false, false),
    ];
    for (name, valid, valid_or_keyword) in cases {
        assert_eq!(is_valid_navigable_target_name(name), valid, "{name:?}");
        assert_eq!(
            is_valid_navigable_target_name_or_keyword(name),
            valid_or_keyword,
            "{name:?}"
        );
    }
}

/// The tree the tables use, and each context's active document's origin (as a label).
struct Fixture {
    tree: BrowsingContextTree,
    origins: HashMap<BrowsingContextId, &'static str>,
    ids: HashMap<&'static str, BrowsingContextId>,
}

impl Fixture {
    /// Group 1: tab T (a.test) with frames F1 "frame1" (a.test; child F1a "inner",
    /// b.test) and F2 "frame2" (b.test); popup P "popup" (c.test, opened by T; child P1
    /// "pframe", c.test); Q "q" (d.test, in T's group, not auxiliary). Group 2: tab O
    /// "other" (a.test).
    fn new() -> Fixture {
        let mut tree = BrowsingContextTree::new();
        let mut doc = 0;
        let mut container = move || {
            doc += 1;
            (DocumentId(doc), NodeId(1))
        };
        let t = tree.create_top_level(String::new());
        let f1 = tree
            .create_child(t, container(), "frame1".into())
            .expect("f1");
        let f1a = tree
            .create_child(f1, container(), "inner".into())
            .expect("f1a");
        let f2 = tree
            .create_child(t, container(), "frame2".into())
            .expect("f2");
        let p = tree
            .create_a_new_auxiliary_browsing_context(t, "popup".into())
            .expect("p");
        let p1 = tree
            .create_child(p, container(), "pframe".into())
            .expect("p1");
        let group = tree.group_of(t).expect("group");
        let q = tree
            .create_top_level_in_group(group, "q".into())
            .expect("q");
        let o = tree.create_top_level("other".into());
        let ids = HashMap::from([
            ("T", t),
            ("F1", f1),
            ("F1a", f1a),
            ("F2", f2),
            ("P", p),
            ("P1", p1),
            ("Q", q),
            ("O", o),
        ]);
        let origins = HashMap::from([
            (t, "a.test"),
            (f1, "a.test"),
            (f1a, "b.test"),
            (f2, "b.test"),
            (p, "c.test"),
            (p1, "c.test"),
            (q, "d.test"),
            (o, "a.test"),
        ]);
        Fixture { tree, origins, ids }
    }

    fn id(&self, label: &str) -> BrowsingContextId {
        self.ids.get(label).copied().expect("known label")
    }

    fn same_origin(&self, a: BrowsingContextId, b: BrowsingContextId) -> bool {
        matches!((self.origins.get(&a), self.origins.get(&b)), (Some(x), Some(y)) if x == y)
    }

    fn choose(&self, name: &str, current: &str, noopener: bool) -> ChosenNavigable {
        let same_origin = |a, b| self.same_origin(a, b);
        let context = NavigableChoiceContext::new(&same_origin);
        the_rules_for_choosing_a_navigable(&self.tree, name, self.id(current), noopener, &context)
            .expect("known current")
    }
}

#[test]
fn choosing_a_navigable_table() {
    let fixture = Fixture::new();
    let existing = |label: &str| ChosenNavigable::Existing(fixture.id(label));
    let new = |noopener: bool, target_name: &str| {
        ChosenNavigable::CreateNew(NewTraversable {
            noopener,
            target_name: target_name.into(),
            popup_sandboxing_flag_set: SandboxingFlagSet::EMPTY,
            one_permitted_sandboxed_navigator: None,
        })
    };
    // (name, current, noopener, expected)
    let cases = [
        ("", "F1", false, existing("F1")),
        ("_self", "F1", false, existing("F1")),
        ("_SELF", "F1", true, existing("F1")),
        ("_parent", "F1a", false, existing("F1")),
        ("_Parent", "T", false, existing("T")),
        ("_top", "F1a", false, existing("T")),
        ("_top", "P1", false, existing("P")),
        ("_blank", "F1", false, new(false, "")),
        ("_BLANK", "F1", true, new(true, "")),
        // The current navigable's subtree, then its ancestors'.
        ("inner", "F1", false, existing("F1a")),
        ("frame1", "F1", false, existing("F1")),
        ("frame2", "F1a", false, existing("F2")),
        ("inner", "F2", false, existing("F1a")),
        // Names are case-sensitive; keywords are not.
        ("FRAME2", "F1", false, new(false, "FRAME2")),
        // Other top-levels of the group: P is auxiliary, opened by T, and F1's top is T.
        ("popup", "F1", false, existing("P")),
        ("popup", "F1a", true, existing("P")),
        // P1 is a child of a cross-origin popup: F1 is not familiar with it.
        ("pframe", "F1", false, new(false, "pframe")),
        // Q is neither auxiliary nor same origin with T.
        ("q", "T", false, new(false, "q")),
        // O is in another group, though same origin.
        ("other", "T", false, new(false, "other")),
        // From the popup back into the opener's tab: T is not familiar from P (P is
        // cross-origin with T, and T is not auxiliary), nor are T's frames.
        ("frame1", "P", false, new(false, "frame1")),
        ("_unknown", "F1", false, new(false, "_unknown")),
        ("nobody", "F1", true, new(true, "nobody")),
    ];
    for (name, current, noopener, expected) in cases {
        let chosen = fixture.choose(name, current, noopener);
        assert_eq!(
            chosen, expected,
            "{name:?} from {current}, noopener {noopener}"
        );
    }
}

#[test]
fn same_origin_makes_other_top_levels_familiar() {
    let mut fixture = Fixture::new();
    fixture.origins.insert(fixture.id("Q"), "a.test");
    fixture.origins.insert(fixture.id("P1"), "a.test");
    assert_eq!(
        fixture.choose("q", "T", false),
        ChosenNavigable::Existing(fixture.id("Q"))
    );
    assert_eq!(
        fixture.choose("pframe", "F1", false),
        ChosenNavigable::Existing(fixture.id("P1"))
    );
}

#[test]
fn nearest_subtree_wins() {
    let mut tree = BrowsingContextTree::new();
    let top = tree.create_top_level(String::new());
    let left = tree
        .create_child(top, (DocumentId(1), NodeId(1)), String::new())
        .expect("left");
    let right = tree
        .create_child(top, (DocumentId(1), NodeId(2)), String::new())
        .expect("right");
    let left_dup = tree
        .create_child(left, (DocumentId(2), NodeId(1)), "dup".into())
        .expect("left dup");
    let right_dup = tree
        .create_child(right, (DocumentId(3), NodeId(1)), "dup".into())
        .expect("right dup");
    let never = |_, _| false;
    let context = NavigableChoiceContext::new(&never);
    let find = |current| find_a_navigable_by_target_name(&tree, "dup", current, &context);
    assert_eq!(find(left), Some(left_dup));
    assert_eq!(find(right), Some(right_dup));
    // From the top, tree order.
    assert_eq!(find(top), Some(left_dup));
}

#[test]
fn blocked_popups_and_unknown_contexts() {
    let fixture = Fixture::new();
    let same_origin = |a, b| fixture.same_origin(a, b);
    let blocked = NavigableChoiceContext {
        may_create_new_top_level: false,
        ..NavigableChoiceContext::new(&same_origin)
    };
    let sandboxed = NavigableChoiceContext {
        sandboxing_flags: parse_a_sandboxing_directive("allow-scripts allow-same-origin"),
        ..NavigableChoiceContext::new(&same_origin)
    };
    let f1 = fixture.id("F1");
    for (context, is_sandboxed) in [(blocked, false), (sandboxed, true)] {
        let choose =
            |name| the_rules_for_choosing_a_navigable(&fixture.tree, name, f1, false, &context);
        assert_eq!(choose("_blank"), Ok(ChosenNavigable::None));
        assert_eq!(choose("nobody"), Ok(ChosenNavigable::None));
        // Existing navigables are still found, unless the sandbox keeps F1 from navigating
        // its sibling (then a popup is requested, and blocked).
        let frame2 = if is_sandboxed {
            ChosenNavigable::None
        } else {
            ChosenNavigable::Existing(fixture.id("F2"))
        };
        assert_eq!(choose("frame2"), Ok(frame2));
        // Its own child and its top are found whatever the flags.
        assert_eq!(
            choose("inner"),
            Ok(ChosenNavigable::Existing(fixture.id("F1a")))
        );
        assert_eq!(
            choose("_top"),
            Ok(ChosenNavigable::Existing(fixture.id("T")))
        );
    }
    let unknown = BrowsingContextId(999);
    assert_eq!(
        the_rules_for_choosing_a_navigable(
            &fixture.tree,
            "",
            unknown,
            false,
            &NavigableChoiceContext::new(&same_origin)
        ),
        Err(TreeError::UnknownContext(unknown))
    );
    assert_eq!(
        ChosenNavigable::None.window_type(),
        WindowType::ExistingOrNone
    );
    assert_eq!(
        fixture.choose("_blank", "T", false).window_type(),
        WindowType::NewAndUnrestricted
    );
}

#[test]
fn familiar_with_table() {
    let fixture = Fixture::new();
    let same_origin = |a, b| fixture.same_origin(a, b);
    // (A, B, A is familiar with B)
    let cases = [
        ("T", "T", true),
        ("T", "F1", true),   // same origin
        ("T", "F2", true),   // B's ancestor T is A itself
        ("T", "F1a", true),  // B's ancestor F1 is same origin with A
        ("F2", "T", true),   // A's top-level is B
        ("F1a", "T", true),  // A's top-level is B
        ("F2", "F1", false), // cross-origin, F1's ancestors are T (a.test)
        ("F2", "F1a", true), // same origin (b.test)
        ("T", "P", true),    // P is auxiliary, opened by T
        ("F1a", "P", true),  // ... and F1a is familiar with T
        ("T", "P1", false),  // P1's ancestor P is cross-origin; P1 not auxiliary
        ("P", "T", false),   // T is neither auxiliary nor same origin
        ("P1", "P", true),   // same origin
        ("T", "Q", false),
        ("T", "O", true), // same origin, though another group
    ];
    for (a, b, expected) in cases {
        assert_eq!(
            is_familiar_with(&fixture.tree, fixture.id(a), fixture.id(b), &same_origin),
            expected,
            "{a} familiar with {b}"
        );
    }
}

#[test]
fn familiar_with_survives_opener_cycles() {
    let mut tree = BrowsingContextTree::new();
    let a = tree.create_top_level(String::new());
    let b = tree
        .create_a_new_auxiliary_browsing_context(a, String::new())
        .expect("b");
    let c = tree
        .create_a_new_auxiliary_browsing_context(b, String::new())
        .expect("c");
    tree.set_opener(b, Some(c)).expect("cycle");
    let other = tree.create_top_level(String::new());
    let never = |_, _| false;
    assert!(!is_familiar_with(&tree, other, c, &never));
}

#[test]
fn popups_of_sandboxed_documents() {
    let fixture = Fixture::new();
    let same_origin = |a, b| fixture.same_origin(a, b);
    let f1 = fixture.id("F1");
    let choose = |sandbox: &str, noopener: bool| {
        let context = NavigableChoiceContext {
            sandboxing_flags: parse_a_sandboxing_directive(sandbox),
            ..NavigableChoiceContext::new(&same_origin)
        };
        the_rules_for_choosing_a_navigable(&fixture.tree, "_blank", f1, noopener, &context)
    };
    // allow-popups: the popup inherits every flag, and its creator may navigate it.
    let flags = parse_a_sandboxing_directive("allow-scripts allow-popups");
    assert_eq!(
        choose("allow-scripts allow-popups", false),
        Ok(ChosenNavigable::CreateNew(NewTraversable {
            noopener: false,
            target_name: String::new(),
            popup_sandboxing_flag_set: flags,
            one_permitted_sandboxed_navigator: Some(f1),
        }))
    );
    // allow-popups-to-escape-sandbox: no flags propagate.
    assert_eq!(
        choose("allow-popups allow-popups-to-escape-sandbox", true),
        Ok(ChosenNavigable::CreateNew(NewTraversable {
            noopener: true,
            target_name: String::new(),
            popup_sandboxing_flag_set: SandboxingFlagSet::EMPTY,
            one_permitted_sandboxed_navigator: None,
        }))
    );
    // No allow-popups: blocked.
    assert_eq!(choose("allow-scripts", false), Ok(ChosenNavigable::None));
}
