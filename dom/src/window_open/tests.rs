use super::*;
use crate::choosing_a_navigable::WindowType;

fn pairs(list: &[(&str, &str)]) -> TokenizedFeatures {
    list.iter()
        .map(|&(n, v)| (n.to_owned(), v.to_owned()))
        .collect()
}

#[test]
fn tokenize_the_features_table() {
    let cases: &[(&str, &[(&str, &str)])] = &[
        ("", &[]),
        ("   ", &[]),
        (",,=,", &[]),
        ("noopener", &[("noopener", "")]),
        ("noopener=0", &[("noopener", "0")]),
        (
            "width=100,height=200",
            &[("width", "100"), ("height", "200")],
        ),
        (
            " width = 100 , height=200 ",
            &[("width", "100"), ("height", "200")],
        ),
        ("width 100", &[("width", ""), ("100", "")]),
        ("\twidth\n=\r100\x0c", &[("width", "100")]),
        // Whitespace separates features unless an = follows.
        ("a b", &[("a", ""), ("b", "")]),
        ("a = b c", &[("a", "b"), ("c", "")]),
        // A comma ends a feature: no skipping past it for the value.
        ("a,=b", &[("a", ""), ("b", "")]),
        ("a = , b", &[("a", ""), ("b", "")]),
        ("a=,b=1", &[("a", ""), ("b", "1")]),
        // The value stops at the next separator.
        ("a=b=c", &[("a", "b"), ("c", "")]),
        ("=x", &[("x", "")]),
        // Names and values are ASCII-lowercased; others are kept.
        ("NoOpener=YES", &[("noopener", "yes")]),
        ("POPUP=Ä", &[("popup", "Ä")]),
        // Legacy aliases.
        (
            "screenX=1,screeny=2,innerWidth=3,INNERHEIGHT=4",
            &[("left", "1"), ("top", "2"), ("width", "3"), ("height", "4")],
        ),
        // A repeated name keeps its first place and takes the last value.
        ("a=1,b=2,a=3", &[("a", "3"), ("b", "2")]),
        ("noopener,noopener=0", &[("noopener", "0")]),
        // U+00A0 is not ASCII whitespace: part of the name.
        ("a\u{a0}b", &[("a\u{a0}b", "")]),
    ];
    for &(input, expected) in cases {
        assert_eq!(tokenize_the_features(input), pairs(expected), "{input:?}");
    }
}

#[test]
fn parse_a_boolean_feature_table() {
    let cases = [
        ("", true),
        ("yes", true),
        ("true", true),
        ("1", true),
        ("-1", true),
        ("+2", true),
        (" 1", true),
        ("1abc", true),
        ("99999999999999999999999", true),
        ("0", false),
        ("00", false),
        ("-0", false),
        ("0x1", false),
        ("no", false),
        ("false", false),
        ("abc", false),
        ("-", false),
        (" ", false),
        // Tokenizing lowercases; this function alone does not.
        ("YES", false),
    ];
    for (value, expected) in cases {
        assert_eq!(parse_a_boolean_feature(value), expected, "{value:?}");
    }
}

#[test]
fn rules_for_parsing_integers_table() {
    let cases = [
        ("0", Some(0)),
        ("42", Some(42)),
        ("  \t42px", Some(42)),
        ("-7", Some(-7)),
        ("+7", Some(7)),
        ("99999999999999999999", Some(i64::MAX)),
        ("-99999999999999999999", Some(-i64::MAX)),
        ("", None),
        ("   ", None),
        ("-", None),
        ("+", None),
        ("- 1", None),
        ("x1", None),
        ("\u{a0}1", None),
    ];
    for (input, expected) in cases {
        assert_eq!(rules_for_parsing_integers(input), expected, "{input:?}");
    }
}

