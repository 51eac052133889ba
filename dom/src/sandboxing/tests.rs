use super::*;
use crate::ids::{DocumentId, NodeId};

use SandboxingFlag as F;

#[test]
fn empty_directive_sets_every_flag() {
    let all: SandboxingFlagSet = SandboxingFlag::ALL.into_iter().collect();
    assert_eq!(parse_a_sandboxing_directive(""), all);
    assert_eq!(parse_a_sandboxing_directive(" \t\n "), all);
    assert_eq!(parse_a_sandboxing_directive("allow-nothing bogus"), all);
}

#[test]
fn each_keyword_clears_its_flags() {
    // (keyword, the flags it leaves unset)
    let cases: [(&str, &[SandboxingFlag]); 13] = [
        (
            "allow-popups",
            &[F::AuxiliaryNavigation, F::CustomProtocolsNavigation],
        ),
        (
            "allow-top-navigation",
            &[
                F::TopLevelNavigationWithoutUserActivation,
                F::TopLevelNavigationWithUserActivation,
                F::CustomProtocolsNavigation,
            ],
        ),
        (
            "allow-top-navigation-by-user-activation",
            &[F::TopLevelNavigationWithUserActivation],
        ),
        ("allow-same-origin", &[F::Origin]),
        ("allow-forms", &[F::Forms]),
        ("allow-pointer-lock", &[F::PointerLock]),
        ("allow-scripts", &[F::Scripts, F::AutomaticFeatures]),
        (
            "allow-popups-to-escape-sandbox",
            &[F::PropagatesToAuxiliaryBrowsingContexts],
        ),
        ("allow-modals", &[F::Modals]),
        ("allow-orientation-lock", &[F::OrientationLock]),
        ("allow-presentation", &[F::Presentation]),
        ("allow-downloads", &[F::Downloads]),
        (
            "allow-top-navigation-to-custom-protocols",
            &[F::CustomProtocolsNavigation],
        ),
    ];
    for (keyword, cleared) in cases {
        assert!(SANDBOX_KEYWORDS.contains(&keyword), "{keyword}");
        let flags = parse_a_sandboxing_directive(keyword);
        for flag in SandboxingFlag::ALL {
            assert_eq!(
                flags.contains(flag),
                !cleared.contains(&flag),
                "{keyword}: {flag:?}"
            );
        }
    }
}

#[test]
fn flags_no_keyword_clears() {
    let every_keyword = SANDBOX_KEYWORDS.join(" ");
    let flags = parse_a_sandboxing_directive(&every_keyword);
    assert_eq!(
        flags.flags().collect::<Vec<_>>(),
        [F::Navigation, F::Plugins, F::DocumentDomain]
    );
}

#[test]
fn tokens_are_ascii_case_insensitive_and_split_on_ascii_whitespace() {
    let flags = parse_a_sandboxing_directive("\tALLOW-Scripts\nallow-SAME-origin\x0c");
    assert!(!flags.contains(F::Scripts));
    assert!(!flags.contains(F::Origin));
    // Not ASCII whitespace: U+00A0 joins two tokens into an unknown one.
    let flags = parse_a_sandboxing_directive("allow-scripts\u{a0}allow-forms");
    assert!(flags.contains(F::Scripts));
    assert!(flags.contains(F::Forms));
    // A non-ASCII lookalike (U+212A KELVIN SIGN) is no match.
    assert!(parse_a_sandboxing_directive("allow-\u{212a}cripts").contains(F::Scripts));
}

#[test]
fn determining_the_origin() {
    let url = |s: &str| Url::parse(s).expect("url");
    let parent = Origin::tuple("http", "a.test", None);
    let none = SandboxingFlagSet::EMPTY;
    let sandboxed = parse_a_sandboxing_directive("allow-scripts");
    let same_origin = parse_a_sandboxing_directive("allow-scripts allow-same-origin");
    // The sandboxed origin flag: always a new opaque origin, distinct each time.
    let a = determine_the_origin(Some(&url("http://b.test/")), sandboxed, Some(&parent));
    let b = determine_the_origin(Some(&url("http://b.test/")), sandboxed, Some(&parent));
    assert!(a.is_opaque() && b.is_opaque() && !a.is_same_origin(&b));
    assert!(determine_the_origin(Some(&url("about:srcdoc")), sandboxed, Some(&parent)).is_opaque());
    // No URL: opaque.
    assert!(determine_the_origin(None, none, Some(&parent)).is_opaque());
    // about:srcdoc and about:blank inherit; other URLs have their own origin.
    for flags in [none, same_origin] {
        for inherits in ["about:srcdoc", "about:blank", "about:blank#x"] {
            let origin = determine_the_origin(Some(&url(inherits)), flags, Some(&parent));
            assert!(origin.is_same_origin(&parent), "{inherits}");
        }
        let origin = determine_the_origin(Some(&url("http://b.test/x")), flags, Some(&parent));
        assert_eq!(origin.ascii_serialization(), "http://b.test");
    }
    // about:blank with no source origin: its URL's origin, opaque.
    assert!(determine_the_origin(Some(&url("about:blank")), none, None).is_opaque());
}

