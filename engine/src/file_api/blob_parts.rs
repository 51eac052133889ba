//! The File API's algorithms behind the Blob and File constructors: converting their
//! arguments (`sequence<BlobPart>`, `BlobPropertyBag`) and processing blob parts into bytes.
//!
//! Spec: <https://w3c.github.io/FileAPI/#constructorBlob>

use boa_engine::object::builtins::{JsArrayBuffer, JsDataView, JsTypedArray};
use boa_engine::{Context, JsNativeError, JsObject, JsResult, JsValue, js_string};

use crate::encoding::get_a_copy_of_the_buffer_source;
use crate::file_api::blob::blob_of;
use crate::url::url_search_params_init::{create_a_sequence_from_an_iterable, get_method};
use crate::webidl::conversions::{to_usv_string, type_error};

/// The largest Blob the constructors make, in bytes.
///
/// Deviation: the File API sets no limit; a larger Blob throws a RangeError instead of the
/// agent running out of memory (`new Blob(Array(1e5).fill(big))` is one line of script).
pub(crate) const MAX_BLOB_SIZE: usize = 1 << 29;

/// One element of `sequence<BlobPart>`: `(BufferSource or Blob or USVString)`.
///
/// Spec: <https://w3c.github.io/FileAPI/#typedefdef-blobpart>
pub(crate) enum BlobPart {
    /// A copy of a BufferSource's bytes.
    Bytes(Vec<u8>),
    /// A Blob's bytes (shared, not copied).
    Blob(postern_clone::SharedBytes),
    /// A USVString.
    String(String),
}

/// `EndingType`: how `\n`s in string parts are written.
///
/// Spec: <https://w3c.github.io/FileAPI/#enumdef-endingtype>
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum EndingType {
    /// `"transparent"`: as they are.
    Transparent,
    /// `"native"`: as the platform's line ending.
    Native,
}

/// The members of `BlobPropertyBag` (and of `FilePropertyBag`, which inherits from it).
///
/// Spec: <https://w3c.github.io/FileAPI/#dfn-BlobPropertyBag>
pub(crate) struct BlobPropertyBag {
    /// `DOMString type = ""`.
    pub type_: String,
    /// `EndingType endings = "transparent"`.
    pub endings: EndingType,
    /// `FilePropertyBag`'s `long long lastModified` (read only for a File).
    pub last_modified: Option<i64>,
}

/// Converts the `blobParts` argument to `sequence<BlobPart>`; `required` is whether the
/// argument is required (File's `fileBits`) rather than optional (Blob's `blobParts`).
///
/// Spec: <https://webidl.spec.whatwg.org/#js-sequence>,
/// <https://webidl.spec.whatwg.org/#js-union>
pub(crate) fn convert_blob_parts(
    value: &JsValue,
    interface: &str,
    context: &mut Context,
) -> JsResult<Vec<BlobPart>> {
    // 1. If V is not an Object, throw a TypeError.
    let Some(object) = value.as_object() else {
        return Err(type_error(format!(
            "Failed to construct '{interface}': The provided value cannot be converted to a sequence."
        )));
    };
    // 2. Let method be ? GetMethod(V, %Symbol.iterator%). 3. If undefined, throw a TypeError.
    let Some(method) = get_method(&object, context)? else {
        return Err(type_error(format!(
            "Failed to construct '{interface}': The object must have a callable @@iterator property."
        )));
    };
    // 4. Return the result of creating a sequence from V and method.
    let items = create_a_sequence_from_an_iterable(value, &method, context)?;
    items
        .iter()
        .map(|item| convert_blob_part(item, context))
        .collect()
}

/// Converts one value to `(BufferSource or Blob or USVString)`.
///
/// Spec: <https://webidl.spec.whatwg.org/#js-union>
fn convert_blob_part(value: &JsValue, context: &mut Context) -> JsResult<BlobPart> {
    if let Some(object) = value.as_object() {
        // 4. If V is a platform object: an object that implements Blob.
        if let Some(blob) = blob_of(&object) {
            return Ok(BlobPart::Blob(blob.bytes.clone()));
        }
        // 6-7. An ArrayBuffer, or an ArrayBufferView: the BufferSource.
        if is_buffer_source(&object) {
            let bytes = get_a_copy_of_the_buffer_source(value, "Blob", context)?;
            return Ok(BlobPart::Bytes(bytes));
        }
    }
    // 12-16. Otherwise the string type: the value converted to a USVString.
    Ok(BlobPart::String(to_usv_string(value, context)?))
}