#[test]
fn check_if_a_popup_window_is_requested_table() {
    let cases = [
        ("", false),
        ("popup", true),
        ("popup=yes", true),
        ("popup=1", true),
        ("popup=true", true),
        ("popup=0", false),
        ("popup=no", false),
        ("popup=0,width=100", false),
        ("width=100", true),
        ("width=100,height=100,left=0,top=0", true),
        ("location", true),
        ("toolbar", true),
        ("location,toolbar", true),
        ("location,menubar", true),
        ("location,menubar,scrollbars", true),
        ("location,menubar,scrollbars,status", false),
        ("toolbar,menubar,scrollbars,status", false),
        ("location,menubar,scrollbars,status,resizable=0", true),
        ("location,menubar,scrollbars,status,resizable", false),
        ("location=yes,menubar=yes,scrollbars=yes,status=yes", false),
        ("location=no,toolbar=no,menubar,scrollbars,status", true),
        ("location,menubar,scrollbars,status,popup", true),
    ];
    for (features, expected) in cases {
        let tokenized = tokenize_the_features(features);
        assert_eq!(
            check_if_a_popup_window_is_requested(&tokenized),
            expected,
            "{features:?}"
        );
    }
}

/// (target, features, target after, noopener, noreferrer, popup, remaining features)
type OpenCase = (
    &'static str,
    &'static str,
    &'static str,
    bool,
    bool,
    bool,
    &'static [(&'static str, &'static str)],
);

#[test]
fn window_open_target_and_features_table() {
    // (target, features, target after, noopener, noreferrer, popup, remaining features)
    let cases: &[OpenCase] = &[
        ("", "", "_blank", false, false, false, &[]),
        ("name", "", "name", false, false, false, &[]),
        ("_self", "noopener", "_self", true, false, false, &[]),
        ("", "noopener", "_blank", true, false, false, &[]),
        ("", "noopener=0", "_blank", false, false, false, &[]),
        ("", "noopener=no", "_blank", false, false, false, &[]),
        ("", "NOOPENER=YES", "_blank", true, false, false, &[]),
        ("", "noreferrer", "_blank", true, true, false, &[]),
        ("", "noreferrer=0", "_blank", false, false, false, &[]),
        (
            "",
            "noopener=0,noreferrer",
            "_blank",
            true,
            true,
            false,
            &[],
        ),
        (
            "",
            "noopener,popup",
            "_blank",
            true,
            false,
            true,
            &[("popup", "")],
        ),
        (
            "w",
            "width=200,noopener,height=100",
            "w",
            true,
            false,
            true,
            &[("width", "200"), ("height", "100")],
        ),
        (
            "",
            "popup=0,noreferrer",
            "_blank",
            true,
            true,
            false,
            &[("popup", "0")],
        ),
    ];
    for &(target, features, target_after, noopener, noreferrer, popup, rest) in cases {
        let request = window_open_target_and_features(target, features);
        let label = format!("{target:?} {features:?}");
        assert_eq!(request.target, target_after, "{label}");
        assert_eq!(request.noopener, noopener, "{label}");
        assert_eq!(request.noreferrer, noreferrer, "{label}");
        let policy = if noreferrer { "no-referrer" } else { "" };
        assert_eq!(request.referrer_policy, policy, "{label}");
        assert_eq!(request.is_popup(), popup, "{label}");
        assert_eq!(request.tokenized_features, pairs(rest), "{label}");
    }
}

#[test]
fn window_open_return_value() {
    assert!(!window_open_returns_null(false, WindowType::ExistingOrNone));
    assert!(!window_open_returns_null(
        false,
        WindowType::NewAndUnrestricted
    ));
    assert!(window_open_returns_null(false, WindowType::NewWithNoOpener));
    assert!(window_open_returns_null(true, WindowType::ExistingOrNone));
    assert!(window_open_returns_null(
        true,
        WindowType::NewAndUnrestricted
    ));
}

#[test]
fn feature_lookup() {
    let features = tokenize_the_features("a=1,b");
    assert_eq!(get_feature(&features, "a"), Some("1"));
    assert_eq!(get_feature(&features, "b"), Some(""));
    assert_eq!(get_feature(&features, "c"), None);
    assert!(check_if_a_window_feature_is_set(&features, "b", false));
    assert!(check_if_a_window_feature_is_set(&features, "c", true));
    assert!(!check_if_a_window_feature_is_set(&features, "c", false));
    assert_eq!(normalize_the_feature_name("screenx"), "left");
    assert_eq!(normalize_the_feature_name("screenX"), "screenX");
}
