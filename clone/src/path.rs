//! Where in a value a walk failed, written the way a JS programmer would write it.
//!
//! Paths are only built when an error is reported: the walks keep their position as plain
//! indices and render it here, so the hot path allocates nothing for them.
//!
//! The root is `value`. Each property key after it is written as
//! - `[3]` when the key is an array index (a canonical decimal integer below 2³² − 1), on
//!   arrays and ordinary objects alike;
//! - `.name` when it is an ASCII identifier name (`[A-Za-z_$][A-Za-z0-9_$]*`);
//! - `["some key"]` otherwise, quoted as `JSON.stringify` would (lone surrogates as
//!   `\udXXX`).
//!
//! Inside other objects:
//! - a Map's key number `i` is `.keys()[i]`; its value is `.get(key)` when the key is a
//!   primitive (a String quoted as above), `.values()[i]` otherwise;
//! - a Set's entry number `i` is `.values()[i]`;
//! - a view's buffer is `.buffer`;
//! - a field a platform object's serialization steps set is `.[[Name]]`.

use crate::record::{RecordString, RecordValue};

/// The name of the root of every path.
pub(crate) const ROOT: &str = "value";

/// One step from an object to a value inside it.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Segment<'a> {
    /// A property key.
    Key(&'a RecordString),
    /// The key of a Map's entry number `.0`.
    MapKey(usize),
    /// The value of a Map's entry number `index`, whose serialized key is `key`.
    MapValue {
        /// The entry's position.
        index: usize,
        /// The entry's key, once serialized (to name a primitive key).
        key: Option<&'a RecordValue>,
    },
    /// A Set's entry number `.0`.
    SetEntry(usize),
    /// A view's `[[ViewedArrayBuffer]]`.
    ViewBuffer,
    /// A field set by a platform object's serialization steps.
    Field(&'a str),
}

/// Renders `value` followed by each segment, outermost first.
pub(crate) fn render_path<'a>(segments: impl IntoIterator<Item = Segment<'a>>) -> String {
    let mut out = String::from(ROOT);
    for segment in segments {
        match segment {
            Segment::Key(key) => push_segment(&mut out, key.as_units()),
            Segment::MapKey(index) => out.push_str(&format!(".keys()[{index}]")),
            Segment::MapValue { index, key } => push_map_value(&mut out, index, key),
            Segment::SetEntry(index) => out.push_str(&format!(".values()[{index}]")),
            Segment::ViewBuffer => out.push_str(".buffer"),
            Segment::Field(name) => out.push_str(&format!(".[[{name}]]")),
        }
    }
    out
}

/// Appends `.get(key)` for a primitive key, `.values()[index]` otherwise.
fn push_map_value(out: &mut String, index: usize, key: Option<&RecordValue>) {
    let literal = match key {
        Some(RecordValue::String(s)) => {
            let mut quoted = String::new();
            push_json_quoted(&mut quoted, s.as_units());
            quoted
        }
        Some(RecordValue::Number(n)) => format!("{n}"),
        Some(RecordValue::Boolean(b)) => format!("{b}"),
        Some(RecordValue::BigInt(digits)) => format!("{digits}n"),
        Some(RecordValue::Null) => "null".into(),
        Some(RecordValue::Undefined) => "undefined".into(),
        Some(RecordValue::Object(_)) | None => {
            out.push_str(&format!(".values()[{index}]"));
            return;
        }
    };
    out.push_str(&format!(".get({literal})"));
}

/// Appends one key as `[3]`, `.name` or `["key"]`.
fn push_segment(out: &mut String, key: &[u16]) {
    if is_array_index(key) {
        out.push('[');
        push_ascii(out, key);
        out.push(']');
    } else if is_identifier(key) {
        out.push('.');
        push_ascii(out, key);
    } else {
        out.push('[');
        push_json_quoted(out, key);
        out.push(']');
    }
}

/// Appends a key already known to be ASCII.
fn push_ascii(out: &mut String, key: &[u16]) {
    out.extend(key.iter().filter_map(|&u| char::from_u32(u32::from(u))));
}

/// Whether `key` is a canonical array index.
fn is_array_index(key: &[u16]) -> bool {
    array_index(key).is_some()
}

