//! The text `JSON.stringify` builds: one buffer of UTF-16 code units that every level
//! appends to, bounded by the maximum string length, and the string quoting steps that
//! write into it.

use boa_engine::JsResult;
use boa_engine::string::JsStrVariant;
use boa_engine::{JsNativeError, JsString};

use crate::html::scripting::string_length::{MAX_STRING_LENGTH, invalid_string_length};

/// The longest text, in code units ([`MAX_STRING_LENGTH`] fits in a usize on every target
/// Postern builds for).
const MAX_UNITS: usize = MAX_STRING_LENGTH as usize;

/// A growing JSON text, never longer than the maximum string length.
#[derive(Default)]
pub(super) struct Output {
    units: Vec<u16>,
}

impl Output {
    /// How many code units have been written.
    #[cfg(test)]
    fn len(&self) -> usize {
        self.units.len()
    }

    /// The text written so far, as a string.
    pub(super) fn into_string(self) -> JsString {
        JsString::from(self.units.as_slice())
    }

    /// Makes room for `additional` more code units, or the RangeError browsers throw for a
    /// string past the maximum length. The buffer doubles as it grows, but never past the
    /// maximum.
    fn reserve(&mut self, additional: usize) -> JsResult<()> {
        let needed = self
            .units
            .len()
            .checked_add(additional)
            .filter(|&n| n <= MAX_UNITS)
            .ok_or_else(invalid_string_length)?;
        if needed <= self.units.capacity() {
            return Ok(());
        }
        let target = needed
            .max(self.units.capacity().saturating_mul(2))
            .min(MAX_UNITS);
        self.units
            .try_reserve_exact(target - self.units.len())
            .map_err(|_| {
                // Deviation: a browser's process would run out of memory here; the task
                // gets a RangeError instead.
                JsNativeError::range()
                    .with_message("Invalid string length: out of memory")
                    .into()
            })
    }

    /// Appends ASCII text.
    pub(super) fn push_ascii(&mut self, text: &str) -> JsResult<()> {
        self.reserve(text.len())?;
        self.units.extend(text.bytes().map(u16::from));
        Ok(())
    }

    /// Appends one ASCII character.
    pub(super) fn push_char(&mut self, c: u8) -> JsResult<()> {
        self.reserve(1)?;
        self.units.push(u16::from(c));
        Ok(())
    }

    /// Appends a string as it is.
    pub(super) fn push_string(&mut self, string: &JsString) -> JsResult<()> {
        self.reserve(string.len())?;
        match string.variant() {
            JsStrVariant::Latin1(bytes) => self.units.extend(bytes.iter().map(|&b| u16::from(b))),
            JsStrVariant::Utf16(units) => self.units.extend_from_slice(units),
        }
        Ok(())
    }

    /// Appends a line feed and `depth` copies of `gap` (an indentation of the spec's
    /// state.[[Indent]], which is `depth` gaps long): never built as a string of its own.
    pub(super) fn push_newline_and_indent(&mut self, gap: &[u16], depth: usize) -> JsResult<()> {
        let indent = gap
            .len()
            .checked_mul(depth)
            .ok_or_else(invalid_string_length)?;
        self.reserve(indent.saturating_add(1))?;
        self.units.push(u16::from(b'\n'));
        if depth == 0 || gap.is_empty() {
            return Ok(());
        }
        // (One gap, then the indentation written so far copied after itself until it is
        // long enough: a few large copies rather than `depth` small ones.)
        let start = self.units.len();
        self.units.extend_from_slice(gap);
        while self.units.len() - start < indent {
            let written = self.units.len() - start;
            let chunk = written.min(indent - written);
            self.units.extend_from_within(start..start + chunk);
        }
        Ok(())
    }

    /// Appends QuoteJSONString(value).
    ///
    /// Spec: <https://tc39.es/ecma262/#sec-quotejsonstring>
    pub(super) fn quote_json_string(&mut self, value: &JsString) -> JsResult<()> {
        // (The quoted length is known first, so the text is checked and reserved once.)
        let quoted_len = match value.variant() {
            JsStrVariant::Latin1(bytes) => bytes.iter().map(|&b| escaped_len(u16::from(b))).sum(),
            JsStrVariant::Utf16(units) => utf16_quoted_len(units),
        };
        self.reserve(quoted_len + 2)?;
        // 1. Let product be the String value consisting solely of the code unit 0x0022
        //    (QUOTATION MARK).
        self.units.push(u16::from(b'"'));
        // 2. For each code point C of StringToCodePoints(value), do
        match value.variant() {
            JsStrVariant::Latin1(bytes) => {
                for &b in bytes {
                    self.push_code_unit(u16::from(b));
                }
            }
            JsStrVariant::Utf16(units) => {
                let mut i = 0;
                while i < units.len() {
                    let unit = units[i];
                    // (A leading surrogate followed by a trailing one is one code point,
                    // neither a control character nor a lone surrogate: c. copies it.)
                    if is_leading_surrogate(unit)
                        && units.get(i + 1).copied().is_some_and(is_trailing_surrogate)
                    {
                        self.units.extend_from_slice(&units[i..i + 2]);
                        i += 2;
                        continue;
                    }
                    self.push_code_unit(unit);
                    i += 1;
                }
            }
        }
        // 3. Set product to the string-concatenation of product and the code unit 0x0022
        //    (QUOTATION MARK).
        self.units.push(u16::from(b'"'));
        // 4. Return product.
        Ok(())
    }