/// T (top) with child C (sandboxed: `flags` on its iframe) and C's child G; T's other
/// child S; and a popup P opened by C.
struct Fixture {
    tree: BrowsingContextTree,
    t: BrowsingContextId,
    c: BrowsingContextId,
    g: BrowsingContextId,
    s: BrowsingContextId,
    p: BrowsingContextId,
}

fn fixture(iframe_flags: SandboxingFlagSet) -> Fixture {
    let mut tree = BrowsingContextTree::new();
    let t = tree.create_top_level(String::new());
    let c = tree
        .create_child(t, (DocumentId(1), NodeId(1)), "c".into())
        .expect("c");
    tree.set_container_sandboxing_flags(c, iframe_flags, SandboxingFlagSet::EMPTY);
    let g = tree
        .create_child(c, (DocumentId(2), NodeId(1)), "g".into())
        .expect("g");
    tree.set_container_sandboxing_flags(g, SandboxingFlagSet::EMPTY, iframe_flags);
    let s = tree
        .create_child(t, (DocumentId(1), NodeId(2)), "s".into())
        .expect("s");
    let p = tree
        .create_a_new_auxiliary_browsing_context(c, "p".into())
        .expect("p");
    Fixture {
        tree,
        t,
        c,
        g,
        s,
        p,
    }
}

#[test]
fn creation_sandboxing_flags() {
    let sandboxed = parse_a_sandboxing_directive("allow-scripts");
    let mut f = fixture(sandboxed);
    assert_eq!(
        f.tree.determine_the_creation_sandboxing_flags(f.t),
        SandboxingFlagSet::EMPTY
    );
    assert_eq!(
        f.tree.determine_the_creation_sandboxing_flags(f.c),
        sandboxed
    );
    // The grandchild inherits its container's document's flags, with its own iframe's.
    f.tree
        .set_iframe_sandboxing_flag_set(f.g, parse_a_sandboxing_directive(""));
    assert_eq!(
        f.tree.determine_the_creation_sandboxing_flags(f.g),
        parse_a_sandboxing_directive("")
    );
    // A popup: its popup sandboxing flag set.
    assert_eq!(
        f.tree.determine_the_creation_sandboxing_flags(f.p),
        SandboxingFlagSet::EMPTY
    );
    f.tree.set_popup_sandboxing(f.p, sandboxed, Some(f.c));
    assert_eq!(
        f.tree.determine_the_creation_sandboxing_flags(f.p),
        sandboxed
    );
    // Unknown: empty.
    assert_eq!(
        f.tree
            .determine_the_creation_sandboxing_flags(BrowsingContextId(99)),
        SandboxingFlagSet::EMPTY
    );
}

#[test]
fn allowed_by_sandboxing_to_navigate_table() {
    let params = |sandbox: Option<&str>, activation: bool| SourceSnapshotParams {
        has_transient_activation: activation,
        sandboxing_flags: sandbox.map_or(SandboxingFlagSet::EMPTY, parse_a_sandboxing_directive),
    };
    let f = fixture(SandboxingFlagSet::EMPTY);
    let (t, c, g, s, p) = (f.t, f.c, f.g, f.s, f.p);
    // (source, target, sandbox of the source document, activation, allowed)
    let cases = [
        // Unsandboxed: everything.
        (c, t, None, false, true),
        (c, s, None, false, true),
        (c, p, None, false, true),
        // Itself and its descendants, always.
        (c, c, Some(""), false, true),
        (c, g, Some(""), false, true),
        // Its top-level ancestor: only with allow-top-navigation (or by user activation
        // with allow-top-navigation-by-user-activation).
        (c, t, Some("allow-scripts"), false, false),
        (g, t, Some("allow-scripts"), false, false),
        (c, t, Some("allow-top-navigation"), false, true),
        (
            c,
            t,
            Some("allow-top-navigation-by-user-activation"),
            false,
            false,
        ),
        (
            c,
            t,
            Some("allow-top-navigation-by-user-activation"),
            true,
            true,
        ),
        (c, t, Some("allow-scripts"), true, false),
        // A non-top-level ancestor: not when sandboxed (a deviation, see the function).
        (g, c, Some(""), false, false),
        (g, c, Some("allow-top-navigation"), false, false),
        (g, c, None, false, true),
        // A sibling, or another top-level traversable: not when sandboxed.
        (c, s, Some("allow-scripts allow-same-origin"), false, false),
        (c, p, Some("allow-popups"), false, false),
        (s, c, Some("allow-top-navigation"), false, false),
    ];
    for (source, target, sandbox, activation, expected) in cases {
        assert_eq!(
            f.tree
                .allowed_by_sandboxing_to_navigate(source, target, &params(sandbox, activation)),
            expected,
            "{source:?} -> {target:?} with {sandbox:?}, activation {activation}"
        );
    }
    // The one permitted sandboxed navigator of a popup may navigate it.
    let mut f = f;
    f.tree
        .set_popup_sandboxing(p, SandboxingFlagSet::EMPTY, Some(c));
    assert!(
        f.tree
            .allowed_by_sandboxing_to_navigate(c, p, &params(Some("allow-popups"), false))
    );
    assert!(
        !f.tree
            .allowed_by_sandboxing_to_navigate(g, p, &params(Some("allow-popups"), false))
    );
}
