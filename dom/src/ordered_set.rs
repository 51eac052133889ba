//! Ordered sets of strings as the DOM's token lists use them: the ordered set parser and
//! serializer, and the set operations `DOMTokenList` runs (append, remove, replace).
//!
//! Spec: <https://dom.spec.whatwg.org/#ordered-sets>,
//! <https://infra.spec.whatwg.org/#ordered-set>

use std::collections::HashSet;

/// The ordered set parser: the unique tokens of `input`, split on ASCII whitespace, in order
/// of first appearance.
///
/// Spec: <https://dom.spec.whatwg.org/#concept-ordered-set-parser>
pub fn ordered_set_parser(input: &str) -> Vec<String> {
    // 1. Let inputTokens be the result of splitting input on ASCII whitespace.
    let input_tokens = input
        .split(|c: char| c.is_ascii_whitespace())
        .filter(|token| !token.is_empty());
    // 2. Let tokens be a new ordered set.
    let mut tokens = Vec::new();
    // (A hash set of what is in tokens keeps this linear in the input's length.)
    let mut seen = HashSet::new();
    // 3. For each token of inputTokens, append token to tokens.
    for token in input_tokens {
        if seen.insert(token) {
            tokens.push(token.to_owned());
        }
    }
    // 4. Return tokens.
    tokens
}

/// The ordered set serializer: the set's strings joined by U+0020 SPACE.
///
/// Spec: <https://dom.spec.whatwg.org/#concept-ordered-set-serializer>
pub fn ordered_set_serializer(set: &[String]) -> String {
    set.join(" ")
}

/// Append to an ordered set: nothing if the set contains the item, otherwise a list append.
///
/// Spec: <https://infra.spec.whatwg.org/#set-append>
pub fn append(set: &mut Vec<String>, item: &str) {
    if !set.iter().any(|existing| existing == item) {
        set.push(item.to_owned());
    }
}

/// Remove from a list: every item equal to `item`.
///
/// Spec: <https://infra.spec.whatwg.org/#list-remove>
pub fn remove(set: &mut Vec<String>, item: &str) {
    set.retain(|existing| existing != item);
}

/// Replace within an ordered set: if `item` or `replacement` is in the set, the first
/// instance of either becomes `replacement` and every other instance of either is removed.
///
/// Spec: <https://infra.spec.whatwg.org/#set-replace>
pub fn replace(set: &mut Vec<String>, item: &str, replacement: &str) {
    let Some(first) = set
        .iter()
        .position(|existing| existing == item || existing == replacement)
    else {
        return;
    };
    let mut index = 0;
    set.retain(|existing| {
        let keep = index == first || (existing != item && existing != replacement);
        index += 1;
        keep
    });
    if let Some(slot) = set.get_mut(first) {
        *slot = replacement.to_owned();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn parser_splits_on_ascii_whitespace_and_drops_duplicates() {
        assert_eq!(
            ordered_set_parser("  a\tb\nc\u{c}a\rb  d "),
            set(&["a", "b", "c", "d"])
        );
        assert!(ordered_set_parser(" \t\n").is_empty());
        // U+00A0 is not ASCII whitespace; case matters.
        assert_eq!(
            ordered_set_parser("x\u{a0}y X x"),
            set(&["x\u{a0}y", "X", "x"])
        );
    }

    #[test]
    fn serializer_joins_with_spaces() {
        assert_eq!(ordered_set_serializer(&set(&["a", "b"])), "a b");
        assert_eq!(ordered_set_serializer(&[]), "");
    }

    #[test]
    fn append_and_remove() {
        let mut s = set(&["a", "b"]);
        append(&mut s, "a");
        append(&mut s, "c");
        assert_eq!(s, set(&["a", "b", "c"]));
        remove(&mut s, "b");
        remove(&mut s, "z");
        assert_eq!(s, set(&["a", "c"]));
    }

    #[test]
    fn replace_keeps_the_first_position_of_either() {
        let mut s = set(&["a", "b", "c"]);
        replace(&mut s, "b", "z");
        assert_eq!(s, set(&["a", "z", "c"]));
        let mut s = set(&["a", "b", "c"]);
        replace(&mut s, "c", "a");
        assert_eq!(s, set(&["a", "b"]));
        let mut s = set(&["a", "b", "c"]);
        replace(&mut s, "a", "c");
        assert_eq!(s, set(&["c", "b"]));
        let mut s = set(&["a"]);
        replace(&mut s, "x", "y");
        assert_eq!(s, set(&["a"]));
    }
}
