//! The maximum string length, in the String methods that make a string many times longer
//! than their input.
//!
//! boa 0.22 allows strings of up to 2^32 − 1 code units and builds `"x".repeat(n)` one piece
//! at a time: `"x".repeat(2 ** 30)` grew the process past 20 GB (and `repeat(2 ** 27)` took
//! 12 s) before anything stopped it. Browsers cap strings (V8 at 2^29 − 24 code units) and
//! throw `RangeError: Invalid string length`. Postern installs, in every realm,
//! `String.prototype.repeat`, `padStart` and `padEnd` that check the result's length against
//! V8's maximum first (and build `repeat`'s result in one allocation), and a `concat` that
//! checks it as each argument is appended (`Array.prototype.join`: `array_join.rs`).
//!
//! Deviation: strings built by the `+` operator (`s += s`), template literals and other
//! built-ins are still bounded only by boa's own maximum; that needs the check in boa's
//! string concatenation itself (docs/reliability.md).

use boa_engine::{
    Context, Finalize, JsData, JsNativeError, JsObject, JsResult, JsString, JsValue,
    NativeFunction, Trace, js_string,
};

use super::builtins::{define_builtin_methods, this_string};
use crate::webidl::conversions::arg;

/// The longest string a script may build here, in UTF-16 code units: V8's.
pub(crate) const MAX_STRING_LENGTH: u64 = (1 << 29) - 24;

/// The RangeError browsers throw for a string past the maximum length.
pub(crate) fn invalid_string_length() -> boa_engine::JsError {
    JsNativeError::range()
        .with_message("Invalid string length")
        .into()
}

/// The realm's own `padStart` and `padEnd`, which the replacements call after their check.
#[derive(Trace, Finalize, JsData)]
struct OriginalPadding {
    pad_start: JsObject,
    pad_end: JsObject,
}

/// Replaces `String.prototype.repeat`, `padStart` and `padEnd` of the current realm.
pub(crate) fn install(context: &mut Context) -> JsResult<()> {
    let prototype = context.intrinsics().constructors().string().prototype();
    let original = |name: &str, context: &mut Context| -> JsResult<JsObject> {
        prototype
            .get(JsString::from(name), context)?
            .as_object()
            .ok_or_else(|| {
                JsNativeError::typ()
                    .with_message("no String padding")
                    .into()
            })
    };
    let originals = OriginalPadding {
        pad_start: original("padStart", context)?,
        pad_end: original("padEnd", context)?,
    };
    context.realm().host_defined_mut().insert(originals);
    let methods: [(&str, usize, NativeFunction); 4] = [
        (
            "concat",
            1,
            NativeFunction::from_fn_ptr(string_prototype_concat),
        ),
        ("repeat", 1, NativeFunction::from_fn_ptr(repeat)),
        ("padStart", 1, NativeFunction::from_fn_ptr(pad_start)),
        ("padEnd", 1, NativeFunction::from_fn_ptr(pad_end)),
    ];
    define_builtin_methods(context, &prototype, methods);
    Ok(())
}

/// `String.prototype.concat(...args)`, with the maximum string length: the arguments are
/// converted in order and the first one that would make the result too long throws (the
/// later ones are not converted, as in V8).
///
/// Spec: <https://tc39.es/ecma262/#sec-string.prototype.concat>
fn string_prototype_concat(
    this: &JsValue,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    // 1. Let O be ? RequireObjectCoercible(this value).
    // 2. Let S be ? ToString(O).
    let string = this_string(this, "concat", context)?;
    // 3. Let R be S (here: its pieces, concatenated once at step 5).
    let mut length = string.len() as u64;
    let mut pieces = vec![string];
    // 4. For each element next of args, do
    for next in args {
        // a. Let nextString be ? ToString(next).
        let next_string = next.to_string(context)?;
        // b. Set R to the string-concatenation of R and nextString.
        length += next_string.len() as u64;
        if length > MAX_STRING_LENGTH {
            return Err(invalid_string_length());
        }
        pieces.push(next_string);
    }
    // 5. Return R.
    let refs: Vec<_> = pieces.iter().map(JsString::as_str).collect();
    Ok(JsString::concat_array(&refs).into())
}