    /// Step 2's body for a code point that is one code unit (room already reserved).
    fn push_code_unit(&mut self, c: u16) {
        // a. If C is listed in the "Code Point" column of Table 75 (JSON Single Character
        //    Escape Sequences), then set product to the string-concatenation of product and
        //    the escape sequence for C.
        if let Some(escape) = single_character_escape(c) {
            self.units.extend([u16::from(b'\\'), u16::from(escape)]);
        // b. Else if C has a numeric value less than 0x0020 (SPACE) or C has the same
        //    numeric value as a leading surrogate or trailing surrogate, then
        } else if c < 0x20 || is_surrogate(c) {
            // i. Let unit be the code unit whose numeric value is the numeric value of C.
            // ii. Set product to the string-concatenation of product and UnicodeEscape(unit).
            self.units.extend(unicode_escape(c));
        // c. Else, set product to the string-concatenation of product and
        //    UTF16EncodeCodePoint(C).
        } else {
            self.units.push(c);
        }
    }
}

/// UnicodeEscape(C).
///
/// Spec: <https://tc39.es/ecma262/#sec-unicodeescape>
fn unicode_escape(c: u16) -> [u16; 6] {
    // 1. Let n be the numeric value of C.
    // 2. Assert: n ≤ 0xFFFF.
    // 3. Let hex be the String representation of n, formatted as a lowercase hexadecimal
    //    number.
    let hex = |shift: u16| -> u16 {
        let digit = (c >> shift) & 0xF;
        if digit < 10 {
            u16::from(b'0') + digit
        } else {
            u16::from(b'a') + digit - 10
        }
    };
    // 4. Return the string-concatenation of the code unit 0x005C (REVERSE SOLIDUS), "u",
    //    and StringPad(hex, 4, "0", start).
    [
        u16::from(b'\\'),
        u16::from(b'u'),
        hex(12),
        hex(8),
        hex(4),
        hex(0),
    ]
}

/// The escape letter of Table 75 (JSON Single Character Escape Sequences) for a code point.
fn single_character_escape(c: u16) -> Option<u8> {
    match c {
        0x08 => Some(b'b'),
        0x09 => Some(b't'),
        0x0A => Some(b'n'),
        0x0C => Some(b'f'),
        0x0D => Some(b'r'),
        0x22 => Some(b'"'),
        0x5C => Some(b'\\'),
        _ => None,
    }
}

/// How many code units QuoteJSONString writes for a code point that is one code unit.
fn escaped_len(c: u16) -> usize {
    if single_character_escape(c).is_some() {
        2
    } else if c < 0x20 || is_surrogate(c) {
        6
    } else {
        1
    }
}

/// How many code units QuoteJSONString writes for UTF-16 text, quotes excluded.
fn utf16_quoted_len(units: &[u16]) -> usize {
    let mut len = 0;
    let mut i = 0;
    while i < units.len() {
        if is_leading_surrogate(units[i])
            && units.get(i + 1).copied().is_some_and(is_trailing_surrogate)
        {
            len += 2;
            i += 2;
        } else {
            len += escaped_len(units[i]);
            i += 1;
        }
    }
    len
}

fn is_leading_surrogate(c: u16) -> bool {
    (0xD800..=0xDBFF).contains(&c)
}

fn is_trailing_surrogate(c: u16) -> bool {
    (0xDC00..=0xDFFF).contains(&c)
}

fn is_surrogate(c: u16) -> bool {
    (0xD800..=0xDFFF).contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(units: &[u16]) -> String {
        let mut output = Output::default();
        let result = output.quote_json_string(&JsString::from(units));
        assert!(result.is_ok());
        String::from_utf16_lossy(&output.units)
    }

    #[test]
    fn quoting_escapes_controls_quotes_and_lone_surrogates_only() {
        let text: Vec<u16> = "a\"\\\u{8}\t\n\u{c}\r\u{1}\u{1f} é€"
            .encode_utf16()
            .collect();
        assert_eq!(quoted(&text), r#""a\"\\\b\t\n\f\r\u0001\u001f é€""#);
        // A pair stays as it is; lone leading and trailing surrogates are escaped.
        assert_eq!(quoted(&[0xD83D, 0xDE00]), "\"\u{1F600}\"");
        assert_eq!(quoted(&[0xD83D, 0x61, 0xDE00]), r#""\ud83da\ude00""#);
        assert_eq!(quoted(&[0xDE00, 0xD83D]), r#""\ude00\ud83d""#);
    }

    #[test]
    fn the_length_known_first_is_the_length_written() {
        for units in [
            &[0xD83D, 0xDE00, 0xD800, 0x22, 0x7F][..],
            &[0xDBFF][..],
            &[0x5C, 0x5C, 0xDC00, 0xDC00][..],
        ] {
            let mut output = Output::default();
            assert!(output.quote_json_string(&JsString::from(units)).is_ok());
            assert_eq!(output.len(), utf16_quoted_len(units) + 2);
        }
    }

    #[test]
    fn the_text_stops_at_the_maximum_string_length() {
        let mut output = Output::default();
        let result = output.push_newline_and_indent(&[0x20; 10], MAX_UNITS / 10 + 1);
        assert!(result.is_err());
        assert_eq!(output.len(), 0);
        assert!(output.push_newline_and_indent(&[0x20; 10], 2).is_ok());
        assert_eq!(output.len(), 21);
    }

    #[test]
    fn indentation_is_depth_copies_of_the_gap() {
        for depth in [0, 1, 2, 3, 7, 8, 33] {
            let mut output = Output::default();
            assert!(
                output
                    .push_newline_and_indent(&[0x61, 0x62, 0x63], depth)
                    .is_ok()
            );
            let expected = format!("\n{}", "abc".repeat(depth));
            assert_eq!(String::from_utf16_lossy(&output.units), expected);
        }
    }
}
