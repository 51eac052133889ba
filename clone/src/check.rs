//! The checks a record must pass before a value is built from it, shared by
//! StructuredDeserialize (which checks what it uses) and [`SerializedRecord::validate`]
//! (which checks everything). Each returns the end of a message, to follow a path or a
//! record's position: e.g. `is a BigInt with malformed digits "1x"`.
//!
//! [`SerializedRecord::validate`]: crate::SerializedRecord::validate

use crate::types::ViewKind;

/// What a view's buffer record is, as far as the view's checks need.
#[derive(Clone, Copy, Debug)]
pub(crate) struct BufferShape {
    /// `[[ArrayBufferByteLength]]`.
    pub(crate) byte_length: u64,
    /// Whether it is resizable (or growable), so that a length-tracking view can use it.
    pub(crate) resizable: bool,
}

/// `"a Name"`, or `"an Name"` before A, E, I or O (`"a Uint8Array"`).
pub(crate) fn with_article(name: &str) -> String {
    let vowel = name.chars().next().is_some_and(|c| "AEIOaeio".contains(c));
    format!("{} {name}", if vowel { "an" } else { "a" })
}

/// A BigInt's digits must be `-?[0-9]+`.
pub(crate) fn bigint_digits(digits: &str, what: &str) -> Result<(), String> {
    let magnitude = digits.strip_prefix('-').unwrap_or(digits);
    if !magnitude.is_empty() && magnitude.bytes().all(|b| b.is_ascii_digit()) {
        Ok(())
    } else {
        Err(format!("is {what} with malformed digits {digits:?}"))
    }
}

/// RegExp flags must be letters of `dgimsuvy`, each at most once, and not both `u` and `v`.
pub(crate) fn regexp_flags(flags: &str) -> Result<(), String> {
    let mut seen = 0u8;
    for b in flags.bytes() {
        let bit = match b {
            b'd' => 0,
            b'g' => 1,
            b'i' => 2,
            b'm' => 3,
            b's' => 4,
            b'u' => 5,
            b'v' => 6,
            b'y' => 7,
            _ => return Err(format!("is a RegExp with malformed flags {flags:?}")),
        };
        if seen & (1 << bit) != 0 {
            return Err(format!("is a RegExp with malformed flags {flags:?}"));
        }
        seen |= 1 << bit;
    }
    if seen & 0b110_0000 == 0b110_0000 {
        return Err(format!("is a RegExp with malformed flags {flags:?}"));
    }
    Ok(())
}

/// A resizable ArrayBuffer's byte length must not exceed its maximum.
pub(crate) fn array_buffer_lengths(byte_length: u64, max: Option<u64>) -> Result<(), String> {
    match max {
        Some(max) if byte_length > max => Err(format!(
            "is a resizable ArrayBuffer whose byte length {byte_length} exceeds its maximum {max}"
        )),
        _ => Ok(()),
    }
}

/// A view must start at a multiple of its element size and lie within its buffer; a
/// length-tracking view needs a resizable buffer.
pub(crate) fn view_bounds(
    kind: ViewKind,
    byte_offset: u64,
    length: Option<u64>,
    buffer: BufferShape,
) -> Result<(), String> {
    let name = kind.constructor_name();
    let size = kind.element_size() as u64;
    if !byte_offset.is_multiple_of(size) {
        return Err(format!(
            "is {} whose byte offset {byte_offset} is not a multiple of {size}",
            with_article(name)
        ));
    }
    let end = match length {
        Some(length) => length
            .checked_mul(size)
            .and_then(|n| n.checked_add(byte_offset)),
        None if !buffer.resizable => {
            return Err(format!(
                "is a length-tracking {name} over a buffer that is not resizable"
            ));
        }
        None => Some(byte_offset),
    };
    match end {
        Some(end) if end <= buffer.byte_length => Ok(()),
        _ => Err(format!(
            "is {} that does not fit in its buffer of {} bytes",
            with_article(name),
            buffer.byte_length
        )),
    }
}

/// TimeClip: what a Date can hold (NaN, or an integral time value within ±8.64e15).
pub(crate) fn time_clip(time: f64) -> f64 {
    if !time.is_finite() || time.abs() > 8.64e15 {
        f64::NAN
    } else {
        // + 0.0 turns −0 into +0, as ToIntegerOrInfinity does.
        time.trunc() + 0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags() {
        for ok in ["", "g", "dgimsuy", "gv", "yvsmigd"] {
            assert!(regexp_flags(ok).is_ok(), "{ok}");
        }
        for bad in ["gg", "x", "uv", "G", "g ", "é"] {
            assert!(regexp_flags(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn views() {
        let fixed = BufferShape {
            byte_length: 16,
            resizable: false,
        };
        assert!(view_bounds(ViewKind::Float64, 8, Some(1), fixed).is_ok());
        assert!(view_bounds(ViewKind::Float64, 8, Some(2), fixed).is_err());
        assert!(view_bounds(ViewKind::Float64, 4, Some(1), fixed).is_err());
        assert!(view_bounds(ViewKind::Uint8, 0, None, fixed).is_err());
        assert!(view_bounds(ViewKind::Uint8, 0, Some(u64::MAX), fixed).is_err());
        let resizable = BufferShape {
            byte_length: 16,
            resizable: true,
        };
        assert!(view_bounds(ViewKind::DataView, 16, None, resizable).is_ok());
        assert!(view_bounds(ViewKind::DataView, 17, None, resizable).is_err());
    }

    #[test]
    fn clip() {
        assert!(time_clip(f64::INFINITY).is_nan());
        assert!(time_clip(8.64e15 + 1.0).is_nan());
        assert_eq!(time_clip(1.7).to_bits(), 1.0f64.to_bits());
        assert_eq!(time_clip(-0.0).to_bits(), 0.0f64.to_bits());
    }
}
