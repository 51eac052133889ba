//! A small selector matcher for `querySelector(All)`: lists of compound selectors made of a
//! type selector (or `*`), `#id`, `.class`, `[attr]` and `[attr=value]`.
//!
//! Spec: <https://dom.spec.whatwg.org/#scope-match-a-selectors-string>
//!
//! TODO(spec): full Selectors Level 4 (combinators, pseudo-classes, other attribute
//! operators); a later issue uses a selector crate.

use postern_dom::{Document, HTML_NAMESPACE, NodeId};

/// One simple selector of a compound selector.
#[derive(Debug, PartialEq)]
enum Simple {
    Type(String),
    Id(String),
    Class(String),
    Attribute(String, Option<String>),
}

/// Scope-match a selectors string: the elements among `root`'s descendants, in tree order,
/// that match `selectors`; `None` when the string is not one this matcher understands (the
/// binding throws a "SyntaxError" DOMException).
pub(crate) fn scope_match_a_selectors_string(
    document: &Document,
    root: NodeId,
    selectors: &str,
) -> Option<Vec<NodeId>> {
    // 1. Let s be the result of parse a selector selectors.
    // 2. If s is failure, then throw a "SyntaxError" DOMException.
    let list = selectors
        .split(',')
        .map(parse_compound)
        .collect::<Option<Vec<_>>>()?;
    // 3. Return the result of match a selector against a tree with s and node's root, using
    //    scoping root node (only descendants of node match).
    Some(
        document
            .descendants(root)
            .filter(|&e| document.is_element(e))
            .filter(|&e| {
                list.iter()
                    .any(|c| c.iter().all(|s| matches(document, e, s)))
            })
            .collect(),
    )
}

fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || c == '_' || c >= '\u{80}'
}

/// Takes a name (identifier) off the front of `rest`.
fn take_name<'a>(rest: &mut &'a str) -> Option<&'a str> {
    let end = rest.find(|c: char| !is_name_char(c)).unwrap_or(rest.len());
    if end == 0 {
        return None;
    }
    let (name, tail) = rest.split_at(end);
    *rest = tail;
    Some(name)
}

fn parse_compound(selector: &str) -> Option<Vec<Simple>> {
    let mut rest = selector.trim();
    if rest.is_empty() {
        return None;
    }
    let mut simples = Vec::new();
    if let Some(tail) = rest.strip_prefix('*') {
        rest = tail;
    } else if rest.starts_with(is_name_char) {
        simples.push(Simple::Type(take_name(&mut rest)?.to_ascii_lowercase()));
    }
    while let Some(first) = rest.chars().next() {
        rest = &rest[first.len_utf8()..];
        match first {
            '#' => simples.push(Simple::Id(take_name(&mut rest)?.to_string())),
            '.' => simples.push(Simple::Class(take_name(&mut rest)?.to_string())),
            '[' => {
                let close = rest.find(']')?;
                let (inside, tail) = rest.split_at(close);
                rest = &tail[1..];
                simples.push(parse_attribute(inside)?);
            }
            _ => return None,
        }
    }
    Some(simples)
}

fn parse_attribute(inside: &str) -> Option<Simple> {
    let (name, value) = match inside.split_once('=') {
        Some((name, value)) => (name.trim(), Some(value.trim())),
        None => (inside.trim(), None),
    };
    let mut name_rest = name;
    let parsed = take_name(&mut name_rest)?;
    if !name_rest.is_empty() {
        return None;
    }
    let value = match value {
        None => None,
        Some(v) => {
            let unquoted = ['"', '\'']
                .iter()
                .find_map(|q| v.strip_prefix(*q).and_then(|v| v.strip_suffix(*q)));
            match unquoted {
                Some(u) => Some(u.to_string()),
                None if !v.is_empty() && v.chars().all(is_name_char) => Some(v.to_string()),
                None => return None,
            }
        }
    };
    Some(Simple::Attribute(parsed.to_ascii_lowercase(), value))
}

fn matches(document: &Document, element: NodeId, simple: &Simple) -> bool {
    match simple {
        Simple::Type(name) => {
            let html = document.namespace(element) == Some(HTML_NAMESPACE);
            document.local_name(element).is_some_and(|l| {
                if html {
                    l == name
                } else {
                    l.eq_ignore_ascii_case(name)
                }
            })
        }
        Simple::Id(id) => document.element_id(element) == Some(id.as_str()),
        Simple::Class(class) => document
            .get_attribute(element, "class")
            .is_some_and(|c| c.split_ascii_whitespace().any(|c| c == class)),
        Simple::Attribute(name, value) => match (document.get_attribute(element, name), value) {
            (Some(_), None) => true,
            (Some(actual), Some(expected)) => actual == expected,
            (None, _) => false,
        },
    }
}