/// `String.prototype.repeat(count)`, with the maximum string length.
///
/// Spec: <https://tc39.es/ecma262/#sec-string.prototype.repeat>
fn repeat(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    // 1. Let O be ? RequireObjectCoercible(this value).
    // 2. Let S be ? ToString(O).
    let string = this_string(this, "repeat", context)?;
    // 3. Let n be ? ToIntegerOrInfinity(count).
    let n = arg(args, 0).to_number(context)?;
    let n = if n.is_nan() { 0.0 } else { n.trunc() };
    // 4. If n < 0 or n = +∞, throw a RangeError exception.
    if n < 0.0 || n.is_infinite() {
        let shown = JsValue::new(n).to_string(context)?.to_std_string_lossy();
        return Err(JsNativeError::range()
            .with_message(format!("Invalid count value: {shown}"))
            .into());
    }
    // 5. If n = 0, return the empty String.
    if n == 0.0 || string.is_empty() {
        return Ok(js_string!().into());
    }
    // (The maximum string length: the result would have S's length × n code units.)
    let total = (string.len() as f64) * n;
    if total > MAX_STRING_LENGTH as f64 {
        return Err(invalid_string_length());
    }
    // 6. Return the String value that is made from n copies of S appended together.
    //    (n ≤ the maximum length here, so the cast is exact.)
    let count = n as usize;
    if let Ok(ascii) = string.to_std_string()
        && ascii.is_ascii()
    {
        return Ok(JsString::from(ascii.repeat(count).as_str()).into());
    }
    let units = string.to_vec().repeat(count);
    Ok(JsString::from(units.as_slice()).into())
}

/// `String.prototype.padStart(maxLength, fillString)`, with the maximum string length.
///
/// Spec: <https://tc39.es/ecma262/#sec-string.prototype.padstart>
fn pad_start(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    pad(this, args, context, "padStart")
}

/// `String.prototype.padEnd(maxLength, fillString)`, with the maximum string length.
///
/// Spec: <https://tc39.es/ecma262/#sec-string.prototype.padend>
fn pad_end(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    pad(this, args, context, "padEnd")
}

/// The padStart/padEnd steps up to StringPaddingBuiltinsImpl's length check, then the
/// engine's own method with the converted arguments (converting them again has no effect).
///
/// Spec: <https://tc39.es/ecma262/#sec-stringpaddingbuiltinsimpl>
fn pad(this: &JsValue, args: &[JsValue], context: &mut Context, method: &str) -> JsResult<JsValue> {
    // 1. Let O be ? RequireObjectCoercible(this value).
    // 2. Let S be ? ToString(O).
    let string = this_string(this, method, context)?;
    // 3. Let intMaxLength be ℝ(? ToLength(maxLength)).
    let max_length = arg(args, 0).to_length(context)?;
    // 4. Let stringLength be the length of S.
    // 5. If intMaxLength ≤ stringLength, return S.
    if max_length <= string.len() as u64 {
        return Ok(string.into());
    }
    // 6. If fillString is undefined, set fillString to " "; else ? ToString(fillString).
    let fill = match args.get(1) {
        None => JsValue::undefined(),
        Some(value) if value.is_undefined() => JsValue::undefined(),
        Some(value) => value.to_string(context)?.into(),
    };
    // 7. If fillString is the empty String, return S.
    if fill.as_string().is_some_and(|f| f.is_empty()) {
        return Ok(string.into());
    }
    // (The maximum string length: the result has intMaxLength code units.)
    if max_length > MAX_STRING_LENGTH {
        return Err(invalid_string_length());
    }
    // 8-10. The engine's own steps, with the converted values (the realm's own method: a
    //       native function runs in the realm it was made in).
    let original = {
        let realm = context.realm().clone();
        let host_defined = realm.host_defined();
        let originals = host_defined
            .get::<OriginalPadding>()
            .ok_or_else(|| JsNativeError::typ().with_message("String padding is unavailable"))?;
        if method == "padStart" {
            originals.pad_start.clone()
        } else {
            originals.pad_end.clone()
        }
    };
    original.call(
        &string.into(),
        &[JsValue::new(max_length as f64), fill],
        context,
    )
}
