//! The text `JSON.stringify` builds: one buffer that every level appends to, bounded by
//! the maximum string length, and the string quoting steps that write into it.
//!
//! The buffer holds one byte per code unit while every unit fits in Latin-1 (JSON texts
//! are mostly ASCII: the escapes, brackets and numbers always are), and two from the
//! first unit that does not: a text at the maximum length takes 512 MiB rather than 1 GiB.

use boa_engine::JsResult;
use boa_engine::string::{JsStr, JsStrVariant};
use boa_engine::{JsNativeError, JsString};

use crate::html::scripting::string_length::{MAX_STRING_LENGTH, invalid_string_length};

/// The longest text, in code units ([`MAX_STRING_LENGTH`] fits in a usize on every target
/// Postern builds for).
const MAX_UNITS: usize = MAX_STRING_LENGTH as usize;

/// The code units written so far.
enum Units {
    /// Every unit is below 0x100.
    Latin1(Vec<u8>),
    Utf16(Vec<u16>),
}

/// A growing JSON text, never longer than the maximum string length.
pub(super) struct Output {
    units: Units,
}

impl Default for Output {
    fn default() -> Self {
        Output {
            units: Units::Latin1(Vec::new()),
        }
    }
}

/// The RangeError for a buffer the allocator cannot give.
fn out_of_memory() -> boa_engine::JsError {
    // Deviation: a browser's process would run out of memory here; the task gets a
    // RangeError instead.
    JsNativeError::range()
        .with_message("Invalid string length: out of memory")
        .into()
}

/// Grows `units` to hold `needed` units: it doubles as it grows, but never past the maximum.
fn grow<T>(units: &mut Vec<T>, needed: usize) -> JsResult<()> {
    if needed <= units.capacity() {
        return Ok(());
    }
    let target = needed
        .max(units.capacity().saturating_mul(2))
        .min(MAX_UNITS);
    units
        .try_reserve_exact(target - units.len())
        .map_err(|_| out_of_memory())
}

impl Output {
    /// How many code units have been written.
    fn len(&self) -> usize {
        match &self.units {
            Units::Latin1(units) => units.len(),
            Units::Utf16(units) => units.len(),
        }
    }

    /// The text written so far, as a string.
    pub(super) fn into_string(self) -> JsString {
        match &self.units {
            Units::Latin1(units) => JsString::from(JsStr::latin1(units)),
            Units::Utf16(units) => JsString::from(units.as_slice()),
        }
    }

    /// Makes room for `additional` more code units, or the RangeError browsers throw for a
    /// string past the maximum length.
    fn reserve(&mut self, additional: usize) -> JsResult<()> {
        let needed = self
            .len()
            .checked_add(additional)
            .filter(|&n| n <= MAX_UNITS)
            .ok_or_else(invalid_string_length)?;
        match &mut self.units {
            Units::Latin1(units) => grow(units, needed),
            Units::Utf16(units) => grow(units, needed),
        }
    }

    /// Turns a Latin-1 buffer into a UTF-16 one with the same room.
    fn widen(&mut self) -> JsResult<()> {
        if let Units::Latin1(bytes) = &self.units {
            let mut wide = Vec::new();
            wide.try_reserve_exact(bytes.capacity())
                .map_err(|_| out_of_memory())?;
            wide.extend(bytes.iter().map(|&b| u16::from(b)));
            self.units = Units::Utf16(wide);
        }
        Ok(())
    }

    /// Appends code units as they are (room already made).
    fn put(&mut self, text: JsStrVariant<'_>) -> JsResult<()> {
        if let (Units::Latin1(_), JsStrVariant::Utf16(wide)) = (&self.units, text)
            && wide.iter().any(|&u| u > 0xFF)
        {
            self.widen()?;
        }
        match (&mut self.units, text) {
            (Units::Latin1(units), JsStrVariant::Latin1(bytes)) => units.extend_from_slice(bytes),
            (Units::Latin1(units), JsStrVariant::Utf16(wide)) => {
                // (Every unit is below 0x100 here: the cast keeps it.)
                units.extend(wide.iter().map(|&u| u as u8));
            }
            (Units::Utf16(units), JsStrVariant::Latin1(bytes)) => {
                units.extend(bytes.iter().map(|&b| u16::from(b)));
            }
            (Units::Utf16(units), JsStrVariant::Utf16(wide)) => units.extend_from_slice(wide),
        }
        Ok(())
    }