/// The array index `key` names, if it is a canonical one: `0`, or decimal digits without a
/// leading zero, whose value is below 2³² − 1.
pub(crate) fn array_index(key: &[u16]) -> Option<u32> {
    let all_digits = !key.is_empty() && key.iter().all(|&u| (0x30..=0x39).contains(&u));
    if !all_digits || (key.len() > 1 && key[0] == 0x30) || key.len() > 10 {
        return None;
    }
    let value = key
        .iter()
        .fold(0u64, |acc, &u| acc * 10 + u64::from(u - 0x30));
    u32::try_from(value).ok().filter(|&index| index < u32::MAX)
}

/// Whether `key` is an ASCII identifier name.
fn is_identifier(key: &[u16]) -> bool {
    let start = |u: u16| u == u16::from(b'_') || u == u16::from(b'$') || is_ascii_alpha(u);
    let part = |u: u16| start(u) || (0x30..=0x39).contains(&u);
    match key.split_first() {
        Some((&first, rest)) => start(first) && rest.iter().all(|&u| part(u)),
        None => false,
    }
}

/// Whether `u` is an ASCII letter.
fn is_ascii_alpha(u: u16) -> bool {
    u8::try_from(u).is_ok_and(|b| b.is_ascii_alphabetic())
}

/// Appends `key` as a JSON string literal, escaping as `JSON.stringify` does.
fn push_json_quoted(out: &mut String, key: &[u16]) {
    out.push('"');
    for unit in char::decode_utf16(key.iter().copied()) {
        match unit {
            Ok('"') => out.push_str("\\\""),
            Ok('\\') => out.push_str("\\\\"),
            Ok('\n') => out.push_str("\\n"),
            Ok('\r') => out.push_str("\\r"),
            Ok('\t') => out.push_str("\\t"),
            Ok('\u{8}') => out.push_str("\\b"),
            Ok('\u{c}') => out.push_str("\\f"),
            Ok(c) if u32::from(c) < 0x20 => push_unicode_escape(out, u32::from(c)),
            Ok(c) => out.push(c),
            Err(lone) => push_unicode_escape(out, u32::from(lone.unpaired_surrogate())),
        }
    }
    out.push('"');
}

/// Appends `\uXXXX` (lowercase hex).
fn push_unicode_escape(out: &mut String, unit: u32) {
    out.push_str(&format!("\\u{unit:04x}"));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(keys: &[RecordString]) -> String {
        render_path(keys.iter().map(Segment::Key))
    }

    #[test]
    fn root_alone() {
        assert_eq!(path(&[]), "value");
    }

    #[test]
    fn identifiers_indices_and_quoted_keys() {
        let keys = [
            RecordString::from("items"),
            RecordString::from("3"),
            RecordString::from("$handler_2"),
            RecordString::from("some key"),
            RecordString::from("03"),
            RecordString::from("4294967295"),
            RecordString::from("4294967294"),
            RecordString::from(""),
            RecordString::from("2x"),
        ];
        assert_eq!(
            path(&keys),
            r#"value.items[3].$handler_2["some key"]["03"]["4294967295"][4294967294][""]["2x"]"#
        );
    }

    #[test]
    fn map_set_view_and_field_segments() {
        let key = RecordValue::String(RecordString::from("k0"));
        let number = RecordValue::Number(1.5);
        let object = RecordValue::Object(crate::record::ObjectIndex(0));
        let segments = [
            Segment::MapValue {
                index: 0,
                key: Some(&key),
            },
            Segment::MapValue {
                index: 1,
                key: Some(&number),
            },
            Segment::MapValue {
                index: 2,
                key: Some(&object),
            },
            Segment::MapKey(3),
            Segment::SetEntry(4),
            Segment::ViewBuffer,
            Segment::Field("Message"),
        ];
        assert_eq!(
            render_path(segments),
            r#"value.get("k0").get(1.5).values()[2].keys()[3].values()[4].buffer.[[Message]]"#
        );
    }

    #[test]
    fn json_escapes() {
        let mut units: Vec<u16> = "a\"\\\n\u{1}é😀".encode_utf16().collect();
        units.push(0xD800);
        assert_eq!(
            path(&[RecordString::from(units)]),
            r#"value["a\"\\\n\u0001é😀\ud800"]"#
        );
    }
}