/// Whether `object` is an ArrayBuffer, a typed array or a DataView.
fn is_buffer_source(object: &JsObject) -> bool {
    JsArrayBuffer::from_object(object.clone()).is_ok()
        || JsTypedArray::from_object(object.clone()).is_ok()
        || JsDataView::from_object(object.clone()).is_ok()
}

/// Converts the `options` argument to a `BlobPropertyBag` (`with_last_modified`: a
/// `FilePropertyBag`), reading its members in Web IDL's order: the inherited dictionary's
/// first, each dictionary's in lexicographic order.
///
/// Spec: <https://webidl.spec.whatwg.org/#js-dictionary>
pub(crate) fn convert_blob_property_bag(
    value: &JsValue,
    with_last_modified: bool,
    context: &mut Context,
) -> JsResult<BlobPropertyBag> {
    let mut bag = BlobPropertyBag {
        type_: String::new(),
        endings: EndingType::Transparent,
        last_modified: None,
    };
    // 1. If V is not undefined, null or an Object, throw a TypeError.
    if value.is_null_or_undefined() {
        return Ok(bag);
    }
    let Some(object) = value.as_object() else {
        return Err(type_error(
            "Failed to construct 'Blob': The provided value is not of type 'BlobPropertyBag'.",
        ));
    };
    // BlobPropertyBag: endings, then type.
    let endings = object.get(js_string!("endings"), context)?;
    if !endings.is_undefined() {
        bag.endings = match to_usv_string(&endings, context)?.as_str() {
            "transparent" => EndingType::Transparent,
            "native" => EndingType::Native,
            other => {
                return Err(type_error(format!(
                    "Failed to construct 'Blob': The provided value '{other}' is not a valid enum value of type EndingType."
                )));
            }
        };
    }
    let type_ = object.get(js_string!("type"), context)?;
    if !type_.is_undefined() {
        bag.type_ = type_.to_string(context)?.to_std_string_lossy();
    }
    // FilePropertyBag: lastModified.
    if with_last_modified {
        let last_modified = object.get(js_string!("lastModified"), context)?;
        if !last_modified.is_undefined() {
            bag.last_modified = Some(to_long_long(&last_modified, context)?);
        }
    }
    Ok(bag)
}

/// Web IDL's `long long` conversion (no extended attribute): ToNumber, then non-finite
/// values are 0, the rest truncated and taken modulo 2^64 as a signed integer.
///
/// Spec: <https://webidl.spec.whatwg.org/#js-long-long>
pub(crate) fn to_long_long(value: &JsValue, context: &mut Context) -> JsResult<i64> {
    // 1. Let x be ? ConvertToInt(V, 64, "signed").
    let x = value.to_number(context)?;
    // 8. If x is NaN, +0, −0, +∞, or −∞, then return +0.
    if !x.is_finite() {
        return Ok(0);
    }
    // 9. Set x to IntegerPart(x). 10. Set x to x modulo 2^64.
    // 11. If x ≥ 2^63, return x − 2^64; otherwise x.
    // (`%` on f64 is exact, so the remainder is an exact integer below 2^64 in magnitude.)
    let remainder = (x.trunc() % 18_446_744_073_709_551_616.0) as i128;
    let modulo = remainder.rem_euclid(1 << 64);
    let value = if modulo >= 1 << 63 {
        modulo - (1 << 64)
    } else {
        modulo
    };
    Ok(i64::try_from(value).unwrap_or_default())
}