    /// Appends ASCII text.
    pub(super) fn push_ascii(&mut self, text: &str) -> JsResult<()> {
        self.reserve(text.len())?;
        self.put(JsStrVariant::Latin1(text.as_bytes()))
    }

    /// Appends one ASCII character.
    pub(super) fn push_char(&mut self, c: u8) -> JsResult<()> {
        self.reserve(1)?;
        self.put(JsStrVariant::Latin1(&[c]))
    }

    /// Appends a string as it is.
    pub(super) fn push_string(&mut self, string: &JsString) -> JsResult<()> {
        self.reserve(string.len())?;
        self.put(string.variant())
    }

    /// Appends a line feed and `depth` copies of `gap` (an indentation of the spec's
    /// state.[[Indent]], which is `depth` gaps long): never built as a string of its own.
    pub(super) fn push_newline_and_indent(&mut self, gap: &JsString, depth: usize) -> JsResult<()> {
        let indent = gap
            .len()
            .checked_mul(depth)
            .ok_or_else(invalid_string_length)?;
        self.reserve(indent.saturating_add(1))?;
        self.put(JsStrVariant::Latin1(b"\n"))?;
        if depth == 0 || gap.is_empty() {
            return Ok(());
        }
        // (One gap, then the indentation written so far copied after itself until it is
        // long enough: a few large copies rather than `depth` small ones.)
        let start = self.len();
        self.put(gap.variant())?;
        match &mut self.units {
            Units::Latin1(units) => repeat_tail(units, start, indent),
            Units::Utf16(units) => repeat_tail(units, start, indent),
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
        self.put(JsStrVariant::Latin1(b"\""))?;
        // 2. For each code point C of StringToCodePoints(value), do
        //    (Runs of code points that step c copies are copied at once.)
        match value.variant() {
            JsStrVariant::Latin1(bytes) => {
                let mut i = 0;
                while i < bytes.len() {
                    let run = bytes[i..]
                        .iter()
                        .position(|&b| escaped_len(u16::from(b)) != 1)
                        .map_or(bytes.len(), |n| i + n);
                    self.put(JsStrVariant::Latin1(&bytes[i..run]))?;
                    if let Some(&c) = bytes.get(run) {
                        self.put_escaped(u16::from(c))?;
                    }
                    i = run + 1;
                }
            }
            JsStrVariant::Utf16(units) => {
                let mut i = 0;
                while i < units.len() {
                    let mut run = i;
                    while run < units.len() {
                        let unit = units[run];
                        // (A leading surrogate followed by a trailing one is one code
                        // point, neither a control character nor a lone surrogate: c.)
                        if is_leading_surrogate(unit)
                            && units
                                .get(run + 1)
                                .copied()
                                .is_some_and(is_trailing_surrogate)
                        {
                            run += 2;
                        } else if escaped_len(unit) == 1 {
                            run += 1;
                        } else {
                            break;
                        }
                    }
                    self.put(JsStrVariant::Utf16(&units[i..run]))?;
                    if let Some(&c) = units.get(run) {
                        self.put_escaped(c)?;
                    }
                    i = run + 1;
                }
            }
        }
        // 3. Set product to the string-concatenation of product and the code unit 0x0022
        //    (QUOTATION MARK).
        self.put(JsStrVariant::Latin1(b"\""))?;
        // 4. Return product.
        Ok(())
    }

    /// Step 2's body for a code point that is one code unit and needs an escape (room
    /// already made).
    fn put_escaped(&mut self, c: u16) -> JsResult<()> {
        // a. If C is listed in the "Code Point" column of Table 75 (JSON Single Character
        //    Escape Sequences), then set product to the string-concatenation of product and
        //    the escape sequence for C.
        if let Some(escape) = single_character_escape(c) {
            return self.put(JsStrVariant::Latin1(&[b'\\', escape]));
        }
        // b. Else if C has a numeric value less than 0x0020 (SPACE) or C has the same
        //    numeric value as a leading surrogate or trailing surrogate, then
        //    i. Let unit be the code unit whose numeric value is the numeric value of C.
        //    ii. Set product to the string-concatenation of product and UnicodeEscape(unit).
        // c. Else, set product to the string-concatenation of product and
        //    UTF16EncodeCodePoint(C). (The runs copied by the caller.)
        self.put(JsStrVariant::Latin1(&unicode_escape(c)))
    }
}

/// Copies `units[start..]` after itself until it is `len` units long.
fn repeat_tail<T: Copy>(units: &mut Vec<T>, start: usize, len: usize) {
    while units.len() - start < len {
        let written = units.len() - start;
        let chunk = written.min(len - written);
        units.extend_from_within(start..start + chunk);
    }
}

/// UnicodeEscape(C).
///
/// Spec: <https://tc39.es/ecma262/#sec-unicodeescape>
fn unicode_escape(c: u16) -> [u8; 6] {
    // 1. Let n be the numeric value of C.
    // 2. Assert: n ≤ 0xFFFF.
    // 3. Let hex be the String representation of n, formatted as a lowercase hexadecimal
    //    number.
    let hex = |shift: u16| -> u8 {
        let digit = ((c >> shift) & 0xF) as u8;
        if digit < 10 {
            b'0' + digit
        } else {
            b'a' + digit - 10
        }
    };
    // 4. Return the string-concatenation of the code unit 0x005C (REVERSE SOLIDUS), "u",
    //    and StringPad(hex, 4, "0", start).
    [b'\\', b'u', hex(12), hex(8), hex(4), hex(0)]
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

    fn text(output: &Output) -> String {
        match &output.units {
            Units::Latin1(bytes) => bytes.iter().map(|&b| char::from(b)).collect(),
            Units::Utf16(units) => String::from_utf16_lossy(units),
        }
    }

    fn quoted(units: &[u16]) -> String {
        let mut output = Output::default();
        let result = output.quote_json_string(&JsString::from(units));
        assert!(result.is_ok());
        text(&output)
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
        // Latin-1 strings, UTF-16 strings whose units all fit in Latin-1.
        assert_eq!(quoted(&[0x61, 0x0A, 0xE9, 0x7F]), "\"a\\n\u{e9}\u{7f}\"");
    }

    #[test]
    fn the_length_known_first_is_the_length_written() {
        for units in [
            &[0xD83D, 0xDE00, 0xD800, 0x22, 0x7F][..],
            &[0xDBFF][..],
            &[0x5C, 0x5C, 0xDC00, 0xDC00][..],
            &[0x61, 0xE9, 0x01][..],
        ] {
            let mut output = Output::default();
            assert!(output.quote_json_string(&JsString::from(units)).is_ok());
            assert_eq!(output.len(), utf16_quoted_len(units) + 2);
        }
    }

    #[test]
    fn the_buffer_is_latin1_until_a_wider_unit_comes() {
        let mut output = Output::default();
        assert!(output.push_ascii("[").is_ok());
        assert!(output.push_string(&JsString::from("\"é")).is_ok());
        assert!(matches!(output.units, Units::Latin1(_)));
        assert!(
            output
                .quote_json_string(&JsString::from("\u{e9}\u{ff}"))
                .is_ok()
        );
        assert!(matches!(output.units, Units::Latin1(_)));
        assert!(output.quote_json_string(&JsString::from("€")).is_ok());
        assert!(matches!(output.units, Units::Utf16(_)));
        assert!(output.push_char(b']').is_ok());
        assert_eq!(text(&output), "[\"é\"éÿ\"\"€\"]");
        assert_eq!(output.into_string(), JsString::from("[\"é\"éÿ\"\"€\"]"));
    }

    #[test]
    fn the_text_stops_at_the_maximum_string_length() {
        let mut output = Output::default();
        let gap = JsString::from("          ");
        let result = output.push_newline_and_indent(&gap, MAX_UNITS / 10 + 1);
        assert!(result.is_err());
        assert_eq!(output.len(), 0);
        assert!(output.push_newline_and_indent(&gap, 2).is_ok());
        assert_eq!(output.len(), 21);
    }

    #[test]
    fn indentation_is_depth_copies_of_the_gap() {
        for gap in ["abc", "€-"] {
            for depth in [0, 1, 2, 3, 7, 8, 33] {
                let mut output = Output::default();
                let result = output.push_newline_and_indent(&JsString::from(gap), depth);
                assert!(result.is_ok());
                assert_eq!(text(&output), format!("\n{}", gap.repeat(depth)));
            }
        }
    }
}