/// Web IDL's `[Clamp] long long` conversion: ToNumber, NaN is 0, then clamped to the type's
/// range and rounded to the nearest integer, ties to even.
///
/// Spec: <https://webidl.spec.whatwg.org/#abstract-opdef-converttoint> (step 7)
pub(crate) fn to_clamped_long_long(value: &JsValue, context: &mut Context) -> JsResult<i64> {
    let x = value.to_number(context)?;
    // 7.1. If x is not NaN, set x to min(max(x, lowerBound), upperBound).
    // 7.2. Round x to the nearest integer, choosing the even integer if it lies halfway
    //      between two, and choosing +0 rather than −0.
    // 7.3. Return x. (NaN: +0.)
    if x.is_nan() {
        return Ok(0);
    }
    // (`as` saturates to i64's range, which is the clamping.)
    Ok(x.round_ties_even() as i64)
}

/// The `type` a Blob is made with from the `type` option or `slice`'s `contentType`: empty if
/// it holds a code unit outside U+0020 to U+007E, otherwise ASCII-lowercased.
///
/// Spec: <https://w3c.github.io/FileAPI/#constructorBlob> (step 3)
pub(crate) fn normalize_type(t: &str) -> String {
    // 1. If the type member contains any characters outside the range of U+0020 to U+007E,
    //    then set t to the empty string and return from these substeps.
    if t.chars().any(|c| !(' '..='~').contains(&c)) {
        return String::new();
    }
    // 2. Convert every character in t to ASCII lowercase.
    t.to_ascii_lowercase()
}

/// The bytes of `parts`, with `endings` applied to the strings.
///
/// Spec: <https://w3c.github.io/FileAPI/#process-blob-parts>
pub(crate) fn process_blob_parts(parts: Vec<BlobPart>, endings: EndingType) -> JsResult<Vec<u8>> {
    let too_large = || {
        JsNativeError::range()
            .with_message("The Blob would be larger than this user agent allows.")
            .into()
    };
    // 1. Let bytes be an empty sequence of bytes.
    let mut bytes = Vec::new();
    // 2. For each element in parts:
    for element in parts {
        let size = match &element {
            BlobPart::Bytes(b) => b.len(),
            BlobPart::Blob(b) => b.len(),
            BlobPart::String(s) => s.len(),
        };
        if bytes.len().saturating_add(size) > MAX_BLOB_SIZE {
            return Err(too_large());
        }
        match element {
            // 1. If element is a USVString, run the following substeps:
            BlobPart::String(s) => {
                // 1. Let s be element.
                // 2. If the endings member of options is "native", set s to the result of
                //    converting line endings to native of element.
                let s = match endings {
                    EndingType::Native => convert_line_endings_to_native(&s),
                    EndingType::Transparent => s,
                };
                // 3. Append the result of UTF-8 encoding s to bytes.
                bytes.extend_from_slice(s.as_bytes());
            }
            // 2. If element is a BufferSource, get a copy of the bytes held by the buffer
            //    source, and append those bytes to bytes.
            BlobPart::Bytes(b) => bytes.extend_from_slice(&b),
            // 3. If element is a Blob, append the bytes it represents to bytes.
            BlobPart::Blob(b) => bytes.extend_from_slice(&b),
        }
    }
    // (Converting line endings may make a string longer.)
    if bytes.len() > MAX_BLOB_SIZE {
        return Err(too_large());
    }
    // 3. Return bytes.
    Ok(bytes)
}

/// `s` with each CR LF pair and each lone CR or LF written as the native line ending (LF:
/// Postern runs where line endings are LF).
///
/// Spec: <https://w3c.github.io/FileAPI/#convert-line-endings-to-native>
pub(crate) fn convert_line_endings_to_native(s: &str) -> String {
    // 1. Let native line ending be the code point U+000A LF.
    // 2. If the underlying platform's conventions are to represent newlines as a carriage
    //    return and line feed sequence, set native line ending to U+000D CR followed by
    //    U+000A LF. (Not here.)
    let native = '\n';
    // 3. Set result to the empty string.
    let mut result = String::with_capacity(s.len());
    // 4-6. Collect the code points that are not CR or LF, append them; then, while position
    //      is not past the end: a CR (followed by an LF, which is skipped too) or an LF
    //      appends native line ending; then collect and append again.
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                result.push(native);
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
            }
            '\n' => result.push(native),
            c => result.push(c),
        }
    }
    // 7. Return result.
    result
}
